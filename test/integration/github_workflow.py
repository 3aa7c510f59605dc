"""github_workflow.py - examples/github-actions/allocguard.yml, run here:
the report, job-summary and gate steps execute with bash as the runner would
(GITHUB_OUTPUT, GITHUB_STEP_SUMMARY, their `if:` conditions) on the Makefile
example's program, and the upload step is checked to publish the SARIF the
report step writes. The steps that install and build are the user's own.

  1. no baseline: the summary shows ❌, the SARIF has the finding, the gate
     fails the job;
  2. a baseline from the command in the file's banner: the gate passes;
  3. a new allocation: the gate fails again;
  4. a missing program: the report step itself fails (status 2), nothing
     is published.

  CLANG=... PLUGIN=... REPORT=... RUNTIME=... INCLUDE=... EXAMPLE=examples/make \
  WORKFLOW=examples/github-actions/allocguard.yml WORK=/tmp/x python3 github_workflow.py
"""
import os
import re
import shutil
import subprocess
import sys

import yaml

ENV = {k: os.environ[k] for k in
       ("CLANG", "PLUGIN", "REPORT", "RUNTIME", "INCLUDE", "EXAMPLE",
        "WORKFLOW", "WORK")}


def fail(msg):
    sys.exit("FAIL: " + msg)


def check(cond, msg):
    if not cond:
        fail(msg)


def build(ws, extra_malloc=False):
    """The Makefile example's three files, compiled with the plugin into
    ws/build/app (the workflow's PROGRAM)."""
    os.makedirs(os.path.join(ws, "build"), exist_ok=True)
    objs = []
    for unit in ("synth", "mixer", "names"):
        src = os.path.join(ws, unit + ".c")
        shutil.copy(os.path.join(ENV["EXAMPLE"], unit + ".c"), src)
        if extra_malloc and unit == "mixer":
            text = open(src).read().replace(
                "const char *name = bus_name(0);",
                "const char *name = bus_name(0);\n  free(malloc((size_t)frames));")
            open(src, "w").write("#include <stdlib.h>\n" + text)
        obj = os.path.join(ws, "build", unit + ".o")
        subprocess.run([ENV["CLANG"], "-g", "-O2", "-I" + ENV["INCLUDE"],
                        "-fplugin=" + ENV["PLUGIN"], "-fpass-plugin=" + ENV["PLUGIN"],
                        "-c", src, "-o", obj], check=True, stderr=subprocess.DEVNULL)
        objs.append(obj)
    subprocess.run([ENV["CLANG"]] + objs + [ENV["RUNTIME"], "-lpthread", "-o",
                    os.path.join(ws, "build", "app")], check=True)


def condition(expr, outputs):
    """The few GitHub expression forms the workflow uses; anything else
    raises, so a new form must be taught here, not silently taken as true."""
    expr = expr.strip()
    if expr.startswith("${{"):
        expr = expr[3:-2].strip()
    expr = expr.replace("!cancelled()", "True").replace("&&", " and ")
    expr = expr.replace("||", " or ")
    expr = re.sub(r"steps\.(\w+)\.outputs\.(\w+)",
                  lambda m: repr(outputs.get(m.group(1), {}).get(m.group(2), "")),
                  expr)
    return eval(expr, {"__builtins__": {}}, {"True": True})


def run_job(workflow, ws, program):
    """Runs the steps after the build. Returns (failed step or None,
    step outputs, step summary text, names of the steps that ran)."""
    env = dict(os.environ)
    env.update({k: str(v) for k, v in workflow["env"].items()})
    env["PROGRAM"] = program
    env["GITHUB_WORKSPACE"] = ws
    env["PATH"] = os.path.dirname(ENV["REPORT"]) + os.pathsep + env["PATH"]
    summary = os.path.join(ws, "step_summary.md")
    open(summary, "w").close()
    env["GITHUB_STEP_SUMMARY"] = summary
    for f in ("allocguard.sarif", "allocguard.md"):
        if os.path.exists(os.path.join(ws, f)):
            os.remove(os.path.join(ws, f))
    outputs, ran, failed = {}, [], None
    steps = workflow["jobs"]["allocguard"]["steps"]
    start = [i for i, s in enumerate(steps) if s.get("id") == "report"][0]
    for step in steps[start:]:
        if "if" in step and not condition(step["if"], outputs):
            continue
        if failed and "if" not in step:
            continue  # success() is the default condition
        ran.append(step.get("id") or step.get("uses"))
        if "uses" in step:
            continue
        out_file = os.path.join(ws, "github_output")
        open(out_file, "w").close()
        env["GITHUB_OUTPUT"] = out_file
        r = subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail",
                            "-c", step["run"]], cwd=ws, env=env,
                           stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        outputs[step.get("id", "")] = dict(
            line.split("=", 1) for line in open(out_file).read().splitlines())
        if r.returncode != 0 and not failed:
            failed = step.get("id") or step["name"]
    return failed, outputs, open(summary).read(), ran


def main():
    workflow = yaml.safe_load(open(ENV["WORKFLOW"]))
    steps = workflow["jobs"]["allocguard"]["steps"]
    check(workflow["permissions"].get("security-events") == "write",
          "upload-sarif needs permissions: security-events: write")
    upload = [s for s in steps if str(s.get("uses", "")).startswith(
        "github/codeql-action/upload-sarif@")]
    check(len(upload) == 1, "no github/codeql-action/upload-sarif step")
    report = [s for s in steps if s.get("id") == "report"][0]["run"]
    check("--sarif=" + upload[0]["with"]["sarif_file"] in report,
          "the upload step does not publish the file the report step writes")
    check("--fail-on=new" in report and '--baseline="$BASELINE"' in report,
          "the report step does not gate on new findings with a baseline")

    ws = os.path.join(ENV["WORK"], "workspace")
    shutil.rmtree(ENV["WORK"], ignore_errors=True)
    os.makedirs(ws)
    build(ws)
    app = "build/app"

    failed, out, summary, ran = run_job(workflow, ws, app)
    check(out["report"].get("status") == "1", "1: report status %r" % out["report"])
    check("❌" in summary and "render" in summary, "1: summary:\n" + summary)
    check(upload[0]["uses"] in ran, "1: the SARIF was not uploaded")
    check("strdup" in open(os.path.join(ws, "allocguard.sarif")).read(),
          "1: the SARIF lacks the finding")
    check(failed == "gate", "1: the job failed at %r, expected the gate" % failed)

    baseline = os.path.join(ws, workflow["env"]["BASELINE"])
    os.makedirs(os.path.dirname(baseline), exist_ok=True)
    subprocess.run([ENV["REPORT"], "--fail-on=none", "--write-baseline=" + baseline,
                    app], cwd=ws, check=True, stdout=subprocess.DEVNULL)
    failed, out, summary, ran = run_job(workflow, ws, app)
    check(out["report"].get("status") == "0", "2: report status %r" % out["report"])
    check(failed is None and "gate" not in ran, "2: the baselined job failed")
    check("render" in summary, "2: summary:\n" + summary)

    build(ws, extra_malloc=True)
    failed, out, summary, ran = run_job(workflow, ws, app)
    check(failed == "gate" and "malloc" in summary,
          "3: a new malloc: failed at %r; summary:\n%s" % (failed, summary))

    failed, out, summary, ran = run_job(workflow, ws, "build/missing")
    check(out["report"].get("status") == "2" and failed == "report",
          "4: a missing program: status %r, failed at %r" % (out["report"], failed))
    check(ran == ["report"], "4: steps after a bad input ran: %r" % ran)
    print("github workflow: gate fails, baseline passes, new finding fails, bad input stops")


main()
