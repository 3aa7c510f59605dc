// RUN: rm -rf %t && mkdir -p %t/elsewhere && cd %t
// RUN: cd %S && %clang -g %agload -c sarif-validate.c -o %t/s.o 2>/dev/null && cd %t
// RUN: cd %S && %clang %agload -c sarif-validate.c -DNO_DEBUG -o %t/nodebug.o 2>/dev/null && cd %t
// RUN: cd %S && %clang -g %agload -c Inputs/audio.c -o %t/audio.o 2>/dev/null && cd %t
// RUN: cd %S && %clang -g %agload -c Inputs/dsp.c -o %t/dsp.o 2>/dev/null && cd %t
// RUN: cd %S && %clang -g %agload -c Inputs/util.c -o %t/util.o 2>/dev/null && cd %t
// RUN: cp %S/Inputs/static_a.c "elsewhere/with space.c"
// RUN: cd / && %clang -g %agload -c "%t/elsewhere/with space.c" -o %t/space.o 2>/dev/null && cd %t
// RUN: printf 'callee:free  # returned to our pool\n' > s.supp
// RUN: %agreport --fail-on=none --write-baseline=b.txt s.o audio.o dsp.o util.o > /dev/null
// RUN: cd %S && %clang -c Inputs/util.c -o %t/plain-missing-summary.o && cd %t
// RUN: %agreport --source-root=%S --fail-on=none --suppressions=s.supp --baseline=b.txt --format=sarif -o r.sarif s.o nodebug.o audio.o dsp.o util.o space.o plain-missing-summary.o
// RUN: env DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=1 %sarifdir/package/Sarif.Multitool validate r.sarif -o validation.sarif --log ForceOverwrite | FileCheck --check-prefix=MULTITOOL %s
// RUN: %python %S/Inputs/check_sarif.py %sarifdir/package/sarif-2.1.0.json r.sarif validation.sarif | FileCheck --check-prefix=SCHEMA %s
// RUN: %python %S/Inputs/sarif_paths.py r.sarif | FileCheck --check-prefix=RESULTS %s
// RUN: FileCheck --check-prefix=RAW %s < r.sarif
// Intent: the SARIF log validates against the official SARIF 2.1.0 schema
// and the SARIF multitool reports no error, with every feature in use: 3
// rules with helpUri and help, a site 2 roots reach (links to related
// locations), code flows across units, baseline states, suppressions, no
// debug info, paths outside the source root, tool notifications.
#include <allocguard.h>
#include <stdlib.h>

#ifdef NO_DEBUG
#define on_audio on_audio_nodebug
#endif

ALLOCGUARD_ALLOC_FREE void on_audio(void (*hook)(void)) {
  free(malloc(4));
  hook();
}

// MULTITOOL-NOT: error
// MULTITOOL: Analysis completed successfully

// SCHEMA: schema errors: 0
// SCHEMA-NEXT: validator errors: 0
// SCHEMA-NEXT: results: 8
// SCHEMA-NEXT: rules: AG1001 AG1002 AG1003

// Results are sites; the strdup below make_label is reached from two
// roots (one result, linked to both), suppressed sites come last.
// RESULTS: result AG1001 warning Inputs/util.c:4:45 'make_label' calls 'strdup', which allocates; reached from 2 alloc_free functions: '[audio_callback](1)', '[on_midi](2)' (2 in the baseline) unchanged
// RESULTS-NEXT: flow Inputs/audio.c:7:3 'audio_callback' calls 'mix'
// RESULTS-NEXT: flow Inputs/dsp.c:7:3 'mix' calls 'make_label'
// RESULTS-NEXT: flow Inputs/util.c:4:45 'make_label' calls 'strdup', which allocates
// RESULTS-NEXT: path from alloc_free function 'on_midi' (in the baseline)
// RESULTS-NEXT: flow sarif-validate.c:{{[0-9]+}}:44 'on_midi' calls 'mix'
// RESULTS:      related 1 Inputs/audio.c:7:3 alloc_free function 'audio_callback' (in the baseline): 'audio_callback' > 'mix' > 'make_label' > 'strdup' baselined
// RESULTS-NEXT: related 2 sarif-validate.c:{{[0-9]+}}:44 alloc_free function 'on_midi' (in the baseline): 'on_midi' > 'mix' > 'make_label' > 'strdup' baselined
// RESULTS: result AG1001 warning sarif-validate.c:30:8 alloc_free function 'on_audio' calls 'malloc', which allocates unchanged
// RESULTS: result AG1001 warning sarif-validate.c:0:0 alloc_free function 'on_audio_nodebug' calls 'malloc', which allocates new
// RESULTS: result AG1001 warning file://{{.*}}/elsewhere/with%20space.c:5:36 {{.*}}'root_a' may allocate
// RESULTS: result AG1003 note sarif-validate.c:31:3 alloc_free function 'on_audio' makes an indirect call that allocguard cannot follow (no function of type 'void ()' has its address taken in any input) unchanged
// RESULTS: result AG1003 note sarif-validate.c:0:0 alloc_free function 'on_audio_nodebug' makes an indirect call {{.*}} new
// RESULTS: result AG1002 warning sarif-validate.c:30:3 {{.*}} unchanged suppressed=returned to our pool
// RESULTS: result AG1002 warning sarif-validate.c:0:0 {{.*}} new suppressed=returned to our pool

// RAW: "helpUri": "{{https?://.+}}/rules.md#ag1001"
// RAW: "help": {"text": {{.+}}, "markdown": "{{.+}}See [AG1001]({{https?://.+}}/rules.md#ag1001) in the allocguard documentation."}
// RAW: "helpUri": "{{https?://.+}}/rules.md#ag1002"
// RAW: "helpUri": "{{https?://.+}}/rules.md#ag1003"
// RAW: "originalUriBaseIds": {"SRCROOT": {"uri": "file://{{.*}}/test/report/"}}
// RAW: "toolExecutionNotifications": [
// RAW-NEXT: {"level": "warning", "message": {"text": "plain-missing-summary.o: no allocguard summary (compiled without the plugin?)"}}]}],
// RAW-NEXT: "properties": {"results": 8, "resultsWritten": 8}

// A second root that reaches make_label's strdup (below the checks, so
// the lines above stay).
#ifndef NO_DEBUG
void mix(float *out, int frames);
ALLOCGUARD_ALLOC_FREE void on_midi(void) { mix((float *)0, 0); }
#endif

// Calls through pointers: a resolved hop's note, and two calls allocguard
// cannot follow below one call in the root, each its own result.
// RUN: %python %S/Inputs/make_summary.py %s icall.sum SPEC
// RUN: %agreport --source-root=/src --fail-on=none --format=sarif -o icall.sarif icall.sum
// RUN: env DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=1 %sarifdir/package/Sarif.Multitool validate icall.sarif -o icall-validation.sarif --log ForceOverwrite | FileCheck --check-prefix=MULTITOOL %s
// RUN: %python %S/Inputs/check_sarif.py %sarifdir/package/sarif-2.1.0.json icall.sarif icall-validation.sarif | FileCheck --check-prefix=ICALL %s
// RUN: FileCheck --check-prefix=ICALL-RAW %s < icall.sarif
// SPEC: unit /src/i.c
// SPEC: fn r external root at=/src/i.c:1
// SPEC: fn lib external at=/src/i.c:9
// SPEC: fn cb external at=/src/i.c:20
// SPEC: fn malloc declaration
// SPEC: fn e1 declaration
// SPEC: fn e2 declaration
// SPEC: call r indirect - at=/src/i.c:2:3 type=v() field=struct:struct.ops#0
// SPEC: call r call lib at=/src/i.c:3:3
// SPEC: call lib external e1 at=/src/i.c:10:3
// SPEC: call lib external e2 at=/src/i.c:11:3
// SPEC: call cb allocation malloc at=/src/i.c:21:3
// SPEC: target cb type=v() field=struct:struct.ops#0
// ICALL: schema errors: 0
// ICALL-NEXT: validator errors: 0
// ICALL-NEXT: results: 3
// ICALL-RAW: "text": "'r' calls 'cb' through 'struct.ops#0'"
// ICALL-RAW: "message": {"text": "alloc_free function 'r' may reach a function allocguard cannot see into: call to 'lib' reaches 'e1'"}
// ICALL-RAW: "message": {"text": "alloc_free function 'r' may reach a function allocguard cannot see into: call to 'lib' reaches 'e2'"}
