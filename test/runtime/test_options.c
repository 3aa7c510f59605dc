/* test_options.c - the weak __allocguard_default_options() hook.
 * Intent: the program's defaults apply when ALLOCGUARD_OPTIONS is unset,
 * ALLOCGUARD_OPTIONS overrides them key by key, and a bad default is as
 * fatal as a bad environment value (with the hook named as the source).
 */
#include "ag_test.h"

AG_TEST_SITE(s_root_malloc, AG_SITE_IN_ROOT, "malloc", 7);
AG_TEST_SITE(s_root_free, AG_SITE_IN_ROOT | AG_SITE_DEALLOC, "free", 8);

/* AG_TEST_HOOK lets the parent choose what the hook returns;
 * AG_TEST_HOOK_VIOLATES makes the hook itself violate (it must not hang). */
const char *__allocguard_default_options(void) {
  const char *s = getenv("AG_TEST_HOOK");
  if (getenv("AG_TEST_HOOK_VIOLATES"))
    __allocguard_check_site(&s_root_malloc, 1);
  return s ? s : "mode=log:dealloc=0";
}

static void scenario(void) {
  struct allocguard_stats st;
  for (int i = 0; i < 2; i++)
    __allocguard_free(&s_root_free, __allocguard_malloc(&s_root_malloc, 1));
  allocguard_stats_get(&st);
  printf("violations=%llu\n", (unsigned long long)st.violations);
}

int main(int argc, char **argv) {
  struct ag_child c;
  char expect[512];
  if (argc > 1 && !strcmp(argv[1], "run")) {
    scenario();
    return 0;
  }

  /* Hook alone: log mode, frees not checked. */
  ag_test_child(&c, "run", NULL);
  CHECK_EXITED(&c, 0);
  snprintf(expect, sizeof expect,
           "%sERROR: allocguard: allocation in alloc_free scope: "
           "malloc(1 bytes) at demo.c:7:17 in audio_callback\n"
           "violations=2\n",
           ag_test_pid_prefix(&c));
  CHECK_STR(c.out, expect);

  /* The environment wins for the keys it sets; dealloc=0 still applies. */
  ag_test_child(&c, "run", "mode=count");
  CHECK_EXITED(&c, 0);
  CHECK_STR(c.out, "violations=2\n");
  ag_test_child(&c, "run", "dealloc=1:mode=count");
  CHECK_EXITED(&c, 0);
  CHECK_STR(c.out, "violations=4\n");
  ag_test_child(&c, "run", "mode=abort");
  CHECK_SIGNALED(&c, SIGABRT);

  /* A bad value from the hook names the hook. */
  setenv("AG_TEST_HOOK", "mode=loud", 1);
  ag_test_child(&c, "run", NULL);
  unsetenv("AG_TEST_HOOK");
  CHECK_EXITED(&c, 2);
  CHECK_STR(c.out, "allocguard: __allocguard_default_options(): invalid "
                   "value 'loud' for 'mode' (valid: abort, log, count)\n");

  /* A violation inside the hook, while options are being parsed, sees the
   * defaults (abort) instead of waiting for the parse to finish. */
  setenv("AG_TEST_HOOK_VIOLATES", "1", 1);
  ag_test_child(&c, "run", NULL);
  unsetenv("AG_TEST_HOOK_VIOLATES");
  CHECK_SIGNALED(&c, SIGABRT);
  CHECK_CONTAINS(c.out, "ERROR: allocguard: allocation in alloc_free scope: "
                        "malloc(1 bytes) at demo.c:7:17 in audio_callback\n");
  return 0;
}
