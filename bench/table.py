#!/usr/bin/env python3
"""table.py - print bench/run.sh's measurements as markdown tables.

    python3 bench/table.py OUT_DIR ITERATIONS ROUNDS CLANG

Reads OUT_DIR/inprocess.txt ("build loop ns" per process), whole-LOOP.json
(hyperfine) and instructions.txt ("build loop count"); a missing file drops
its table. Added costs are medians of run-by-run differences against the
plain build: in-process, the builds of one round ran back to back, so a
drift in the machine's speed cancels out.
"""
import json
import os
import statistics
import subprocess
import sys

LOOPS = {
    "malloc": "malloc+free pair, outside any scope",
    "call": "call to a root / nonblocking function",
    "call-no-tail": "the same, a function that cannot end in a tail call",
}
# plain: no allocguard. interposed: the same plain code linked with the
# runtime, whose malloc interposers it then calls. allocguard: the default
# build (checked wrappers and interposers). nointercept: the wrappers only
# (liballocguard_rt_nointercept.a). rtsan: RealtimeSanitizer.
BUILDS = ["plain", "interposed", "allocguard", "nointercept", "rtsan"]


def spread(values):
    if len(values) == 1:
        return "%.2f" % values[0]
    return "%.2f [%.2f–%.2f]" % (statistics.median(values), min(values),
                                 max(values))


def added_table(title, samples, digits):
    """samples[build][loop]: per-round values, round i of every build paired."""
    builds = [b for b in BUILDS if b in samples]
    print("\n%s\n" % title)
    print("| loop | " + " | ".join(builds) + " | " +
          " | ".join("%s adds" % b for b in builds[1:]) +
          " | rtsan adds / allocguard adds |")
    print("|---" * (2 * len(builds) + 1) + "|")
    for loop, label in LOOPS.items():
        row = [label]
        row += [spread(samples[b][loop]) if digits else
                "%d" % samples[b][loop][0] for b in builds]
        adds = {}
        for b in builds[1:]:
            pairs = zip(samples[b][loop], samples["plain"][loop])
            adds[b] = statistics.median(x - p for x, p in pairs)
        base = statistics.median(samples["plain"][loop])
        for b in builds[1:]:
            fmt = "%+.2f (%+.0f%%)" if digits else "%+.0f (%+.0f%%)"
            row.append(fmt % (adds[b], 100 * adds[b] / base)
                       if b in adds else "–")
        ratio = "–"
        # A ratio to an added cost within the noise (under 0.05 ns, or no
        # whole instruction) would be a meaningless huge number.
        if ("rtsan" in adds and "allocguard" in adds and
                adds["allocguard"] >= (0.05 if digits else 1)):
            ratio = "%.1fx" % (adds["rtsan"] / adds["allocguard"])
        print("| " + " | ".join(row + [ratio]) + " |")


def main():
    out, n, rounds, clang = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
    version = subprocess.run([clang, "--version"], capture_output=True,
                             text=True).stdout.splitlines()[0]
    commit = subprocess.run(["git", "describe", "--always", "--dirty"],
                            capture_output=True, text=True).stdout.strip()
    print("allocguard %s; %s; %d iterations per process, %s rounds; %d cores"
          % (commit or "(no git)", version, n, rounds, os.cpu_count()))

    samples = {}
    with open(os.path.join(out, "inprocess.txt")) as f:
        for line in f:
            build, loop, ns = line.split()
            samples.setdefault(build, {}).setdefault(loop, []).append(float(ns))
    added_table("In-process clock (the thread's CPU time around the loop): ns per "
                "iteration, median [min–max]", samples, 2)

    wall, cpu = {}, {}
    for loop in LOOPS:
        path = os.path.join(out, "whole-%s.json" % loop)
        if not os.path.exists(path):
            break
        for result in json.load(open(path))["results"]:
            build = os.path.basename(result["command"].split()[0])
            wall.setdefault(build, {})[loop] = [t * 1e9 / n
                                                for t in result["times"]]
            cpu.setdefault(build, {})[loop] = [
                (result["user"] + result["system"]) * 1e9 / n]
    else:
        added_table("Whole processes (hyperfine), wall time / iterations, "
                    "startup included: ns per iteration, median [min–max]",
                    wall, 2)
        added_table("Whole processes (hyperfine), CPU time (user + sys, mean "
                    "of the runs) / iterations: ns per iteration", cpu, 2)

    counts = {}
    path = os.path.join(out, "instructions.txt")
    if os.path.exists(path) and os.path.getsize(path):
        for line in open(path):
            build, loop, count = line.split()
            counts.setdefault(build, {})[loop] = [int(count)]
        added_table("Instructions per iteration (callgrind; the difference "
                    "of two run lengths)", counts, 0)


if __name__ == "__main__":
    main()
