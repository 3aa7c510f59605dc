/* test_lock.c - allocguard_lock/unlock: nesting, unbalanced unlock, and
 * per-thread independence.
 * Intent: an inner unlock never re-enables allocation for an outer lock,
 * one thread's lock never affects another thread, and an unbalanced unlock
 * is reported once and ignored.
 */
#include "ag_test.h"

#include <pthread.h>

AG_TEST_SITE(s_malloc, 0, "malloc", 12);

static void scenario_nested(void) {
  struct allocguard_stats st;
  allocguard_lock();
  allocguard_lock();
  allocguard_unlock(); /* inner unlock: still locked */
  free(__allocguard_malloc(&s_malloc, 8));
  allocguard_unlock();
  free(__allocguard_malloc(&s_malloc, 8)); /* unlocked: fine */
  allocguard_stats_get(&st);
  printf("violations=%llu depth=%u\n", (unsigned long long)st.violations,
         allocguard_lock_depth());
}

static void scenario_unbalanced(void) {
  allocguard_unlock();
  allocguard_unlock();
  CHECK(allocguard_lock_depth() == 0);
  allocguard_lock(); /* the ignored unlocks do not make the depth negative */
  CHECK(allocguard_lock_depth() == 1);
  allocguard_unlock();
  allocguard_unlock();
  CHECK(allocguard_lock_depth() == 0);
  printf("done\n");
}

/* ---- two threads -------------------------------------------------------- */

static pthread_barrier_t barrier;

static void *locker(void *arg) {
  (void)arg;
  allocguard_lock();
  pthread_barrier_wait(&barrier); /* 1: locked */
  pthread_barrier_wait(&barrier); /* 2: other thread has allocated */
  CHECK(allocguard_lock_depth() == 1);
  allocguard_unlock();
  return NULL;
}

static void test_threads_independent(void) {
  pthread_t t;
  CHECK(pthread_barrier_init(&barrier, NULL, 2) == 0);
  CHECK(pthread_create(&t, NULL, locker, NULL) == 0);
  pthread_barrier_wait(&barrier);
  /* The other thread holds the lock; this one does not. In the default
   * abort mode a leak of the lock across threads would kill the test. */
  CHECK(allocguard_lock_depth() == 0);
  free(__allocguard_malloc(&s_malloc, 4));
  pthread_barrier_wait(&barrier);
  CHECK(pthread_join(t, NULL) == 0);
  CHECK_EQ_U(s_malloc_c.violations, 0);
}

static void test_nesting_depth(void) {
  CHECK(allocguard_lock_depth() == 0);
  allocguard_lock();
  CHECK(allocguard_lock_depth() == 1);
  allocguard_lock();
  CHECK(allocguard_lock_depth() == 2);
  allocguard_unlock();
  CHECK(allocguard_lock_depth() == 1);
  allocguard_unlock();
  CHECK(allocguard_lock_depth() == 0);
}

int main(int argc, char **argv) {
  struct ag_child c;
  if (argc > 1) {
    if (!strcmp(argv[1], "nested"))
      scenario_nested();
    else if (!strcmp(argv[1], "unbalanced"))
      scenario_unbalanced();
    else
      return 99;
    return 0;
  }
  test_nesting_depth();
  test_threads_independent();

  ag_test_child(&c, "nested", "mode=count");
  CHECK_EXITED(&c, 0);
  CHECK_STR(c.out, "violations=1 depth=0\n");

  ag_test_child(&c, "nested", "mode=abort");
  CHECK_SIGNALED(&c, SIGABRT);
  CHECK_CONTAINS(c.out, "allocation while allocguard_lock() is held: "
                        "malloc(8 bytes) at demo.c:12:17 in audio_callback\n");

  ag_test_child(&c, "unbalanced", NULL);
  CHECK_EXITED(&c, 0);
  {
    char expect[512];
    snprintf(expect, sizeof expect,
             "%sWARNING: allocguard: allocguard_unlock() without a matching "
             "allocguard_lock() on this thread; ignored (reported once)\n"
             "done\n",
             ag_test_pid_prefix(&c));
    CHECK_STR(c.out, expect);
  }
  return 0;
}
