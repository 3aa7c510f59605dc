/* test_modes.c - what each mode prints and how the process ends.
 * Intent: abort prints exactly one line and dies of SIGABRT; log prints one
 * line per site and continues; count is silent; bad options exit 2;
 * summary=1 and help=1 print what docs/runtime.md promises.
 * The parent re-executes this binary with a scenario and ALLOCGUARD_OPTIONS.
 */
#include "ag_test.h"

#include <malloc.h>

AG_TEST_SITE(s_root_malloc, AG_SITE_IN_ROOT, "malloc", 23);
AG_TEST_SITE(s_root_free, AG_SITE_IN_ROOT | AG_SITE_DEALLOC, "free", 30);
AG_TEST_SITE(s_plain_malloc, 0, "malloc", 40);
AG_TEST_SITE(s_plain_free, AG_SITE_DEALLOC, "free", 41);
AG_TEST_SITE(s_root_asprintf, AG_SITE_IN_ROOT, "asprintf", 50);
AG_TEST_SITE(s_root_noline, AG_SITE_IN_ROOT, "malloc", 0);
AG_TEST_SITE(s_root_pool, AG_SITE_IN_ROOT | AG_SITE_USER_ALLOCATOR,
             "Pool::get(unsigned long)", 55);

static struct __allocguard_counters sum_c[4];
static const struct __allocguard_site sum_sites[4] = {
    {AG_SITE_ABI_VERSION, 0, 60, 5, "demo.c", "setup", "malloc", &sum_c[0]},
    {AG_SITE_ABI_VERSION, AG_SITE_IN_ROOT, 61, 9, "demo.c", "audio_callback",
     "calloc", &sum_c[1]},
    {2, 0, 62, 1, "old.c", "stale", "malloc", &sum_c[2]}, /* other ABI */
    {AG_SITE_ABI_VERSION, AG_SITE_DEALLOC, 0, 0, "lib.c", "teardown", "free",
     &sum_c[3]},
};

static void print_stats(void) {
  struct allocguard_stats st;
  allocguard_stats_get(&st);
  printf("stats: %llu allocations, %llu frees, %llu bytes, %llu violations\n",
         (unsigned long long)st.allocations, (unsigned long long)st.frees,
         (unsigned long long)st.bytes, (unsigned long long)st.violations);
  fflush(stdout);
}

/* Every kind of violation, each site hit twice. */
static void scenario_mix(void) {
  for (int i = 0; i < 2; i++) {
    char *s = NULL;
    void *p;
    errno = EDOM;
    p = __allocguard_malloc(&s_root_malloc, 64);
    CHECK(p != NULL && errno == EDOM); /* the report preserves errno */
    __allocguard_free(&s_root_free, p);
    __allocguard_free(&s_root_free, NULL); /* no heap touched: no violation */
    allocguard_lock();
    p = __allocguard_malloc(&s_plain_malloc, 8);
    __allocguard_free(&s_plain_free, p);
    allocguard_unlock();
    CHECK(__allocguard_asprintf(&s_root_asprintf, &s, "%d", i) == 1);
    free(s);
    free(__allocguard_malloc(&s_root_noline, 16));
    __allocguard_check_site(&s_root_pool, 32);
  }
  print_stats();
}

static int run_scenario(const char *name) {
  if (!strcmp(name, "noop"))
    return 0;
  if (!strcmp(name, "alloc_root")) {
    free(__allocguard_malloc(&s_root_malloc, 64));
    printf("survived\n");
    return 0;
  }
  if (!strcmp(name, "alloc_lock")) {
    allocguard_lock();
    free(__allocguard_malloc(&s_plain_malloc, 8));
    printf("survived\n");
    return 0;
  }
  if (!strcmp(name, "free_root")) {
    __allocguard_free(&s_root_free, malloc(1));
    print_stats();
    return 0;
  }
  if (!strcmp(name, "mix")) {
    scenario_mix();
    return 0;
  }
  if (!strcmp(name, "summary")) {
    __allocguard_register_sites(sum_sites, sum_sites + 4);
    __allocguard_register_sites(sum_sites, sum_sites + 4); /* ignored */
    free(__allocguard_malloc(&sum_sites[0], 100));
    free(__allocguard_malloc(&sum_sites[0], 28));
    __allocguard_free(&sum_sites[3], __allocguard_calloc(&sum_sites[1], 4, 8));
    print_stats();
    return 0;
  }
  fprintf(stderr, "unknown scenario %s\n", name);
  return 99;
}

static char expect[8192];

/* malloc_usable_size() of a fresh block of n bytes, as the runtime counts. */
static size_t usable_size_of(size_t n) {
  void *p = malloc(n);
  size_t size = malloc_usable_size(p);
  free(p);
  return size;
}

/* Append one expected line, "==PID==" + text + "\n". */
static void expect_line(const struct ag_child *c, const char *text) {
  strcat(expect, ag_test_pid_prefix(c));
  strcat(expect, text);
  strcat(expect, "\n");
}

static void test_abort(void) {
  struct ag_child c;
  const char *opts[] = {NULL, "mode=abort"}; /* abort is the default */
  for (int i = 0; i < 2; i++) {
    ag_test_child(&c, "alloc_root", opts[i]);
    CHECK_SIGNALED(&c, SIGABRT);
    expect[0] = 0;
    expect_line(&c, "ERROR: allocguard: allocation in alloc_free scope: "
                    "malloc(64 bytes) at demo.c:23:17 in audio_callback");
    CHECK_STR(c.out, expect);
  }
  ag_test_child(&c, "alloc_lock", "mode=abort");
  CHECK_SIGNALED(&c, SIGABRT);
  expect[0] = 0;
  expect_line(&c, "ERROR: allocguard: allocation while allocguard_lock() is "
                  "held: malloc(8 bytes) at demo.c:40:17 in audio_callback");
  CHECK_STR(c.out, expect);

  ag_test_child(&c, "free_root", "mode=abort");
  CHECK_SIGNALED(&c, SIGABRT);
  expect[0] = 0;
  expect_line(&c, "ERROR: allocguard: deallocation in alloc_free scope: "
                  "free at demo.c:30:17 in audio_callback");
  CHECK_STR(c.out, expect);
}

static void test_log(void) {
  struct ag_child c;
  ag_test_child(&c, "mix", "mode=log");
  CHECK_EXITED(&c, 0);
  expect[0] = 0;
  expect_line(&c, "ERROR: allocguard: allocation in alloc_free scope: "
                  "malloc(64 bytes) at demo.c:23:17 in audio_callback");
  expect_line(&c, "ERROR: allocguard: deallocation in alloc_free scope: "
                  "free at demo.c:30:17 in audio_callback");
  expect_line(&c, "ERROR: allocguard: allocation while allocguard_lock() is "
                  "held: malloc(8 bytes) at demo.c:40:17 in audio_callback");
  expect_line(&c, "ERROR: allocguard: deallocation while allocguard_lock() "
                  "is held: free at demo.c:41:17 in audio_callback");
  expect_line(&c, "ERROR: allocguard: allocation in alloc_free scope: "
                  "asprintf at demo.c:50:17 in audio_callback");
  expect_line(&c, "ERROR: allocguard: allocation in alloc_free scope: "
                  "malloc(16 bytes) at demo.c in audio_callback "
                  "(no line information: compile with -g)");
  expect_line(&c, "ERROR: allocguard: allocation in alloc_free scope: "
                  "Pool::get(unsigned long) (32 bytes) at demo.c:55:17 in "
                  "audio_callback");
  /* 2 x (malloc, free, free(NULL), malloc, free, asprintf, malloc, pool) */
  strcat(expect, "stats: 10 allocations, 6 frees, 240 bytes, "
                 "14 violations\n");
  CHECK_STR(c.out, expect);
}

static void test_count_and_dealloc(void) {
  struct ag_child c;
  ag_test_child(&c, "mix", "mode=count");
  CHECK_EXITED(&c, 0);
  CHECK_STR(c.out, "stats: 10 allocations, 6 frees, 240 bytes, "
                   "14 violations\n");

  /* dealloc=0: frees in a scope are counted, never violations. */
  ag_test_child(&c, "mix", "mode=log,dealloc=0");
  CHECK_EXITED(&c, 0);
  CHECK(strstr(c.out, "deallocation") == NULL);
  CHECK_CONTAINS(c.out, "stats: 10 allocations, 6 frees, 240 bytes, "
                        "10 violations\n");
  ag_test_child(&c, "free_root", "dealloc=0");
  CHECK_EXITED(&c, 0);
  CHECK_STR(c.out, "stats: 0 allocations, 1 frees, 0 bytes, 0 violations\n");
}

static void test_bad_options(void) {
  static const char *const cases[][2] = {
      {"mode=sometimes", "allocguard: ALLOCGUARD_OPTIONS: invalid value "
                         "'sometimes' for 'mode' (valid: abort, log, count)\n"},
      {"mode=log:verbose=1",
       "allocguard: ALLOCGUARD_OPTIONS: unknown option "
       "'verbose' (valid: mode, stats, summary, dealloc, dhat, suppress, "
       "suppressions, root_budget_calls, root_budget_bytes, backtrace, "
       "symbolize, symbolizer, help)\n"},
      {"summary=yes", "allocguard: ALLOCGUARD_OPTIONS: invalid value 'yes' "
                      "for 'summary' (valid: 0, 1)\n"},
      {"dealloc=", "allocguard: ALLOCGUARD_OPTIONS: invalid value '' for "
                   "'dealloc' (valid: 0, 1)\n"},
      {"mode", "allocguard: ALLOCGUARD_OPTIONS: expected key=value, got "
               "'mode'\n"},
      {"=1", "allocguard: ALLOCGUARD_OPTIONS: expected key=value, got '=1'\n"},
  };
  struct ag_child c;
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
    ag_test_child(&c, "noop", cases[i][0]);
    CHECK_EXITED(&c, 2);
    CHECK_STR(c.out, cases[i][1]);
  }
  /* Good options, every separator, no output. */
  ag_test_child(&c, "noop", " mode=log,summary=0:dealloc=1 help=0,, ");
  CHECK_EXITED(&c, 0);
  CHECK_STR(c.out, "");
}

static void test_summary(void) {
  struct ag_child c;
  ag_test_child(&c, "summary", "mode=count:summary=1");
  CHECK_EXITED(&c, 0);
  expect[0] = 0;
  strcat(expect, ag_test_pid_prefix(&c));
  strcat(expect, "WARNING: allocguard: ignoring site descriptors of ABI "
                 "version 2 (first at 0x");
  {
    /* The address differs per run (PIE); take it from the output. */
    const char *at = strstr(c.out, "(first at 0x");
    CHECK(at != NULL);
    at += strlen("(first at 0x");
    strncat(expect, at, strspn(at, "0123456789abcdef"));
  }
  strcat(expect, "; this runtime reads version 1): rebuild with the "
                 "matching allocguard plugin\n");
  strcat(expect, "stats: 3 allocations, 1 frees, 160 bytes, 1 violations\n");
  {
    /* Live bytes are usable sizes (allocator-dependent: glibc rounds up,
     * a sanitizer's allocator does not): 100, 28 and 4*8 allocated, the
     * first two freed by the unchecked free, the last by the checked one. */
    char line[256];
    size_t u100 = usable_size_of(100), u28 = usable_size_of(28),
           u32 = usable_size_of(32);
    snprintf(line, sizeof line,
             "allocguard: summary: 3 allocations, 1 frees, 160 bytes, "
             "1 violations at 3 registered sites; peak %zu live bytes, "
             "%zu at exit; let through: 0 permitted, 0 suppressed, "
             "0 budgeted",
             u100 + u28 + u32, u100 + u28);
    expect_line(&c, line);
  }
  expect_line(&c, "allocguard: site demo.c:60:5 in setup: malloc: 2 calls, "
                  "128 bytes, 0 violations");
  expect_line(&c, "allocguard: site demo.c:61:9 in audio_callback: calloc: "
                  "1 calls, 32 bytes, 1 violations");
  expect_line(&c, "allocguard: site lib.c in teardown: free: 1 calls, "
                  "0 bytes, 0 violations");
  CHECK_STR(c.out, expect);

  ag_test_child(&c, "noop", "summary=1");
  CHECK_EXITED(&c, 0);
  expect[0] = 0;
  expect_line(&c, "allocguard: summary: 0 allocations, 0 frees, 0 bytes, "
                  "0 violations at 0 registered sites; peak 0 live bytes, "
                  "0 at exit; let through: 0 permitted, 0 suppressed, "
                  "0 budgeted");
  CHECK_STR(c.out, expect);
}

static void test_help(void) {
  struct ag_child c;
  ag_test_child(&c, "noop", "mode=log:help=1");
  CHECK_EXITED(&c, 0);
  CHECK(ag_test_lines(c.out) == 14);
  CHECK_CONTAINS(c.out, "allocguard: options (ALLOCGUARD_OPTIONS=key=value");
  CHECK_CONTAINS(c.out, "\n  mode=log (default abort; valid: abort, log, "
                        "count): on a violation: abort");
  CHECK_CONTAINS(c.out, "\n  summary=0 (default 0; valid: 0, 1): at exit");
  CHECK_CONTAINS(c.out, "\n  dealloc=1 (default 1; valid: 0, 1): treat");
  CHECK_CONTAINS(c.out, "\n  dhat=\"\" (default \"\"; valid: a path");
  CHECK_CONTAINS(c.out, "\n  suppress=\"\" (default \"\"; valid: globs "
                        "separated by '|', without ':' ',' or blanks; empty: "
                        "unset): violations whose");
  CHECK_CONTAINS(c.out, "\n  suppressions=\"\" (default \"\"; valid: a path");
  CHECK_CONTAINS(c.out, "\n  root_budget_calls=0 (default 0; valid: a "
                        "decimal number): per thread");
  CHECK_CONTAINS(c.out, "\n  root_budget_bytes=0 (default 0; valid: a "
                        "decimal number): per thread");
  CHECK_CONTAINS(c.out, "\n  backtrace=0 (default 0; valid: 0, 1): follow");
  CHECK_CONTAINS(c.out, "\n  symbolize=1 (default 1; valid: 0, 1): name");
  CHECK_CONTAINS(c.out, "\n  symbolizer=\"\" (default \"\"; valid: a path");
  CHECK_CONTAINS(c.out, "\n  help=1 (default 0; valid: 0, 1): print");
}

int main(int argc, char **argv) {
  if (argc > 1)
    return run_scenario(argv[1]);
  test_abort();
  test_log();
  test_count_and_dealloc();
  test_bad_options();
  test_summary();
  test_help();
  return 0;
}
