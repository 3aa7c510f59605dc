/* test_scope.c - __allocguard_scope_depth, the root depth that instrumented
 * alloc_free functions raise and restore inline.
 * Intent: while this thread's depth is nonzero, every checked call is a
 * violation reported as "in alloc_free scope" (not as a lock), whatever
 * the site's flags; other threads and depth 0 are unaffected.
 */
#include "ag_test.h"

#include <pthread.h>
#include <stdint.h>

extern __thread uint32_t __allocguard_scope_depth;

AG_TEST_SITE(s_malloc, 0, "strdup", 14);
AG_TEST_SITE(s_free, AG_SITE_DEALLOC, "free", 15);

static void *other_thread(void *arg) {
  (void)arg;
  CHECK(__allocguard_scope_depth == 0);
  free(__allocguard_malloc(&s_malloc, 3)); /* not in a scope here */
  return NULL;
}

static void scenario(void) {
  struct allocguard_stats st;
  pthread_t t;
  __allocguard_scope_depth = 1; /* what a root's prologue does */
  __allocguard_free(&s_free, __allocguard_malloc(&s_malloc, 6));
  CHECK(pthread_create(&t, NULL, other_thread, NULL) == 0);
  CHECK(pthread_join(t, NULL) == 0);
  __allocguard_scope_depth = 0; /* ... and its epilogue */
  free(__allocguard_malloc(&s_malloc, 6));
  allocguard_stats_get(&st);
  printf("violations=%llu\n", (unsigned long long)st.violations);
}

int main(int argc, char **argv) {
  struct ag_child c;
  char expect[512];
  if (argc > 1 && !strcmp(argv[1], "scope")) {
    scenario();
    return 0;
  }
  ag_test_child(&c, "scope", "mode=log");
  CHECK_EXITED(&c, 0);
  snprintf(expect, sizeof expect,
           "%sERROR: allocguard: allocation in alloc_free scope: strdup(6 "
           "bytes) at demo.c:14:17 in audio_callback\n"
           "%sERROR: allocguard: deallocation in alloc_free scope: free at "
           "demo.c:15:17 in audio_callback\n"
           "violations=2\n",
           ag_test_pid_prefix(&c), ag_test_pid_prefix(&c));
  CHECK_STR(c.out, expect);

  ag_test_child(&c, "scope", NULL); /* abort is the default */
  CHECK_SIGNALED(&c, SIGABRT);
  CHECK_CONTAINS(c.out, "allocation in alloc_free scope: strdup(6 bytes)");
  return 0;
}
