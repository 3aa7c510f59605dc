"""Validates an allocguard-report JSON report against docs/report-schema.json
and the rules the schema cannot say, then prints one stable line per root,
finding and unknown call for FileCheck.

usage: check_report.py SCHEMA REPORT"""
import json
import sys

import jsonschema

with open(sys.argv[1]) as f:
    schema = json.load(f)
with open(sys.argv[2]) as f:
    report = json.load(f)
jsonschema.validate(report, schema)

def check_finding(finding, violation):
    assert (finding["kind"] in ("allocation", "deallocation")) == violation, finding
    path = finding["path"]
    assert path[0]["caller"] == finding["root"], finding
    for a, b in zip(path, path[1:]):  # hops chain: each callee calls the next
        assert a["callee_symbol"] == b["caller_symbol"], (a, b)
    assert path[-1]["callee"] == finding["callee"], finding
    assert (finding["status"] == "suppressed") == ("suppression" in finding), finding
    hops = " -> ".join("%s@%s:%d:%d%s" % (h["caller"], h["file"], h["line"], h["column"],
                                          " [%s]" % h["through"] if h.get("through") else "")
                       for h in path)
    assert finding["count"] == 1 + len(finding["also"]) or len(finding["also"]) == 3, finding
    also = "".join(" also=%s@%s:%d:%d" % (a["caller"], a["file"], a["line"], a["column"])
                   for a in finding["also"])
    print("%s %s %s root=%s callee=%s path=%s%s%s" % (
        "finding" if violation else "unknown", finding["kind"], finding["status"],
        finding["root"], finding["callee"], hops,
        " count=%d" % finding["count"] if finding["count"] > 1 else "", also))

for root in report["roots"]:
    print("root %s %s new=%d/%d/%d baselined=%d suppressed=%d" % (
        root["function"], root["status"], root["new"]["allocations"],
        root["new"]["deallocations"], root["new"]["unknown"],
        root["baselined"], root["suppressed"]))
for finding in report["findings"]:
    check_finding(finding, True)
for finding in report["unknown_calls"]:
    check_finding(finding, False)
fingerprints = [f["fingerprint"] for f in report["findings"] + report["unknown_calls"]]
assert len(fingerprints) == len(set(fingerprints)), "fingerprints are not unique"
new = sum(1 for f in report["findings"] if f["status"] == "new")
summary = report["summary"]
assert summary["allocations"] + summary["deallocations"] == new, summary
print("summary roots=%d failing=%d gate=%s" % (summary["roots"], summary["failing_roots"],
                                              summary["gate"]))
