// Two checkouts of one project, each compiled the three ways build systems
// do: from the source root (src/audio.c), from a build tree beside the
// sources (../src/dsp.c), and recursive-make style inside the source
// directory (util.c).
// RUN: rm -rf %t && mkdir -p %t/one/src %t/one/build %t/two/src %t/two/build
// RUN: cp %S/Inputs/audio.c %S/Inputs/dsp.c %S/Inputs/util.c %t/one/src/
// RUN: cp %S/Inputs/audio.c %S/Inputs/dsp.c %S/Inputs/util.c %t/two/src/
// RUN: cd %t/one && %clang -g %agload -c src/audio.c -o build/audio.o 2>/dev/null
// RUN: cd %t/one/build && %clang -g %agload -c ../src/dsp.c -o dsp.o 2>/dev/null
// RUN: cd %t/one/src && %clang -g %agload -c ./util.c -o ../build/util.o 2>/dev/null
// RUN: cd %t/two && %clang -g %agload -c src/audio.c -o build/audio.o 2>/dev/null
// RUN: cd %t/two/build && %clang -g %agload -c ../src/dsp.c -o dsp.o 2>/dev/null
// RUN: cd %t/two/src && %clang -g %agload -c ./util.c -o ../build/util.o 2>/dev/null
// Each report run from its build tree, with the checkout as source root.
// RUN: cd %t/one/build && not %agreport --source-root=%t/one --sarif=%t/one.sarif audio.o dsp.o util.o > %t/one.txt
// RUN: cd %t/two/build && not %agreport --source-root=%t/two --sarif=%t/two.sarif audio.o dsp.o util.o > %t/two.txt
// RUN: FileCheck --match-full-lines %s < %t/one.txt
// RUN: diff %t/one.txt %t/two.txt
// The SARIF differs in originalUriBaseIds alone, which names the root.
// RUN: grep -v originalUriBaseIds %t/one.sarif > %t/one.rest
// RUN: grep -v originalUriBaseIds %t/two.sarif > %t/two.rest
// RUN: diff %t/one.rest %t/two.rest
// RUN: %python %S/Inputs/sarif_paths.py %t/one.sarif | FileCheck --check-prefix=SARIF %s
// The same with -ffile-prefix-map, which leaves the checkout out of the
// objects altogether: the report reads the same from anywhere.
// RUN: cd %t/one && %clang -g -ffile-prefix-map=%t/one=. %agload -c src/audio.c -o build/audio.o 2>/dev/null
// RUN: cd %t/one/build && %clang -g -ffile-prefix-map=%t/one=. %agload -c ../src/dsp.c -o dsp.o 2>/dev/null
// RUN: cd %t/one/src && %clang -g -ffile-prefix-map=%t/one=. %agload -c ./util.c -o ../build/util.o 2>/dev/null
// RUN: cd %t/one/build && not %agreport audio.o dsp.o util.o > %t/mapped.txt
// RUN: cd / && not %agreport %t/one/build/audio.o %t/one/build/dsp.o %t/one/build/util.o > %t/mapped-root.txt
// RUN: FileCheck --match-full-lines %s < %t/mapped.txt
// RUN: diff %t/mapped.txt %t/mapped-root.txt
// Intent: a summary records each location's file joined with the directory
// the compile ran in, so every path in the report is the file's path in the
// checkout, whatever directory each unit was compiled from; two checkouts
// give byte-identical reports.

// CHECK:      src/audio.c:7:3: warning: alloc_free function 'audio_callback' may allocate: call to 'mix' reaches 'strdup' [-Wallocguard]
// CHECK-NEXT: src/dsp.c:7:3: note: 'mix' calls 'make_label'
// CHECK-NEXT: src/util.c:4:45: note: 'make_label' calls 'strdup', which allocates
// CHECK-NEXT: allocguard-report: 1 alloc_free root, 1 reaches the heap: 1 allocation; 0 calls could not be followed

// SARIF:      result AG1001 warning src/util.c:4:45 {{.+}}
// SARIF-NEXT:   flow src/audio.c:7:3 'audio_callback' calls 'mix'
// SARIF-NEXT:   flow src/dsp.c:7:3 'mix' calls 'make_label'
// SARIF-NEXT:   flow src/util.c:4:45 'make_label' calls 'strdup', which allocates
// SARIF-NEXT:   related 1 src/audio.c:7:3 alloc_free function 'audio_callback': 'audio_callback' > 'mix' > 'make_label' > 'strdup' new
