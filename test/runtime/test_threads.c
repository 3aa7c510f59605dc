/* test_threads.c - exact counts under contention, locks stay per thread.
 * Intent: 8 threads x 100000 malloc/free through the wrappers give exact
 * totals while a ninth thread holds allocguard_lock() and gets exactly its
 * own violations (count mode, set through the default options hook).
 */
#include "ag_test.h"

#include <pthread.h>

#define WORKERS 8
#define ITERS 100000
#define LOCKED_ITERS 1000

const char *__allocguard_default_options(void) { return "mode=count"; }

AG_TEST_SITE(s_malloc, 0, "malloc", 10);
AG_TEST_SITE(s_free, AG_SITE_DEALLOC, "free", 11);
AG_TEST_SITE(s_locked_malloc, 0, "malloc", 20);
AG_TEST_SITE(s_locked_free, AG_SITE_DEALLOC, "free", 21);

static pthread_barrier_t start;

static void *worker(void *arg) {
  (void)arg;
  pthread_barrier_wait(&start);
  for (int i = 0; i < ITERS; i++) {
    void *p = __allocguard_malloc(&s_malloc, 16);
    CHECK(p != NULL);
    __allocguard_free(&s_free, p);
  }
  CHECK(allocguard_lock_depth() == 0);
  return NULL;
}

static void *locked(void *arg) {
  (void)arg;
  allocguard_lock();
  pthread_barrier_wait(&start);
  for (int i = 0; i < LOCKED_ITERS; i++)
    __allocguard_free(&s_locked_free, __allocguard_malloc(&s_locked_malloc, 8));
  allocguard_unlock();
  return NULL;
}

int main(void) {
  pthread_t t[WORKERS + 1];
  struct allocguard_stats st;
  CHECK(pthread_barrier_init(&start, NULL, WORKERS + 1) == 0);
  for (int i = 0; i < WORKERS; i++)
    CHECK(pthread_create(&t[i], NULL, worker, NULL) == 0);
  CHECK(pthread_create(&t[WORKERS], NULL, locked, NULL) == 0);
  for (int i = 0; i <= WORKERS; i++)
    CHECK(pthread_join(t[i], NULL) == 0);

  allocguard_stats_get(&st);
  CHECK_EQ_U(st.allocations, (uint64_t)WORKERS * ITERS + LOCKED_ITERS);
  CHECK_EQ_U(st.frees, (uint64_t)WORKERS * ITERS + LOCKED_ITERS);
  CHECK_EQ_U(st.bytes, (uint64_t)WORKERS * ITERS * 16 + LOCKED_ITERS * 8);
  CHECK_EQ_U(st.violations, 2 * LOCKED_ITERS);
  CHECK_EQ_U(s_malloc_c.calls, (uint64_t)WORKERS * ITERS);
  CHECK_EQ_U(s_malloc_c.bytes, (uint64_t)WORKERS * ITERS * 16);
  CHECK_EQ_U(s_malloc_c.violations, 0);
  CHECK_EQ_U(s_free_c.calls, (uint64_t)WORKERS * ITERS);
  CHECK_EQ_U(s_free_c.violations, 0);
  CHECK_EQ_U(s_locked_malloc_c.violations, LOCKED_ITERS);
  CHECK_EQ_U(s_locked_free_c.violations, LOCKED_ITERS);
  CHECK_EQ_U(s_locked_malloc_c.reported, 0); /* count mode: never reported */
  return 0;
}
