// RUN: %opt -load=%agplugin -load-pass-plugin=%agplugin -passes='default<O0>' -allocguard-roots=root -allocguard-instrument=off %S/Inputs/unnamed-functions.ll -o %t.bc 2>&1 | FileCheck --check-prefix=DIAG %s
// RUN: %clang -c %t.bc -o %t.o
// RUN: sh -c '%agreport %t.o; echo "exit status $?"' 2>&1 | FileCheck %s
// Intent: functions IR leaves unnamed get a name each (code generation's
// __unnamed_N), in diagnostics and in the summary, whose reader refuses an
// empty symbol: before, such a unit's summary made the report fail.
// DIAG: warning: alloc_free function 'root' may allocate: call to '__unnamed_2' reaches 'malloc'
// DIAG: note: '__unnamed_2' calls '__unnamed_1'
// CHECK: warning: alloc_free function 'root' may allocate: call to '__unnamed_2' reaches 'malloc'
// CHECK: note: '__unnamed_2' calls '__unnamed_1'
// CHECK: 1 alloc_free root, 1 reaches the heap: 1 allocation
// CHECK: exit status 1
