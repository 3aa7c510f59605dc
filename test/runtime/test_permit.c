/* test_permit.c - allocguard_permit_begin/end.
 * Intent: a permit lets checked calls through (counted as permitted, not as
 * violations) at the level it began at; a lock taken or a root entered
 * inside it is checked again until it ends; nested permits restore the
 * outer one; permits are per thread; an unbalanced end warns once; a
 * permit nested past the stack's depth permits nothing.
 */
#include "ag_test.h"

#include <pthread.h>
#include <stdint.h>

extern __thread uint32_t __allocguard_scope_depth;

const char *__allocguard_default_options(void) { return "mode=count"; }

AG_TEST_SITE(s_malloc, 0, "malloc", 12);
AG_TEST_SITE(s_free, AG_SITE_DEALLOC, "free", 13);
AG_TEST_SITE(s_root, AG_SITE_IN_ROOT, "malloc", 14);

static struct allocguard_stats st;

/* One checked malloc (and a plain free); returns the change in
 * violations and permitted as 10*violations + permitted. */
static int one(const struct __allocguard_site *site) {
  uint64_t v, p;
  allocguard_stats_get(&st);
  v = st.violations;
  p = st.permitted;
  free(__allocguard_malloc(site, 8));
  allocguard_stats_get(&st);
  return (int)(10 * (st.violations - v) + (st.permitted - p));
}

#define VIOLATION 10
#define PERMITTED 1
#define NOTHING 0

static void test_basic(void) {
  allocguard_permit_begin(); /* outside any scope: nothing to permit */
  CHECK_EQ_U(one(&s_malloc), NOTHING);
  allocguard_permit_end();

  allocguard_lock();
  allocguard_permit_begin();
  CHECK_EQ_U(one(&s_malloc), PERMITTED);
  CHECK_EQ_U(one(&s_root), PERMITTED);
  allocguard_stats_get(&st);
  /* deallocations too */
  __allocguard_free(&s_free, malloc(4));
  allocguard_stats_get(&st);
  CHECK_EQ_U(st.permitted, 3);
  allocguard_permit_end();
  CHECK_EQ_U(one(&s_malloc), VIOLATION);
  allocguard_unlock();
  CHECK_EQ_U(s_malloc_c.violations, 1); /* permitted calls are no site
                                           violations either */
}

static void test_rearm_by_lock(void) {
  allocguard_lock();
  allocguard_permit_begin();
  allocguard_lock(); /* a scope opened inside the permit */
  CHECK_EQ_U(one(&s_malloc), VIOLATION);
  allocguard_unlock(); /* it ends: the permit applies again */
  CHECK_EQ_U(one(&s_malloc), PERMITTED);
  allocguard_permit_end();
  allocguard_unlock();

  allocguard_permit_begin(); /* begun outside, a lock inside is checked */
  allocguard_lock();
  CHECK_EQ_U(one(&s_malloc), VIOLATION);
  allocguard_unlock();
  allocguard_permit_end();
}

static void test_rearm_by_root(void) {
  uint32_t saved;
  allocguard_lock();
  allocguard_permit_begin();
  saved = __allocguard_scope_depth; /* a root's prologue */
  __allocguard_scope_depth = saved + 1;
  CHECK_EQ_U(one(&s_malloc), VIOLATION);
  CHECK_EQ_U(one(&s_root), VIOLATION);
  allocguard_permit_begin(); /* a permit inside the root */
  CHECK_EQ_U(one(&s_root), PERMITTED);
  allocguard_permit_end();
  __allocguard_scope_depth = saved; /* its epilogue */
  CHECK_EQ_U(one(&s_malloc), PERMITTED);
  allocguard_permit_end();
  allocguard_unlock();
}

static void test_nested(void) {
  allocguard_lock();
  allocguard_permit_begin(); /* A at lock depth 1 */
  allocguard_lock();
  allocguard_permit_begin(); /* B at lock depth 2 */
  allocguard_permit_begin(); /* C at lock depth 2 too */
  CHECK_EQ_U(one(&s_malloc), PERMITTED);
  allocguard_permit_end(); /* C */
  CHECK_EQ_U(one(&s_malloc), PERMITTED);
  allocguard_permit_end(); /* B: A does not cover depth 2 */
  CHECK_EQ_U(one(&s_malloc), VIOLATION);
  allocguard_unlock();
  CHECK_EQ_U(one(&s_malloc), PERMITTED); /* A again */
  allocguard_permit_end();
  CHECK_EQ_U(one(&s_malloc), VIOLATION);
  allocguard_unlock();
}

static pthread_barrier_t bar;

static void *permitted_thread(void *arg) {
  (void)arg;
  allocguard_lock();
  allocguard_permit_begin();
  pthread_barrier_wait(&bar);
  free(__allocguard_malloc(&s_malloc, 8));
  pthread_barrier_wait(&bar);
  allocguard_permit_end();
  allocguard_unlock();
  return NULL;
}

static void test_per_thread(void) {
  pthread_t t;
  uint64_t v, p;
  allocguard_stats_get(&st);
  v = st.violations;
  p = st.permitted;
  CHECK(pthread_barrier_init(&bar, NULL, 2) == 0);
  CHECK(pthread_create(&t, NULL, permitted_thread, NULL) == 0);
  allocguard_lock(); /* this thread has no permit */
  pthread_barrier_wait(&bar);
  free(__allocguard_malloc(&s_malloc, 8));
  pthread_barrier_wait(&bar);
  allocguard_unlock();
  CHECK(pthread_join(t, NULL) == 0);
  allocguard_stats_get(&st);
  CHECK_EQ_U(st.violations - v, 1);
  CHECK_EQ_U(st.permitted - p, 1);
}

static void test_deep(void) {
  int i;
  allocguard_lock();
  for (i = 0; i < 17; i++) /* one past the stack */
    allocguard_permit_begin();
  CHECK_EQ_U(one(&s_malloc), VIOLATION); /* the 17th permits nothing */
  allocguard_permit_end();
  CHECK_EQ_U(one(&s_malloc), PERMITTED); /* the 16th does */
  for (i = 0; i < 16; i++)
    allocguard_permit_end();
  CHECK_EQ_U(one(&s_malloc), VIOLATION);
  allocguard_unlock();
}

static void scenario_unbalanced(void) {
  allocguard_permit_end();
  allocguard_permit_end();
  allocguard_lock();
  allocguard_permit_begin(); /* still works after the ignored ends */
  CHECK_EQ_U(one(&s_malloc), PERMITTED);
  allocguard_permit_end();
  CHECK_EQ_U(one(&s_malloc), VIOLATION);
  allocguard_unlock();
  printf("ok\n");
}

int main(int argc, char **argv) {
  struct ag_child c;
  char expect[512];
  if (argc > 1 && !strcmp(argv[1], "unbalanced")) {
    scenario_unbalanced();
    return 0;
  }
  if (argc > 1 && !strcmp(argv[1], "deep")) {
    test_deep();
    printf("ok\n");
    return 0;
  }
  test_basic();
  test_rearm_by_lock();
  test_rearm_by_root();
  test_nested();
  test_per_thread();

  ag_test_child(&c, "unbalanced", NULL);
  CHECK_EXITED(&c, 0);
  snprintf(expect, sizeof expect,
           "%sWARNING: allocguard: allocguard_permit_end() without a "
           "matching allocguard_permit_begin() on this thread; ignored "
           "(reported once)\nok\n",
           ag_test_pid_prefix(&c));
  CHECK_STR(c.out, expect);

  ag_test_child(&c, "deep", NULL);
  CHECK_EXITED(&c, 0);
  snprintf(expect, sizeof expect,
           "%sWARNING: allocguard: allocguard_permit_begin() nested deeper "
           "than 16 on this thread; the deeper permits do not apply "
           "(reported once)\nok\n",
           ag_test_pid_prefix(&c));
  CHECK_STR(c.out, expect);
  return 0;
}
