// RUN: rm -rf %t && mkdir -p %t && cd %t
// RUN: %clang -g %agload -c %S/Inputs/audio.c -o audio.o 2>/dev/null
// RUN: %clang -g %agload -c %S/Inputs/dsp.c -o dsp.o 2>/dev/null
// RUN: %clang -g %agload -c %S/Inputs/util.c -o util.o 2>/dev/null
// RUN: %clang -g %agload -c %S/Inputs/main.c -o main.o 2>/dev/null
// RUN: not %agreport --source-root=%S --format=json audio.o dsp.o util.o main.o > objects.json
//
// -flto and -flto=thin objects are bitcode; the summary is module assembly:
// RUN: %clang -g -O2 -flto %agload -c %S/Inputs/audio.c -o audio.full.o 2>/dev/null
// RUN: %clang -g -O2 -flto %agload -c %S/Inputs/dsp.c -o dsp.full.o 2>/dev/null
// RUN: %clang -g -O2 -flto=thin %agload -c %S/Inputs/util.c -o util.thin.o 2>/dev/null
// RUN: %clang -g -O2 -flto=thin %agload -c %S/Inputs/main.c -o main.thin.o 2>/dev/null
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
