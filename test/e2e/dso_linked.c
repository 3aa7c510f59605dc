// RUN: %clang -g -fPIC -shared -DLIB %agload %s %rt_shared -Wl,-rpath,%rt_dir -o %t.lib.so 2>/dev/null
// RUN: %clang -g %agload %s %t.lib.so %rt_shared -Wl,-rpath,%rt_dir -o %t 2>/dev/null
// RUN: env ALLOCGUARD_OPTIONS=mode=log:summary=1 %t 2>&1 | FileCheck %s
// RUN: not --crash %t 2>&1 | FileCheck %s --check-prefix=ABORT
// Intent: an instrumented shared library and an instrumented executable each
// register their own sites (the section bounds are per DSO); reports and the
// summary name sites from both.

#include <allocguard.h>
#include <stdio.h>
#include <stdlib.h>

#ifdef LIB
ALLOCGUARD_ALLOC_FREE void *lib_process(void) {
  return malloc(11);
}
#else
void *lib_process(void);

ALLOCGUARD_ALLOC_FREE void *exe_process(void) {
  return malloc(7);
}

int main(void) {
  free(lib_process());
  free(exe_process());
  free(lib_process());
  fprintf(stderr, "done\n");
  return 0;
}
#endif

// ABORT: ERROR: allocguard: allocation in alloc_free scope: malloc(11 bytes) at {{.*}}dso_linked.c:[[@LINE-18]]:10 in lib_process; root {{.+}}{{$}}
// ABORT-NOT: done

// CHECK: ERROR: allocguard: allocation in alloc_free scope: malloc(11 bytes) at {{.*}}dso_linked.c:[[@LINE-21]]:10 in lib_process; root {{.+}}{{$}}
// CHECK-NEXT: ERROR: allocguard: allocation in alloc_free scope: malloc(7 bytes) at {{.*}}dso_linked.c:[[@LINE-16]]:10 in exe_process; root {{.+}}{{$}}
// CHECK-NEXT: done
// CHECK-NEXT: allocguard: summary: 3 allocations, 3 frees, 29 bytes, 3 violations at 5 registered sites; peak {{[0-9]+}} live bytes, {{[0-9]+}} at exit; let through: {{[0-9]+}} permitted, {{[0-9]+}} suppressed, {{[0-9]+}} budgeted
// CHECK-DAG: allocguard: site {{.*}}dso_linked.c:[[@LINE-25]]:10 in lib_process: malloc: 2 calls, 22 bytes, 2 violations{{$}}
// CHECK-DAG: allocguard: site {{.*}}dso_linked.c:[[@LINE-20]]:10 in exe_process: malloc: 1 calls, 7 bytes, 1 violations{{$}}
// CHECK-DAG: allocguard: site {{.*}}dso_linked.c:25:3 in main: free: 1 calls, 0 bytes, 0 violations{{$}}
// CHECK-DAG: allocguard: site {{.*}}dso_linked.c:26:3 in main: free: 1 calls, 0 bytes, 0 violations{{$}}
// CHECK-DAG: allocguard: site {{.*}}dso_linked.c:27:3 in main: free: 1 calls, 0 bytes, 0 violations{{$}}
// CHECK-NOT: {{.}}
