"""Reference decoder for allocguard TU summaries (docs/summary-format.md,
versions 1 to 6). Reads a section dump or side file holding records back
to back and prints functions, calls, targets, flows and names in a stable
text form for FileCheck. Every constant and code comes from
common/ag_summary_format.h, parsed here, so the decoder cannot drift from
the writer."""
import os
import re
import sys
import zlib

HEADER = os.path.join(os.path.dirname(os.path.abspath(__file__)),
                      "..", "..", "..", "common", "ag_summary_format.h")


def load_format(path):
    text = open(path).read().replace("\\\n", " ")
    defines = dict(re.findall(r"^#define (AG_SUMMARY_\w+) +(\"[^\"]*\"|\d+)u?(?=\s|$)",
                              text, re.M))
    value = lambda name: (defines[name].strip('"') if defines[name].startswith('"')
                          else int(defines[name]))
    tables = {}
    for name, body in re.findall(r"^#define (AG_SUMMARY_\w+)\(X\)(.*)$", text, re.M):
        tables[name] = [(int(v), s) for _, v, s in
                        re.findall(r"X\((\w+), *(\d+)u?, *\"([^\"]*)\"\)", body)]
    return value, tables


value, tables = load_format(HEADER)
MAGIC = value("AG_SUMMARY_MAGIC").encode()
VERSION, VERSION_MIN = value("AG_SUMMARY_VERSION"), value("AG_SUMMARY_VERSION_MIN")
COMPACT = value("AG_SUMMARY_VERSION_COMPACT")
COLUMNS = value("AG_SUMMARY_VERSION_COLUMNS")
IMPLIED = value("AG_SUMMARY_VERSION_IMPLIED")
COLUMN_NAMES = [name for _, name in sorted(tables["AG_SUMMARY_V5_COLUMNS"])]
KINDS = dict(tables["AG_SUMMARY_CALL_KINDS"])
LINKAGES = dict(tables["AG_SUMMARY_LINKAGES"])
FN_FLAGS = tables["AG_SUMMARY_FN_FLAGS"]
KIND_INDIRECT = [v for v, s in KINDS.items() if s == "indirect"][0]
KIND_VIRTUAL = [v for v, s in KINDS.items() if s == "virtual"][0]
V4 = {name[len("AG_SUMMARY_V4_"):]: value(name) for name in
      ("AG_SUMMARY_V4_FN_LINKAGE_MASK", "AG_SUMMARY_V4_FN_DISPLAY",
       "AG_SUMMARY_V4_FN_FILE", "AG_SUMMARY_V4_FN_NOLOC",
       "AG_SUMMARY_V4_FN_FLAGS_SHIFT", "AG_SUMMARY_V4_CALL_KIND_MASK",
       "AG_SUMMARY_V4_CALL_FILE", "AG_SUMMARY_V4_CALL_WHY",
       "AG_SUMMARY_V4_CALL_NOLOC")}


class Reader:
    def __init__(self, data, pos, end):
        self.data, self.pos, self.end = data, pos, end

    def uleb(self):
        value, shift = 0, 0
        while True:
            assert self.pos < self.end, "uleb past end of record"
            byte = self.data[self.pos]
            self.pos += 1
            value |= (byte & 0x7F) << shift
            if not byte & 0x80:
                return value
            shift += 7
            assert shift < 70, "uleb too long"

    def zigzag(self):
        v = self.uleb()
        return -(v >> 1) - 1 if v & 1 else v >> 1

    def string(self):
        n = self.uleb()
        assert self.pos + n <= self.end, "string past end of record"
        s = self.data[self.pos:self.pos + n].decode()
        self.pos += n
        return s


class Columns:
    """Version 5: each field from its column (`col(name)`); before it, one
    stream for everything."""

    def __init__(self, data, pos, end, version):
        self.single = Reader(data, pos, end)
        self.readers = {}
        if version < COLUMNS:
            return
        r = self.single
        size = r.uleb()
        inflated = zlib.decompress(data[r.pos:end])
        assert len(inflated) == size, "inflated size differs from the record's"
        r = Reader(inflated, 0, len(inflated))
        sizes = [r.uleb() for _ in COLUMN_NAMES]
        at = r.pos
        for name, n in zip(COLUMN_NAMES, sizes):
            self.readers[name] = Reader(inflated, at, at + n)
            at += n
        assert at == len(inflated), "column sizes do not add up"

    def col(self, name):
        return self.readers.get(name, self.single)

    def done(self):
        readers = list(self.readers.values()) or [self.single]
        return all(r.pos == r.end for r in readers)


def decode(data):
    pos = 0
    while pos < len(data):
        if data[pos] == 0:  # alignment padding between records
            pos += 1
            continue
        assert data[pos:pos + len(MAGIC)] == MAGIC, "bad magic at %d" % pos
        version = int.from_bytes(data[pos + 8:pos + 12], "little")
        size = int.from_bytes(data[pos + 12:pos + 16], "little")
        assert VERSION_MIN <= version <= VERSION, "unknown version %d" % version
        print("version %d" % version)
        cols = Columns(data, pos + 16, pos + 16 + size, version)
        r = main = cols.col("main")
        if version >= COMPACT:
            strings = []
            for _ in range(r.uleb()):
                shared = r.uleb()
                assert not strings or shared <= len(strings[-1]), "shared prefix too long"
                strings.append((strings[-1][:shared] if strings else "") + r.string())
        else:
            strings = [r.string() for _ in range(r.uleb())]
        opt = lambda i: strings[i - 1] if i else "-"
        source, flags = r.uleb(), r.uleb()
        print("unit %s debug=%d" % (strings[source], flags & 1))
        funcs, lines = [], []
        base_file, base_line = source + 1, 0
        for _ in range(r.uleb()):
            if version >= COMPACT:
                head = cols.col("function head").uleb()
                sym = (len(funcs) if version >= IMPLIED
                       else cols.col("function symbol").uleb())
                link = head & V4["FN_LINKAGE_MASK"]
                fflags = head >> V4["FN_FLAGS_SHIFT"]
                disp = r.uleb() if head & V4["FN_DISPLAY"] else sym
                if head & V4["FN_NOLOC"]:
                    file, line = 0, 0
                else:
                    if head & V4["FN_FILE"]:
                        base_file = r.uleb()
                    base_line += cols.col("function line").zigzag()
                    file, line = base_file, base_line
            else:
                sym, disp, link, fflags, file, line = (r.uleb() for _ in range(6))
            funcs.append(strings[disp])
            lines.append(line)
            tags = "".join(name + " " for bit, name in FN_FLAGS if fflags & bit)
            print("fn %s %s%s %s:%d" % (strings[sym], tags, LINKAGES[link], opt(file), line))
        calls = r.uleb()
        caller, left, base_file, base_line = -1, 0, source + 1, 0
        for _ in range(calls):
            if version >= COMPACT:
                if not left:
                    caller += 1 + cols.col("call group").uleb()
                    left = cols.col("call group").uleb()
                    assert left, "caller with no calls"
                    if version >= IMPLIED:
                        base_line = lines[caller]
                left -= 1
                head = cols.col("call head").uleb()
                kind = head & V4["CALL_KIND_MASK"]
                if kind in (KIND_INDIRECT, KIND_VIRTUAL):
                    callee = 0
                elif version >= IMPLIED:
                    callee = cols.col("call callee").uleb() + 1
                else:
                    callee = caller + cols.col("call callee").zigzag() + 1
                why = r.uleb() + 1 if head & V4["CALL_WHY"] else 0
                file, line, col = 0, 0, 0
                if not head & V4["CALL_NOLOC"]:
                    if head & V4["CALL_FILE"]:
                        base_file = r.uleb()
                    base_line += cols.col("call line").zigzag()
                    file, line, col = base_file, base_line, cols.col("call column").uleb()
            else:
                caller, kind, callee, file, line, col, why = (r.uleb() for _ in range(7))
            keys = ""
            if version >= 2 and kind in (KIND_INDIRECT, KIND_VIRTUAL):
                keys_r = cols.col("call keys")
                type_key, field_key = keys_r.uleb(), keys_r.uleb()
                keys = " type=%s field=%s" % (strings[type_key], opt(field_key))
            print("call %s %s %s %s:%d:%d%s%s" % (funcs[caller], KINDS[kind],
                  funcs[callee - 1] if callee else "-", opt(file), line, col,
                  " why=" + opt(why) if why else "", keys))
        if version >= 2:
            for _ in range(r.uleb()):
                fn, type_key, field_key = r.uleb(), r.uleb(), r.uleb()
                print("target %s %s %s" % (funcs[fn], strings[type_key], opt(field_key)))
            for _ in range(r.uleb()):
                field_key, source_key = r.uleb(), r.uleb()
                print("flow %s <- %s" % (strings[field_key],
                                         opt(source_key) if source_key else "open"))
            for _ in range(r.uleb()):
                key, display = r.uleb(), r.uleb()
                print("name %s = %s" % (strings[key], strings[display]))
        assert cols.done(), "trailing bytes in record"
        pos = pos + 16 + size


decode(open(sys.argv[1], "rb").read())
