#!/usr/bin/env python3
"""table.py - bench/compile/run.sh's measurements as markdown tables.

    python3 bench/compile/table.py WORK PROJECT... -- LEVEL...

Reads WORK/PROJECT/LEVEL/round-N.json (one hyperfine run per build and
round) and WORK/PROJECT/LEVEL/CONFIG/{objects,lib}.size (llvm-size -A) and
the objects themselves. Ratios are taken round by round against the plain
build of the same round, then their median and range are quoted.
"""
import glob
import json
import os
import statistics
import sys

CONFIGS = ["plain", "noroots", "roots", "all"]
SITE_BYTES = 48  # one descriptor in allocguard_sites (runtime/ABI)


def rounds(path):
    out = []
    for f in sorted(glob.glob(os.path.join(path, "round-*.json"))):
        data = json.load(open(f))
        r = {r["command"]: (r["user"] + r["system"], r["mean"])
             for r in data["results"]}
        if all(c in r for c in CONFIGS):  # a round still running is left out
            out.append(r)
    return out


def sections(path):
    """Section name -> bytes, summed over the files llvm-size listed."""
    total = {}
    for line in open(path):
        parts = line.split()
        if len(parts) == 3 and parts[1].isdigit() and parts[0] != "Total":
            total[parts[0]] = total.get(parts[0], 0) + int(parts[1])
    return total


def pick(secs, *prefixes):
    return sum(v for k, v in secs.items()
               if any(k == p or k.startswith(p + ".") or
                      (p.endswith("*") and k.startswith(p[:-1]))
                      for p in prefixes))


def fmt_ratio(values):
    return "%.3f [%.3f–%.3f]" % (statistics.median(values), min(values),
                                  max(values))


def time_table(work, projects, levels):
    print("| unit(s) | level | build | CPU s (median) | CPU ratio to plain, "
          "median [min–max] | wall ratio, median | rounds |")
    print("|---|---|---|---:|---|---:|---:|")
    for project in projects:
        for level in levels:
            rs = rounds(os.path.join(work, project, level))
            if not rs:
                continue
            for c in CONFIGS:
                cpu = statistics.median(r[c][0] for r in rs)
                if c == "plain":
                    print("| %s | %s | plain | %.2f | – | – | %d |"
                          % (project, level, cpu, len(rs)))
                    continue
                cpu_ratio = [r[c][0] / r["plain"][0] for r in rs]
                wall_ratio = [r[c][1] / r["plain"][1] for r in rs]
                print("| %s | %s | %s | %.2f | **%s** | %.3f | %d |"
                      % (project, level, c, cpu, fmt_ratio(cpu_ratio),
                         statistics.median(wall_ratio), len(rs)))


def size_table(work, projects, levels):
    print("| unit(s) | level | build | sites | objects | .text | summary "
          "| summary / objects | site descriptors | .bss | shared library "
          "| library added |")
    print("|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    per_site = []
    for project in projects:
        for level in levels:
            base = os.path.join(work, project, level)
            rows = {}
            for c in CONFIGS:
                d = os.path.join(base, c)
                if not os.path.exists(os.path.join(d, "objects.size")):
                    continue
                objs = sum(os.path.getsize(f)
                           for f in glob.glob(os.path.join(d, "*.o")))
                osec = sections(os.path.join(d, "objects.size"))
                lib = os.path.getsize(os.path.join(d, "lib.so"))
                lsec = sections(os.path.join(d, "lib.size"))
                rows[c] = dict(objs=objs, lib=lib,
                               text=pick(osec, ".text*"),
                               summary=pick(osec, ".allocguard.summary"),
                               sites=pick(osec, "allocguard_sites"),
                               bss=pick(osec, ".bss*"),
                               lib_sites=pick(lsec, "allocguard_sites"),
                               lib_summary=pick(lsec, ".allocguard.summary"))
            if "plain" not in rows:
                continue
            for c in CONFIGS:
                if c not in rows:
                    continue
                r = rows[c]
                print("| %s | %s | %s | %d | %d | %d | %d | %.2f%% | %d | %d "
                      "| %d | %+d |"
                      % (project, level, c, r["sites"] // SITE_BYTES, r["objs"],
                         r["text"], r["summary"],
                         100.0 * r["summary"] / r["objs"], r["sites"],
                         r["bss"], r["lib"], r["lib"] - rows["plain"]["lib"]))
            if "all" in rows and "roots" in rows:
                a, b = rows["all"], rows["roots"]
                n = (a["sites"] - b["sites"]) // SITE_BYTES
                if n > 0:
                    per_site.append((project, level, n,
                                     (a["objs"] - b["objs"]) / n,
                                     (a["lib"] - b["lib"]) / n,
                                     (a["text"] - b["text"]) / n))
    if per_site:
        print()
        print("| unit(s) | level | sites added (all − roots) | object bytes "
              "per site | shared-library bytes per site | of which .text |")
        print("|---|---|---:|---:|---:|---:|")
        for p in per_site:
            print("| %s | %s | %d | %.0f | %.0f | %.0f |" % p)


def main():
    args = sys.argv[1:]
    if len(args) < 3 or "--" not in args:
        sys.exit(__doc__)
    work = args[0]
    split = args.index("--")
    projects, levels = args[1:split], args[split + 1:]
    time_table(work, projects, levels)
    print()
    size_table(work, projects, levels)


if __name__ == "__main__":
    main()
