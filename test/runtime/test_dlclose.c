/* test_dlclose.c - a dlclose'd library's sites are never read again.
 * Intent: after an instrumented library (dso_sites.c) registered its
 * descriptors and was unloaded, allocguard_stats_reset() and summary=1 run
 * without touching its unmapped descriptors, and list the executable's own
 * sites; while it is loaded, its sites take part as usual.
 */
#include "ag_test.h"

#include <dlfcn.h>

static struct __allocguard_counters exe_c[1];
static const struct __allocguard_site exe_sites[1] = {
    {AG_SITE_ABI_VERSION, 0, 20, 5, "exe.c", "main", "malloc", &exe_c[0]},
};

static void use_and_unload(void) {
  void *lib = dlopen(AG_TEST_DSO, RTLD_NOW);
  void (*dso_alloc)(void);
  unsigned long long (*dso_calls)(void);
  CHECK(lib != NULL);
  dso_alloc = (void (*)(void))dlsym(lib, "dso_alloc");
  dso_calls = (unsigned long long (*)(void))dlsym(lib, "dso_calls");
  CHECK(dso_alloc && dso_calls);
  dso_alloc();
  CHECK(dso_calls() == 1);
  allocguard_stats_reset(); /* the library is registered: zeroed */
  CHECK(dso_calls() == 0);
  dso_alloc();
  CHECK(dlclose(lib) == 0);
  /* Unmapped now: make sure, or the test proves nothing. */
  CHECK(dlopen(AG_TEST_DSO, RTLD_NOW | RTLD_NOLOAD) == NULL);
}

int main(int argc, char **argv) {
  struct ag_child c;
  struct allocguard_stats st;
  char expect[1024];
  __allocguard_register_sites(exe_sites, exe_sites + 1);
  free(__allocguard_malloc(&exe_sites[0], 5));
  use_and_unload();
  if (argc > 1) /* child: exit, and let summary=1 walk the table */
    return 0;

  allocguard_stats_reset();
  allocguard_stats_get(&st);
  CHECK_EQ_U(st.allocations, 0);
  CHECK_EQ_U(exe_c[0].calls, 0);

  ag_test_child(&c, "exit", "summary=1");
  CHECK_EXITED(&c, 0);
  snprintf(expect, sizeof expect,
           "%sallocguard: summary: 1 allocations, 1 frees, 11 bytes, "
           "0 violations at 1 registered sites; peak 48 live bytes, 24 at "
           "exit; let through: 0 permitted, 0 suppressed, 0 budgeted\n"
           "%sallocguard: site exe.c:20:5 in main: malloc: 0 calls, "
           "0 bytes, 0 violations\n",
           ag_test_pid_prefix(&c), ag_test_pid_prefix(&c));
  CHECK_STR(c.out, expect);
  return 0;
}
