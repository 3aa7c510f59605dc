// RUN: %clang -g -fPIC -shared -DLIB_A %agload %s %rt_shared -Wl,-rpath,%rt_dir -o %t.a.so 2>/dev/null
// RUN: %clang -g -fPIC -shared -DLIB_B -I%S/../../include %s -o %t.b.so
// RUN: %clang -g %agload %s %rt_shared -Wl,-rpath,%rt_dir -ldl -o %t 2>/dev/null
// RUN: env ALLOCGUARD_OPTIONS=mode=count:summary=1 %t %t.a.so %t.b.so 2>&1 | FileCheck %s
// Intent: after an instrumented library is dlclose'd, another library the
// loader maps at the same address is not mistaken for it: the runtime never
// reads the new library's data as site descriptors (no crash, no bogus sites,
// no ABI-version warning), and the summary lists only live sites.

#define _GNU_SOURCE // dladdr
#include <allocguard.h>
#include <stdio.h>
#include <stdlib.h>

#if defined(LIB_A)
int table[1024]; // .bss; same size as B's, so B fits A's hole exactly

ALLOCGUARD_ALLOC_FREE void *lib_entry(void) {
  table[0]++;
  return malloc(11);
}
#elif defined(LIB_B)
// Ordinary data that happens to start with small integers, as a descriptor
// would (abi_version 1).
#define X8 1, 1, 1, 1, 1, 1, 1, 1
#define X64 X8, X8, X8, X8, X8, X8, X8, X8
#define X512 X64, X64, X64, X64, X64, X64, X64, X64
int table[1024] = {X512, X512};

void *lib_entry(void) { return &table[1023]; }
#else
#include <dlfcn.h>

ALLOCGUARD_ALLOC_FREE void *exe_process(void) {
  return malloc(7);
}

static void *base_of(void *sym) {
  Dl_info info;
  return dladdr(sym, &info) ? info.dli_fbase : NULL;
}

int main(int argc, char **argv) {
  free(exe_process());
  void *a = dlopen(argv[1], RTLD_NOW);
  void *(*entry)(void) = (void *(*)(void))dlsym(a, "lib_entry");
  void *base_a = base_of((void *)entry);
  free(entry());
  dlclose(a);
  void *b = dlopen(argv[2], RTLD_NOW);
  entry = (void *(*)(void))dlsym(b, "lib_entry");
  // The premise of the test: the loader reused A's address range for B.
  fprintf(stderr, "B mapped where A was: %s; B's last entry %d\n",
          base_of((void *)entry) == base_a ? "yes" : "no", *(int *)entry());
  return 0;
}
#endif

// CHECK-NOT: allocguard
// CHECK: B mapped where A was: yes; B's last entry 1
// CHECK-NEXT: allocguard: summary: 2 allocations, 2 frees, 18 bytes, 2 violations at 3 registered sites; peak {{[0-9]+}} live bytes, {{[0-9]+}} at exit; let through: {{[0-9]+}} permitted, {{[0-9]+}} suppressed, {{[0-9]+}} budgeted
// CHECK-NEXT: allocguard: site {{.*}}dso_dlclose_reuse.c:[[@LINE-27]]:10 in exe_process: malloc: 1 calls, 7 bytes, 1 violations{{$}}
// CHECK-NEXT: allocguard: site {{.*}}dso_dlclose_reuse.c:44:3 in main: free: 1 calls, 0 bytes, 0 violations{{$}}
// CHECK-NEXT: allocguard: site {{.*}}dso_dlclose_reuse.c:48:3 in main: free: 1 calls, 0 bytes, 0 violations{{$}}
// CHECK-NOT: {{.}}
