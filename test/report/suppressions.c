// RUN: rm -rf %t && mkdir -p %t && cd %t
// RUN: cd %S && %clang -g %agload -c suppressions.c -o %t/s.o 2>/dev/null && cd %t
// RUN: cd %S && %clang -g %agload -c Inputs/audio.c -o %t/audio.o 2>/dev/null && cd %t
// RUN: cd %S && %clang -g %agload -c Inputs/dsp.c -o %t/dsp.o 2>/dev/null && cd %t
// RUN: cd %S && %clang -g %agload -c Inputs/util.c -o %t/util.o 2>/dev/null && cd %t
// RUN: printf '# accepted findings\ncallee:free  # blocks come from our own pool, free never reaches the heap lock\npath:mix > make_label   # make_label is called once at start-up only\nroot:unused_root  # stale\ncallee:operator new*  # a glob that matches nothing\n' > ok.supp
// RUN: sh -c '%agreport --source-root=%S --suppressions=ok.supp --json=r.json --sarif=r.sarif s.o audio.o dsp.o util.o; echo "exit status $?"' > out.txt 2> err.txt
// RUN: FileCheck --check-prefix=OUT %s < out.txt
// RUN: FileCheck --check-prefix=ERR %s < err.txt
// RUN: %python %S/Inputs/check_report.py %S/../../docs/report-schema.json r.json | FileCheck --check-prefix=JSON %s
// RUN: %python %S/Inputs/sarif_paths.py r.sarif | FileCheck --check-prefix=SARIF %s
//
// Unused entries can be an error (exit 1), or ignored:
// RUN: sh -c '%agreport --source-root=%S --suppressions=ok.supp --unused-suppressions=error --fail-on=none s.o audio.o dsp.o util.o > /dev/null; echo "exit status $?"' 2>&1 | FileCheck --check-prefix=UNUSED-ERROR %s
// RUN: %agreport --source-root=%S --suppressions=ok.supp --unused-suppressions=ignore --fail-on=none s.o audio.o dsp.o util.o 2>&1 >/dev/null | count 0
//
// A root: entry silences a whole root; every entry needs a justification:
// RUN: printf 'root:on_audio # tested separately\nroot:audio_callback # ditto\n' > roots.supp
// RUN: %agreport --source-root=%S --suppressions=roots.supp s.o audio.o dsp.o util.o | FileCheck --check-prefix=ROOTS %s
// RUN: printf 'callee:free\n' > bad.supp
// RUN: sh -c '%agreport --suppressions=bad.supp s.o; echo "exit status $?"' 2>&1 | FileCheck --check-prefix=NOWHY %s
// Intent: suppression entries name a callee, a chain of calls or a root,
// each with a justification (required); matching findings leave the text
// report and the gate but stay in JSON and SARIF (with the justification);
// entries that match nothing are reported.
#include <allocguard.h>
#include <stdlib.h>

extern void *pool_take(void);

ALLOCGUARD_ALLOC_FREE void on_audio(void) {
  free(pool_take());
  char *p = malloc(8);
  p[0] = 0;
}

// OUT: suppressions.c:33:13: warning: alloc_free function 'on_audio' calls 'malloc', which allocates [-Wallocguard]
// OUT-NEXT: suppressions.c:32:8: warning: alloc_free function 'on_audio' calls 'pool_take', which allocguard cannot see into (not defined in any input and not in its knowledge base) [-Wallocguard-unknown]
// OUT-NEXT: allocguard-report: 2 alloc_free roots, 1 reaches the heap: 1 allocation (not shown: 2 suppressed); 1 call could not be followed
// OUT-NEXT: exit status 1

// ERR: allocguard-report: warning: ok.supp:4: unused suppression 'root:unused_root' matches no finding
// ERR-NEXT: allocguard-report: warning: ok.supp:5: unused suppression 'callee:operator new*' matches no finding
// ERR-NOT: {{.}}

// JSON: root audio_callback pass new=0/0/0 baselined=0 suppressed=1
// JSON-NEXT: root on_audio fail new=1/0/1 baselined=0 suppressed=1
// JSON-NEXT: finding allocation suppressed root=audio_callback callee=strdup
// JSON-NEXT: finding deallocation suppressed root=on_audio callee=free
// JSON-NEXT: finding allocation new root=on_audio callee=malloc
// JSON-NEXT: unknown external new root=on_audio callee=pool_take

// Sites whose every finding is suppressed come last in SARIF.
// SARIF: result AG1001 warning suppressions.c:33:13 alloc_free function 'on_audio' calls 'malloc', which allocates{{$}}
// SARIF: result AG1003 note suppressions.c:32:8
// SARIF: result AG1001 warning Inputs/util.c:4:45 {{.*}} suppressed=make_label is called once at start-up only
// SARIF: related 1 Inputs/audio.c:7:3 alloc_free function 'audio_callback' (suppressed: make_label is called once at start-up only): {{.*}} suppressed
// SARIF: result AG1002 warning suppressions.c:32:3 {{.*}} suppressed=blocks come from our own pool, free never reaches the heap lock

// UNUSED-ERROR: allocguard-report: error: ok.supp:4: unused suppression 'root:unused_root' matches no finding
// UNUSED-ERROR: exit status 1

// ROOTS: allocguard-report: 2 alloc_free roots, 0 reach the heap (not shown: 4 suppressed); 1 call could not be followed

// NOWHY: allocguard-report: error: bad.supp:1: suppression 'callee:free' has no justification; add '# why it is acceptable' after it
// NOWHY-NEXT: exit status 2

// SARIF's notifications carry the severity stderr shows (below the code,
// so that the lines the checks above name stay put):
// RUN: grep -o '"level": "[a-z]*", "message": {"text": "ok.supp:[0-9]*' r.sarif | FileCheck --check-prefix=UNUSED-SARIF-WARN %s
// RUN: not %agreport --source-root=%S --suppressions=ok.supp --unused-suppressions=error --fail-on=none --sarif=e.sarif s.o audio.o dsp.o util.o > /dev/null 2>&1
// RUN: grep -o '"level": "[a-z]*", "message": {"text": "ok.supp:[0-9]*' e.sarif | FileCheck --check-prefix=UNUSED-SARIF-ERROR %s
// UNUSED-SARIF-WARN: "level": "warning", "message": {"text": "ok.supp:4
// UNUSED-SARIF-WARN-NEXT: "level": "warning", "message": {"text": "ok.supp:5
// UNUSED-SARIF-ERROR: "level": "error", "message": {"text": "ok.supp:4
// UNUSED-SARIF-ERROR-NEXT: "level": "error", "message": {"text": "ok.supp:5
