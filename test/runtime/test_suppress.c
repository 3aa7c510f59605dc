/* test_suppress.c - suppress= and suppressions=.
 * Intent: a violation whose site's function or callee matches a pattern
 * (a whole-name glob; function=/callee= restrict the side) is counted as
 * suppressed, not reported and not aborted on, and does not consume a
 * budget; other sites still violate. A file holds one pattern per line,
 * C++ names with '::' and blanks included; a missing or oversized file is
 * fatal before main.
 */
#include "ag_test.h"

#include <stdint.h>

AG_TEST_SITE(s_audio, 0, "strdup", 10); /* in audio_callback */
static struct __allocguard_counters s_log_c, s_fmt_c, s_cxx_c, s_del_c;
static const struct __allocguard_site s_log = {
    AG_SITE_ABI_VERSION, 0, 11, 3, "log.c", "log_error", "malloc", &s_log_c};
static const struct __allocguard_site s_fmt = {
    AG_SITE_ABI_VERSION, 0, 12, 3, "log.c", "format_message", "asprintf",
    &s_fmt_c};
static const struct __allocguard_site s_cxx = {
    AG_SITE_ABI_VERSION, 0, 13, 3, "dsp.cpp",
    "dsp::Mixer::process(float*, int)", "operator new(unsigned long)",
    &s_cxx_c};
static const struct __allocguard_site s_del = {
    AG_SITE_ABI_VERSION, AG_SITE_DEALLOC, 14, 3, "dsp.cpp",
    "dsp::Mixer::reset()", "operator delete(void*)", &s_del_c};

/* Under a lock, one call at each site; print which were suppressed. */
static void scenario(int budget) {
  struct allocguard_stats st;
  const struct __allocguard_site *sites[] = {&s_audio, &s_log, &s_fmt, &s_cxx,
                                             &s_del};
  unsigned i;
  if (budget)
    allocguard_lock_budget(1, 0);
  else
    allocguard_lock();
  for (i = 0; i < 5; i++) {
    uint64_t before;
    allocguard_stats_get(&st);
    before = st.suppressed;
    __allocguard_check_site(sites[i], 8);
    allocguard_stats_get(&st);
    printf("%s ", st.suppressed > before ? "S" : "-");
  }
  allocguard_unlock();
  allocguard_stats_get(&st);
  printf("violations=%llu suppressed=%llu budgeted=%llu\n",
         (unsigned long long)st.violations, (unsigned long long)st.suppressed,
         (unsigned long long)st.budgeted);
}

static char path[64];

static void write_file(const char *text) {
  int fd;
  strcpy(path, "/tmp/ag_supp_XXXXXX");
  fd = mkstemp(path);
  CHECK(fd >= 0);
  CHECK(write(fd, text, strlen(text)) == (ssize_t)strlen(text));
  close(fd);
}

static void expect(const char *options, const char *out) {
  struct ag_child c;
  ag_test_child(&c, "run", options);
  CHECK_EXITED(&c, 0);
  CHECK_STR(c.out, out);
}

int main(int argc, char **argv) {
  struct ag_child c;
  char opts[256], big[20000];
  if (argc > 1) {
    scenario(!strcmp(argv[1], "budget"));
    return 0;
  }
  expect("mode=count", "- - - - - violations=5 suppressed=0 budgeted=0\n");
  expect("mode=count:suppress=log_*|format_message",
         "- S S - - violations=3 suppressed=2 budgeted=0\n");
  expect("mode=count:suppress=log", /* whole names, not substrings */
         "- - - - - violations=5 suppressed=0 budgeted=0\n");
  expect("mode=count:suppress=callee=operator*|function=log_error",
         "- S - S S violations=2 suppressed=3 budgeted=0\n");
  expect("mode=count:suppress=function=malloc", /* the callee side only */
         "- - - - - violations=5 suppressed=0 budgeted=0\n");
  expect("mode=count:suppress=*Mixer*|*dup",
         "S - - S S violations=2 suppressed=3 budgeted=0\n");
  /* In abort mode a suppressed site neither reports nor aborts. */
  ag_test_child(&c, "run", "suppress=*:mode=abort");
  CHECK_EXITED(&c, 0);
  CHECK_STR(c.out, "S S S S S violations=0 suppressed=5 budgeted=0\n");
  ag_test_child(&c, "run", "mode=abort:suppress=log_error");
  CHECK_SIGNALED(&c, SIGABRT);
  CHECK_CONTAINS(c.out, "strdup(8 bytes) at demo.c:10:17 in audio_callback");

  /* A suppressed call leaves the budget to the others. */
  ag_test_child(&c, "budget", "mode=count:suppress=log_error|format_message");
  CHECK_EXITED(&c, 0);
  CHECK_STR(c.out, "- S S - - violations=2 suppressed=2 budgeted=1\n");

  write_file("# C++ names, blanks and all\n"
             "\n"
             "  function=dsp::Mixer::process(float*, int)  \n"
             "callee=operator delete(void*)\r\n"
             "#log_error\n"
             "format_*");
  snprintf(opts, sizeof opts, "mode=count:suppressions=%s", path);
  expect(opts, "- - S S S violations=2 suppressed=3 budgeted=0\n");
  snprintf(opts, sizeof opts, "mode=count:suppressions=%s:suppress=log_error",
           path);
  expect(opts, "- S S S S violations=1 suppressed=4 budgeted=0\n");
  unlink(path);

  ag_test_child(&c, "run", "suppressions=/nonexistent/x.supp");
  CHECK_EXITED(&c, 2);
  CHECK_STR(c.out, "allocguard: suppressions=/nonexistent/x.supp: cannot "
                   "open (ENOENT)\n");
  memset(big, '#', sizeof big - 1);
  big[sizeof big - 1] = '\0';
  write_file(big);
  snprintf(opts, sizeof opts, "suppressions=%s", path);
  ag_test_child(&c, "run", opts);
  CHECK_EXITED(&c, 2);
  CHECK_CONTAINS(c.out, ": larger than 16384 bytes\n");
  unlink(path);
  return 0;
}
