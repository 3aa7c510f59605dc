"""Writes a broken input for allocguard-report's bad-input tests.

usage: corrupt.py MODE OUT [IN]
  truncate IN      the first half of a side file
  version IN       the record's format version set to 7 (unknown)
  garbage IN       the record followed by bytes that are not a record
  object IN        an object whose .allocguard.summary record says version 9
  huge-count       a string count of 2^32+5
  uleb-overflow    an integer of more than 64 bits
  bad-index        a function naming string 7 of 1
  string-past-end  a string longer than the record
  ar-truncated IN  an archive holding IN, cut inside its member
  section-offset IN  an ELF object whose summary section starts past its end
  thin-self        a thin archive that lists itself
  v2-no-tables     a version 2 record that ends after its calls
  v2-target-index  a target naming function 5 of 1
  v2-call-type     an indirect call whose type key is string 9 of 3
  v2-flow-count    a flow count larger than the record
  v2-flags         function flags 64 (bits no version defines)
  v1-kb-flags      a version 1 record with a version 2 function flag
  v2-flow-bomb     5000 targets in one field that 4000 fields (each called
                   through) receive from: 20 million candidates
  v4-shared        a string sharing more than the string before it has
  v4-expand        1000 strings that each repeat a 10000-byte one: 10 MB
                   from 13 KB
  v4-group         a caller whose group holds more calls than counted
  v4-caller        a caller past the function table
  v4-callee        a callee delta past the function table
  v4-noloc-file    a call with no location and a file
  cols-zlib IN     a record in deflated columns (IN, version 5 or 6) with
                   a byte of its zlib stream changed
  cols-cut IN      ... with its zlib stream's last 8 bytes cut off
  cols-bomb IN     ... saying its columns inflate to 2^40 bytes
  cols-longer IN   ... saying they inflate to one byte more than they do
  cols-sizes IN    ... whose column sizes add up to more than there is
  v5-callee        a version 5 record whose one call's callee is past
                   the function table
  v5-trailing      one with a byte left over in its call line column
  v6-callee        a version 6 record whose one call's callee is past
                   the function table
  v6-count         a version 6 record with more functions than strings
                   (each function's symbol is the string of its index)
  v6-symbol        a version 6 record with a byte in the symbol column,
                   which version 6 leaves empty"""
import os
import struct
import sys

# One encoder and the header's magic, from the well-formed writer.
sys.dont_write_bytecode = True  # no __pycache__ in the source tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from make_summary import MAGIC, codes, fmt, uleb  # noqa: E402
import zlib  # noqa: E402

COLUMNS = sorted(codes(fmt, "AG_SUMMARY_V5_COLUMNS").items(), key=lambda c: c[1])


def record(payload, version=1):
    return MAGIC + struct.pack("<II", version, len(payload)) + payload


mode, out = sys.argv[1], sys.argv[2]
data = open(sys.argv[3], "rb").read() if len(sys.argv) > 3 else b""
if mode == "truncate":
    result = data[: len(data) // 2]
elif mode == "version":
    result = data[:8] + struct.pack("<I", 7) + data[12:]
elif mode == "garbage":
    result = data + b"not a record at all"
elif mode == "object":
    at = data.index(MAGIC)
    result = data[: at + 8] + struct.pack("<I", 9) + data[at + 12 :]
elif mode == "huge-count":
    result = record(uleb(2**32 + 5) + b"\0" * 8)
elif mode == "uleb-overflow":
    result = record(b"\xff" * 9 + b"\x7f" + b"\0" * 8)
elif mode == "bad-index":
    strings = uleb(1) + uleb(3) + b"a.c"
    result = record(strings + uleb(0) + uleb(0) + uleb(1) + uleb(7) + b"\0" * 8)
elif mode == "string-past-end":
    result = record(uleb(1) + uleb(50) + b"abc")
elif mode == "ar-truncated":
    name = b"member.o/".ljust(16)
    header = name + b"0".ljust(12) + b"0".ljust(6) + b"0".ljust(6) + \
        b"644".ljust(8) + str(len(data)).encode().ljust(10) + b"`\n"
    result = (b"!<arch>\n" + header + data)[: 8 + 60 + len(data) // 2]
elif mode == "section-offset":
    result = bytearray(data)
    shoff = struct.unpack_from("<Q", data, 0x28)[0]
    shentsize, shnum, shstrndx = struct.unpack_from("<HHH", data, 0x3A)
    names = struct.unpack_from("<Q", data, shoff + shstrndx * shentsize + 0x18)[0]
    for i in range(shnum):
        at = shoff + i * shentsize
        name = struct.unpack_from("<I", data, at)[0] + names
        if data[name:data.index(b"\0", name)] == b".allocguard.summary":
            struct.pack_into("<Q", result, at + 0x18, 0x7FFFFFFF0000)
elif mode == "thin-self":
    def header(name, size):
        return name.ljust(16).encode() + b"0".ljust(12) + b"0".ljust(6) + \
            b"0".ljust(6) + b"644".ljust(8) + str(size).encode().ljust(10) + b"`\n"
    names = os.path.basename(out).encode() + b"/\n"
    result = b"!<thin>\n" + header("//", len(names)) + names + header("/0", 1000)
elif mode == "v2-flow-bomb":
    names = [b"a.c", b"p()", b"big"] + [b"f%d" % i for i in range(5000)] + \
        [b"k%d" % i for i in range(4000)]
    strings = uleb(len(names)) + b"".join(uleb(len(t)) + t for t in names)
    fns = uleb(5000) + b"".join(uleb(3 + i) * 2 + uleb(1) + uleb(0) * 3
                                for i in range(5000))
    calls = uleb(4000) + b"".join(uleb(0) + uleb(3) + uleb(0) * 5 + uleb(1) +
                                  uleb(5003 + i + 1) for i in range(4000))
    targets = uleb(5000) + b"".join(uleb(i) + uleb(1) + uleb(3) for i in range(5000))
    flows = uleb(4000) + b"".join(uleb(5003 + i) + uleb(3) for i in range(4000))
    result = record(strings + uleb(0) + uleb(0) + fns + calls + targets + flows +
                    uleb(0), 2)
elif mode.startswith("v2-") or mode.startswith("v1-"):
    # strings a.c f p(); unit a.c; one function f (external).
    strings = uleb(3) + b"".join(uleb(len(t)) + t for t in (b"a.c", b"f", b"p()"))
    flags = {"v2-flags": 64, "v1-kb-flags": 4}.get(mode, 0)
    head = strings + uleb(0) + uleb(0) + uleb(1) + \
        uleb(1) + uleb(1) + uleb(1) + uleb(flags) + uleb(0) + uleb(0)
    calls = uleb(0)
    tables = uleb(0) + uleb(0) + uleb(0)
    if mode == "v2-no-tables":
        tables = b""
    elif mode == "v2-target-index":
        tables = uleb(1) + uleb(5) + uleb(2) + uleb(0) + uleb(0) + uleb(0)
    elif mode == "v2-call-type":
        calls = uleb(1) + b"".join(uleb(v) for v in (0, 3, 0, 0, 0, 0, 0, 9, 0))
    elif mode == "v2-flow-count":
        tables = uleb(0) + uleb(1000) + b"\0\0"
    result = record(head + calls + (b"" if mode.startswith("v1-") else tables),
                    1 if mode.startswith("v1-") else 2)
elif mode.startswith("v4-"):
    # Version 4 (compact): strings a.c f p() (front-coded, nothing shared); unit
    # a.c; one function f (external, no location); calls; empty tables.
    table = [(0, b"a.c"), (0, b"f"), (0, b"p()")]
    if mode == "v4-shared":
        table[1] = (5, b"")
    elif mode == "v4-expand":
        table = [(0, b"a.c"), (0, b"f" * 10000)] + [(10000, b"")] * 1000 + \
            [(0, b"p()")]
    strings = uleb(len(table)) + b"".join(uleb(k) + uleb(len(t)) + t
                                          for k, t in table)
    fns = uleb(1) + uleb(1 | 16) + uleb(1)  # external, no location; symbol f
    call = uleb(32) + uleb(0)               # a call, no location, to itself
    calls = {"v4-group": uleb(1) + uleb(0) + uleb(2) + call,
             "v4-caller": uleb(1) + uleb(1) + uleb(1) + call,
             "v4-callee": uleb(1) + uleb(0) + uleb(1) + uleb(32) + uleb(2),
             "v4-noloc-file": uleb(1) + uleb(0) + uleb(1) + uleb(32 | 8) +
             uleb(0) + uleb(1)}.get(mode, uleb(1) + uleb(0) + uleb(1) + call)
    result = record(strings + uleb(0) + uleb(0) + fns + calls + uleb(0) * 3, 4)
elif mode in ("v5-callee", "v5-trailing", "v6-callee", "v6-count", "v6-symbol"):
    # Versions 5 and 6: the v4 modes' unit, each field in its column. One
    # call, no location, from f to itself (the -callee modes: to function
    # 1 of 1). Version 6 implies f's symbol (string 0) and numbers the
    # callee; version 5 names the symbol and gives the callee as a delta.
    v6 = mode.startswith("v6-")
    table = [(0, b"f"), (0, b"a.c"), (0, b"p()")] if v6 else \
        [(0, b"a.c"), (0, b"f"), (0, b"p()")]
    functions = 4 if mode == "v6-count" else 1
    cols = {"main": uleb(3) + b"".join(uleb(k) + uleb(len(t)) + t
                                       for k, t in table) +
            uleb(1 if v6 else 0) + uleb(0) + uleb(functions) + uleb(1) +
            uleb(0) * 3,
            "function head": uleb(1 | 16) * functions,
            "call group": uleb(0) + uleb(1), "call head": uleb(32),
            "call callee": uleb({"v5-callee": 2, "v6-callee": 1}.get(mode, 0))}
    if not v6 or mode == "v6-symbol":
        cols["function symbol"] = uleb(1 if not v6 else 0)
    if mode == "v5-trailing":
        cols["call line"] = uleb(0)
    columns = [cols.get(name, b"") for name, _ in COLUMNS]
    inflated = b"".join(uleb(len(c)) for c in columns) + b"".join(columns)
    result = record(uleb(len(inflated)) + zlib.compress(inflated), 6 if v6 else 5)
elif mode.startswith("cols-"):
    # The plugin's record of IN (a side file), changed.
    version, size = struct.unpack_from("<II", data, 8)
    assert version in (5, 6), "cols- modes need a record in deflated columns"
    payload = data[16:16 + size]
    at = 0
    while payload[at] & 0x80:
        at += 1
    inflated_size, stream = payload[:at + 1], payload[at + 1:]
    if mode == "cols-zlib":
        stream = stream[:len(stream) // 2] + bytes([stream[len(stream) // 2] ^ 0x55]) + \
            stream[len(stream) // 2 + 1:]
    elif mode == "cols-cut":
        stream = stream[:-8]
    elif mode == "cols-bomb":
        inflated_size = uleb(2**40)
    elif mode == "cols-longer":
        inflated_size = uleb(len(zlib.decompress(stream)) + 1)
    elif mode == "cols-sizes":
        inflated = zlib.decompress(stream)
        n, main = 0, 0
        while True:  # the main column's size, made 1000 larger
            main |= (inflated[n] & 0x7F) << (7 * n)
            n += 1
            if not inflated[n - 1] & 0x80:
                break
        inflated = uleb(main + 1000) + inflated[n:]
        stream = zlib.compress(inflated)
        inflated_size = uleb(len(inflated))
    result = record(inflated_size + stream, version)
else:
    sys.exit("unknown mode " + mode)
open(out, "wb").write(result)
