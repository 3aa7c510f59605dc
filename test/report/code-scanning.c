// RUN: rm -rf %t && mkdir -p %t && cd %t
// RUN: %python %S/Inputs/make_summary.py %s two.sum SPEC
// RUN: %python %S/Inputs/make_summary.py %s one.sum ONE
// RUN: sh -c '%agreport --source-root=/src --sarif=two.sarif --json=two.json --write-baseline=two.base two.sum > two.txt; echo "exit status $?"' | FileCheck --check-prefix=EXIT1 %s
// RUN: FileCheck --check-prefix=TEXT %s < two.txt
// RUN: %python %S/Inputs/sarif_paths.py two.sarif | FileCheck --check-prefix=SITES %s
// RUN: FileCheck --check-prefix=HELP %s < two.sarif
// RUN: %agreport --source-root=/src --fail-on=none --sarif=one.sarif --write-baseline=one.base one.sum > /dev/null
// RUN: %python %S/Inputs/sarif_paths.py one.sarif > one.txt
// RUN: %python %S/Inputs/sarif_paths.py two.sarif > two-sites.txt
// RUN: cat two-sites.txt one.txt two.base | FileCheck --check-prefix=STABLE %s
// RUN: %agreport --source-root=/src --fail-on=none --baseline=one.base --sarif=updated.sarif two.sum > /dev/null
// RUN: %python %S/Inputs/sarif_paths.py updated.sarif | FileCheck --check-prefix=UPDATED %s
// RUN: %agreport --source-root=/src --fail-on=none --sarif=paths1.sarif --sarif-max-paths=1 two.sum > /dev/null
// RUN: %python %S/Inputs/sarif_paths.py paths1.sarif | FileCheck --check-prefix=PATHS1 %s
// RUN: sh -c '%agreport --source-root=/src --sarif=cut.sarif --sarif-max-results=1 two.sum > /dev/null; echo "exit status $?"' 2> cut.err | FileCheck --check-prefix=EXIT1 %s
// RUN: FileCheck --check-prefix=CUT-ERR %s < cut.err
// RUN: FileCheck --check-prefix=CUT %s < cut.sarif
// RUN: %python %S/Inputs/sarif_paths.py cut.sarif | FileCheck --check-prefix=CUT-RESULTS %s
// RUN: sh -c '%agreport --source-root=/src --fail-on=none --sarif=all.sarif --sarif-max-results=0 two.sum 2>&1 >/dev/null; echo "exit status $?"' | FileCheck --check-prefix=ALL %s
// RUN: FileCheck --check-prefix=ALL-SARIF %s < all.sarif
// RUN: sh -c '%agreport --sarif-max-results=many two.sum; echo "exit status $?"' 2>&1 | FileCheck --check-prefix=BAD-RESULTS %s
// RUN: sh -c '%agreport --sarif-max-paths=0 two.sum; echo "exit status $?"' 2>&1 | FileCheck --check-prefix=BAD-PATHS %s
// Intent: SARIF has one result per site, whichever roots reach it: two
// roots reaching one malloc give one result at the malloc, both roots
// named (linked to their related locations) with their paths as code
// flows, while the text report still warns per root; the site's
// fingerprint does not change when another root starts reaching it; a
// baseline that lists some of a site's roots makes it "updated"; the
// result cap leaves results out with a notification and a warning, never
// silently, and does not change the exit status; every rule has helpUri.

// SPEC: unit /src/a.c
// SPEC: fn r1 external root at=/src/a.c:1
// SPEC: fn r2 external root at=/src/a.c:10
// SPEC: fn r3 external root at=/src/a.c:20
// SPEC: fn helper external at=/src/b.c:1
// SPEC: fn malloc declaration
// SPEC: fn free declaration
// SPEC: fn ext declaration
// SPEC: call r1 call helper at=/src/a.c:2:3
// SPEC: call r2 call helper at=/src/a.c:11:5
// SPEC: call helper allocation malloc at=/src/b.c:2:10
// SPEC: call r3 deallocation free at=/src/a.c:21:3
// SPEC: call r3 external ext at=/src/a.c:22:3

// The same program where r2 is no root.
// ONE: unit /src/a.c
// ONE: fn r1 external root at=/src/a.c:1
// ONE: fn r2 external at=/src/a.c:10
// ONE: fn r3 external root at=/src/a.c:20
// ONE: fn helper external at=/src/b.c:1
// ONE: fn malloc declaration
// ONE: fn free declaration
// ONE: fn ext declaration
// ONE: call r1 call helper at=/src/a.c:2:3
// ONE: call r2 call helper at=/src/a.c:11:5
// ONE: call helper allocation malloc at=/src/b.c:2:10
// ONE: call r3 deallocation free at=/src/a.c:21:3
// ONE: call r3 external ext at=/src/a.c:22:3

// EXIT1: exit status 1

// The text report is per root, as before.
// TEXT: a.c:2:3: warning: alloc_free function 'r1' may allocate: call to 'helper' reaches 'malloc' [-Wallocguard]
// TEXT: a.c:11:5: warning: alloc_free function 'r2' may allocate: call to 'helper' reaches 'malloc' [-Wallocguard]

// SITES:      result AG1001 warning b.c:2:10 'helper' calls 'malloc', which allocates; reached from 2 alloc_free functions: '[r1](1)', '[r2](2)'{{$}}
// SITES-NEXT:   flow a.c:2:3 'r1' calls 'helper'
// SITES-NEXT:   flow b.c:2:10 'helper' calls 'malloc', which allocates
// SITES-NEXT:   path from alloc_free function 'r2'
// SITES-NEXT:   flow a.c:11:5 'r2' calls 'helper'
// SITES-NEXT:   flow b.c:2:10 'helper' calls 'malloc', which allocates
// SITES-NEXT:   related 1 a.c:2:3 alloc_free function 'r1': 'r1' > 'helper' > 'malloc' new path-fingerprint={{[0-9a-f]{16}$}}
// SITES-NEXT:   related 2 a.c:11:5 alloc_free function 'r2': 'r2' > 'helper' > 'malloc' new path-fingerprint={{[0-9a-f]{16}$}}
// SITES-NEXT:   fingerprint {{[0-9a-f]{16}$}}
// SITES-NEXT: result AG1002 warning a.c:21:3 alloc_free function 'r3' calls 'free', which deallocates{{$}}
// SITES:      result AG1003 note a.c:22:3 alloc_free function 'r3' calls 'ext', which allocguard cannot see into
// SITES-NOT:  result

// HELP: "helpUri": "{{https?://[^"]+}}/rules.md#ag1001"
// HELP: "helpUri": "{{https?://[^"]+}}/rules.md#ag1002"
// HELP: "helpUri": "{{https?://[^"]+}}/rules.md#ag1003"
// HELP: "properties": {"results": 3, "resultsWritten": 3}

// The malloc site keeps its fingerprint with one root or two; each
// related location carries its path's fingerprint, the baseline's.
// STABLE:      result AG1001 warning b.c:2:10
// STABLE:      related 1 {{.*}} path-fingerprint=[[R1:[0-9a-f]{16}]]
// STABLE-NEXT: related 2 {{.*}} path-fingerprint=[[R2:[0-9a-f]{16}]]
// STABLE-NEXT: fingerprint [[SITE:[0-9a-f]{16}]]
// STABLE:      result AG1001 warning b.c:2:10 alloc_free function 'r1' may allocate: call to 'helper' reaches 'malloc'{{$}}
// STABLE:      fingerprint [[SITE]]
// STABLE:      [[R1]] allocation r1 -> malloc
// STABLE:      [[R2]] allocation r2 -> malloc

// UPDATED: result AG1001 warning b.c:2:10 {{.*}} (1 in the baseline) updated
// UPDATED: related 1 a.c:2:3 alloc_free function 'r1' (in the baseline): {{.*}} baselined
// UPDATED: related 2 a.c:11:5 alloc_free function 'r2': {{.*}} new
// UPDATED: result AG1002 warning a.c:21:3 {{.*}} unchanged

// PATHS1:      result AG1001 warning b.c:2:10
// PATHS1-NEXT:   flow a.c:2:3 'r1' calls 'helper'
// PATHS1-NEXT:   flow b.c:2:10 'helper' calls 'malloc', which allocates
// PATHS1-NEXT:   related 1

// CUT-ERR: allocguard-report: warning: 2 of 3 results left out of this SARIF file (0 allocation, 1 deallocation and 1 unknown-call sites): --sarif-max-results=1 (code scanning accepts 25,000 results per run). {{.*}} Every finding is in the --json report; --sarif-max-results=0 --sarif-max-gzip=0 writes every result.
// CUT: "toolExecutionNotifications": [
// CUT-NEXT: {"level": "warning", "message": {"text": "2 of 3 results left out of this SARIF file {{.*}}--sarif-max-results=1{{.*}}"}}]}],
// CUT-NEXT: "properties": {"results": 3, "resultsWritten": 1}
// CUT-RESULTS:     result AG1001 warning b.c:2:10
// CUT-RESULTS-NOT: result

// ALL: exit status 0
// ALL-SARIF: "properties": {"results": 3, "resultsWritten": 3}

// BAD-RESULTS: allocguard-report: error: --sarif-max-results 'many' is not a whole number
// BAD-RESULTS: exit status 2
// BAD-PATHS: allocguard-report: error: --sarif-max-paths '0' is not a whole number of 1 or more
// BAD-PATHS: exit status 2
