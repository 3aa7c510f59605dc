// RUN: %clangxx -std=c++17 -g -O0 %agload -S -emit-llvm %s -o - 2>/dev/null | FileCheck --check-prefixes=CHECK,ALL %s
// RUN: %clangxx -std=c++17 -g -O2 %agload -S -emit-llvm %s -o - 2>/dev/null | FileCheck --check-prefixes=CHECK,ALL %s
// RUN: %clangxx -std=c++17 -g -O0 %agload -mllvm -allocguard-instrument=roots -S -emit-llvm %s -o - 2>/dev/null | FileCheck --check-prefixes=CHECK,ROOTS %s
// RUN: %clangxx -std=c++17 -g -O0 %agload -S -emit-llvm %s -o %t.ll 2>/dev/null
// RUN: %opt -passes=verify -disable-output %t.ll
// RUN: %clangxx -std=c++17 -g -O0 %agload -mllvm -allocguard-instrument=off -S -emit-llvm %s -o - 2>/dev/null | FileCheck --check-prefix=OFF %s
// RUN: %clangxx -std=c++17 -g -O0 %agload -mllvm -allocguard-dealloc=ignore -S -emit-llvm %s -o - 2>/dev/null | FileCheck --check-prefix=NODEALLOC %s
// Allocation calls become checked wrappers that take a site descriptor
// first; descriptors are constants in section allocguard_sites, kept by
// llvm.compiler.used and registered by one comdat'd constructor, which also
// references the runtime's link-check function. Invokes keep their unwind
// edges. With -allocguard-instrument=roots, calls outside roots are left as
// they were.
#include <allocguard.h>
#include <cstdlib>
#include <new>

inline ALLOCGUARD_ALLOC_FREE void *inline_root(std::size_t n) { return std::malloc(n); }

ALLOCGUARD_ALLOC_FREE int root(std::size_t n) {
  void *p = std::malloc(n);
  std::free(p);
  try {
    int *q = new int(7);
    int v = *q + *(int *)inline_root(4);
    delete q;
    return v;
  } catch (...) {
    return -1;
  }
}

void *outside(std::size_t n) { return std::malloc(n); }

// CHECK-DAG: $allocguard.module_ctor = comdat any
// CHECK-DAG: @__allocguard_site{{.*}} = private constant {{.*}} { i32 1, i32 1, i32 21, i32 {{[0-9]+}}, {{.*}}, section "allocguard_sites", align 8
// CHECK-DAG: @__allocguard_site{{.*}} = private constant {{.*}} { i32 1, i32 3, i32 22, {{.*}}, section "allocguard_sites", align 8
// The inline root's descriptor has a comdat of its own, so that copies of
// its calls inlined elsewhere never refer into a discarded comdat.
// CHECK-DAG: $__allocguard_site._Z11inline_rootm.0 = comdat any
// CHECK-DAG: @__allocguard_site._Z11inline_rootm.0 = linkonce_odr hidden constant {{.*}} { i32 1, i32 1, i32 18, {{.*}}@__allocguard_counters._Z11inline_rootm.0{{.*}}, section "allocguard_sites", comdat, align 8
// CHECK-DAG: @__allocguard_counters._Z11inline_rootm.0 = linkonce_odr hidden global {{.*}} zeroinitializer, comdat, align 8
// ALL-DAG: @llvm.compiler.used = appending global [6 x {{.*}}@__allocguard_site
// ROOTS-DAG: @llvm.compiler.used = appending global [5 x {{.*}}@__allocguard_site
// CHECK-DAG: @__start_allocguard_sites = extern_weak hidden global
// CHECK-DAG: @__stop_allocguard_sites = extern_weak hidden global
// CHECK-DAG: @llvm.global_ctors = appending global {{.*}} @allocguard.module_ctor

// The root raises the thread's scope depth on entry, records its
// descriptor (line 20, its definition) in the slot of the new depth, and
// lowers the depth at its return and where an exception leaves it.
// CHECK-DAG: @__allocguard_scope_depth = external thread_local(initialexec) {{(local_unnamed_addr )?}}global i32
// CHECK-DAG: @__allocguard_scope_roots = external thread_local(initialexec) {{(local_unnamed_addr )?}}global [16 x
// CHECK-DAG: @[[ROOT:__allocguard_root(\.[0-9]+)?]] = private constant { i32, i32, {{.*}} } { i32 1, i32 20, {{.*}} }, align 8
// CHECK-LABEL: define {{.*}} @_Z4rootm(
// CHECK: [[D0:%.*]] = load i32, {{.*}}@__allocguard_scope_depth
// CHECK-NEXT: [[D1:%.*]] = add i32 [[D0]], 1
// CHECK-NEXT: store i32 [[D1]], {{.*}}@__allocguard_scope_depth
// CHECK: and i32 [[D1]], 15
// CHECK: getelementptr inbounds {{.*}}@__allocguard_scope_roots
// CHECK-NEXT: store {{.*}}@[[ROOT]]{{[ ,]}}
// CHECK: call {{.*}} @__allocguard_malloc({{.*}}@__allocguard_site{{.*}}, i64 {{.*}}) [[NOUNWIND:#[0-9]+]]
// CHECK: call void @__allocguard_free({{.*}}@__allocguard_site
// CHECK: invoke {{.*}} @__allocguard__Znwm({{.*}}@__allocguard_site{{.*}}, i64 {{.*}}4)
// CHECK-NEXT: to label %{{.*}} unwind label %{{.*}}
// CHECK: call void @__allocguard__ZdlPv{{m?}}(
// CHECK: [[D2:%.*]] = load i32, {{.*}}@__allocguard_scope_depth
// CHECK-NEXT: [[D3:%.*]] = add i32 [[D2]], -1
// CHECK-NEXT: store i32 [[D3]], {{.*}}@__allocguard_scope_depth
// CHECK-NEXT: ret i32
// CHECK: {{^ +}}cleanup{{$}}
// CHECK-NEXT: [[D4:%.*]] = load i32, {{.*}}@__allocguard_scope_depth
// CHECK-NEXT: [[D5:%.*]] = add i32 [[D4]], -1
// CHECK-NEXT: store i32 [[D5]], {{.*}}@__allocguard_scope_depth
// CHECK-NEXT: resume
// CHECK-LABEL: define {{.*}} @_Z7outsidem(
// ALL: call {{.*}} @__allocguard_malloc({{.*}}@__allocguard_site
// ROOTS: call {{.*}} @malloc(
// CHECK-LABEL: define internal void @allocguard.module_ctor() #{{[0-9]+}} comdat
// CHECK-NEXT: call void @__allocguard_link_with_liballocguard_rt()
// CHECK-NEXT: call void @__allocguard_register_sites({{.*}}@__start_allocguard_sites{{.*}}, {{.*}}@__stop_allocguard_sites{{.*}})
// CHECK-NEXT: ret void

// The call keeps nounwind (no cleanup pad) and allocsize, shifted past the site.
// CHECK: attributes [[NOUNWIND]] = { nounwind{{( allocsize\(1\))?}} }
// OFF-NOT: __allocguard
// NODEALLOC-NOT: @__allocguard_free(
// NODEALLOC-NOT: @__allocguard__ZdlPv
// NODEALLOC: @__allocguard_malloc(
