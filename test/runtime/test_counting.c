/* test_counting.c - counting is off unless asked for.
 * Intent: with no option, checked calls outside a scope go straight to the
 * real function: no per-site or total counts, no live bytes, and
 * allocguard_stats_get() returns 0 and warns once; violations are counted
 * all the same. stats=1, summary=1, dhat= and allocguard_stats_enable()
 * each turn counting on.
 */
#define AG_TEST_COUNTING_OFF
#include "ag_test.h"

AG_TEST_SITE(s_malloc, 0, "malloc", 3);
AG_TEST_SITE(s_free, AG_SITE_DEALLOC, "free", 4);

/* One checked malloc+free outside any scope, one inside a lock. */
static void run_calls(void) {
  void *p = __allocguard_malloc(&s_malloc, 100);
  CHECK(p != NULL);
  __allocguard_free(&s_free, p);
  allocguard_lock();
  p = __allocguard_malloc(&s_malloc, 10);
  __allocguard_free(&s_free, p);
  allocguard_unlock();
}

/* The child prints what it counted: "counting=C calls=N allocations=A
 * live_peak=P violations=V". */
static int child_main(const char *scenario) {
  struct allocguard_stats st;
  int counting;
  if (!strcmp(scenario, "api"))
    allocguard_stats_enable();
  run_calls();
  counting = allocguard_stats_get(&st);
  printf("counting=%d calls=%llu allocations=%llu live_peak=%d "
         "violations=%llu\n",
         counting, (unsigned long long)s_malloc_c.calls,
         (unsigned long long)st.allocations, st.peak_live_bytes >= 100,
         (unsigned long long)st.violations);
  fflush(stdout);
  return 0;
}

static void expect(const char *scenario, const char *options,
                   const char *line) {
  struct ag_child c;
  ag_test_child(&c, scenario, options);
  CHECK_EXITED(&c, 0);
  CHECK_CONTAINS(c.out, line);
}

int main(int argc, char **argv) {
  if (argc > 1)
    return child_main(argv[1]);

  /* Off: only the two violations under the lock are counted. */
  expect("plain", "mode=count",
         "counting=0 calls=0 allocations=0 live_peak=0 violations=2\n");
  {
    struct ag_child c;
    ag_test_child(&c, "plain", "mode=count");
    CHECK_CONTAINS(c.out, "WARNING: allocguard: allocguard_stats_get(): "
                          "counting is off");
    CHECK_CONTAINS(c.out, "ALLOCGUARD_OPTIONS=stats=1 or "
                          "allocguard_stats_enable()");
  }
  /* On, four ways. */
  expect("plain", "mode=count:stats=1",
         "counting=1 calls=2 allocations=2 live_peak=1 violations=2\n");
  expect("plain", "mode=count:summary=1",
         "counting=1 calls=2 allocations=2 live_peak=1 violations=2\n");
  expect("plain", "mode=count:dhat=/dev/null",
         "counting=1 calls=2 allocations=2 live_peak=1 violations=2\n");
  expect("api", "mode=count",
         "counting=1 calls=2 allocations=2 live_peak=1 violations=2\n");
  /* stats=0 said outright still lets the API turn it on. */
  expect("api", "mode=count:stats=0",
         "counting=1 calls=2 allocations=2 live_peak=1 violations=2\n");
  return 0;
}
