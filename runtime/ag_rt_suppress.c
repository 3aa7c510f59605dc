/* ag_rt_suppress.c - run-time suppressions by function name.
 *
 *   ALLOCGUARD_OPTIONS='suppress=log_*|callee=strdup' ./app
 *   ALLOCGUARD_OPTIONS=suppressions=app.supp ./app
 *
 * A pattern is a glob ('*' matches any run of characters, everything else
 * itself) over the whole demangled name the site descriptor stores. With
 * a `function=` or `callee=` prefix it matches only the function that
 * contains the call or only the function called; bare, either ('=', not
 * sanitizers' ':', because ':' separates options). suppress= separates
 * patterns with '|' (the option syntax leaves no room for ':', ',' or
 * blanks, so C++ names with those go in a file, or use '*'). A suppressions
 * file has one pattern per line; '#' starts a comment line, and blanks
 * around a pattern are ignored.
 *
 * Nothing is compiled or copied into tables: patterns are matched where
 * they lie (the option pool, a static buffer holding the file), so neither
 * loading nor matching allocates. The file is read once, from a constructor
 * (an unreadable file fails before main, like a bad option) or on the first
 * violation if that comes earlier.
 */
#define _GNU_SOURCE
#include "ag_rt_allow.h"

#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <string.h>
#include <unistd.h>

#include "ag_rt_flags.h"
#include "ag_rt_report.h"

/* Bounded so that loading never allocates; a larger file is an error. */
#define AG_RT_SUPP_FILE_MAX 16384

static char ag_rt_supp_file[AG_RT_SUPP_FILE_MAX];
static size_t ag_rt_supp_file_len;
static int ag_rt_supp_state; /* 0 not loaded, 1 loading, 2 ready */

/* ---- Glob -------------------------------------------------------------- */

/* Does the whole of `s` match pattern [p, p+n)? '*' is any run. Iterative,
 * backtracking only to the last '*', so linear in practice. */
static int ag_rt_glob(const char *p, size_t n, const char *s) {
  size_t i = 0, star = (size_t)-1;
  const char *mark = s;
  while (*s) {
    if (i < n && p[i] == '*') {
      star = i++;
      mark = s;
    } else if (i < n && p[i] == *s) {
      i++;
      s++;
    } else if (star != (size_t)-1) {
      i = star + 1;
      s = ++mark;
    } else {
      return 0;
    }
  }
  while (i < n && p[i] == '*')
    i++;
  return i == n;
}

static int ag_rt_has_prefix(const char *p, size_t n, const char *prefix) {
  size_t k = strlen(prefix);
  return n >= k && memcmp(p, prefix, k) == 0;
}

/* One pattern [p, p+n), blanks already trimmed, against the site. */
static int ag_rt_supp_match(const char *p, size_t n,
                            const struct __allocguard_site *site) {
  const char *fn = site->function ? site->function : "";
  const char *callee = site->callee ? site->callee : "";
  if (n == 0)
    return 0;
  if (ag_rt_has_prefix(p, n, "function="))
    return ag_rt_glob(p + 9, n - 9, fn);
  if (ag_rt_has_prefix(p, n, "callee="))
    return ag_rt_glob(p + 7, n - 7, callee);
  return ag_rt_glob(p, n, fn) || ag_rt_glob(p, n, callee);
}

static int ag_rt_is_blank(char c) {
  return c == ' ' || c == '\t' || c == '\r';
}

/* Match every `sep`-separated, blank-trimmed entry of [s, s+len); entries
 * starting with `comment` (when nonzero) are skipped. */
static int ag_rt_supp_any(const char *s, size_t len, char sep, char comment,
                          const struct __allocguard_site *site) {
  const char *end = s + len;
  while (s < end) {
    const char *e = memchr(s, sep, (size_t)(end - s));
    const char *b = s, *t;
    if (!e)
      e = end;
    t = e;
    while (b < t && ag_rt_is_blank(*b))
      b++;
    while (t > b && ag_rt_is_blank(t[-1]))
      t--;
    if (!(comment && b < t && *b == comment) &&
        ag_rt_supp_match(b, (size_t)(t - b), site))
      return 1;
    s = e + 1;
  }
  return 0;
}

/* ---- Loading ----------------------------------------------------------- */

/* "allocguard: suppressions=<path>: <what> (<errno name>)", _exit(2). */
__attribute__((noreturn)) static void ag_rt_supp_die(const char *path,
                                                     const char *what,
                                                     int err) {
  struct ag_rt_line l;
  const char *name = err ? strerrorname_np(err) : 0;
  ag_rt_line_init(&l);
  ag_rt_line_str(&l, "allocguard: suppressions=");
  ag_rt_line_str(&l, path);
  ag_rt_line_str(&l, ": ");
  ag_rt_line_str(&l, what);
  if (err) {
    ag_rt_line_str(&l, " (");
    if (name)
      ag_rt_line_str(&l, name);
    else
      ag_rt_line_dec(&l, (uint64_t)err);
    ag_rt_line_str(&l, ")");
  }
  ag_rt_line_emit(&l);
  _exit(2);
}

static void ag_rt_supp_read(const char *path) {
  int fd = open(path, O_RDONLY | O_CLOEXEC);
  size_t len = 0;
  if (fd < 0)
    ag_rt_supp_die(path, "cannot open", errno);
  for (;;) {
    ssize_t n = read(fd, ag_rt_supp_file + len, sizeof ag_rt_supp_file - len);
    if (n < 0 && errno == EINTR)
      continue;
    if (n < 0)
      ag_rt_supp_die(path, "cannot read", errno);
    if (n == 0)
      break;
    len += (size_t)n;
    if (len == sizeof ag_rt_supp_file)
      ag_rt_supp_die(path, "larger than 16384 bytes", 0);
  }
  close(fd);
  ag_rt_supp_file_len = len;
}

static void ag_rt_supp_load(void) {
  int expected = 0;
  if (AG_RT_LIKELY(__atomic_load_n(&ag_rt_supp_state, __ATOMIC_ACQUIRE) == 2))
    return;
  if (__atomic_compare_exchange_n(&ag_rt_supp_state, &expected, 1, 0,
                                  __ATOMIC_ACQUIRE, __ATOMIC_ACQUIRE)) {
    const char *path = ag_rt_flags_get()->suppressions;
    if (path)
      ag_rt_supp_read(path);
    __atomic_store_n(&ag_rt_supp_state, 2, __ATOMIC_RELEASE);
  } else {
    while (__atomic_load_n(&ag_rt_supp_state, __ATOMIC_ACQUIRE) != 2)
      sched_yield();
  }
}

__attribute__((constructor)) static void ag_rt_supp_ctor(void) {
  ag_rt_supp_load();
}

int ag_rt_suppressed(const struct __allocguard_site *site) {
  const char *list = ag_rt_flags_get()->suppress;
  ag_rt_supp_load();
  if (list && ag_rt_supp_any(list, strlen(list), '|', 0, site))
    return 1;
  return ag_rt_supp_file_len &&
         ag_rt_supp_any(ag_rt_supp_file, ag_rt_supp_file_len, '\n', '#', site);
}
