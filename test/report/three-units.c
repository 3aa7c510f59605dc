// RUN: rm -rf %t && mkdir -p %t
// RUN: cd %S && %clang -g %agload -c Inputs/audio.c -o %t/audio.o 2>/dev/null && cd %t
// RUN: cd %S && %clang -g %agload -c Inputs/dsp.c -o %t/dsp.o 2>/dev/null && cd %t
// RUN: cd %S && %clang -g %agload -c Inputs/util.c -o %t/util.o 2>/dev/null && cd %t
// RUN: sh -c '%agreport --source-root=%S --json=%t/r.json --sarif=%t/r.sarif --markdown=%t/r.md --dot=%t/r.dot %t/audio.o %t/dsp.o %t/util.o > %t/r.txt; echo "exit status $?"' | FileCheck --check-prefix=EXIT %s
// RUN: FileCheck --check-prefix=TEXT --match-full-lines %s < %t/r.txt
// RUN: %python %S/Inputs/check_report.py %S/../../docs/report-schema.json %t/r.json | FileCheck --check-prefix=JSON %s
// RUN: %python %S/Inputs/sarif_paths.py %t/r.sarif | FileCheck --check-prefix=SARIF %s
// RUN: FileCheck --check-prefix=MD --match-full-lines %s < %t/r.md
// RUN: FileCheck --check-prefix=DOT %s < %t/r.dot
// Intent: the allocation sits two units away from the root (audio.c calls
// mix() in dsp.c, which calls make_label() in util.c, which calls strdup);
// allocguard-report finds it with the whole path in every format, and the
// gate fails (exit status 1).

// EXIT: exit status 1

// TEXT:      Inputs/audio.c:7:3: warning: alloc_free function 'audio_callback' may allocate: call to 'mix' reaches 'strdup' [-Wallocguard]
// TEXT-NEXT: Inputs/dsp.c:7:3: note: 'mix' calls 'make_label'
// TEXT-NEXT: Inputs/util.c:4:45: note: 'make_label' calls 'strdup', which allocates
// TEXT-NEXT: allocguard-report: 1 alloc_free root, 1 reaches the heap: 1 allocation; 0 calls could not be followed
// TEXT-NOT: {{.}}

// JSON: root audio_callback fail new=1/0/0 baselined=0 suppressed=0
// JSON-NEXT: finding allocation new root=audio_callback callee=strdup path=audio_callback@Inputs/audio.c:7:3 -> mix@Inputs/dsp.c:7:3 -> make_label@Inputs/util.c:4:45
// JSON-NEXT: summary roots=1 failing=1 gate=fail

// SARIF: result AG1001 warning Inputs/util.c:4:45 alloc_free function 'audio_callback' may allocate: call to 'mix' reaches 'strdup'
// SARIF-NEXT:   flow Inputs/audio.c:7:3 'audio_callback' calls 'mix'
// SARIF-NEXT:   flow Inputs/dsp.c:7:3 'mix' calls 'make_label'
// SARIF-NEXT:   flow Inputs/util.c:4:45 'make_label' calls 'strdup', which allocates
// SARIF-NEXT:   related 1 Inputs/audio.c:7:3 alloc_free function 'audio_callback': 'audio_callback' > 'mix' > 'make_label' > 'strdup' new
// SARIF-NEXT:   fingerprint {{[0-9a-f]{16}$}}

// MD:      ### ❌ allocguard: 1 of 1 alloc_free root reaches the heap
// MD-EMPTY:
// MD-NEXT: 0 calls could not be followed.
// MD-EMPTY:
// MD-NEXT: | | Root | Allocations | Deallocations | Unknown calls | Defined at |
// MD-NEXT: |:-:|---|--:|--:|--:|---|
// MD-NEXT: | ❌ | <code>audio&#95;callback</code> | 1 | 0 | 0 | Inputs/audio.c:6 |
// MD-EMPTY:
// MD-NEXT: <details><summary>❌ alloc&#95;free function 'audio&#95;callback' may allocate: call to 'mix' reaches 'strdup'</summary>
// MD-EMPTY:
// MD-NEXT: | # | Location | Call |
// MD-NEXT: |--:|---|---|
// MD-NEXT: | 1 | <code>Inputs/audio.c:7:3</code> | 'audio&#95;callback' calls 'mix' |
// MD-NEXT: | 2 | <code>Inputs/dsp.c:7:3</code> | 'mix' calls 'make&#95;label' |
// MD-NEXT: | 3 | <code>Inputs/util.c:4:45</code> | 'make&#95;label' calls 'strdup', which allocates |
// MD-EMPTY:
// MD-NEXT: </details>

// DOT: digraph allocguard {
// DOT-DAG: n[[ROOT:[0-9]+]] [label="audio_callback\nalloc_free root", style=bold, color=red];
// DOT-DAG: n[[MIX:[0-9]+]] [label="mix"];
// DOT-DAG: n[[LABEL:[0-9]+]] [label="make_label"];
// DOT-DAG: n[[STRDUP:[0-9]+]] [label="strdup", shape=ellipse, color=red, fontcolor=red];
// DOT-DAG: n[[ROOT]] -> n[[MIX]] [label="Inputs/audio.c:7:3"];
// DOT-DAG: n[[MIX]] -> n[[LABEL]] [label="Inputs/dsp.c:7:3"];
// DOT-DAG: n[[LABEL]] -> n[[STRDUP]] [label="Inputs/util.c:4:45", color=red];
// DOT: }
