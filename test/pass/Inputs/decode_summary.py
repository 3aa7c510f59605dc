"""Reference decoder for allocguard TU summaries (docs/summary-format.md,
version 1). Reads a section dump or side file holding records back to back
and prints functions and calls in a stable text form for FileCheck."""
import sys

KINDS = ["call", "alloc", "dealloc", "indirect", "virtual", "external"]
LINKAGES = ["internal", "external", "weak", "declaration"]


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

    def string(self):
        n = self.uleb()
        assert self.pos + n <= self.end, "string past end of record"
        s = self.data[self.pos:self.pos + n].decode()
        self.pos += n
        return s


def decode(data):
    pos = 0
    while pos < len(data):
        if data[pos] == 0:  # alignment padding between records
            pos += 1
            continue
        assert data[pos:pos + 8] == b"AGSUMMRY", "bad magic at %d" % pos
        version = int.from_bytes(data[pos + 8:pos + 12], "little")
        size = int.from_bytes(data[pos + 12:pos + 16], "little")
        assert version == 1, "unknown version %d" % version
        r = Reader(data, pos + 16, pos + 16 + size)
        strings = [r.string() for _ in range(r.uleb())]
        opt = lambda i: strings[i - 1] if i else "-"
        source, flags = strings[r.uleb()], r.uleb()
        print("unit %s debug=%d" % (source, flags & 1))
        funcs = []
        for _ in range(r.uleb()):
            sym, disp, link, fflags, file, line = (r.uleb() for _ in range(6))
            funcs.append(strings[disp])
            tags = ("root " if fflags & 1 else "") + ("allocator " if fflags & 2 else "")
            print("fn %s %s%s %s:%d" % (strings[sym], tags, LINKAGES[link], opt(file), line))
        for _ in range(r.uleb()):
            caller, kind, callee, file, line, col, why = (r.uleb() for _ in range(7))
            print("call %s %s %s %s:%d:%d%s" % (funcs[caller], KINDS[kind],
                  funcs[callee - 1] if callee else "-", opt(file), line, col,
                  " why=" + opt(why) if why else ""))
        assert r.pos == r.end, "trailing bytes in record"
        pos = r.end


decode(open(sys.argv[1], "rb").read())
