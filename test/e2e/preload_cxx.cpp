// RUN: rm -rf %t.dir && mkdir -p %t.dir
// RUN: %clangxx -g -shared -fPIC %S/Inputs/preload_lib.cpp -o %t.dir/libpreload_libxx.so
// RUN: %clangxx -g %agload %s -L%t.dir -lpreload_libxx %rt_shared -Wl,-rpath,%t.dir:%rt_dir -lpthread -o %t 2>/dev/null
// RUN: env ALLOCGUARD_OPTIONS=mode=log %t 2>&1 | FileCheck %s --check-prefix=LOG
// RUN: %clangxx -g %agload %s -L%t.dir -lpreload_libxx %rt_nointercept -Wl,-rpath,%t.dir -lpthread -o %t.noint 2>/dev/null
// RUN: env ALLOCGUARD_OPTIONS=mode=log %t.noint 2>&1 | FileCheck %s --check-prefix=NONE
// RUN: env LD_PRELOAD=%rt_dir/liballocguard_preload.so not --crash %t 2>&1 | FileCheck %s --check-prefix=ABORT
// RUN: env LD_PRELOAD=%rt_dir/liballocguard_preload.so ALLOCGUARD_OPTIONS=mode=log %t 2>&1 | FileCheck %s --check-prefix=LOG
// Intent: operator new[] / delete[] and std::vector's allocator inside a C++
// library built without the plugin, called from a root, are caught by the
// interposers of the linked runtime, and the same with
// liballocguard_preload.so preloaded (not twice), named by the operator and
// the (mangled) caller; liballocguard_rt_nointercept.a reports only the
// rewritten calls; the root's own checked new is reported once, not a second time by
// the interposed operator below its wrapper; new and delete outside the
// root, and std::bad_alloc from the interposed operator new, still work.

#include <allocguard.h>
#include <cstdio>
#include <new>

int *lib_new_array(int n);
void lib_delete_array(int *p);
long lib_vector_sum(int n);
void *lib_huge(bool nothrow);

ALLOCGUARD_ALLOC_FREE long process() {
  int *p = lib_new_array(16);
  lib_delete_array(p);
  long *own = new long(7);
  long r = lib_vector_sum(4) + *own;
  delete own;
  return r;
}

int main() {
  int *outside = new int[100]; // outside any scope: never reported
  delete[] outside;
  std::fprintf(stderr, "start\n");
  long r = process();
  bool threw = false;
  try {
    (void)lib_huge(false);
  } catch (const std::bad_alloc &) {
    threw = true;
  }
  void *null = lib_huge(true);
  std::fprintf(stderr, "done %ld threw=%d null=%d\n", r, threw, null == 0);
  return 0;
}

// NONE:      start
// NONE-NEXT: =={{[0-9]+}}==ERROR: allocguard: allocation in alloc_free scope: operator new(unsigned long) (8 bytes) at {{.*}}preload_cxx.cpp:30:15 in process(); root {{.+}}{{$}}
// NONE-NEXT: =={{[0-9]+}}==ERROR: allocguard: deallocation in alloc_free scope: operator delete(void*{{.*}}) at {{.*}}preload_cxx.cpp:32:3 in process(); root {{.+}}{{$}}
// NONE-NEXT: done 11 threw=1 null=1
// NONE-NOT:  {{.}}

// ABORT:      start
// ABORT-NEXT: =={{[0-9]+}}==ERROR: allocguard: allocation in alloc_free scope: operator new[](unsigned long) (64 bytes) called from libpreload_libxx.so+0x{{[0-9a-f]+}} (_Z13lib_new_arrayi); root {{.+}}{{$}}
// ABORT: {{^}}    #{{[0-9]+}} 0x{{[0-9a-f]+}} in process() {{.*}}preload_cxx.cpp:28:{{[0-9]+}} <- user code{{$}}
// ABORT-NOT:  done

// LOG:      start
// LOG-NEXT: =={{[0-9]+}}==ERROR: allocguard: allocation in alloc_free scope: operator new[](unsigned long) (64 bytes) called from libpreload_libxx.so+0x{{[0-9a-f]+}} (_Z13lib_new_arrayi); root {{.+}}{{$}}
// LOG: {{^}}    #{{[0-9]+}} 0x{{[0-9a-f]+}} in process() {{.*}}preload_cxx.cpp:28:{{[0-9]+}} <- user code{{$}}
// LOG-NEXT: =={{[0-9]+}}==ERROR: allocguard: deallocation in alloc_free scope: operator delete[](void*) called from libpreload_libxx.so+0x{{[0-9a-f]+}} (_Z16lib_delete_arrayPi); root {{.+}}{{$}}
// LOG: {{^}}    #{{[0-9]+}} 0x{{[0-9a-f]+}} in process() {{.*}}preload_cxx.cpp:29:{{[0-9]+}} <- user code{{$}}
// LOG-NEXT: =={{[0-9]+}}==ERROR: allocguard: allocation in alloc_free scope: operator new(unsigned long) (8 bytes) at {{.*}}preload_cxx.cpp:30:15 in process(); root {{.+}}{{$}}
// LOG-NEXT: =={{[0-9]+}}==ERROR: allocguard: allocation in alloc_free scope: operator new(unsigned long) (32 bytes) called from libpreload_libxx.so+0x{{[0-9a-f]+}} ({{.*}}allocate{{.*}}); root {{.+}}{{$}}
// LOG: {{^}}    #{{[0-9]+}} 0x{{[0-9a-f]+}} in process() {{.*}}preload_cxx.cpp:31:{{[0-9]+}} <- user code{{$}}
// LOG-NEXT: =={{[0-9]+}}==ERROR: allocguard: deallocation in alloc_free scope: operator delete(void*{{.*}}) called from libpreload_libxx.so+0x{{[0-9a-f]+}} ({{.*}}deallocate{{.*}}); root {{.+}}{{$}}
// LOG: {{^}}    #{{[0-9]+}} 0x{{[0-9a-f]+}} in process() {{.*}}preload_cxx.cpp:31:{{[0-9]+}} <- user code{{$}}
// LOG-NEXT: =={{[0-9]+}}==ERROR: allocguard: deallocation in alloc_free scope: operator delete(void*{{.*}}) at {{.*}}preload_cxx.cpp:32:3 in process(); root {{.+}}{{$}}
// LOG-NEXT: done 11 threw=1 null=1
// LOG-NOT:  {{.}}
