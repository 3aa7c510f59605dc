// RUN: rm -rf %t && mkdir -p %t && cd %t
// RUN: %python %S/Inputs/make_summary.py %s p.sum SPEC
// RUN: sh -c '%agreport --source-root=/src --json=r.json --sarif=r.sarif --write-baseline=b.txt p.sum > r.txt; echo "exit status $?"' | FileCheck --check-prefix=EXIT0 %s
// RUN: FileCheck --match-full-lines %s < r.txt
// RUN: %python %S/Inputs/check_report.py %S/../../docs/report-schema.json r.json | FileCheck --check-prefix=JSON %s
// RUN: FileCheck --check-prefix=BASE %s < b.txt
// RUN: %python %S/Inputs/sarif_paths.py r.sarif > sarif.txt
// RUN: sh -c '%agreport --fail-on-unknown p.sum > /dev/null; echo "exit status $?"' | FileCheck --check-prefix=EXIT1 %s
// RUN: sh -c '%agreport --fail-on-unknown --fail-on=new --baseline=b.txt p.sum > /dev/null; echo "exit status $?"' | FileCheck --check-prefix=EXIT0 %s
// RUN: sh -c '%agreport --fail-on-unknown --fail-on=none p.sum > /dev/null; echo "exit status $?"' | FileCheck --check-prefix=EXIT0 %s
// RUN: sh -c '%agreport --fail-on-unknown --no-unknown p.sum; echo "exit status $?"' 2>&1 | FileCheck --check-prefix=USAGE %s
// RUN: not %agreport --fail-on-unknown --format=json p.sum | FileCheck --check-prefix=GATE %s
// RUN: %python %S/Inputs/make_summary.py %s clash.sum CSPEC
// RUN: not %agreport --source-root=/src clash.sum | FileCheck --check-prefix=CLASH --match-full-lines %s
// Intent: calls allocguard cannot follow are one warning per call in the
// root that leads to them, with the count and the first few (each still
// its own baseline entry); a baselined call never hides a new one; they
// fail the gate only with --fail-on-unknown (which honours --fail-on and
// the baseline); the summary line always counts them. Two allocations
// whose headlines would read the same at the same call name their sites.

// SPEC: unit /src/a.c
// SPEC: fn handler external root at=/src/a.c:1
// SPEC: fn parse external at=/src/a.c:10
// SPEC: fn emit external at=/src/a.c:20
// SPEC: fn ext1 declaration
// SPEC: fn ext2 declaration
// SPEC: fn ext3 declaration
// SPEC: fn ext4 declaration
// SPEC: call handler call parse at=/src/a.c:2:3
// SPEC: call handler indirect - at=/src/a.c:3:3 type=v(i32)
// SPEC: call parse external ext1 at=/src/a.c:11:3
// SPEC: call parse indirect - at=/src/a.c:12:3 type=v(i32)
// SPEC: call parse external ext2 at=/src/a.c:13:3
// SPEC: call parse call emit at=/src/a.c:14:3
// SPEC: call emit external ext3 at=/src/a.c:21:3
// SPEC: call emit external ext4 at=/src/a.c:22:3

// Five unknown calls through parse() (emit()'s two included) make one
// warning, after the call in the root (found first, breadth-first).
// CHECK:      a.c:3:3: warning: alloc_free function 'handler' makes an indirect call that allocguard cannot follow (no function of type 'v(i32)' has its address taken in any input) [-Wallocguard-unknown]
// CHECK-NEXT: a.c:2:3: warning: alloc_free function 'handler' may reach a function allocguard cannot see into: call to 'parse' reaches 'ext1', and 4 more calls allocguard cannot follow [-Wallocguard-unknown]
// CHECK-NEXT: a.c:11:3: note: 'parse' calls 'ext1', which allocguard cannot see into (not defined in any input and not in its knowledge base)
// CHECK-NEXT: a.c:12:3: note: also 'parse' makes an indirect call that allocguard cannot follow (no function of type 'v(i32)' has its address taken in any input)
// CHECK-NEXT: a.c:13:3: note: also 'parse' calls 'ext2', which allocguard cannot see into (not defined in any input and not in its knowledge base)
// CHECK-NEXT: a.c:21:3: note: also 'emit' calls 'ext3', which allocguard cannot see into (not defined in any input and not in its knowledge base)
// CHECK-NEXT: a.c:2:3: note: and 1 more
// CHECK-NEXT: allocguard-report: 1 alloc_free root, 0 reach the heap; 6 calls could not be followed
// CHECK-NOT: {{.}}

// JSON: root handler pass new=0/0/6 baselined=0 suppressed=0
// JSON-NEXT: unknown indirect new root=handler callee=None path=handler@a.c:3:3
// JSON-NEXT: unknown external new root=handler callee=ext1 path=handler@a.c:2:3 -> parse@a.c:11:3 count=5 also=parse@a.c:12:3 also=parse@a.c:13:3 also=emit@a.c:21:3
// JSON-NEXT: summary roots=1 failing=0 gate=pass

// BASE: indirect handler -> (unknown target)
// BASE-NEXT: external handler -> ext1
// BASE-NEXT: indirect handler -> (unknown target)
// BASE-NEXT: external handler -> ext2
// BASE-NEXT: external handler -> ext3
// BASE-NEXT: external handler -> ext4

// EXIT0: exit status 0
// EXIT1: exit status 1
// USAGE: allocguard-report: error: --fail-on-unknown needs the calls allocguard cannot follow: drop --no-unknown
// USAGE-NEXT: exit status 2
// GATE: "fail_on_unknown": true
// GATE: "summary": {{.*}}"unfollowed": 6, {{.*}}"gate": "fail"}

// CSPEC: unit /src/b.c
// CSPEC: fn cb external root at=/src/b.c:1
// CSPEC: fn lib external at=/src/b.c:5
// CSPEC: fn lib2 external at=/src/b.c:9
// CSPEC: fn malloc declaration
// CSPEC: call cb call lib at=/src/b.c:2:3
// CSPEC: call lib allocation malloc at=/src/b.c:6:3
// CSPEC: call lib call lib2 at=/src/b.c:7:3
// CSPEC: call lib2 allocation malloc at=/src/b.c:10:3
// CLASH: b.c:2:3: warning: alloc_free function 'cb' may allocate: call to 'lib' reaches 'malloc' (at b.c:6:3) [-Wallocguard]
// CLASH-NEXT: b.c:6:3: note: 'lib' calls 'malloc', which allocates
// CLASH-NEXT: b.c:2:3: warning: alloc_free function 'cb' may allocate: call to 'lib' reaches 'malloc' (at b.c:10:3) [-Wallocguard]
// CLASH-NEXT: b.c:7:3: note: 'lib' calls 'lib2'
// CLASH-NEXT: b.c:10:3: note: 'lib2' calls 'malloc', which allocates
// CLASH-NEXT: allocguard-report: 1 alloc_free root, 1 reaches the heap: 2 allocations; 0 calls could not be followed
