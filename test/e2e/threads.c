// RUN: %clang -g -O2 %agload %s %rt_static -lpthread -o %t 2>/dev/null
// RUN: env ALLOCGUARD_OPTIONS=mode=count:summary=1 %t 2>&1 | FileCheck %s
// RUN: env ALLOCGUARD_OPTIONS=mode=log %t > %t.log 2>&1
// RUN: FileCheck %s --check-prefix=LOG < %t.log
// RUN: FileCheck %s --check-prefix=LOG-TWO < %t.log
// Intent: with 4 threads calling a root at the same time, every checked call
// is counted exactly once in the totals and in the per-site counters, and in
// log mode each site is still reported exactly once.

#include <allocguard.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

#define THREADS 4
#define ITERATIONS 5000

ALLOCGUARD_ALLOC_FREE int render(int i) {
  int *block = malloc(48);
  block[0] = i;
  int v = block[0];
  free(block);
  return v;
}

static pthread_barrier_t start;

static void *worker(void *arg) {
  long sum = 0;
  pthread_barrier_wait(&start);
  for (int i = 0; i < ITERATIONS; ++i)
    sum += render(i);
  *(long *)arg = sum;
  return NULL;
}

int main(void) {
  pthread_t t[THREADS];
  long sums[THREADS];
  pthread_barrier_init(&start, NULL, THREADS);
  for (int i = 0; i < THREADS; ++i)
    pthread_create(&t[i], NULL, worker, &sums[i]);
  int ok = 1;
  for (int i = 0; i < THREADS; ++i) {
    pthread_join(t[i], NULL);
    ok &= sums[i] == (long)ITERATIONS * (ITERATIONS - 1) / 2;
  }
  struct allocguard_stats s;
  allocguard_stats_get(&s);
  fprintf(stderr, "sums ok=%d allocations=%llu frees=%llu bytes=%llu violations=%llu\n", ok,
          (unsigned long long)s.allocations, (unsigned long long)s.frees,
          (unsigned long long)s.bytes, (unsigned long long)s.violations);
  return 0;
}

// CHECK-NOT: allocguard
// CHECK: sums ok=1 allocations=20000 frees=20000 bytes=960000 violations=40000
// CHECK-NEXT: allocguard: summary: 20000 allocations, 20000 frees, 960000 bytes, 40000 violations at 2 registered sites; peak {{[0-9]+}} live bytes, {{[0-9]+}} at exit; let through: {{[0-9]+}} permitted, {{[0-9]+}} suppressed, {{[0-9]+}} budgeted
// CHECK-DAG: allocguard: site {{.*}}threads.c:[[@LINE-40]]:16 in render: malloc: 20000 calls, 960000 bytes, 20000 violations{{$}}
// CHECK-DAG: allocguard: site {{.*}}threads.c:[[@LINE-38]]:3 in render: free: 20000 calls, 0 bytes, 20000 violations{{$}}

// The two sites' first reports may come from different threads, in either order.
// LOG-DAG: ERROR: allocguard: allocation in alloc_free scope: malloc(48 bytes) at {{.*}}threads.c:[[@LINE-44]]:16 in render; root {{.+}}{{$}}
// LOG-DAG: ERROR: allocguard: deallocation in alloc_free scope: free at {{.*}}threads.c:[[@LINE-42]]:3 in render; root {{.+}}{{$}}
// LOG-NOT: ERROR
// LOG: sums ok=1 allocations=20000 frees=20000 bytes=960000 violations=40000
// LOG-NOT: ERROR
// LOG-TWO-COUNT-2: ERROR: allocguard:
// LOG-TWO-NOT: ERROR

#include "Inputs/count_calls.h" // the checks read the counts
