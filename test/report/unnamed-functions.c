// RUN: %opt -load=%agplugin -load-pass-plugin=%agplugin -passes='default<O0>' -allocguard-roots=root -allocguard-instrument=off -allocguard-summary=%t.sum %S/Inputs/unnamed-functions.ll -disable-output 2>&1 | FileCheck --check-prefix=DIAG %s
// RUN: sh -c '%agreport %t.sum; echo "exit status $?"' 2>&1 | FileCheck %s
// Intent: functions IR leaves unnamed get a name each (code generation's
// __unnamed_N, skipping one the module already has: @__unnamed_1), in
// diagnostics and in the summary, whose reader refuses an empty symbol
// and whose version 6 needs each function's symbol distinct: before,
// such a unit's summary made the report fail. (A side file: LLVM's code
// generation itself refuses this module, naming @0 __unnamed_1 too.)
// DIAG: warning: alloc_free function 'root' may allocate: call to '__unnamed_3' reaches 'malloc'
// DIAG: note: '__unnamed_3' calls '__unnamed_2'
// CHECK: warning: alloc_free function 'root' may allocate: call to '__unnamed_3' reaches 'malloc'
// CHECK: note: '__unnamed_3' calls '__unnamed_2'
// CHECK: 1 alloc_free root, 1 reaches the heap: 1 allocation
// CHECK: exit status 1
