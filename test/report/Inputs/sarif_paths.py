"""Prints each SARIF result for FileCheck: 'result RULE LEVEL file:line:col
MESSAGE', then the first code flow's locations as 'flow ...' lines, each
further code flow as a 'path MESSAGE' line and its 'flow' lines, each
related location as 'related ID file:line:col MESSAGE STATUS', and the
fingerprint. URIs relative to SRCROOT print as they are."""
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
    suppressed = "".join(" suppressed=" + s["justification"]
                         for s in result.get("suppressions", []))
    print("result %s %s %s %s%s%s" % (result["ruleId"], result["level"],
                                      where(result["locations"][0]),
                                      result["message"]["text"],
                                      " " + state if state else "", suppressed))
    for i, flow in enumerate(result["codeFlows"]):
        if i:
            print("  path %s" % flow["message"]["text"])
        for step in flow["threadFlows"][0]["locations"]:
            print("  flow %s %s" % (where(step["location"]), step["location"]["message"]["text"]))
    for related in result.get("relatedLocations", []):
        print("  related %d %s %s %s path-fingerprint=%s" % (
            related["id"], where(related), related["message"]["text"],
            related["properties"]["status"], related["properties"]["fingerprint"]))
    print("  fingerprint %s" % result["partialFingerprints"]["allocguardSite/v1"])
