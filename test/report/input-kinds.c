// RUN: rm -rf %t && mkdir -p %t/side && cd %t
// RUN: cd %S && %clang -g -fPIC %agload -c Inputs/audio.c -o %t/audio.o 2>/dev/null && cd %t
// RUN: cd %S && %clang -g -fPIC %agload -c Inputs/dsp.c -o %t/dsp.o 2>/dev/null && cd %t
// RUN: cd %S && %clang -g -fPIC %agload -c Inputs/util.c -o %t/util.o 2>/dev/null && cd %t
// RUN: cd %S && %clang -g -fPIC %agload -c Inputs/main.c -o %t/main.o 2>/dev/null && cd %t
// RUN: not %agreport --source-root=%S --format=json audio.o dsp.o util.o main.o > objects.json
// RUN: FileCheck --check-prefix=SEEN %s < objects.json
//
// GNU archive (long member names), BSD archive, thin archive:
// RUN: cp util.o a_member_name_longer_than_fifteen_bytes.o
// RUN: rm -f libgnu.a && ar rcs libgnu.a audio.o dsp.o a_member_name_longer_than_fifteen_bytes.o
// RUN: not %agreport --source-root=%S --format=json libgnu.a main.o > gnu.json
// RUN: diff objects.json gnu.json
// RUN: rm -f libbsd.a && llvm-ar rcs --format=bsd libbsd.a audio.o dsp.o a_member_name_longer_than_fifteen_bytes.o
// RUN: not %agreport --source-root=%S --format=json libbsd.a main.o > bsd.json
// RUN: diff objects.json bsd.json
// RUN: rm -f libthin.a && ar rcsT libthin.a audio.o dsp.o util.o
// RUN: not %agreport --source-root=%S --format=json libthin.a main.o > thin.json
// RUN: diff objects.json thin.json
//
// A linked executable and a shared library carry every unit's summary:
// RUN: %clang audio.o dsp.o util.o main.o %rt_static -lpthread -o app
// RUN: not %agreport --source-root=%S --format=json app > exe.json
// RUN: diff objects.json exe.json
// RUN: %clang -shared audio.o dsp.o util.o %rt_shared -o libdemo.so
// RUN: not %agreport --source-root=%S --format=json libdemo.so main.o > so.json
// RUN: diff objects.json so.json
//
// Side files instead of sections, and any mix of kinds (units seen twice,
// as in an object and the executable holding it, count once):
// RUN: cd %S && %clang -g -fPIC %agload -mllvm -allocguard-summary=%t/side -c Inputs/audio.c -o %t/side-audio.o 2>/dev/null && cd %t
// RUN: cd %S && %clang -g -fPIC %agload -mllvm -allocguard-summary=%t/side -c Inputs/dsp.c -o %t/side-dsp.o 2>/dev/null && cd %t
// RUN: cd %S && %clang -g -fPIC %agload -mllvm -allocguard-summary=%t/side -c Inputs/util.c -o %t/side-util.o 2>/dev/null && cd %t
// RUN: not %agreport --source-root=%S --format=json side/audio.c.allocguard.sum side/dsp.c.allocguard.sum side/util.c.allocguard.sum main.o > side.json
// RUN: diff objects.json side.json
// RUN: not %agreport --source-root=%S --format=json side/util.c.allocguard.sum app libgnu.a audio.o > mixed.json
// RUN: diff objects.json mixed.json
// Intent: objects, archives (GNU, BSD, thin), a linked executable, a shared
// library and side files give the same report, byte for byte.

// SEEN: "units": [
// SEEN-NEXT: {"source": "Inputs/audio.c", "debug_info": true, "functions": 2, "calls": 1},
// SEEN-NEXT: {"source": "Inputs/dsp.c", "debug_info": true, "functions": 2, "calls": 1},
// SEEN-NEXT: {"source": "Inputs/main.c", "debug_info": true, "functions": 2, "calls": 1},
// SEEN-NEXT: {"source": "Inputs/util.c", "debug_info": true, "functions": 2, "calls": 1}
// SEEN-NEXT: ],
// SEEN: "callee": "strdup"
