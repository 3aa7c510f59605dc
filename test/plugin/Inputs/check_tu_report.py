"""Validates an allocguard per-TU JSON report against the documented schema
(docs/tu-report-schema.md) and prints one line per finding for FileCheck."""
import json
import sys

REQUIRED_HOP = {"caller", "caller_symbol", "callee", "callee_symbol", "file", "line", "column", "through"}
KINDS = {"allocation", "deallocation", "indirect", "virtual", "external"}

with open(sys.argv[1]) as f:
    report = json.load(f)
assert report["schema"] == "allocguard-tu-report", report["schema"]
assert report["version"] == 1, report["version"]
assert isinstance(report["debug_info"], bool)
assert set(report["options"]) == {"severity", "dealloc", "unknown"}
assert report["options"]["unknown"] in ("report", "ignore", "error")
for root in report["roots"]:
    assert {"function", "function_symbol", "file", "line", "column", "findings"} <= set(root)
counts = {"allocation": 0, "deallocation": 0}
for finding in report["findings"]:
    assert finding["kind"] in KINDS, finding["kind"]
    assert finding["path"], "empty path"
    for hop in finding["path"]:
        assert REQUIRED_HOP <= set(hop), hop
        assert hop["through"] is None or isinstance(hop["through"], str), hop
    assert finding["path"][0]["caller"] == finding["root"]
    counts[finding["kind"]] = counts.get(finding["kind"], 0) + 1
    hops = " -> ".join("%s@%s:%d:%d%s" % (h["caller"], h["file"], h["line"], h["column"],
                                         " " + h["through"] if h["through"] else "")
                       for h in finding["path"])
    why = " why=" + finding["why"] if finding["kind"] in ("indirect", "virtual") else ""
    print("%s root=%s callee=%s path=%s%s" % (finding["kind"], finding["root"], finding["callee"], hops, why))
summary = report["summary"]
assert summary["allocations"] == counts["allocation"], summary
assert summary["deallocations"] == counts["deallocation"], summary
print("roots=%s" % ",".join("%s:%d" % (r["function"], r["findings"]) for r in report["roots"]))
