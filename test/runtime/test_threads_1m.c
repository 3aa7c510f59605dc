/* test_threads_1m.c - exact counts at scale, with permits and a budget.
 * Intent: 8 threads x 1,000,000 malloc/free pairs through the wrappers give
 * exact allocation, free, byte and live-byte totals while a ninth thread
 * holds allocguard_lock() with a budget and permits, whose calls split
 * exactly into permitted, budgeted and violations; the peak stays within
 * what the threads ever held at once.
 */
#include "ag_test.h"

#include <malloc.h>
#include <pthread.h>
#include <time.h>

#define WORKERS 8
#ifndef AG_TEST_ITERS /* the sanitizer builds run fewer */
#define AG_TEST_ITERS 1000000
#endif
#define LOCKED_ITERS 1000
#define BUDGET 100

const char *__allocguard_default_options(void) { return "mode=count"; }

AG_TEST_SITE(s_malloc, 0, "malloc", 10);
AG_TEST_SITE(s_free, AG_SITE_DEALLOC, "free", 11);
AG_TEST_SITE(s_locked_malloc, 0, "malloc", 20);
AG_TEST_SITE(s_locked_free, AG_SITE_DEALLOC, "free", 21);

static pthread_barrier_t start;

static void *worker(void *arg) {
  (void)arg;
  pthread_barrier_wait(&start);
  for (long i = 0; i < AG_TEST_ITERS; i++) {
    void *p = __allocguard_malloc(&s_malloc, 16);
    CHECK(p != NULL);
    __allocguard_free(&s_free, p);
  }
  return NULL;
}

/* Even iterations run in a permit; the odd ones' first BUDGET calls fit
 * the lock's budget, the rest are violations. */
static void *locked(void *arg) {
  (void)arg;
  allocguard_lock_budget(BUDGET, 0);
  pthread_barrier_wait(&start);
  for (int i = 0; i < LOCKED_ITERS; i++) {
    if (i % 2 == 0)
      allocguard_permit_begin();
    __allocguard_free(&s_locked_free, __allocguard_malloc(&s_locked_malloc, 8));
    if (i % 2 == 0)
      allocguard_permit_end();
  }
  allocguard_unlock();
  return NULL;
}

int main(void) {
  pthread_t t[WORKERS + 1];
  struct allocguard_stats st;
  struct timespec t0, t1;
  uint64_t n = (uint64_t)WORKERS * AG_TEST_ITERS;
  void *probe = malloc(16);
  size_t u16 = malloc_usable_size(probe), u8;
  free(probe);
  probe = malloc(8);
  u8 = malloc_usable_size(probe);
  free(probe);

  CHECK(pthread_barrier_init(&start, NULL, WORKERS + 1) == 0);
  clock_gettime(CLOCK_MONOTONIC, &t0);
  for (int i = 0; i < WORKERS; i++)
    CHECK(pthread_create(&t[i], NULL, worker, NULL) == 0);
  CHECK(pthread_create(&t[WORKERS], NULL, locked, NULL) == 0);
  for (int i = 0; i <= WORKERS; i++)
    CHECK(pthread_join(t[i], NULL) == 0);
  clock_gettime(CLOCK_MONOTONIC, &t1);

  allocguard_stats_get(&st);
  CHECK_EQ_U(st.allocations, n + LOCKED_ITERS);
  CHECK_EQ_U(st.frees, n + LOCKED_ITERS);
  CHECK_EQ_U(st.bytes, n * 16 + LOCKED_ITERS * 8);
  CHECK_EQ_U(st.permitted, LOCKED_ITERS);          /* 500 pairs */
  CHECK_EQ_U(st.budgeted, BUDGET);                 /* of the other 1000 */
  CHECK_EQ_U(st.violations, LOCKED_ITERS - BUDGET);
  CHECK_EQ_U(st.suppressed, 0);
  CHECK_EQ_U(st.live_bytes, 0);
  CHECK(st.peak_live_bytes >= u16);
  CHECK(st.peak_live_bytes <= WORKERS * u16 + u8);
  CHECK_EQ_U(s_malloc_c.calls, n);
  CHECK_EQ_U(s_malloc_c.bytes, n * 16);
  CHECK_EQ_U(s_malloc_c.violations, 0);
  CHECK_EQ_U(s_free_c.calls, n);
  CHECK_EQ_U(s_locked_malloc_c.calls + s_locked_free_c.calls,
             2 * LOCKED_ITERS);
  CHECK_EQ_U(s_locked_malloc_c.violations + s_locked_free_c.violations,
             LOCKED_ITERS - BUDGET);
  printf("%llu malloc/free pairs on %d threads: %.1f ns per pair per thread\n",
         (unsigned long long)n, WORKERS,
         ((t1.tv_sec - t0.tv_sec) * 1e9 + (t1.tv_nsec - t0.tv_nsec)) * WORKERS /
             (double)n);
  return 0;
}
