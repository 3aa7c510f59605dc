// RUN: %clang -g -fPIC -shared -DLIB %agload %s %rt_shared -Wl,-rpath,%rt_dir -o %t.lib.so 2>/dev/null
// RUN: %clang -g %agload %s %rt_shared -Wl,-rpath,%rt_dir -ldl -o %t 2>/dev/null
// RUN: env ALLOCGUARD_OPTIONS=mode=log:summary=1 %t %t.lib.so 2>&1 | FileCheck %s
// RUN: env ALLOCGUARD_OPTIONS=mode=count %t %t.lib.so reset 2>&1 | FileCheck %s --check-prefix=RESET
// Intent: an instrumented library that is dlopen'ed, used and dlclose'd
// before exit leaves nothing behind that the runtime still reads: the exit
// summary and allocguard_stats_reset() run without touching the unloaded
// library's site descriptors, and the executable's own sites are kept.

#include <allocguard.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#ifdef LIB
ALLOCGUARD_ALLOC_FREE void *lib_process(void) {
  return malloc(11);
}
#else
#include <dlfcn.h>

ALLOCGUARD_ALLOC_FREE void *exe_process(void) {
  return malloc(7);
}

int main(int argc, char **argv) {
  free(exe_process());
  void *lib = dlopen(argv[1], RTLD_NOW);
  if (!lib) {
    fprintf(stderr, "dlopen: %s\n", dlerror());
    return 1;
  }
  void *(*lib_process)(void) = (void *(*)(void))dlsym(lib, "lib_process");
  free(lib_process());
  dlclose(lib);
  fprintf(stderr, "unloaded\n");
  if (argc > 2 && strcmp(argv[2], "reset") == 0) {
    allocguard_stats_reset();
    struct allocguard_stats s;
    allocguard_stats_get(&s);
    fprintf(stderr, "reset: allocations=%llu violations=%llu\n",
            (unsigned long long)s.allocations,
            (unsigned long long)s.violations);
  }
  fprintf(stderr, "exiting\n");
  return 0;
}
#endif

// CHECK: ERROR: allocguard: allocation in alloc_free scope: malloc(7 bytes) at {{.*}}dso_dlclose.c:[[@LINE-27]]:10 in exe_process; root {{.+}}{{$}}
// CHECK-NEXT: ERROR: allocguard: allocation in alloc_free scope: malloc(11 bytes) at {{.*}}dso_dlclose.c:[[@LINE-34]]:10 in lib_process; root {{.+}}{{$}}
// CHECK-NEXT: unloaded
// CHECK-NEXT: exiting
// Totals keep what the library did; its sites may no longer be listed.
// (main's two frees are checked sites too, outside any scope.)
// CHECK-NEXT: allocguard: summary: 2 allocations, 2 frees, 18 bytes, 2 violations at {{[0-9]+}} registered sites; peak {{[0-9]+}} live bytes, {{[0-9]+}} at exit; let through: {{[0-9]+}} permitted, {{[0-9]+}} suppressed, {{[0-9]+}} budgeted
// CHECK: allocguard: site {{.*}}dso_dlclose.c:[[@LINE-34]]:10 in exe_process: malloc: 1 calls, 7 bytes, 1 violations{{$}}

// RESET: unloaded
// RESET-NEXT: reset: allocations=0 violations=0
// RESET-NEXT: exiting
// RESET-NOT: {{.}}

#include "Inputs/count_calls.h" // the checks read the counts
