// RUN: rm -rf %t && mkdir -p %t && cd %t
// RUN: cd %S && %clang -g %agload -c baseline.c -o %t/old.o 2>/dev/null && cd %t
// RUN: cd %S && %clang -g %agload -c Inputs/audio.c -o %t/audio.o 2>/dev/null && cd %t
// RUN: cd %S && %clang -g %agload -c Inputs/dsp.c -o %t/dsp.o 2>/dev/null && cd %t
// RUN: cd %S && %clang -g %agload -c Inputs/util.c -o %t/util.o 2>/dev/null && cd %t
// RUN: sh -c '%agreport --source-root=%S --fail-on=none --write-baseline=b.txt old.o audio.o dsp.o util.o > /dev/null; echo "exit status $?"' | FileCheck --check-prefix=EXIT0 %s
// RUN: FileCheck --check-prefix=FILE %s < b.txt
//
// Code moves (lines shift): still the same findings, all baselined.
// RUN: cd %S && %clang -g %agload -DSHIFT -c baseline.c -o %t/shifted.o 2>/dev/null && cd %t
// RUN: sh -c '%agreport --source-root=%S --baseline=b.txt --fail-on=new shifted.o audio.o dsp.o util.o; echo "exit status $?"' | FileCheck --check-prefix=SHIFTED %s
// RUN: sh -c '%agreport --source-root=%S --baseline=b.txt shifted.o audio.o dsp.o util.o > /dev/null; echo "exit status $?"' | FileCheck --check-prefix=EXIT1 %s
//
// A new allocation fails --fail-on=new; only it is shown.
// RUN: cd %S && %clang -g %agload -DSHIFT -DNEW -c baseline.c -o %t/new.o 2>/dev/null && cd %t
// RUN: sh -c '%agreport --source-root=%S --baseline=b.txt --fail-on=new --json=new.json --sarif=new.sarif new.o audio.o dsp.o util.o; echo "exit status $?"' | FileCheck --check-prefix=NEW %s
// RUN: %python %S/Inputs/check_report.py %S/../../docs/report-schema.json new.json | FileCheck --check-prefix=NEWJSON %s
// RUN: %python %S/Inputs/sarif_paths.py new.sarif | FileCheck --check-prefix=NEWSARIF %s
// Intent: a baseline written with --write-baseline hides the findings it
// lists, matched by fingerprint and not by line, so moved code stays
// baselined; a new finding fails --fail-on=new, and only it is shown.
#include <allocguard.h>
#include <stdlib.h>
#include <string.h>

#ifdef SHIFT
// These lines move everything below them.

static int unused_padding;
#endif

char *copy(const char *s) { return strdup(s); }

ALLOCGUARD_ALLOC_FREE void process(const char *s) {
  copy(s);
#ifdef NEW
  free(malloc(4));
#endif
}

// EXIT0: exit status 0
// FILE: # allocguard-report baseline: findings accepted as they are.
// FILE: allocguard-baseline v1
// FILE-NEXT: {{^[0-9a-f]{16} }}allocation audio_callback -> strdup
// FILE-NEXT: {{^[0-9a-f]{16} }}allocation process -> strdup
// FILE-NOT: {{.}}

// SHIFTED-NOT: warning
// SHIFTED: allocguard-report: 2 alloc_free roots, 0 reach the heap (not shown: 2 in the baseline); 0 calls could not be followed
// SHIFTED-NEXT: exit status 0
// EXIT1: exit status 1

// NEW: baseline.c:37:8: warning: alloc_free function 'process' calls 'malloc', which allocates [-Wallocguard]
// NEW-NEXT: baseline.c:37:3: warning: alloc_free function 'process' calls 'free', which deallocates [-Wallocguard-dealloc]
// NEW-NEXT: allocguard-report: 2 alloc_free roots, 1 reaches the heap: 1 allocation, 1 deallocation (not shown: 2 in the baseline); 0 calls could not be followed
// NEW-NEXT: exit status 1

// NEWJSON: root audio_callback pass new=0/0/0 baselined=1 suppressed=0
// NEWJSON-NEXT: root process fail new=1/1/0 baselined=1 suppressed=0
// NEWJSON-NEXT: finding allocation baselined root=audio_callback
// NEWJSON-NEXT: finding allocation new root=process callee=malloc
// NEWJSON-NEXT: finding deallocation new root=process callee=free
// NEWJSON-NEXT: finding allocation baselined root=process callee=strdup path=process@baseline.c:35:3 -> copy@baseline.c:32:36
// NEWJSON-NEXT: summary roots=2 failing=1 gate=fail

// NEWSARIF: result AG1001 warning {{.*}} unchanged
// NEWSARIF: result AG1001 warning baseline.c:37:8 alloc_free function 'process' calls 'malloc', which allocates new
// NEWSARIF: result AG1002 warning baseline.c:37:3 alloc_free function 'process' calls 'free', which deallocates new
// NEWSARIF: result AG1001 warning baseline.c:32:36 alloc_free function 'process' may allocate: call to 'copy' reaches 'strdup' unchanged
// NEWSARIF-NEXT:   flow baseline.c:35:3 'process' calls 'copy'
// NEWSARIF-NEXT:   flow baseline.c:32:36 'copy' calls 'strdup', which allocates
// NEWSARIF-NEXT:   related 1 baseline.c:35:3 alloc_free function 'process' (in the baseline): 'process' > 'copy' > 'strdup' baselined
