// RUN: rm -rf %t && mkdir -p %t/side && cd %t
// RUN: cd %S && %clang -g %agload -mllvm -allocguard-summary=%t/side -c bad-inputs.c -o %t/with-side.o 2>/dev/null && cd %t
// RUN: cd %S && %clang -g %agload -c bad-inputs.c -o %t/good.o 2>/dev/null && cd %t
// RUN: cp side/bad-inputs.c.allocguard.sum good.sum
// RUN: %python %S/Inputs/corrupt.py truncate truncated.sum good.sum
// RUN: %python %S/Inputs/corrupt.py version v7.sum good.sum
// RUN: %python %S/Inputs/corrupt.py garbage garbage.sum good.sum
// RUN: %python %S/Inputs/corrupt.py object v9.o good.o
// RUN: %python %S/Inputs/corrupt.py huge-count huge.sum
// RUN: %python %S/Inputs/corrupt.py uleb-overflow uleb.sum
// RUN: %python %S/Inputs/corrupt.py bad-index index.sum
// RUN: %python %S/Inputs/corrupt.py string-past-end string.sum
// RUN: %python %S/Inputs/corrupt.py ar-truncated truncated.a good.o
// RUN: %python %S/Inputs/corrupt.py section-offset badsection.o good.o
// RUN: %python %S/Inputs/corrupt.py thin-self self.a
// RUN: sh -c 'for m in v2-no-tables v2-target-index v2-call-type v2-flow-count v2-flags v1-kb-flags v2-flow-bomb; do %python %S/Inputs/corrupt.py $m $m.sum; done'
// RUN: sh -c 'for m in v4-shared v4-expand v4-group v4-caller v4-callee v4-noloc-file v5-callee v5-trailing v6-callee v6-count v6-symbol; do %python %S/Inputs/corrupt.py $m $m.sum; done'
// RUN: sh -c 'for m in cols-zlib cols-cut cols-bomb cols-longer cols-sizes; do %python %S/Inputs/corrupt.py $m $m.sum good.sum; done'
// RUN: echo 'int x;' > notes.txt && touch empty.o
// RUN: sh -c '%agreport good.o truncated.sum; echo "exit status $?"' 2>&1 | FileCheck --check-prefix=TRUNCATED %s
// RUN: sh -c '%agreport v7.sum; echo "exit status $?"' 2>&1 | FileCheck --check-prefix=VERSION %s
// RUN: sh -c '%agreport garbage.sum; echo "exit status $?"' 2>&1 | FileCheck --check-prefix=GARBAGE %s
// RUN: sh -c '%agreport v9.o; echo "exit status $?"' 2>&1 | FileCheck --check-prefix=OBJECT %s
// RUN: sh -c '%agreport huge.sum; echo "exit status $?"' 2>&1 | FileCheck --check-prefix=HUGE %s
// RUN: sh -c '%agreport uleb.sum; echo "exit status $?"' 2>&1 | FileCheck --check-prefix=ULEB %s
// RUN: sh -c '%agreport index.sum; echo "exit status $?"' 2>&1 | FileCheck --check-prefix=INDEX %s
// RUN: sh -c '%agreport string.sum; echo "exit status $?"' 2>&1 | FileCheck --check-prefix=STRING %s
// RUN: sh -c '%agreport truncated.a; echo "exit status $?"' 2>&1 | FileCheck --check-prefix=ARCHIVE %s
// RUN: sh -c '%agreport badsection.o; echo "exit status $?"' 2>&1 | FileCheck --check-prefix=SECTION %s
// RUN: sh -c '%agreport self.a; echo "exit status $?"' 2>&1 | FileCheck --check-prefix=SELF %s
// RUN: sh -c 'for m in v2-no-tables v2-target-index v2-call-type v2-flow-count v2-flags v1-kb-flags v2-flow-bomb; do %agreport $m.sum; echo "exit status $?"; done' 2>&1 | FileCheck --check-prefix=V2 %s
// RUN: sh -c 'for m in v4-shared v4-expand v4-group v4-caller v4-callee v4-noloc-file; do %agreport $m.sum; echo "exit status $?"; done' 2>&1 | FileCheck --check-prefix=V4 %s
// RUN: sh -c 'for m in cols-zlib cols-cut cols-bomb cols-longer cols-sizes v5-callee v5-trailing v6-callee v6-count v6-symbol; do %agreport $m.sum; echo "exit status $?"; done' 2>&1 | FileCheck --check-prefix=V5 %s
// RUN: sh -c '%agreport good.o notes.txt; echo "exit status $?"' 2>&1 | FileCheck --check-prefix=TEXT %s
// RUN: sh -c '%agreport good.o missing.o; echo "exit status $?"' 2>&1 | FileCheck --check-prefix=MISSING %s
// RUN: sh -c '%agreport good.o side; echo "exit status $?"' 2>&1 | FileCheck --check-prefix=DIR %s
// RUN: sh -c '%agreport empty.o; echo "exit status $?"' 2>&1 | FileCheck --check-prefix=EMPTY %s
// RUN: cd %S && %clang -I%S/../../include -c bad-inputs.c -o %t/plain.o && cd %t
// RUN: sh -c '%agreport plain.o; echo "exit status $?"' 2>&1 | FileCheck --check-prefix=PLAIN %s
// RUN: sh -c '%agreport plain.o good.o > /dev/null; echo "exit status $?"' 2>&1 | FileCheck --check-prefix=PLAINTOO %s
//
// Baselines and suppression files: the file, the line, what is wrong.
// RUN: printf 'allocguard-baseline v1\n0123456789abcdef ok\n12345 too short\n' > short.base
// RUN: printf '# a comment\nsomething else\n' > header.base
// RUN: printf 'allocguard-baseline v7\n' > v7.base
// RUN: printf 'allocguard-baseline v1\n0123456789abcdef\0\n' > nul.base
// RUN: sh -c '%agreport --baseline=short.base good.o; echo "exit status $?"' 2>&1 | FileCheck --check-prefix=BASE-SHORT %s
// RUN: sh -c '%agreport --baseline=header.base good.o; echo "exit status $?"' 2>&1 | FileCheck --check-prefix=BASE-HEADER %s
// RUN: sh -c '%agreport --baseline=v7.base good.o; echo "exit status $?"' 2>&1 | FileCheck --check-prefix=BASE-V7 %s
// RUN: sh -c '%agreport --baseline=nul.base good.o; echo "exit status $?"' 2>&1 | FileCheck --check-prefix=BASE-NUL %s
// RUN: sh -c '%agreport --baseline=missing.base good.o; echo "exit status $?"' 2>&1 | FileCheck --check-prefix=BASE-MISSING %s
// RUN: printf 'callee:free # ok\nfunction:malloc # no such kind\n' > kind.supp
// RUN: printf '\n\npath:a >  > b # empty name\n' > empty.supp
// RUN: sh -c '%agreport --suppressions=kind.supp good.o; echo "exit status $?"' 2>&1 | FileCheck --check-prefix=SUPP-KIND %s
// RUN: sh -c '%agreport --suppressions=empty.supp good.o; echo "exit status $?"' 2>&1 | FileCheck --check-prefix=SUPP-EMPTY %s
// Intent: truncated, corrupt or hostile summaries (version 2's keys and
// tables, version 4's front-coded strings and call groups, version 5's
// zlib stream and columns, version 6's implied symbols included),
// files that are not objects, missing files and bad
// baseline or suppression lines each give one error naming the file, the
// offset or line, and what is wrong; exit status 2, never a crash.
#include <allocguard.h>
#include <stdlib.h>

ALLOCGUARD_ALLOC_FREE void work(void) { free(malloc(1)); }

// TRUNCATED: allocguard-report: error: truncated.sum, offset 0: record of {{[0-9]+}} payload bytes runs past the end ({{[0-9]+}} bytes left): truncated
// TRUNCATED-NEXT: exit status 2
// VERSION: allocguard-report: error: v7.sum, offset 0: summary format version 7 is not supported (this allocguard-report reads versions 1 to 6; a newer plugin wrote it?)
// VERSION-NEXT: exit status 2
// V2: allocguard-report: error: v2-no-tables.sum, offset 37: record ends after its calls (version 2 has targets, flows and names next)
// V2-NEXT: exit status 2
// V2-NEXT: allocguard-report: error: v2-target-index.sum, offset 38: target function 5 is out of range (must be below 1)
// V2-NEXT: exit status 2
// V2-NEXT: allocguard-report: error: v2-call-type.sum, offset 44: call type key string 9 is out of range (must be below 3)
// V2-NEXT: exit status 2
// V2-NEXT: allocguard-report: error: v2-flow-count.sum, offset 38: flow count 1000 is out of range (must be below 3)
// V2-NEXT: exit status 2
// V2-NEXT: allocguard-report: error: v2-flags.sum, offset 33: function flags 64 is out of range (must be below 32)
// V2-NEXT: exit status 2
// V2-NEXT: allocguard-report: error: v1-kb-flags.sum, offset 33: function flags 4 is out of range (must be below 4)
// V2-NEXT: exit status 2
// V2-NEXT: allocguard-report: error: indirect-call resolution needs more than 17353216 candidates for 4000 calls and 5000 targets: the summaries' flows make too many fields hold too many functions (corrupt input?)
// V2-NEXT: exit status 2
// V4: allocguard-report: error: v4-shared.sum, offset 22: shared prefix 5 is out of range (must be below 4)
// V4-NEXT: exit status 2
// V4-NEXT: allocguard-report: error: v4-expand.sum, offset {{[0-9]+}}: strings expand to more than the format allows
// V4-NEXT: exit status 2
// V4-NEXT: allocguard-report: error: v4-group.sum, offset 37: calls of a caller 2 is out of range (must be below 2)
// V4-NEXT: exit status 2
// V4-NEXT: allocguard-report: error: v4-caller.sum, offset 36: caller delta 1 is out of range (must be below 1)
// V4-NEXT: exit status 2
// V4-NEXT: allocguard-report: error: v4-callee.sum, offset 39: callee is out of range (must be below 1)
// V4-NEXT: exit status 2
// V4-NEXT: allocguard-report: error: v4-noloc-file.sum, offset 40: call has no location and a file
// V4-NEXT: exit status 2
// V5: allocguard-report: error: cols-zlib.sum, offset {{[0-9]+}}: zlib stream is corrupt
// V5-NEXT: exit status 2
// V5-NEXT: allocguard-report: error: cols-cut.sum, offset {{[0-9]+}}: zlib stream is truncated
// V5-NEXT: exit status 2
// V5-NEXT: allocguard-report: error: cols-bomb.sum, offset 16: columns would inflate to more than the format allows
// V5-NEXT: exit status 2
// V5-NEXT: allocguard-report: error: cols-longer.sum, offset {{[0-9]+}}: columns inflate to less than the size the record gives
// V5-NEXT: exit status 2
// V5-NEXT: allocguard-report: error: cols-sizes.sum, offset {{[0-9]+}}: column sizes do not add up to the inflated size
// V5-NEXT: exit status 2
// V5-NEXT: allocguard-report: error: v5-callee.sum, offset 0, column 'call callee', byte 0 once inflated: callee is out of range (must be below 1)
// V5-NEXT: exit status 2
// V5-NEXT: allocguard-report: error: v5-trailing.sum, offset 0, column 'call line', byte 0 once inflated: trailing bytes in the column
// V5-NEXT: exit status 2
// V5-NEXT: allocguard-report: error: v6-callee.sum, offset 0, column 'call callee', byte 0 once inflated: callee 1 is out of range (must be below 1)
// V5-NEXT: exit status 2
// V5-NEXT: allocguard-report: error: v6-count.sum, offset 0, column 'main', byte {{[0-9]+}} once inflated: function count 4 is out of range (must be below 4)
// V5-NEXT: exit status 2
// V5-NEXT: allocguard-report: error: v6-symbol.sum, offset 0, column 'function symbol', byte 0 once inflated: trailing bytes in the column
// V5-NEXT: exit status 2
// GARBAGE: allocguard-report: error: garbage.sum, offset {{[0-9]+}}: not a summary record (bad magic or truncated header)
// GARBAGE-NEXT: exit status 2
// OBJECT: allocguard-report: error: v9.o: section .allocguard.summary, offset 0: summary format version 9 is not supported
// OBJECT-NEXT: exit status 2
// HUGE: allocguard-report: error: huge.sum, offset 16: string count 4294967301 is out of range (must be below 14)
// HUGE-NEXT: exit status 2
// ULEB: allocguard-report: error: uleb.sum, offset 16: integer overflows 64 bits
// ULEB-NEXT: exit status 2
// INDEX: allocguard-report: error: index.sum, offset 24: function symbol string 7 is out of range (must be below 1)
// INDEX-NEXT: exit status 2
// STRING: allocguard-report: error: string.sum, offset 18: string runs past the end of the record
// STRING-NEXT: exit status 2
// ARCHIVE: allocguard-report: error: truncated.a, offset 8: member of {{[0-9]+}} bytes runs past the end of the archive
// ARCHIVE-NEXT: exit status 2
// SECTION: allocguard-report: error: badsection.o: corrupt object file: {{.+}}
// SECTION-NEXT: exit status 2
// SELF: allocguard-report: error: self.a(self.a): a thin archive that includes itself
// SELF-NEXT: exit status 2
// TEXT: allocguard-report: error: notes.txt: not an object file, archive or summary file: {{.+}}
// TEXT-NEXT: exit status 2
// MISSING: allocguard-report: error: missing.o: cannot open: No such file or directory
// MISSING-NEXT: exit status 2
// DIR: allocguard-report: error: side: not a regular file (a directory)
// DIR-NEXT: exit status 2
// EMPTY: allocguard-report: error: empty.o: empty file
// EMPTY-NEXT: exit status 2
// PLAIN: allocguard-report: error: no allocguard summaries in the inputs: compile with -fpass-plugin=allocguard.so
// PLAIN-NEXT: exit status 2
// PLAINTOO: allocguard-report: warning: plain.o: no allocguard summary (compiled without the plugin?)
// PLAINTOO-NEXT: exit status 1

// BASE-SHORT: allocguard-report: error: short.base:3: expected a 16-digit hex fingerprint, found '12345 too short'
// BASE-SHORT-NEXT: exit status 2
// BASE-HEADER: allocguard-report: error: header.base:2: not an allocguard baseline (the first line must be 'allocguard-baseline v1')
// BASE-HEADER-NEXT: exit status 2
// BASE-V7: allocguard-report: error: v7.base:1: baseline format 'v7' is not supported (this allocguard-report reads v1)
// BASE-V7-NEXT: exit status 2
// BASE-NUL: allocguard-report: error: nul.base:2: NUL byte in a text file
// BASE-NUL-NEXT: exit status 2
// BASE-MISSING: allocguard-report: error: missing.base: cannot open: No such file or directory
// BASE-MISSING-NEXT: exit status 2
// SUPP-KIND: allocguard-report: error: kind.supp:2: expected root:NAME, callee:NAME or path:A>B, found 'function:malloc'
// SUPP-KIND-NEXT: exit status 2
// SUPP-EMPTY: allocguard-report: error: empty.supp:3: empty function name in 'path:a >  > b'
// SUPP-EMPTY-NEXT: exit status 2
