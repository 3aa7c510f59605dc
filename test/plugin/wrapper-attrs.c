// RUN: %clang -O0 %agload -S -emit-llvm %s -o - 2>/dev/null | FileCheck %s --check-prefixes=CHECK,%wrapattrs
// RUN: %clang -O2 %agload -S -emit-llvm %s -o - 2>/dev/null | FileCheck %s --check-prefix=O2-%wrapattrs
// RUN: %clang -O2 -S -emit-llvm %s -o - 2>/dev/null | FileCheck %s --check-prefix=PLAIN-%wrapattrs
// Intent: each checked wrapper's declaration carries what the optimizer
// knows of the function it replaces, every parameter index shifted by the
// site argument in front: clang's attributes (noalias result, allocsize,
// also at the call site) and, where the LLVM major has them, some of what
// LLVM infers for the library function by name: allocalign (15), memory
// effects (16: malloc's own state, and a read of anything else, since the
// wrapper reads the scope depth its root stores just before the call).
// At -O2 that gives the wrapper's result what the plain call's gets
// (dereferenceable_or_null from allocsize, align from allocalign). Not
// given: allockind and "alloc-family", so a checked pair whose block is
// unused is kept and checked where the plain build deletes it (the last
// RUN line): run-time checks do not depend on the optimization level.

#include <stdlib.h>

void *sink;

void f(size_t n) {
  sink = malloc(n);
  free(sink);
  sink = calloc(n, 4);
  sink = realloc(sink, n);
  sink = aligned_alloc(64, n);
}

void g(void) { free(malloc(64)); }

// CHECK-LABEL: define {{.*}} @f(
// CHECK: call noalias {{.*}} @__allocguard_malloc({{.*}}@__allocguard_site{{.*}}, i64 noundef %{{.*}}) [[CALL1:#[0-9]+]]
// CHECK: call noalias {{.*}} @__allocguard_calloc({{.*}}, i64 noundef %{{.*}}, i64 noundef 4) [[CALL12:#[0-9]+]]
// CHECK-DAG: declare noalias {{.*}} @__allocguard_malloc({{.*}}, i64 noundef) [[MALLOC:#[0-9]+]]
// CHECK-DAG: declare void @__allocguard_free({{.*}}, {{.*}} noundef) [[FREE:#[0-9]+]]
// CHECK-DAG: declare noalias {{.*}} @__allocguard_calloc({{.*}}, i64 noundef, i64 noundef) [[CALLOC:#[0-9]+]]
// NEW-DAG: declare ptr @__allocguard_realloc(ptr, ptr noundef, i64 noundef) [[REALLOC:#[0-9]+]]
// NEW-DAG: declare noalias ptr @__allocguard_aligned_alloc(ptr, i64 allocalign noundef, i64 noundef) [[ALIGNED:#[0-9]+]]

// LLVM 14: clang's attributes only (nounwind; no allocsize on its malloc).
// OLD-DAG: attributes [[MALLOC]] = { nounwind }
// NEW-DAG: attributes [[MALLOC]] = { nounwind allocsize(1) memory(read, inaccessiblemem: readwrite) }
// NEW-DAG: attributes [[FREE]] = { nounwind memory(read, argmem: readwrite, inaccessiblemem: readwrite) }
// NEW-DAG: attributes [[CALLOC]] = { nounwind allocsize(1,2) memory(read, inaccessiblemem: readwrite) }
// NEW-DAG: attributes [[REALLOC]] = { nounwind allocsize(2) memory(read, argmem: readwrite, inaccessiblemem: readwrite) }
// NEW-DAG: attributes [[ALIGNED]] = { nounwind allocsize(2) memory(read, inaccessiblemem: readwrite) }
// The call sites keep allocsize, shifted.
// NEW-DAG: attributes [[CALL1]] = { nounwind allocsize(1) }
// NEW-DAG: attributes [[CALL12]] = { nounwind allocsize(1,2) }

// -O2: the checked pair in g stays, with what allocsize tells of the block.
// O2-NEW-LABEL: define {{.*}} @f(
// O2-NEW: call noalias align 64 ptr @__allocguard_aligned_alloc(
// O2-NEW-LABEL: define {{.*}} @g(
// O2-NEW: call noalias dereferenceable_or_null(64) ptr @__allocguard_malloc(
// O2-NEW: call void @__allocguard_free(
// O2-OLD-LABEL: define {{.*}} @g(
// O2-OLD: call {{.*}} @__allocguard_malloc(
// O2-OLD: call void @__allocguard_free(
// The plain build deletes g's pair (LLVM 14 too: it knows malloc by name).
// PLAIN-NEW-LABEL: define {{.*}} @g(
// PLAIN-NEW-NOT: call
// PLAIN-NEW: ret void
// PLAIN-OLD-LABEL: define {{.*}} @g(
// PLAIN-OLD-NOT: call
// PLAIN-OLD: ret void
