/* test_fork.c - fork() inside a locked scope.
 * Intent: the child of a thread holding allocguard_lock() (inside a
 * permit, inside a root) inherits that thread's depths: its checked calls
 * are violations exactly as in the parent, it can unlock and exit cleanly;
 * the parent's state is unchanged. A fork while another thread is
 * mid-report leaves the child able to report (the output lock is reset
 * in the child).
 */
#include "ag_test.h"

#include <fcntl.h>
#include <pthread.h>
#include <stdint.h>

extern __thread uint32_t __allocguard_scope_depth;

const char *__allocguard_default_options(void) { return "mode=count"; }

#ifndef AG_TEST_FORKS /* the sanitizer builds fork fewer, slower children */
#define AG_TEST_FORKS 200
#endif

AG_TEST_SITE(s_malloc, 0, "malloc", 12);

static uint64_t violations(void) {
  struct allocguard_stats st;
  allocguard_stats_get(&st);
  return st.violations;
}

/* In the child: exit status says what it saw (0 = all as expected). */
static int child_checks(uint64_t inherited) {
  if (allocguard_lock_depth() != 1 || __allocguard_scope_depth != 0)
    return 10;
  if (violations() != inherited) /* counters are copied too */
    return 11;
  free(__allocguard_malloc(&s_malloc, 8));
  if (violations() != inherited + 1)
    return 12;
  allocguard_permit_begin();
  free(__allocguard_malloc(&s_malloc, 8));
  allocguard_permit_end();
  if (violations() != inherited + 1)
    return 13;
  allocguard_unlock();
  free(__allocguard_malloc(&s_malloc, 8));
  if (violations() != inherited + 1 || allocguard_lock_depth() != 0)
    return 14;
  return 0;
}

static void test_locked_fork(void) {
  pid_t pid;
  int status;
  uint64_t before;
  allocguard_lock();
  free(__allocguard_malloc(&s_malloc, 8));
  before = violations();
  CHECK_EQ_U(before, 1);
  pid = fork();
  CHECK(pid >= 0);
  if (pid == 0)
    _exit(child_checks(before));
  CHECK(waitpid(pid, &status, 0) == pid);
  CHECK(WIFEXITED(status));
  CHECK_EQ_U(WEXITSTATUS(status), 0);
  CHECK_EQ_U(allocguard_lock_depth(), 1); /* the parent is untouched */
  CHECK_EQ_U(violations(), before);
  free(__allocguard_malloc(&s_malloc, 8));
  CHECK_EQ_U(violations(), before + 1);
  allocguard_unlock();
}

/* A thread printing reports in a loop holds the output lock much of the
 * time; children forked meanwhile must still be able to print. */
static int stop; /* read and written with __atomic: threads share it */

static void *reporter(void *arg) {
  struct allocguard_violation v;
  memset(&v, 0, sizeof v);
  v.what = "test line";
  v.callee = v.function = v.file = "x";
  (void)arg;
  while (!__atomic_load_n(&stop, __ATOMIC_RELAXED))
    allocguard_print_violation(&v);
  return NULL;
}

static void test_fork_during_report(void) {
  pthread_t t;
  int i, devnull = open("/dev/null", O_WRONLY), saved = dup(2);
  dup2(devnull, 2);
  CHECK(pthread_create(&t, NULL, reporter, NULL) == 0);
  for (i = 0; i < AG_TEST_FORKS; i++) {
    int status;
    pid_t pid = fork();
    CHECK(pid >= 0);
    if (pid == 0) {
      struct allocguard_violation v;
      memset(&v, 0, sizeof v);
      v.what = v.callee = v.function = v.file = "child";
      alarm(10); /* a deadlock ends as SIGALRM, not a hung test */
      allocguard_print_violation(&v);
      _exit(0);
    }
    CHECK(waitpid(pid, &status, 0) == pid);
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
      dup2(saved, 2);
      fprintf(stderr, "child %d: status 0x%x\n", i, status);
      exit(1);
    }
  }
  __atomic_store_n(&stop, 1, __ATOMIC_RELAXED);
  CHECK(pthread_join(t, NULL) == 0);
  dup2(saved, 2);
}

int main(void) {
  test_locked_fork();
  test_fork_during_report();
  return 0;
}
