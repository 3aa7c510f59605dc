/* test_noalloc.c - the report path never allocates.
 * Intent: with malloc/free/calloc/realloc replaced by counting versions,
 * a log-mode violation report (with backtrace=1: unwinder, symbolizer
 * child, dladdr), the
 * unbalanced-unlock and unbalanced-permit warnings, permits, budgets,
 * suppressions, the live-byte accounting, stats and the public formatter
 * add no heap calls beyond the wrapped call itself.
 */
#include "ag_test.h"

#include <fcntl.h>

extern void *__libc_malloc(size_t);
extern void __libc_free(void *);
extern void *__libc_calloc(size_t, size_t);
extern void *__libc_realloc(void *, size_t);

static unsigned long heap_calls;

void *malloc(size_t n) {
  __atomic_fetch_add(&heap_calls, 1, __ATOMIC_RELAXED);
  return __libc_malloc(n);
}
void free(void *p) {
  __atomic_fetch_add(&heap_calls, 1, __ATOMIC_RELAXED);
  __libc_free(p);
}
void *calloc(size_t n, size_t m) {
  __atomic_fetch_add(&heap_calls, 1, __ATOMIC_RELAXED);
  return __libc_calloc(n, m);
}
void *realloc(void *p, size_t n) {
  __atomic_fetch_add(&heap_calls, 1, __ATOMIC_RELAXED);
  return __libc_realloc(p, n);
}

const char *__allocguard_default_options(void) {
  return "mode=log:backtrace=1:suppress=log_*";
}

AG_TEST_SITE(s_pool, AG_SITE_IN_ROOT | AG_SITE_USER_ALLOCATOR, "pool_alloc", 5);
AG_TEST_SITE(s_malloc, 0, "malloc", 6);
static struct __allocguard_counters s_log_c;
static const struct __allocguard_site s_log = {
    AG_SITE_ABI_VERSION, 0, 7, 3, "log.c", "log_error", "malloc", &s_log_c};

static char captured[4096];

/* Run fn with fd 2 redirected into a pipe; returns the heap calls it made
 * and leaves what it wrote in `captured`. No stdio inside the window. */
static unsigned long heap_calls_during(void (*fn)(void)) {
  int fds[2], saved;
  unsigned long before;
  ssize_t n;
  CHECK(pipe(fds) == 0);
  saved = dup(2);
  dup2(fds[1], 2);
  before = __atomic_load_n(&heap_calls, __ATOMIC_RELAXED);
  fn();
  before = __atomic_load_n(&heap_calls, __ATOMIC_RELAXED) - before;
  dup2(saved, 2);
  close(saved);
  close(fds[1]);
  n = read(fds[0], captured, sizeof captured - 1);
  captured[n > 0 ? n : 0] = '\0';
  close(fds[0]);
  return before;
}

static void user_violation(void) { __allocguard_check_site(&s_pool, 24); }
static void unbalanced(void) { allocguard_unlock(); }
static void locked_malloc(void) {
  allocguard_lock();
  __libc_free(__allocguard_malloc(&s_malloc, 8)); /* 1 counted: malloc */
  allocguard_unlock();
}

static void permitted(void) {
  allocguard_lock();
  allocguard_permit_begin();
  __libc_free(__allocguard_malloc(&s_malloc, 8)); /* 1 counted: malloc */
  allocguard_permit_end();
  allocguard_unlock();
}
static void budgeted(void) {
  allocguard_lock_budget(1, 64);
  __libc_free(__allocguard_malloc(&s_malloc, 8)); /* 1 counted: malloc */
  allocguard_unlock();
}
static void suppressed(void) {
  allocguard_lock();
  __libc_free(__allocguard_malloc(&s_log, 8)); /* 1 counted: malloc */
  allocguard_unlock();
}
static void unbalanced_permit(void) { allocguard_permit_end(); }
static void stats_and_format(void) {
  struct allocguard_stats st;
  struct allocguard_violation v;
  char buf[64];
  allocguard_stats_get(&st);
  memset(&v, 0, sizeof v);
  v.what = v.callee = v.function = v.file = "x";
  allocguard_format_violation(&v, buf, sizeof buf);
  allocguard_print_violation(&v);
}

int main(void) {
  struct allocguard_stats st;
  CHECK(heap_calls_during(user_violation) == 0);
  CHECK_CONTAINS(captured, "ERROR: allocguard: allocation in alloc_free "
                           "scope: pool_alloc(24 bytes) at demo.c:5:17");
  CHECK(heap_calls_during(unbalanced) == 0);
  CHECK_CONTAINS(captured, "WARNING: allocguard: allocguard_unlock() without");
  CHECK(heap_calls_during(locked_malloc) == 1);
  CHECK_CONTAINS(captured, "allocation while allocguard_lock() is held: "
                           "malloc(8 bytes) at demo.c:6:17");
  CHECK_CONTAINS(captured, "\n    #0 0x"); /* backtrace=1 */
  /* Symbolized (llvm-symbolizer or binutils' addr2line from PATH): running
   * the symbolizer made no heap call in this process either. */
  CHECK_CONTAINS(captured, "test_noalloc.c:");
  CHECK(heap_calls_during(permitted) == 1);
  CHECK(heap_calls_during(budgeted) == 1);
  CHECK(heap_calls_during(suppressed) == 1);
  CHECK(heap_calls_during(unbalanced_permit) == 0);
  CHECK_CONTAINS(captured, "WARNING: allocguard: allocguard_permit_end() "
                           "without");
  CHECK(heap_calls_during(stats_and_format) == 0);
  allocguard_stats_get(&st);
  CHECK_EQ_U(st.violations, 2);
  CHECK_EQ_U(st.permitted, 1);
  CHECK_EQ_U(st.budgeted, 1);
  CHECK_EQ_U(st.suppressed, 1);
  return 0;
}
