// RUN: %clang --target=x86_64-pc-linux-gnu -O2 %agload -S -emit-llvm %s -o - 2>/dev/null | FileCheck --check-prefixes=CHECK,X86 %s
// RUN: %clang --target=x86_64-pc-linux-gnu -O2 -march=haswell -mprefer-vector-width=128 %agload -S -emit-llvm %s -o - 2>/dev/null | FileCheck --check-prefixes=CHECK,X86,WIDTH %s
// RUN: %clang --target=aarch64-unknown-linux-gnu -O2 %agload -S -emit-llvm %s -o - 2>/dev/null | FileCheck %s
// Intent: the constructor the plugin adds carries the unit's target
// attributes (CPU, features, tuning, vector widths), the same attribute
// set as the unit's own functions: code generation builds one subtarget
// per distinct set, about 1.8 M instructions a unit at -O2 for a function
// that differs.
void *malloc(unsigned long);

__attribute__((annotate("alloc_free"))) void *callback(void) {
  return malloc(4);
}
// CHECK: define {{.*}}@callback() {{.*}}#[[USER:[0-9]+]]
// CHECK: define internal void @allocguard.module_ctor() #[[CTOR:[0-9]+]]
// CHECK: attributes #[[USER]] = {
// X86-SAME: "min-legal-vector-width"="[[MLVW:[0-9]+]]"
// WIDTH-SAME: "prefer-vector-width"="128"
// CHECK-SAME: "target-cpu"="[[CPU:[a-z0-9_.-]+]]" "target-features"="[[FEATURES:[-+a-z0-9_.,]*]]"
// CHECK: attributes #[[CTOR]] = {
// X86-SAME: "min-legal-vector-width"="[[MLVW]]"
// WIDTH-SAME: "prefer-vector-width"="128"
// CHECK-SAME: "target-cpu"="[[CPU]]" "target-features"="[[FEATURES]]"
