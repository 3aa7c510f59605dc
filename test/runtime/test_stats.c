/* test_stats.c - allocguard_stats_get/reset and site registration.
 * Intent: totals count every checked call; reset zeroes the totals and the
 * counters of registered sites (and only those); registering the same
 * range twice, or an empty one, changes nothing.
 */
#include "ag_test.h"

#include "ag_rt_sites.h" /* __allocguard_unregister_sites (proposed ABI) */

static struct __allocguard_counters reg_c[2];
static const struct __allocguard_site reg_sites[2] = {
    {AG_SITE_ABI_VERSION, 0, 5, 3, "a.c", "f", "malloc", &reg_c[0]},
    {AG_SITE_ABI_VERSION, AG_SITE_DEALLOC, 6, 3, "a.c", "f", "free", &reg_c[1]},
};
AG_TEST_SITE(s_unregistered, 0, "malloc", 9);

static void expect_stats(uint64_t a, uint64_t f, uint64_t b, uint64_t v) {
  struct allocguard_stats st;
  memset(&st, 0xff, sizeof st);
  allocguard_stats_get(&st);
  CHECK_EQ_U(st.allocations, a);
  CHECK_EQ_U(st.frees, f);
  CHECK_EQ_U(st.bytes, b);
  CHECK_EQ_U(st.violations, v);
}

int main(void) {
  expect_stats(0, 0, 0, 0);
  allocguard_stats_get(NULL); /* tolerated */

  __allocguard_register_sites(NULL, NULL);
  __allocguard_register_sites(reg_sites, reg_sites); /* empty */
  __allocguard_register_sites(reg_sites, reg_sites + 2);
  __allocguard_register_sites(reg_sites, reg_sites + 2); /* duplicate */

  __allocguard_free(&reg_sites[1], __allocguard_malloc(&reg_sites[0], 10));
  __allocguard_free(&reg_sites[1], __allocguard_malloc(&reg_sites[0], 20));
  free(__allocguard_calloc(&s_unregistered, 3, 5));
  expect_stats(3, 2, 45, 0);
  CHECK_EQ_U(reg_c[0].calls, 2);
  CHECK_EQ_U(reg_c[0].bytes, 30);
  CHECK_EQ_U(reg_c[1].calls, 2);
  CHECK_EQ_U(s_unregistered_c.calls, 1);

  allocguard_stats_reset();
  expect_stats(0, 0, 0, 0);
  CHECK_EQ_U(reg_c[0].calls, 0);
  CHECK_EQ_U(reg_c[0].bytes, 0);
  CHECK_EQ_U(reg_c[1].calls, 0);
  CHECK_EQ_U(s_unregistered_c.calls, 1); /* the runtime never saw it */
  CHECK_EQ_U(s_unregistered_c.bytes, 15);

  free(__allocguard_malloc(&reg_sites[0], 7));
  expect_stats(1, 0, 7, 0);
  CHECK_EQ_U(reg_c[0].calls, 1);

  /* Once unregistered, reset leaves the site alone. */
  __allocguard_unregister_sites(reg_sites, reg_sites + 2);
  allocguard_stats_reset();
  expect_stats(0, 0, 0, 0);
  CHECK_EQ_U(reg_c[0].calls, 1);
  return 0;
}
