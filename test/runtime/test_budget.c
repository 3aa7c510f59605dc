/* test_budget.c - warm-up budgets.
 * Intent: allocguard_lock_budget(calls, bytes) lets the lock level's first
 * calls through (counted as budgeted) while both limits hold, then the
 * first call over either limit and every later one are violations; a scope
 * opened inside gets no allowance; unlock drops the budget; a permit does
 * not consume it. root_budget_calls/root_budget_bytes give each thread's
 * root scopes one lifetime allowance; bad values are fatal.
 */
#include "ag_test.h"

#include <pthread.h>
#include <stdint.h>

extern __thread uint32_t __allocguard_scope_depth;

const char *__allocguard_default_options(void) { return "mode=count"; }

AG_TEST_SITE(s_malloc, 0, "malloc", 12);
AG_TEST_SITE(s_free, AG_SITE_DEALLOC, "free", 13);

static struct allocguard_stats st;

/* A checked malloc of n bytes; 'B' budgeted, 'V' violation, 'P'
 * permitted, '-' nothing. */
static char one(size_t n) {
  struct allocguard_stats before;
  allocguard_stats_get(&before);
  free(__allocguard_malloc(&s_malloc, n));
  allocguard_stats_get(&st);
  if (st.budgeted > before.budgeted)
    return 'B';
  if (st.violations > before.violations)
    return 'V';
  if (st.permitted > before.permitted)
    return 'P';
  return '-';
}

static void test_calls(void) {
  allocguard_lock_budget(2, 0); /* two calls, any size */
  CHECK(allocguard_lock_depth() == 1);
  CHECK(one(1 << 20) == 'B');
  CHECK(one(8) == 'B');
  CHECK(one(8) == 'V');
  CHECK(one(0) == 'V');
  allocguard_unlock();
  CHECK(allocguard_lock_depth() == 0);
}

static void test_bytes(void) {
  allocguard_lock_budget(0, 100); /* any number of calls, 100 bytes */
  CHECK(one(60) == 'B');
  CHECK(one(40) == 'B'); /* exactly 100 */
  CHECK(one(1) == 'V');  /* over: the budget is spent... */
  CHECK(one(0) == 'V');  /* ... for good */
  allocguard_unlock();

  allocguard_lock_budget(3, 100); /* both limits */
  CHECK(one(10) == 'B');
  CHECK(one(200) == 'V'); /* the bytes limit spends it first */
  CHECK(one(1) == 'V');
  allocguard_unlock();
}

static void test_deallocs_count(void) {
  allocguard_lock_budget(2, 0);
  CHECK(one(8) == 'B');
  __allocguard_free(&s_free, malloc(8)); /* a call of 0 bytes */
  allocguard_stats_get(&st);
  CHECK(one(8) == 'V');
  allocguard_unlock();
}

static void test_inner_scopes(void) {
  uint32_t saved;
  allocguard_lock_budget(10, 0);
  allocguard_lock(); /* inner plain lock: no allowance */
  CHECK(one(8) == 'V');
  allocguard_unlock();
  CHECK(one(8) == 'B'); /* the budget's level again */
  saved = __allocguard_scope_depth;
  __allocguard_scope_depth = saved + 1; /* a root inside: root budget, none */
  CHECK(one(8) == 'V');
  __allocguard_scope_depth = saved;
  allocguard_permit_begin(); /* permitted calls do not consume it */
  CHECK(one(8) == 'P');
  allocguard_permit_end();
  allocguard_lock_budget(1, 0); /* nested budgets */
  CHECK(one(8) == 'B');
  CHECK(one(8) == 'V');
  allocguard_unlock();
  CHECK(one(8) == 'B'); /* outer: 2 of 10 used so far */
  allocguard_unlock();

  allocguard_lock(); /* the budget died with its lock level */
  CHECK(one(8) == 'V');
  allocguard_unlock();
  allocguard_lock_budget(0, 0); /* no allowance: a plain lock */
  CHECK(one(8) == 'V');
  allocguard_unlock();
}

/* Root scope on this thread: `n` mallocs of 10 bytes, as a string. */
static void root_calls(char *out, int n) {
  int i;
  __allocguard_scope_depth = 1;
  for (i = 0; i < n; i++)
    out[i] = one(10);
  out[n] = '\0';
  __allocguard_scope_depth = 0;
}

static void *root_thread(void *arg) {
  root_calls(arg, 4);
  return NULL;
}

static void scenario_root(void) {
  char a[8], b[8], locked;
  pthread_t t;
  root_calls(a, 2);
  CHECK(one(10) == '-'); /* outside the root: not a scope at all */
  root_calls(a + 2, 2);  /* the budget is per thread, not per root call */
  CHECK(pthread_create(&t, NULL, root_thread, b) == 0);
  CHECK(pthread_join(t, NULL) == 0);
  allocguard_lock(); /* a lock outside roots draws nothing from it */
  locked = one(10);
  allocguard_unlock();
  printf("main %s lock %c thread %s\n", a, locked, b);
}

int main(int argc, char **argv) {
  struct ag_child c;
  if (argc > 1 && !strcmp(argv[1], "root")) {
    scenario_root();
    return 0;
  }
  test_calls();
  test_bytes();
  test_deallocs_count();
  test_inner_scopes();

  ag_test_child(&c, "root", "mode=count:root_budget_calls=3");
  CHECK_EXITED(&c, 0);
  CHECK_STR(c.out, "main BBBV lock V thread BBBV\n");
  ag_test_child(&c, "root", "mode=count:root_budget_bytes=25");
  CHECK_EXITED(&c, 0);
  CHECK_STR(c.out, "main BBVV lock V thread BBVV\n");
  ag_test_child(&c, "root", "mode=count:root_budget_calls=1:root_budget_bytes=25");
  CHECK_EXITED(&c, 0);
  CHECK_STR(c.out, "main BVVV lock V thread BVVV\n");
  ag_test_child(&c, "root", "mode=count");
  CHECK_EXITED(&c, 0);
  CHECK_STR(c.out, "main VVVV lock V thread VVVV\n");

  ag_test_child(&c, "root", "root_budget_calls=lots");
  CHECK_EXITED(&c, 2);
  CHECK_STR(c.out, "allocguard: ALLOCGUARD_OPTIONS: invalid value 'lots' for "
                   "'root_budget_calls' (valid: a decimal number)\n");
  ag_test_child(&c, "root", "root_budget_bytes=99999999999999999999");
  CHECK_EXITED(&c, 2);
  CHECK_CONTAINS(c.out, "invalid value '99999999999999999999' for "
                        "'root_budget_bytes'");
  return 0;
}
