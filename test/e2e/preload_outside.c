// RUN: rm -rf %t.dir && mkdir -p %t.dir
// RUN: %clang -g -shared -fPIC %S/Inputs/preload_lib.c -o %t.dir/libpreload_lib.so
// RUN: %clang -g %agload %s -L%t.dir -lpreload_lib %rt_shared -Wl,-rpath,%t.dir:%rt_dir -lpthread -o %t 2>/dev/null
// RUN: env LD_PRELOAD=%rt_dir/liballocguard_preload.so ALLOCGUARD_OPTIONS=mode=log %t 2>&1 | FileCheck %s
// The same program built with no plugin and no runtime at all: the preload
// library (and the runtime it brings) changes nothing.
// RUN: %clang -g -DPLAIN %s -L%t.dir -lpreload_lib -Wl,-rpath,%t.dir -lpthread -o %t.plain
// RUN: %t.plain > %t.plain.out 2>&1
// RUN: env LD_PRELOAD=%rt_dir/liballocguard_preload.so ALLOCGUARD_OPTIONS=mode=log:summary=1 %t.plain 2>&1 | FileCheck %s --check-prefix=PLAIN
// RUN: FileCheck %s --check-prefix=PLAIN-NOSUM < %t.plain.out
// Intent: with liballocguard_preload.so loaded, allocations outside any
// scope are never reported: before and after a root, and on another
// thread while the main thread is inside a root (the depth is per thread).
// A program that uses no allocguard at all runs as before under it.

#ifndef PLAIN
#include <allocguard.h>
#else
#define ALLOCGUARD_ALLOC_FREE
#endif
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void *lib_make(size_t n);
void lib_drop(void *p);
char *lib_copy(const char *s);

static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t cv = PTHREAD_COND_INITIALIZER;
static int in_root, worker_done;

// Allocates a lot, directly and through libc, while main sits in a root.
static void *worker(void *arg) {
  (void)arg;
  pthread_mutex_lock(&mu);
  while (!in_root)
    pthread_cond_wait(&cv, &mu);
  pthread_mutex_unlock(&mu);
  for (int i = 0; i < 1000; ++i) {
    lib_drop(lib_make(32 + i));
    free(strdup("worker"));
  }
  pthread_mutex_lock(&mu);
  worker_done = 1;
  pthread_cond_broadcast(&cv);
  pthread_mutex_unlock(&mu);
  return 0;
}

// Waits for the worker inside the scope, then allocates once itself: the
// control that shows the scope was open all along.
ALLOCGUARD_ALLOC_FREE void hold_scope(void) {
  pthread_mutex_lock(&mu);
  in_root = 1;
  pthread_cond_broadcast(&cv);
  while (!worker_done)
    pthread_cond_wait(&cv, &mu);
  pthread_mutex_unlock(&mu);
  lib_drop(lib_make(7));
}

int main(void) {
  pthread_t t;
  lib_drop(lib_copy("before"));
  pthread_create(&t, 0, worker, 0);
  hold_scope();
  pthread_join(t, 0);
  lib_drop(lib_copy("after"));
  char *s = strdup("end");
  fprintf(stderr, "done: %s\n", s);
  free(s);
#ifndef PLAIN
  struct allocguard_stats st;
  allocguard_stats_get(&st);
  fprintf(stderr, "violations=%llu\n", (unsigned long long)st.violations);
#endif
  return 0;
}

// CHECK-NOT:  allocguard
// CHECK:      =={{[0-9]+}}==ERROR: allocguard: allocation in alloc_free scope: malloc(7 bytes) called from libpreload_lib.so+0x{{[0-9a-f]+}} (lib_make); root {{.+}}{{$}}
// CHECK: {{^}}    #{{[0-9]+}} 0x{{[0-9a-f]+}} in hold_scope {{.*}}preload_outside.c:61:{{[0-9]+}} <- user code{{$}}
// CHECK-NEXT: =={{[0-9]+}}==ERROR: allocguard: deallocation in alloc_free scope: free called from libpreload_lib.so+0x{{[0-9a-f]+}} (lib_drop); root {{.+}}{{$}}
// CHECK: {{^}}    #{{[0-9]+}} 0x{{[0-9a-f]+}} in hold_scope {{.*}}preload_outside.c:61:{{[0-9]+}} <- user code{{$}}
// CHECK-NEXT: done: end
// CHECK-NEXT: violations=2
// CHECK-NOT:  {{.}}

// PLAIN-NOT:  ERROR
// PLAIN:      done: end
// PLAIN-NEXT: =={{[0-9]+}}==allocguard: summary: 0 allocations, 0 frees, 0 bytes, 0 violations at 0 registered sites; peak {{[0-9]+}} live bytes, {{[0-9]+}} at exit; let through: {{[0-9]+}} permitted, {{[0-9]+}} suppressed, {{[0-9]+}} budgeted
// PLAIN-NOT:  {{.}}

// PLAIN-NOSUM:     done: end
// PLAIN-NOSUM-NOT: {{.}}

#ifndef PLAIN
#include "Inputs/count_calls.h" // the checks read the counts
#endif
