// RUN: %clang -g -O2 %agload %s %rt_static -lpthread -o %t 2>/dev/null
// RUN: env ALLOCGUARD_OPTIONS=mode=count:summary=1 %t 2>&1 | FileCheck %s
// Intent: a root's alloc_free scope belongs to the thread running it: while
// one thread is inside a root, another thread calling the same helper
// outside any root is not in violation; exact totals over 4 threads.

#include <allocguard.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

#define ROUNDS 2000

__attribute__((noinline)) void *helper(size_t n) {
  return malloc(n);
}

static pthread_barrier_t both_ready, done;

// Holds its scope open until the other threads have finished their work.
ALLOCGUARD_ALLOC_FREE __attribute__((noinline)) void hold_scope(void) {
  pthread_barrier_wait(&both_ready);
  pthread_barrier_wait(&done);
}

static void *in_root(void *arg) {
  (void)arg;
  hold_scope();
  return NULL;
}

static void *outside(void *arg) {
  (void)arg;
  pthread_barrier_wait(&both_ready);
  for (int i = 0; i < ROUNDS; ++i)
    free(helper(32));
  pthread_barrier_wait(&done);
  return NULL;
}

// A root and its helper calls, on each of two threads.
ALLOCGUARD_ALLOC_FREE __attribute__((noinline)) void root_work(void) {
  for (int i = 0; i < ROUNDS; ++i)
    free(helper(16));
}

static void *inside(void *arg) {
  (void)arg;
  pthread_barrier_wait(&both_ready);
  root_work();
  pthread_barrier_wait(&done);
  return NULL;
}

int main(void) {
  pthread_t t[4];
  pthread_barrier_init(&both_ready, NULL, 4);
  pthread_barrier_init(&done, NULL, 4);
  pthread_create(&t[0], NULL, in_root, NULL);
  pthread_create(&t[1], NULL, outside, NULL);
  pthread_create(&t[2], NULL, inside, NULL);
  pthread_create(&t[3], NULL, inside, NULL);
  for (int i = 0; i < 4; ++i)
    pthread_join(t[i], NULL);
  struct allocguard_stats s;
  allocguard_stats_get(&s);
  fprintf(stderr, "allocations=%llu frees=%llu bytes=%llu violations=%llu\n",
          (unsigned long long)s.allocations, (unsigned long long)s.frees,
          (unsigned long long)s.bytes, (unsigned long long)s.violations);
  return 0;
}

// outside: 2000 x (32-byte malloc + free), no violations; inside (x2):
// 2000 x (16-byte malloc + free), all violations.
// CHECK-NOT: allocguard
// CHECK: allocations=6000 frees=6000 bytes=128000 violations=8000
// CHECK-NEXT: allocguard: summary: 6000 allocations, 6000 frees, 128000 bytes, 8000 violations at 3 registered sites; peak {{[0-9]+}} live bytes, {{[0-9]+}} at exit; let through: {{[0-9]+}} permitted, {{[0-9]+}} suppressed, {{[0-9]+}} budgeted
// CHECK-DAG: allocguard: site {{.*}}scope_threads.c:[[@LINE-63]]:10 in helper: malloc: 6000 calls, 128000 bytes, 4000 violations{{$}}
// CHECK-DAG: allocguard: site {{.*}}scope_threads.c:[[@LINE-43]]:5 in outside: free: 2000 calls, 0 bytes, 0 violations{{$}}
// CHECK-DAG: allocguard: site {{.*}}scope_threads.c:[[@LINE-36]]:5 in root_work: free: 4000 calls, 0 bytes, 4000 violations{{$}}
