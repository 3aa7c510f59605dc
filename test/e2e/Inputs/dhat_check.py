#!/usr/bin/env python3
"""dhat_check.py - validate a DHAT file the way dh_view.js reads it, then
print its program points in a stable text form for FileCheck.

    dhat_check.py FILE|DIR [--pid-from-name]

A DIR must hold exactly one file (written through a dhat=DIR/x.%p.json).

Checks, each taken from valgrind's dh_view.js (buildTree, checkPP) or from
what it silently assumes: strict UTF-8 JSON without duplicate keys; every
top-level field buildTree() requires; dhatFileVersion 2; tg/tuth when bklt;
per program point tb, tbk and fs, plus the lifetime fields when bklt and
rb/wb when bkacc; ftbl[0] == "[root]"; every frame index in range and not
0; no two program points with the same frames (the viewer throws "data
file contains a repeated location"). Exits 1 with one line per problem.
"""
import json
import os
import re
import sys

TOP = ["dhatFileVersion", "mode", "verb", "bklt", "bkacc", "tu", "Mtu",
       "cmd", "pid", "te", "pps", "ftbl"]
BKLT_TOP = ["tg", "tuth"]
PP = ["tb", "tbk", "fs"]
BKLT_PP = ["mb", "mbk", "gb", "gbk", "eb", "ebk"]
BKACC_PP = ["rb", "wb"]

problems = []


def fail(msg):
    problems.append(msg)


def no_duplicate_keys(pairs):
    keys = [k for k, _ in pairs]
    for k in set(keys):
        if keys.count(k) > 1:
            fail("duplicate key %r" % k)
    return dict(pairs)


def printable(s):
    """Non-ASCII and control characters as \\uXXXX, for FileCheck."""
    return "".join(c if 32 <= ord(c) < 127 else "\\u%04x" % ord(c) for c in s)


def is_count(v):
    return isinstance(v, int) and not isinstance(v, bool) and v >= 0


def main():
    path = sys.argv[1]
    if os.path.isdir(path):  # the one file a %p path made in it
        files = sorted(os.listdir(path))
        if len(files) != 1:
            sys.exit("%s: expected one file, found %r" % (path, files))
        path = os.path.join(path, files[0])
    raw = open(path, "rb").read()
    try:
        text = raw.decode("utf-8", errors="strict")
    except UnicodeDecodeError as e:
        sys.exit("%s: not UTF-8: %s" % (path, e))
    try:
        d = json.loads(text, object_pairs_hook=no_duplicate_keys)
    except json.JSONDecodeError as e:
        sys.exit("%s: not JSON: %s" % (path, e))

    for f in TOP:
        if f not in d:
            fail("missing top-level field %s" % f)
    if d.get("dhatFileVersion") != 2:
        fail("dhatFileVersion is %r, not 2" % d.get("dhatFileVersion"))
    for f in ("bklt", "bkacc"):
        if not isinstance(d.get(f), bool):
            fail("%s is not a boolean" % f)
    for f in ("mode", "verb", "tu", "Mtu", "cmd"):
        if not isinstance(d.get(f), str) or not d.get(f):
            fail("%s is not a non-empty string" % f)
    if not is_count(d.get("pid")) or not d.get("pid"):
        fail("pid is not a positive integer")
    # The viewer divides by te for every rate it shows.
    if not is_count(d.get("te")) or not d.get("te"):
        fail("te is not a positive integer")
    if d.get("bklt"):
        for f in BKLT_TOP:
            if f not in d:
                fail("bklt is true but %s is missing" % f)

    ftbl = d.get("ftbl", [])
    if not isinstance(ftbl, list) or not ftbl or ftbl[0] != "[root]":
        fail("ftbl does not start with \"[root]\"")
        ftbl = ["[root]"]
    for i, fr in enumerate(ftbl):
        if not isinstance(fr, str):
            fail("ftbl[%d] is not a string" % i)

    seen = {}
    pps = d.get("pps", [])
    if not isinstance(pps, list):
        fail("pps is not an array")
        pps = []
    for i, pp in enumerate(pps):
        need = PP + (BKLT_PP if d.get("bklt") else []) + \
            (BKACC_PP if d.get("bkacc") else [])
        for f in need:
            if f not in pp:
                fail("pps[%d] is missing %s" % (i, f))
        for f in need:
            if f != "fs" and f in pp and not is_count(pp[f]):
                fail("pps[%d].%s is not a count" % (i, f))
        fs = pp.get("fs", [])
        if not isinstance(fs, list) or not fs:
            fail("pps[%d].fs is not a non-empty array" % i)
            continue
        for j in fs:
            if not is_count(j) or j == 0 or j >= len(ftbl):
                fail("pps[%d].fs has bad frame index %r" % (i, j))
        key = tuple(fs)
        if key in seen:
            fail("pps[%d] repeats the frames of pps[%d]" % (i, seen[key]))
        seen[key] = i

    if len(sys.argv) > 2 and sys.argv[2] == "--pid-from-name":
        m = re.search(r"(\d+)\.json$", path)
        if not m or int(m.group(1)) != d.get("pid"):
            fail("pid %r does not match the file name %s" % (d.get("pid"), path))

    if problems:
        for p in problems:
            print("%s: %s" % (path, p), file=sys.stderr)
        sys.exit(1)

    print("header: mode=%s verb=%s bklt=%s bkacc=%s tu=%s Mtu=%s" % (
        d["mode"], d["verb"], json.dumps(d["bklt"]), json.dumps(d["bkacc"]),
        d["tu"], d["Mtu"]))
    print("cmd: %s" % d["cmd"])
    print("totals: %d bytes in %d blocks at %d program points" % (
        sum(pp["tb"] for pp in pps), sum(pp["tbk"] for pp in pps), len(pps)))
    lines = []
    for pp in pps:
        frames = " | ".join(printable(ftbl[j]) for j in pp["fs"])
        lines.append("pp: %s: %d bytes in %d blocks" % (frames, pp["tb"],
                                                        pp["tbk"]))
    for line in sorted(lines):
        print(line)


if __name__ == "__main__":
    main()
