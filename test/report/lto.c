// RUN: rm -rf %t && mkdir -p %t && cd %t
// RUN: cd %S && %clang -g %agload -c Inputs/audio.c -o %t/audio.o 2>/dev/null && cd %t
// RUN: cd %S && %clang -g %agload -c Inputs/dsp.c -o %t/dsp.o 2>/dev/null && cd %t
// RUN: cd %S && %clang -g %agload -c Inputs/util.c -o %t/util.o 2>/dev/null && cd %t
// RUN: cd %S && %clang -g %agload -c Inputs/main.c -o %t/main.o 2>/dev/null && cd %t
// RUN: not %agreport --source-root=%S --format=json audio.o dsp.o util.o main.o > objects.json
//
// -flto and -flto=thin objects are bitcode; the summary is module assembly:
// RUN: cd %S && %clang -g -O2 -flto %agload -c Inputs/audio.c -o %t/audio.full.o 2>/dev/null && cd %t
// RUN: cd %S && %clang -g -O2 -flto %agload -c Inputs/dsp.c -o %t/dsp.full.o 2>/dev/null && cd %t
// RUN: cd %S && %clang -g -O2 -flto=thin %agload -c Inputs/util.c -o %t/util.thin.o 2>/dev/null && cd %t
// RUN: cd %S && %clang -g -O2 -flto=thin %agload -c Inputs/main.c -o %t/main.thin.o 2>/dev/null && cd %t
// RUN: llvm-bcanalyzer -dump audio.full.o > /dev/null
// RUN: not %agreport --source-root=%S --format=json audio.full.o dsp.full.o util.thin.o main.thin.o > lto.json
// RUN: diff objects.json lto.json
//
// ... in archives too, and the LTO-linked program carries them all:
// RUN: rm -f liblto.a && llvm-ar rcs liblto.a audio.full.o dsp.full.o util.thin.o
// RUN: not %agreport --source-root=%S --format=json liblto.a main.thin.o > archive.json
// RUN: diff objects.json archive.json
// RUN: %clang -O2 -flto -fuse-ld=gold audio.full.o dsp.full.o util.thin.o main.thin.o %rt_static -lpthread -o app
// RUN: not %agreport --source-root=%S --format=json app > linked.json
// RUN: diff objects.json linked.json
// RUN: not %agreport --source-root=%S audio.full.o dsp.full.o util.thin.o | FileCheck %s
// Intent: -flto objects (bitcode, read through LLVM's bitcode reader), in
// archives or linked, give the same report as plain objects.

// CHECK: Inputs/audio.c:7:3: warning: alloc_free function 'audio_callback' may allocate: call to 'mix' reaches 'strdup' [-Wallocguard]
// CHECK-NEXT: Inputs/dsp.c:7:3: note: 'mix' calls 'make_label'
// CHECK-NEXT: Inputs/util.c:4:45: note: 'make_label' calls 'strdup', which allocates
