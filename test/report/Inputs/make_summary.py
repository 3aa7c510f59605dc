"""Writes allocguard summary records (docs/summary-format.md, version 3, 2 or
1) from a small text description, for the report's resolution tests.

usage: make_summary.py SPEC OUT [PREFIX]
  SPEC    a file; with PREFIX only its lines starting with PREFIX (then a
          colon) are read, so a lit test can carry its own units
  OUT     side file: one record per unit, back to back

Lines (a line starting with # is a comment):
  version N                 records from here on are version N (default 2)
  unit SOURCE [nodebug]     starts a unit (a record)
  fn SYMBOL LINKAGE [FLAG...] [display=TEXT] [at=FILE:LINE]
                            LINKAGE internal|external|weak|declaration,
                            FLAG root|allocator|allocates|deallocates|alloc_free
                            (display: spaces as '~')
  call CALLER KIND [CALLEE|-] [at=FILE:LINE:COL] [type=KEY] [field=KEY]
       [why=TEXT]           KIND call|allocation|deallocation|indirect|
                            virtual|external
  target FUNCTION type=KEY [field=KEY]
  flow FIELD [SOURCE]       no SOURCE: the field is open
  name KEY DISPLAY          (display: spaces as '~')

Every code comes from common/ag_summary_format.h, parsed here, so this
writer cannot drift from the C side."""
import os
import re
import struct
import sys

HEADER = os.path.join(os.path.dirname(__file__), "..", "..", "..", "common",
                      "ag_summary_format.h")


def codes(text, macro):
    body = re.search(r"#define %s\(X\)(.*?)(?:\n\n|\n#)" % macro, text, re.S)
    return {m.group(3): int(m.group(2).rstrip("u"), 0) for m in re.finditer(
        r'X\((\w+),\s*(\w+),\s*"([^"]+)"\)', body.group(1))}


fmt = open(HEADER).read()
LINKAGES = codes(fmt, "AG_SUMMARY_LINKAGES")
KINDS = codes(fmt, "AG_SUMMARY_CALL_KINDS")
FN_FLAGS = codes(fmt, "AG_SUMMARY_FN_FLAGS")
MAGIC = re.search(r'#define AG_SUMMARY_MAGIC "(\w+)"', fmt).group(1).encode()


def uleb(v):
    out = bytearray()
    while True:
        byte = v & 0x7F
        v >>= 7
        out.append(byte | (0x80 if v else 0))
        if not v:
            return bytes(out)


class Unit:
    def __init__(self, source, debug, version):
        self.version = version
        self.strings, self.index = [], {}
        self.source, self.debug = self.s(source), debug
        self.fns, self.fn_index = [], {}
        self.calls, self.targets, self.flows, self.names = [], [], [], []

    def s(self, text):
        if text not in self.index:
            self.index[text] = len(self.strings)
            self.strings.append(text)
        return self.index[text]

    def opt(self, text):
        return 0 if text is None else self.s(text) + 1

    def fn(self, name):
        if name not in self.fn_index:
            sys.exit("unknown function '%s' in unit" % name)
        return self.fn_index[name]

    def payload(self):
        # Functions and calls first: they add strings; the table goes first.
        body = bytearray()
        body += uleb(len(self.fns))
        for f in self.fns:
            body += b"".join(uleb(v) for v in f)
        body += uleb(len(self.calls))
        for c in self.calls:
            body += b"".join(uleb(v) for v in c)
        if self.version >= 2:
            for table in (self.targets, self.flows, self.names):
                body += uleb(len(table))
                for row in table:
                    body += b"".join(uleb(v) for v in row)
        head = bytearray(uleb(len(self.strings)))
        for text in self.strings:
            raw = text.encode()
            head += uleb(len(raw)) + raw
        head += uleb(self.source) + uleb(1 if self.debug else 0)
        return bytes(head + body)

    def record(self):
        payload = self.payload()
        return MAGIC + struct.pack("<II", self.version, len(payload)) + payload


def options(words):
    opts = {}
    rest = []
    for w in words:
        if "=" in w:
            k, v = w.split("=", 1)
            opts[k] = v.replace("~", " ")
        else:
            rest.append(w)
    return rest, opts


def where(text, parts):
    if text is None:
        return [0] + [0] * (parts - 1)
    bits = text.split(":")
    return [bits[0]] + [int(b) for b in bits[1:]]


def main():
    spec, out = sys.argv[1], sys.argv[2]
    prefix = sys.argv[3] + ":" if len(sys.argv) > 3 else None
    units, unit, version = [], None, 2
    for raw in open(spec):
        line = raw.strip()
        if prefix:
            line = line.lstrip("/# ")
            if not line.startswith(prefix):
                continue
            line = line[len(prefix):]
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        words = line.split()
        rest, o = options(words[1:])
        op = words[0]
        if op == "version":
            version = int(rest[0])
        elif op == "unit":
            unit = Unit(rest[0], "nodebug" not in rest[1:], version)
            units.append(unit)
        elif op == "fn":
            sym, link = rest[0], rest[1]
            flags = sum(FN_FLAGS[f] for f in rest[2:])
            file, line_no = where(o.get("at"), 2)
            unit.fn_index[sym] = len(unit.fns)
            unit.fns.append([unit.s(sym), unit.s(o.get("display", sym)),
                             LINKAGES[link], flags,
                             unit.opt(file or None), line_no])
        elif op == "call":
            caller, kind = unit.fn(rest[0]), KINDS[rest[1]]
            callee = rest[2] if len(rest) > 2 and rest[2] != "-" else None
            file, l, col = where(o.get("at"), 3)
            row = [caller, kind, unit.fn(callee) + 1 if callee else 0,
                   unit.opt(file or None), l, col, unit.opt(o.get("why"))]
            if unit.version >= 2 and rest[1] in ("indirect", "virtual"):
                row += [unit.s(o["type"]), unit.opt(o.get("field"))]
            unit.calls.append(row)
        elif op == "target":
            unit.targets.append([unit.fn(rest[0]), unit.s(o["type"]),
                                 unit.opt(o.get("field"))])
        elif op == "flow":
            unit.flows.append([unit.s(rest[0]),
                               unit.opt(rest[1] if len(rest) > 1 else None)])
        elif op == "name":
            unit.names.append([unit.s(rest[0]),
                               unit.s(" ".join(rest[1:]).replace("~", " "))])
        else:
            sys.exit("unknown line: " + line)
    with open(out, "wb") as f:
        for u in units:
            f.write(u.record())


if __name__ == "__main__":
    main()
