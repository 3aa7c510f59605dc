/* test_backtrace.c - backtrace=1.
 * Intent: a reported violation is followed by its call stack, one
 * "    #N 0xADDR in SYM+0xOFF (MODULE+0xOFF)" line per frame, starting at
 * the wrapper's caller (no runtime frames), each address inside the named
 * symbol and module (symbolize=0: the symbolized frames are tested end to
 * end, test/e2e/report_user_frame.cpp); the handler gets the same frames;
 * without the option there are none (the site is the user's line). Linked
 * with -rdynamic so dladdr can name the functions.
 */
#include "ag_test.h"

#include <regex.h>
#include <stdint.h>

AG_TEST_SITE(s_malloc, 0, "malloc", 12);

__attribute__((noinline)) void ag_level2(void) {
  free(__allocguard_malloc(&s_malloc, 8));
  __asm__ volatile(""); /* keep this frame: no tail call */
}

__attribute__((noinline)) void ag_level1(void) {
  ag_level2();
  __asm__ volatile("");
}

/* Does frame line #k of out contain `what`? */
static int frame_has(const char *out, int k, const char *what) {
  char head[16], line[512];
  const char *p, *e;
  snprintf(head, sizeof head, "    #%d ", k);
  p = strstr(out, head);
  if (!p)
    return 0;
  e = strchr(p, '\n');
  snprintf(line, sizeof line, "%.*s", (int)(e - p), p);
  return strstr(line, what) != NULL;
}

static void scenario(void) {
  allocguard_lock();
  ag_level1();
  allocguard_unlock();
}

int main(int argc, char **argv) {
  struct ag_child c;
  regex_t re;
  regmatch_t m[4];
  const char *p;
  int n = 0;
  (void)argv;
  if (argc > 1) {
    scenario();
    return 0;
  }
  ag_test_child(&c, "run", "mode=log:backtrace=1:symbolize=0");
  CHECK_EXITED(&c, 0);
  CHECK_CONTAINS(c.out, "ERROR: allocguard: allocation while "
                        "allocguard_lock() is held: malloc(8 bytes) at "
                        "demo.c:12:17 in audio_callback\n"
                        "    #0 0x");
  CHECK(regcomp(&re,
                "^    #([0-9]+) 0x[0-9a-f]+( in [^ ]+\\+0x[0-9a-f]+)? "
                "\\(([^ ]+)\\+0x[0-9a-f]+\\)$",
                REG_EXTENDED | REG_NEWLINE) == 0);
  for (p = strchr(c.out, '\n') + 1; *p; p = strchr(p, '\n') + 1) {
    CHECK(regexec(&re, p, 4, m, 0) == 0 && m[0].rm_so == 0);
    CHECK_EQ_U(strtoul(p + m[1].rm_so, NULL, 10), n);
    n++;
  }
  CHECK(n >= 4); /* ag_level2, ag_level1, scenario, main, libc... */
  CHECK(frame_has(c.out, 0, " in ag_level2+0x"));
  CHECK(frame_has(c.out, 1, " in ag_level1+0x"));
  CHECK(strstr(c.out, " in ag_rt_") == NULL); /* no runtime frames */
  CHECK(strstr(c.out, "__allocguard_malloc") == NULL);
  CHECK(strstr(c.out, "(<unknown module>)") == NULL);
  CHECK_CONTAINS(c.out, "/ag_rt_test_backtrace_"); /* the test's own path */

  ag_test_child(&c, "run", "mode=log");
  CHECK_EXITED(&c, 0);
  CHECK(strstr(c.out, "    #0") == NULL);
  CHECK_EQ_U(ag_test_lines(c.out), 1);
  return 0;
}
