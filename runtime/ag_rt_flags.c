/* ag_rt_flags.c - parse ALLOCGUARD_OPTIONS into struct ag_rt_flags.
 *
 * Syntax: key=value pairs separated by ':' or ',' (or blanks), e.g.
 *   ALLOCGUARD_OPTIONS=mode=log:summary=1 ./app
 * The string is read in place (getenv returns a pointer into environ; no
 * copy is made), so parsing never allocates. A bad option is fatal with
 * status 2: a silently ignored typo would hide the violations asked for.
 */
#include "ag_rt_flags.h"

#include <sched.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "ag_rt_check.h"
#include "ag_rt_common.h"
#include "ag_rt_report.h"

/* The program may define this; ALLOCGUARD_OPTIONS is applied after it. */
extern const char *__allocguard_default_options(void)
    __attribute__((weak, visibility("default")));

static struct ag_rt_flags ag_rt_flags_value;
static int ag_rt_flags_state;             /* 0 unparsed, 1 parsing, 2 ready */
static AG_RT_TLS int ag_rt_flags_parsing; /* this thread is the parser */

/* ---- Value types: parse, show, valid values ---------------------------- */

#define AG_RT_VALID_ag_rt_bool "0, 1"
#define AG_RT_VALID_ag_rt_mode "abort, log, count"
#define AG_RT_VALID_ag_rt_str "a path without ':' ',' or blanks; empty: unset"
#define AG_RT_VALID_ag_rt_list                                                 \
  "globs separated by '|', without ':' ',' or blanks; empty: unset"
#define AG_RT_VALID_ag_rt_u64 "a decimal number"

/* String values are copied here, NUL-terminated, once each; parsing runs
 * once per process, so the pool only needs to hold every string option's
 * value from both sources. */
static char ag_rt_str_pool[4096];
static size_t ag_rt_str_used;

static int ag_rt_eq(const char *s, size_t n, const char *word) {
  return strlen(word) == n && memcmp(s, word, n) == 0;
}

static int ag_rt_parse_ag_rt_bool(const char *v, size_t n, ag_rt_bool *out) {
  if (ag_rt_eq(v, n, "0") || ag_rt_eq(v, n, "1")) {
    *out = v[0] == '1';
    return 1;
  }
  return 0;
}

static int ag_rt_parse_ag_rt_mode(const char *v, size_t n, ag_rt_mode *out) {
  if (ag_rt_eq(v, n, "abort"))
    *out = AG_RT_MODE_ABORT;
  else if (ag_rt_eq(v, n, "log"))
    *out = AG_RT_MODE_LOG;
  else if (ag_rt_eq(v, n, "count"))
    *out = AG_RT_MODE_COUNT;
  else
    return 0;
  return 1;
}

/* No allocation: the value is copied into ag_rt_str_pool. Empty unsets. */
static int ag_rt_parse_ag_rt_str(const char *v, size_t n, ag_rt_str *out) {
  if (n == 0) {
    *out = 0;
    return 1;
  }
  if (n >= sizeof ag_rt_str_pool - ag_rt_str_used)
    return 0;
  memcpy(ag_rt_str_pool + ag_rt_str_used, v, n);
  ag_rt_str_pool[ag_rt_str_used + n] = '\0';
  *out = ag_rt_str_pool + ag_rt_str_used;
  ag_rt_str_used += n + 1;
  return 1;
}

static int ag_rt_parse_ag_rt_list(const char *v, size_t n, ag_rt_list *out) {
  return ag_rt_parse_ag_rt_str(v, n, out);
}

static int ag_rt_parse_ag_rt_u64(const char *v, size_t n, ag_rt_u64 *out) {
  uint64_t x = 0;
  size_t i;
  if (n == 0 || n > 20)
    return 0;
  for (i = 0; i < n; i++) {
    if (v[i] < '0' || v[i] > '9' || __builtin_mul_overflow(x, 10, &x) ||
        __builtin_add_overflow(x, (uint64_t)(v[i] - '0'), &x))
      return 0;
  }
  *out = x;
  return 1;
}

static const char *ag_rt_show_ag_rt_bool(ag_rt_bool v) { return v ? "1" : "0"; }

static const char *ag_rt_show_ag_rt_list(ag_rt_list v) { return v ? v : "\"\""; }

/* Decimal into one of a few static buffers: help=1 shows a value and its
 * default in one line, and runs once, under the parse. */
static const char *ag_rt_show_ag_rt_u64(ag_rt_u64 v) {
  static char bufs[2][24];
  static unsigned next;
  char *b = bufs[next++ % 2], *p = b + 23;
  *p = '\0';
  do {
    *--p = (char)('0' + v % 10);
    v /= 10;
  } while (v);
  return p;
}

static const char *ag_rt_show_ag_rt_str(ag_rt_str v) { return v ? v : "\"\""; }

static const char *ag_rt_show_ag_rt_mode(ag_rt_mode v) {
  switch (v) {
  case AG_RT_MODE_ABORT:
    return "abort";
  case AG_RT_MODE_LOG:
    return "log";
  case AG_RT_MODE_COUNT:
    return "count";
  }
  return "?";
}

/* ---- Errors and help --------------------------------------------------- */

/* "allocguard: <source>: <what> '<text>'<tail>", then _exit(2). */
__attribute__((noreturn)) static void
ag_rt_flags_die(const char *source, const char *what, const char *text,
                size_t n, const char *tail) {
  struct ag_rt_line l;
  ag_rt_line_init(&l);
  ag_rt_line_str(&l, "allocguard: ");
  ag_rt_line_str(&l, source);
  ag_rt_line_str(&l, ": ");
  ag_rt_line_str(&l, what);
  ag_rt_line_str(&l, " '");
  ag_rt_line_mem(&l, text, n);
  ag_rt_line_str(&l, "'");
  ag_rt_line_str(&l, tail);
  ag_rt_line_emit(&l);
  _exit(2);
}

/* "allocguard: <source>: unknown option 'k' (valid: mode, ...)", _exit(2). */
__attribute__((noreturn)) static void
ag_rt_flags_unknown(const char *source, const char *key, size_t klen) {
  static const char *const names[] = {
#define AG_FLAG(type, name, default_value, description) #name,
#include "ag_rt_flags.inc"
#undef AG_FLAG
  };
  struct ag_rt_line tail;
  size_t i;
  ag_rt_line_init(&tail);
  ag_rt_line_str(&tail, " (valid: ");
  for (i = 0; i < sizeof names / sizeof names[0]; i++) {
    ag_rt_line_str(&tail, i ? ", " : "");
    ag_rt_line_str(&tail, names[i]);
  }
  ag_rt_line_str(&tail, ")");
  tail.buf[tail.len] = '\0';
  ag_rt_flags_die(source, "unknown option", key, klen, tail.buf);
}

static void ag_rt_flags_help(const struct ag_rt_flags *f) {
  struct ag_rt_line l;
  ag_rt_line_init(&l);
  ag_rt_line_str(&l, "allocguard: options (ALLOCGUARD_OPTIONS=key=value, "
                     "separated by ':' or ','; current value shown):");
  ag_rt_line_emit(&l);
#define AG_FLAG(type, name, default_value, description)                        \
  ag_rt_line_init(&l);                                                         \
  ag_rt_line_str(&l, "  " #name "=");                                          \
  ag_rt_line_str(&l, ag_rt_show_##type(f->name));                              \
  ag_rt_line_str(&l, " (default ");                                            \
  ag_rt_line_str(&l, ag_rt_show_##type(default_value));                        \
  ag_rt_line_str(&l, "; valid: " AG_RT_VALID_##type "): " description);        \
  ag_rt_line_emit(&l);
#include "ag_rt_flags.inc"
#undef AG_FLAG
}

/* ---- Parser ------------------------------------------------------------ */

static int ag_rt_is_sep(char c) {
  return c == ':' || c == ',' || c == ' ' || c == '\t' || c == '\n';
}

static void ag_rt_flags_set(struct ag_rt_flags *f, const char *source,
                            const char *key, size_t klen, const char *val,
                            size_t vlen) {
#define AG_FLAG(type, name, default_value, description)                        \
  if (ag_rt_eq(key, klen, #name)) {                                            \
    if (!ag_rt_parse_##type(val, vlen, &f->name))                              \
      ag_rt_flags_die(source, "invalid value", val, vlen,                      \
                      " for '" #name "' (valid: " AG_RT_VALID_##type ")");     \
    return;                                                                    \
  }
#include "ag_rt_flags.inc"
#undef AG_FLAG
  ag_rt_flags_unknown(source, key, klen);
}

/* Apply every key=value of `s` (may be NULL) to *f. */
static void ag_rt_flags_parse(struct ag_rt_flags *f, const char *s,
                              const char *source) {
  if (!s)
    return;
  while (*s) {
    const char *tok, *eq;
    while (*s && ag_rt_is_sep(*s))
      s++;
    if (!*s)
      break;
    tok = s;
    while (*s && !ag_rt_is_sep(*s))
      s++;
    eq = memchr(tok, '=', (size_t)(s - tok));
    if (!eq || eq == tok)
      ag_rt_flags_die(source, "expected key=value, got", tok, (size_t)(s - tok),
                      "");
    ag_rt_flags_set(f, source, tok, (size_t)(eq - tok), eq + 1,
                    (size_t)(s - eq - 1));
  }
}

/* ---- Entry ------------------------------------------------------------- */

const struct ag_rt_flags *ag_rt_flags_get(void) {
  int expected = 0;
  if (AG_RT_LIKELY(__atomic_load_n(&ag_rt_flags_state, __ATOMIC_ACQUIRE) == 2))
    return &ag_rt_flags_value;
  /* Re-entered from the program's hook (an instrumented call in it): use
   * what is parsed so far rather than wait for ourselves. */
  if (ag_rt_flags_parsing)
    return &ag_rt_flags_value;
  if (__atomic_compare_exchange_n(&ag_rt_flags_state, &expected, 1, 0,
                                  __ATOMIC_ACQUIRE, __ATOMIC_ACQUIRE)) {
    struct ag_rt_flags *f = &ag_rt_flags_value;
    ag_rt_flags_parsing = 1;
#define AG_FLAG(type, name, default_value, description) f->name = default_value;
#include "ag_rt_flags.inc"
#undef AG_FLAG
    if (__allocguard_default_options)
      ag_rt_flags_parse(f, __allocguard_default_options(),
                        "__allocguard_default_options()");
    ag_rt_flags_parse(f, getenv("ALLOCGUARD_OPTIONS"), "ALLOCGUARD_OPTIONS");
    if (f->help)
      ag_rt_flags_help(f);
    ag_rt_stats_configure(f->stats || f->summary || f->dhat);
    ag_rt_flags_parsing = 0;
    __atomic_store_n(&ag_rt_flags_state, 2, __ATOMIC_RELEASE);
  } else {
    while (__atomic_load_n(&ag_rt_flags_state, __ATOMIC_ACQUIRE) != 2)
      sched_yield();
  }
  return &ag_rt_flags_value;
}

/* Parse at load time too, so a bad option fails before main, not at the
 * first violation. */
__attribute__((constructor)) static void ag_rt_flags_ctor(void) {
  (void)ag_rt_flags_get();
}
