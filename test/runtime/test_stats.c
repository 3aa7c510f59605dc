/* test_stats.c - allocguard_stats_get/reset and site registration.
 * Intent: totals count every checked call; reset zeroes the totals and the
 * counters of registered sites (and only those); registering the same
 * range twice, or an empty one, changes nothing; a registered range whose
 * bytes later change (another DSO's data at an unloaded one's address) is
 * never interpreted again.
 */
#include "ag_test.h"

#include <stdint.h>

#include "ag_rt_sites.h" /* __allocguard_unregister_sites (proposed ABI) */

static struct __allocguard_counters reg_c[2];
static const struct __allocguard_site reg_sites[2] = {
    {AG_SITE_ABI_VERSION, 0, 5, 3, "a.c", "f", "malloc", &reg_c[0]},
    {AG_SITE_ABI_VERSION, AG_SITE_DEALLOC, 6, 3, "a.c", "f", "free", &reg_c[1]},
};
AG_TEST_SITE(s_unregistered, 0, "malloc", 9);

/* Writable, so the test can play "another library now lives here". */
static struct __allocguard_counters reused_c[2];
static struct __allocguard_site reused[2] = {
    {AG_SITE_ABI_VERSION, 0, 1, 1, "gone.c", "f", "malloc", &reused_c[0]},
    {AG_SITE_ABI_VERSION, 0, 2, 1, "gone.c", "f", "malloc", &reused_c[1]},
};

static void test_reused_address(void) {
  __allocguard_register_sites(reused, reused + 2);
  reused_c[0].calls = 5;
  allocguard_stats_reset(); /* still the registered bytes: zeroed */
  CHECK_EQ_U(reused_c[0].calls, 0);
  /* Data that merely looks like a descriptor, with a wild counters
   * pointer: reading it as one would crash. */
  memset(reused, 0, sizeof reused);
  reused[0].abi_version = reused[1].abi_version = AG_SITE_ABI_VERSION;
  reused[0].counters = (struct __allocguard_counters *)(uintptr_t)16;
  reused[1].counters = (struct __allocguard_counters *)(uintptr_t)32;
  allocguard_stats_reset();
  allocguard_stats_reset(); /* dropped the first time, still fine */
}

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

  test_reused_address();
  return 0;
}
