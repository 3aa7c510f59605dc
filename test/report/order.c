// RUN: rm -rf %t && mkdir -p %t && cd %t
// RUN: cd %S && %clang -g %agload -c Inputs/audio.c -o %t/audio.o 2>/dev/null && cd %t
// RUN: cd %S && %clang -g %agload -c Inputs/dsp.c -o %t/dsp.o 2>/dev/null && cd %t
// RUN: cd %S && %clang -g %agload -c Inputs/util.c -o %t/util.o 2>/dev/null && cd %t
// RUN: cd %S && %clang -g %agload -c Inputs/weak_a.c -o %t/weak_a.o 2>/dev/null && cd %t
// RUN: cd %S && %clang -g %agload -c Inputs/weak_b.c -o %t/weak_b.o 2>/dev/null && cd %t
// RUN: cd %S && %clang -g %agload -c Inputs/dup_a.c -o %t/dup_a.o 2>/dev/null && cd %t
// RUN: cd %S && %clang -g %agload -c Inputs/dup_b.c -o %t/dup_b.o 2>/dev/null && cd %t
// RUN: cd %S && %clang -g %agload -c Inputs/static_a.c -o %t/static_a.o 2>/dev/null && cd %t
// RUN: cd %S && %clang -g %agload -c Inputs/static_b.c -o %t/static_b.o 2>/dev/null && cd %t
// RUN: cd %S && %clang -g %agload -c Inputs/extern_helper.c -o %t/extern_helper.o 2>/dev/null && cd %t
// RUN: rm -f lib.a && ar rcs lib.a dsp.o static_b.o
// RUN: mkdir one two three
// RUN: not %agreport --source-root=%S --json=one/r.json --sarif=one/r.sarif --markdown=one/r.md --dot=one/r.dot --write-baseline=one/r.base audio.o dsp.o util.o weak_a.o weak_b.o dup_a.o dup_b.o static_a.o static_b.o extern_helper.o > one/r.txt 2> one/err.txt
// RUN: not %agreport --source-root=%S --json=two/r.json --sarif=two/r.sarif --markdown=two/r.md --dot=two/r.dot --write-baseline=two/r.base extern_helper.o static_b.o static_a.o dup_b.o dup_a.o weak_b.o weak_a.o util.o dsp.o audio.o > two/r.txt 2> two/err.txt
// RUN: not %agreport --source-root=%S --json=three/r.json --sarif=three/r.sarif --markdown=three/r.md --dot=three/r.dot --write-baseline=three/r.base dup_b.o weak_b.o lib.a util.o audio.o weak_a.o static_a.o dup_a.o util.o extern_helper.o audio.o > three/r.txt 2> three/err.txt
// RUN: diff -r one two
// RUN: diff -r one three
// RUN: FileCheck %s < one/r.txt
// Intent: the same inputs in any order (and with units repeated, or inside
// an archive) give byte-identical reports in every format, the same
// baseline and the same warnings.

// CHECK: 'audio_callback'
// CHECK: 'on_event'
// CHECK: 'render_a'
// CHECK: 'render_b'
// CHECK: 'root_a'
// CHECK: 'root_c'
// CHECK: allocguard-report: 7 alloc_free roots, 6 reach the heap
