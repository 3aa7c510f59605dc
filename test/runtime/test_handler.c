/* test_handler.c - replacing __allocguard_on_violation.
 * Intent: a handler defined by the program replaces the runtime's weak
 * default (static and shared runtime alike): nothing reaches stderr, the
 * handler sees the exact fields of each violation, once per site in log
 * mode, with will_abort set in abort mode (abort follows its return); a
 * checked call inside the handler is counted, never reported again;
 * allocguard_format_violation() and allocguard_print_violation() give the
 * standard line.
 */
#include "ag_test.h"

#include <stdint.h>

extern __thread uint32_t __allocguard_scope_depth;

AG_TEST_SITE(s_root, AG_SITE_IN_ROOT, "calloc", 21);
AG_TEST_SITE(s_lock, 0, "free", 22);
AG_TEST_SITE(s_inner, 0, "malloc", 23);
static struct __allocguard_counters s_nodebug_c;
static const struct __allocguard_site s_nodebug = {
    AG_SITE_ABI_VERSION, 0, 0, 0, "lib.c", "process(int)",
    "operator new(unsigned long)", &s_nodebug_c};

const char *__allocguard_default_options(void) { return "mode=log"; }

static struct allocguard_violation seen[8];
static unsigned nseen;

void __allocguard_on_violation(const struct allocguard_violation *v) {
  static const void *frames[32];
  if (nseen < 8) {
    seen[nseen] = *v;
    if (v->frames) /* copy: they live only during the call */
      seen[nseen].frames =
          memcpy(frames, v->frames, v->nframes * sizeof *frames);
  }
  nseen++;
  /* A checked call in the handler: counted, not reported (no recursion). */
  free(__allocguard_malloc(&s_inner, 3));
  if (v->will_abort)
    write(1, "handler saw abort\n", 18);
}

/* Run fn with stderr into a pipe; return what it wrote. */
static const char *stderr_of(void (*fn)(void)) {
  static char buf[4096];
  int fds[2], saved;
  ssize_t n;
  fflush(stderr);
  CHECK(pipe(fds) == 0);
  saved = dup(2);
  dup2(fds[1], 2);
  fn();
  dup2(saved, 2);
  close(saved);
  close(fds[1]);
  n = read(fds[0], buf, sizeof buf - 1);
  buf[n > 0 ? n : 0] = '\0';
  close(fds[0]);
  return buf;
}

static void violations(void) {
  __allocguard_scope_depth = 2;
  free(__allocguard_calloc(&s_root, 3, 5));
  free(__allocguard_calloc(&s_root, 3, 5)); /* log mode: reported once */
  __allocguard_scope_depth = 0;
  allocguard_lock();
  __allocguard_free(&s_lock, malloc(1));
  __allocguard_check_site(&s_nodebug, 0);
  allocguard_unlock();
}

static void print_one(void) { allocguard_print_violation(&seen[0]); }

/* backtrace=1: the handler gets the frames, the wrapper's caller first. */
__attribute__((noinline)) static void frames_caller(void) {
  allocguard_lock();
  free(__allocguard_malloc(&s_inner, 5));
  allocguard_unlock();
  __asm__ volatile("");
}

static void scenario_frames(void) {
  uintptr_t f0, fn = (uintptr_t)frames_caller;
  frames_caller();
  CHECK_EQ_U(nseen, 1);
  CHECK(seen[0].frames != NULL);
  CHECK(seen[0].nframes >= 3 && seen[0].nframes <= 32);
  f0 = (uintptr_t)seen[0].frames[0];
  printf("nframes>=3 frame0-in-caller=%d\n", f0 > fn && f0 < fn + 256);
}

static void scenario_abort(void) {
  allocguard_lock();
  free(__allocguard_malloc(&s_inner, 9));
  printf("not reached\n");
}

int main(int argc, char **argv) {
  struct allocguard_stats st;
  struct ag_child c;
  char buf[256], small[16], expect[256];
  size_t n;
  if (argc > 1 && !strcmp(argv[1], "abort")) {
    scenario_abort();
    return 0;
  }
  if (argc > 1 && !strcmp(argv[1], "frames")) {
    scenario_frames();
    return 0;
  }

  CHECK_STR(stderr_of(violations), "");
  CHECK_EQ_U(nseen, 3);
  CHECK_EQ_U(seen[0].size, sizeof(struct allocguard_violation));
  CHECK_EQ_U(seen[0].kind, ALLOCGUARD_ALLOC_IN_SCOPE);
  CHECK_STR(seen[0].what, "allocation in alloc_free scope");
  CHECK_STR(seen[0].callee, "calloc");
  CHECK_STR(seen[0].function, "audio_callback");
  CHECK_STR(seen[0].file, "demo.c");
  CHECK_EQ_U(seen[0].line, 21);
  CHECK_EQ_U(seen[0].column, 17);
  CHECK_EQ_U(seen[0].bytes, 15);
  CHECK_EQ_U(seen[0].has_bytes, 1);
  CHECK_EQ_U(seen[0].will_abort, 0);
  CHECK_EQ_U(seen[0].scope_depth, 2);
  CHECK_EQ_U(seen[0].lock_depth, 0);
  CHECK(seen[0].site == &s_root);
  CHECK(seen[0].frames == NULL && seen[0].nframes == 0);

  CHECK_EQ_U(seen[1].kind, ALLOCGUARD_DEALLOC_UNDER_LOCK);
  CHECK_STR(seen[1].what, "deallocation while allocguard_lock() is held");
  CHECK_STR(seen[1].callee, "free");
  CHECK_EQ_U(seen[1].has_bytes, 0);
  CHECK_EQ_U(seen[1].bytes, 0);
  CHECK_EQ_U(seen[1].scope_depth, 0);
  CHECK_EQ_U(seen[1].lock_depth, 1);
  CHECK(seen[1].site == &s_lock);

  CHECK_EQ_U(seen[2].kind, ALLOCGUARD_ALLOC_UNDER_LOCK);
  CHECK_STR(seen[2].callee, "operator new(unsigned long)");
  CHECK_STR(seen[2].function, "process(int)");
  CHECK_EQ_U(seen[2].line, 0);
  CHECK_EQ_U(seen[2].has_bytes, 0);

  /* 4, and the handler's 3 inner mallocs, each in the scope or lock of
   * the violation it handles: counted, never reported. */
  allocguard_stats_get(&st);
  CHECK_EQ_U(st.violations, 7);
  CHECK_EQ_U(s_inner_c.calls, 3);
  CHECK_EQ_U(s_inner_c.violations, 3);
  CHECK_EQ_U(s_inner_c.reported, 0); /* so it is reported when it happens
                                        outside a handler */

  n = allocguard_format_violation(&seen[0], buf, sizeof buf);
  snprintf(expect, sizeof expect,
           "==%d==ERROR: allocguard: allocation in alloc_free scope: "
           "calloc(15 bytes) at demo.c:21:17 in audio_callback",
           (int)getpid());
  CHECK_STR(buf, expect);
  CHECK_EQ_U(n, strlen(expect));
  CHECK_EQ_U(allocguard_format_violation(&seen[0], small, sizeof small), n);
  CHECK_EQ_U(strlen(small), sizeof small - 1); /* truncated, terminated */
  CHECK(memcmp(small, expect, sizeof small - 1) == 0);
  CHECK_EQ_U(allocguard_format_violation(&seen[2], buf, sizeof buf),
             strlen(buf));
  CHECK_CONTAINS(buf, "ERROR: allocguard: allocation while allocguard_lock() "
                      "is held: operator new(unsigned long) at lib.c in "
                      "process(int) (no line information: compile with -g)");
  strcat(expect, "\n");
  CHECK_STR(stderr_of(print_one), expect);

  ag_test_child(&c, "abort", "mode=abort");
  CHECK_SIGNALED(&c, SIGABRT);
  CHECK_STR(c.out, "handler saw abort\n"); /* and nothing on stderr */

  ag_test_child(&c, "frames", "mode=log:backtrace=1");
  CHECK_EXITED(&c, 0);
  CHECK_STR(c.out, "nframes>=3 frame0-in-caller=1\n");
  return 0;
}
