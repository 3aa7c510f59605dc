/* ag_test.h - tiny harness for the runtime tests.
 *
 * CHECK(cond) prints file:line and exits 1. AG_TEST_SITE declares a
 * hand-written site descriptor (what the plugin would emit).
 * ag_test_child() re-executes this test binary with a scenario name and
 * ALLOCGUARD_OPTIONS, capturing its stderr and exit status.
 * Counting is turned on before main, as the tests read the counts; a test
 * of counting itself defines AG_TEST_COUNTING_OFF first.
 */
#ifndef ALLOCGUARD_AG_TEST_H
#define ALLOCGUARD_AG_TEST_H

#define _GNU_SOURCE
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include "ag_abi.h"
#include "ag_rt_wrap.h"
#include "allocguard.h"

#define CHECK(cond)                                                            \
  do {                                                                         \
    if (!(cond)) {                                                             \
      fprintf(stderr, "%s:%d: CHECK failed: %s\n", __FILE__, __LINE__, #cond); \
      exit(1);                                                                 \
    }                                                                          \
  } while (0)

#define CHECK_EQ_U(a, b)                                                       \
  do {                                                                         \
    unsigned long long ag_a_ = (a), ag_b_ = (b);                               \
    if (ag_a_ != ag_b_) {                                                      \
      fprintf(stderr, "%s:%d: CHECK failed: %s == %s (%llu != %llu)\n",        \
              __FILE__, __LINE__, #a, #b, ag_a_, ag_b_);                       \
      exit(1);                                                                 \
    }                                                                          \
  } while (0)

#define CHECK_STR(a, b)                                                        \
  do {                                                                         \
    const char *ag_a_ = (a), *ag_b_ = (b);                                     \
    if (strcmp(ag_a_, ag_b_) != 0) {                                           \
      fprintf(stderr,                                                          \
              "%s:%d: CHECK failed: %s == %s\n--- got:\n%s\n"                  \
              "--- expected:\n%s\n",                                           \
              __FILE__, __LINE__, #a, #b, ag_a_, ag_b_);                       \
      exit(1);                                                                 \
    }                                                                          \
  } while (0)

#define CHECK_CONTAINS(hay, needle)                                            \
  do {                                                                         \
    const char *ag_h_ = (hay), *ag_n_ = (needle);                              \
    if (!strstr(ag_h_, ag_n_)) {                                               \
      fprintf(stderr,                                                          \
              "%s:%d: CHECK failed: output lacks \"%s\"\n--- got:\n%s\n",      \
              __FILE__, __LINE__, ag_n_, ag_h_);                               \
      exit(1);                                                                 \
    }                                                                          \
  } while (0)

/* A site descriptor `name` with its counters `name##_c`, at demo.c:line:17
 * in audio_callback, calling `callee`. */
#define AG_TEST_SITE(name, flags, callee, line)                                \
  static struct __allocguard_counters name##_c;                                \
  static const struct __allocguard_site name = {                               \
      AG_SITE_ABI_VERSION, (flags),  (line),   (line) ? 17 : 0, "demo.c",      \
      "audio_callback",    (callee), &name##_c}

/* Output and fate of a child run. */
struct ag_child {
  char out[16384]; /* everything the child wrote to stderr (and stdout) */
  int status;      /* as from waitpid */
  pid_t pid;       /* the child's pid, as printed in ==PID== */
};

/* Run `/proc/self/exe scenario` with ALLOCGUARD_OPTIONS=options (unset
 * when NULL). */
static inline void ag_test_child(struct ag_child *c, const char *scenario,
                                 const char *options) {
  int fds[2];
  size_t len = 0;
  ssize_t n;
  CHECK(pipe(fds) == 0);
  fflush(NULL);
  c->pid = fork();
  CHECK(c->pid >= 0);
  if (c->pid == 0) {
    close(fds[0]);
    dup2(fds[1], 1);
    dup2(fds[1], 2);
    if (options)
      setenv("ALLOCGUARD_OPTIONS", options, 1);
    else
      unsetenv("ALLOCGUARD_OPTIONS");
    execl("/proc/self/exe", "ag_test_child", scenario, (char *)0);
    _exit(127);
  }
  close(fds[1]);
  while ((n = read(fds[0], c->out + len, sizeof c->out - 1 - len)) > 0 ||
         (n < 0 && errno == EINTR))
    if (n > 0)
      len += (size_t)n;
  c->out[len] = '\0';
  close(fds[0]);
  CHECK(waitpid(c->pid, &c->status, 0) == c->pid);
}

/* "==<pid>==" of a child, for exact comparisons. */
static inline const char *ag_test_pid_prefix(const struct ag_child *c) {
  static char buf[32];
  snprintf(buf, sizeof buf, "==%d==", (int)c->pid);
  return buf;
}

#define CHECK_EXITED(c, code)                                                  \
  do {                                                                         \
    if (!WIFEXITED((c)->status) || WEXITSTATUS((c)->status) != (code)) {       \
      fprintf(stderr, "%s:%d: child: expected exit %d, status 0x%x\n%s\n",     \
              __FILE__, __LINE__, (code), (c)->status, (c)->out);              \
      exit(1);                                                                 \
    }                                                                          \
  } while (0)

#define CHECK_SIGNALED(c, sig)                                                 \
  do {                                                                         \
    if (!WIFSIGNALED((c)->status) || WTERMSIG((c)->status) != (sig)) {         \
      fprintf(stderr, "%s:%d: child: expected signal %d, status 0x%x\n%s\n",   \
              __FILE__, __LINE__, (sig), (c)->status, (c)->out);               \
      exit(1);                                                                 \
    }                                                                          \
  } while (0)

/* Number of '\n'-terminated lines in s. */
static inline int ag_test_lines(const char *s) {
  int n = 0;
  for (; *s; s++)
    n += *s == '\n';
  return n;
}

#ifndef AG_TEST_COUNTING_OFF
__attribute__((constructor)) static void ag_test_counting_on(void) {
  allocguard_stats_enable();
}
#endif

#endif /* ALLOCGUARD_AG_TEST_H */
