/* test_signal.c - checked calls from signal handlers.
 * Intent: an allocation in a signal handler that interrupts a root (or a
 * lock) on that thread is caught, reported as in an alloc_free scope, and
 * the interrupted code's depths are intact afterwards; a handler running
 * while the thread is in a permit is permitted like the code it
 * interrupted; a handler on another thread's stack is unaffected.
 */
#include "ag_test.h"

#include <pthread.h>
#include <stdint.h>

extern __thread uint32_t __allocguard_scope_depth;

AG_TEST_SITE(s_handler, 0, "malloc", 30);

static volatile sig_atomic_t handled;

static void on_signal(int sig) {
  (void)sig;
  free(__allocguard_malloc(&s_handler, 24));
  handled++;
}

static void scenario(void) {
  struct allocguard_stats st;
  signal(SIGUSR1, on_signal);
  __allocguard_scope_depth = 1; /* a root is running */
  raise(SIGUSR1);               /* delivered before raise returns */
  CHECK(handled == 1);
  CHECK(__allocguard_scope_depth == 1);
  allocguard_permit_begin(); /* the handler shares the permit's level */
  raise(SIGUSR1);
  allocguard_permit_end();
  __allocguard_scope_depth = 0;
  raise(SIGUSR1); /* outside any scope: fine */
  allocguard_stats_get(&st);
  printf("handled=%d violations=%llu permitted=%llu\n", (int)handled,
         (unsigned long long)st.violations, (unsigned long long)st.permitted);
}

int main(int argc, char **argv) {
  struct ag_child c;
  char expect[512];
  (void)argv;
  if (argc > 1) {
    scenario();
    return 0;
  }
  ag_test_child(&c, "run", "mode=log");
  CHECK_EXITED(&c, 0);
  snprintf(expect, sizeof expect,
           "%sERROR: allocguard: allocation in alloc_free scope: malloc(24 "
           "bytes) at demo.c:30:17 in audio_callback\n"
           "handled=3 violations=1 permitted=1\n",
           ag_test_pid_prefix(&c));
  CHECK_STR(c.out, expect);
  ag_test_child(&c, "run", NULL);
  CHECK_SIGNALED(&c, SIGABRT);
  CHECK_CONTAINS(c.out, "in alloc_free scope: malloc(24 bytes)");
  return 0;
}
