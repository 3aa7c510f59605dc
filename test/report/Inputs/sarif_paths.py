"""Prints each SARIF result with its thread flow, one line per location,
for FileCheck: 'result RULE LEVEL file:line:col MESSAGE', then 'flow ...'
lines and the fingerprint. URIs relative to SRCROOT print as they are."""
import json
import sys

with open(sys.argv[1]) as f:
    log = json.load(f)
run = log["runs"][0]
rules = run["tool"]["driver"]["rules"]

def where(location):
    phys = location["physicalLocation"]
    region = phys.get("region", {})
    return "%s:%s:%s" % (phys["artifactLocation"]["uri"], region.get("startLine", 0),
                         region.get("startColumn", 0))

for result in run["results"]:
    assert rules[result["ruleIndex"]]["id"] == result["ruleId"], result
    state = result.get("baselineState", "")
    suppressed = " suppressed=" + result["suppressions"][0]["justification"] \
        if "suppressions" in result else ""
    print("result %s %s %s %s%s%s" % (result["ruleId"], result["level"],
                                      where(result["locations"][0]),
                                      result["message"]["text"],
                                      " " + state if state else "", suppressed))
    for flow in result["codeFlows"][0]["threadFlows"][0]["locations"]:
        print("  flow %s %s" % (where(flow["location"]), flow["location"]["message"]["text"]))
    print("  fingerprint %s" % result["partialFingerprints"]["allocguardPath/v1"])
