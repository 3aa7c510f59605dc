"""Checks a SARIF log against the official SARIF 2.1.0 JSON schema (from the
fetched multitool package) and reads the multitool's own validation log:
prints the number of schema and validator errors, for FileCheck.

usage: check_sarif.py SCHEMA SARIF VALIDATION_LOG"""
import json
import sys

import jsonschema

with open(sys.argv[1]) as f:
    schema = json.load(f)
with open(sys.argv[2]) as f:
    log = json.load(f)
validator = jsonschema.Draft7Validator(schema)
errors = sorted(validator.iter_errors(log), key=lambda e: list(e.path))
for error in errors:
    print("schema error at %s: %s" % ("/".join(map(str, error.path)), error.message))
print("schema errors: %d" % len(errors))

with open(sys.argv[3]) as f:
    validation = json.load(f)
found = 0
for run in validation["runs"]:
    rules = run["tool"]["driver"].get("rules", [])
    for result in run.get("results", []):
        level = result.get("level", "warning")
        if level == "error":
            found += 1
            print("validator error %s: %s" % (result["ruleId"], json.dumps(result["message"])))
print("validator errors: %d" % found)
results = log["runs"][0]["results"]
print("results: %d" % len(results))
print("rules: %s" % " ".join(r["id"] for r in log["runs"][0]["tool"]["driver"]["rules"]))
