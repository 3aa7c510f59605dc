/* ag_names_short.c - C++ names as clang and debuggers print them
 * (ag_names_short.h). Text to text: the demangler's output is re-read, not
 * the mangled name, so names from summaries and user patterns go through
 * the same code.
 */
#include "ag_names_short.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* ---- the tables (ag_names_short.def) ------------------------------------ */

struct ag_std_defaults {
  const char *name;
  int required;
  const char *defaults[3];
};
struct ag_std_alias {
  const char *name, *argument, *alias;
};

static const struct ag_std_defaults ag_std_defaults[] = {
#define AG_STD_DEFAULTS(name, required, d1, d2, d3) {name, required, {d1, d2, d3}},
#define AG_STD_ALIAS(name, argument, alias)
#include "ag_names_short.def"
#undef AG_STD_DEFAULTS
#undef AG_STD_ALIAS
};
static const struct ag_std_alias ag_std_aliases[] = {
#define AG_STD_DEFAULTS(name, required, d1, d2, d3)
#define AG_STD_ALIAS(name, argument, alias) {name, argument, alias},
#include "ag_names_short.def"
#undef AG_STD_DEFAULTS
#undef AG_STD_ALIAS
};
#define AG_COUNT(a) (sizeof(a) / sizeof(*(a)))

/* Deeper nesting than this is copied as it is: names come from summaries,
 * which the report treats as hostile, and recursion must stay bounded. */
enum { AG_SHORT_MAX_DEPTH = 32, AG_SHORT_MAX_ARGS = 64 };

/* ---- a growing buffer that remembers running out of memory ------------ */

struct ag_buf {
  char *p;
  size_t len, cap;
  int oom;
};

static void ag_buf_put(struct ag_buf *b, const char *s, size_t n) {
  if (b->oom)
    return;
  if (b->len + n + 1 > b->cap) {
    size_t cap = b->cap ? b->cap : 64;
    while (b->len + n + 1 > cap)
      cap *= 2;
    char *p = realloc(b->p, cap);
    if (!p) {
      b->oom = 1;
      return;
    }
    b->p = p;
    b->cap = cap;
  }
  memcpy(b->p + b->len, s, n);
  b->len += n;
  b->p[b->len] = '\0';
}

static void ag_buf_puts(struct ag_buf *b, const char *s) {
  ag_buf_put(b, s, strlen(s));
}

static int ag_is_ident(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
         (c >= '0' && c <= '9') || c == '_' || c == '$';
}

/* ---- scanning ----------------------------------------------------------- */

/* Length of the operator token after "operator" at s (not including it):
 * its '<' and '>' are not brackets. Conversion operators ("operator int")
 * have none; their type is read as any other text. */
static size_t ag_operator_len(const char *s, size_t n) {
  if (n >= 2 && (memcmp(s, "()", 2) == 0 || memcmp(s, "[]", 2) == 0))
    return 2;
  static const char *const ops[] = {"<=>", "->*", "<<=", ">>=", "<<", ">>",
                                    "<=",  ">=",  "->",  "<",   ">"};
  for (size_t i = 0; i < AG_COUNT(ops); ++i) {
    size_t len = strlen(ops[i]);
    if (n >= len && memcmp(s, ops[i], len) == 0)
      return len;
  }
  return 0;
}

/* Is `operator` a keyword at s[i] (whole word)? */
static int ag_at_operator(const char *s, size_t i, size_t n) {
  return s[i] == 'o' && n - i >= 8 && memcmp(s + i, "operator", 8) == 0 &&
         (i == 0 || !ag_is_ident(s[i - 1])) &&
         (n - i == 8 || !ag_is_ident(s[i + 8]));
}

/* Index of the '>' closing the '<' at s[open], or 0 when unbalanced.
 * (), [] and {} nest inside; operator tokens are skipped. */
static size_t ag_match_angle(const char *s, size_t open, size_t n,
                             size_t *budget) {
  int angle = 0, other = 0;
  for (size_t i = open; i < n; ++i) {
    if (*budget == 0)
      return 0; /* too much scanning: the rest is copied as text */
    --*budget;
    if (s[i] == 'o' && ag_at_operator(s, i, n)) {
      i += 8;
      i += ag_operator_len(s + i, n - i);
      --i;
      continue;
    }
    char c = s[i];
    if (c == '(' || c == '[' || c == '{')
      ++other;
    else if ((c == ')' || c == ']' || c == '}') && other > 0)
      --other;
    else if (other == 0 && c == '<')
      ++angle;
    else if (other == 0 && c == '>' && --angle == 0)
      return i;
  }
  return 0;
}

/* ---- shortening --------------------------------------------------------- */

/* Every '<' looks for its '>': text with many unbalanced ones would cost
 * quadratic time, so one call scans at most this many characters per
 * character of input before copying the rest unchanged. */
enum { AG_SHORT_SCAN_PER_CHAR = 64 };

static void ag_shorten(struct ag_buf *out, const char *s, size_t n, int depth,
                       size_t *budget);

/* The default text for one template argument, with $0/$1 replaced by the
 * (shortened) arguments before it. */
static void ag_default_text(struct ag_buf *out, const char *pattern,
                            struct ag_buf *args, size_t nargs) {
  for (const char *p = pattern; *p; ++p) {
    if (p[0] == '$' && p[1] >= '0' && p[1] <= '9' &&
        (size_t)(p[1] - '0') < nargs) {
      struct ag_buf *arg = &args[p[1] - '0'];
      ag_buf_put(out, arg->p ? arg->p : "", arg->len);
      ++p;
    } else {
      ag_buf_put(out, p, 1);
    }
  }
}

static size_t ag_drop_defaults(const char *name, size_t name_len,
                               struct ag_buf *args, size_t nargs) {
  if (name_len < 6 || memcmp(name, "std::", 5) != 0)
    return nargs; /* every row is in std */
  for (size_t t = 0; t < AG_COUNT(ag_std_defaults); ++t) {
    const struct ag_std_defaults *row = &ag_std_defaults[t];
    if (row->name[5] != name[5] || strlen(row->name) != name_len ||
        memcmp(row->name, name, name_len))
      continue;
    while (nargs > (size_t)row->required) {
      size_t slot = nargs - 1 - (size_t)row->required;
      if (slot >= AG_COUNT(row->defaults) || !row->defaults[slot])
        break;
      struct ag_buf want = {0};
      ag_default_text(&want, row->defaults[slot], args, nargs);
      int same = !want.oom && want.p && args[nargs - 1].p &&
                 strcmp(want.p, args[nargs - 1].p) == 0;
      free(want.p);
      if (!same)
        break;
      --nargs;
    }
    break;
  }
  return nargs;
}

static const char *ag_alias(const char *name, size_t name_len,
                            const struct ag_buf *args, size_t nargs) {
  if (nargs != 1 || !args[0].p || name_len < 6 || memcmp(name, "std::", 5))
    return NULL;
  for (size_t t = 0; t < AG_COUNT(ag_std_aliases); ++t) {
    const struct ag_std_alias *row = &ag_std_aliases[t];
    if (row->name[5] == name[5] && strlen(row->name) == name_len &&
        !memcmp(row->name, name, name_len) &&
        strcmp(row->argument, args[0].p) == 0)
      return row->alias;
  }
  return NULL;
}

/* Appends the template argument list s[open..close] (the brackets
 * included) for the template whose name ends `out`. */
static void ag_shorten_args(struct ag_buf *out, const char *s, size_t open,
                            size_t close, int depth, size_t *budget) {
  struct ag_buf args[AG_SHORT_MAX_ARGS];
  size_t nargs = 0;
  int angle = 0, other = 0;
  size_t start = open + 1;
  for (size_t i = open + 1; i <= close; ++i) {
    if (s[i] == 'o' && i < close && ag_at_operator(s, i, close)) {
      i += 8 + ag_operator_len(s + i + 8, close - i - 8) - 1;
      continue;
    }
    char c = s[i];
    if (c == '(' || c == '[' || c == '{')
      ++other;
    else if ((c == ')' || c == ']' || c == '}') && other > 0)
      --other;
    else if (other == 0 && c == '<')
      ++angle;
    else if (other == 0 && c == '>' && i < close)
      --angle;
    if (i == close || (c == ',' && angle == 0 && other == 0)) {
      if (nargs == AG_SHORT_MAX_ARGS) { /* copy what we cannot hold */
        for (size_t a = 0; a < nargs; ++a)
          free(args[a].p);
        ag_buf_put(out, s + open, close + 1 - open);
        return;
      }
      size_t b = start, e = i;
      while (b < e && s[b] == ' ')
        ++b;
      while (e > b && s[e - 1] == ' ')
        --e;
      struct ag_buf *arg = &args[nargs++];
      memset(arg, 0, sizeof(*arg));
      ag_shorten(arg, s + b, e - b, depth + 1, budget);
      ag_buf_put(arg, "", 0);
      out->oom |= arg->oom;
      start = i + 1;
    }
  }
  /* The template's name: the qualified identifier just written. */
  size_t filled = nargs;
  size_t name_start = out->len;
  while (name_start > 0 && (ag_is_ident(out->p[name_start - 1]) ||
                            out->p[name_start - 1] == ':'))
    --name_start;
  const char *name = out->p ? out->p + name_start : "";
  size_t name_len = out->len - name_start;
  if (nargs == 1 && args[0].len == 0)
    nargs = 0; /* "f<>" */
  nargs = ag_drop_defaults(name, name_len, args, nargs);
  const char *alias = ag_alias(name, name_len, args, nargs);
  if (alias) {
    out->len = name_start;
    ag_buf_puts(out, alias);
  } else {
    /* "operator<< <char>": the space the demangler writes, also where an
     * ABI tag between the two went ("operator<<[abi:ne190107]<char>"). */
    if (out->len && out->p[out->len - 1] == '<')
      ag_buf_put(out, " ", 1);
    ag_buf_put(out, "<", 1);
    for (size_t a = 0; a < nargs; ++a) {
      if (a)
        ag_buf_put(out, ", ", 2);
      ag_buf_put(out, args[a].p ? args[a].p : "", args[a].len);
    }
    ag_buf_put(out, ">", 1);
  }
  for (size_t a = 0; a < filled; ++a)
    free(args[a].p);
}

/* Is s[i..] one of the library's inline namespaces after "std::"? Returns
 * its length with the trailing "::", else 0. */
static size_t ag_inline_namespace(const char *s, size_t i, size_t n) {
  static const char *const spaces[] = {"__cxx11::", "__1::", "__ndk1::"};
  if (s[i] != '_' || i < 5 || memcmp(s + i - 5, "std::", 5) != 0 ||
      (i > 5 && (ag_is_ident(s[i - 6]) || s[i - 6] == ':')))
    return 0;
  for (size_t k = 0; k < AG_COUNT(spaces); ++k) {
    size_t len = strlen(spaces[k]);
    if (n - i >= len && memcmp(s + i, spaces[k], len) == 0)
      return len;
  }
  return 0;
}

static void ag_shorten(struct ag_buf *out, const char *s, size_t n, int depth,
                       size_t *budget) {
  if (depth > AG_SHORT_MAX_DEPTH) {
    ag_buf_put(out, s, n);
    return;
  }
  for (size_t i = 0; i < n;) {
    size_t skip = ag_inline_namespace(s, i, n);
    if (skip) {
      i += skip;
      continue;
    }
    if (s[i] == '[' && n - i > 5 && memcmp(s + i, "[abi:", 5) == 0) {
      /* libc++'s ABI tags ("size[abi:ne190107]()"): clang does not print
       * them, and they change with every release. */
      const char *end = memchr(s + i, ']', n - i);
      if (end) {
        i = (size_t)(end - s) + 1;
        continue;
      }
    }
    if (ag_at_operator(s, i, n)) {
      size_t len = 8 + ag_operator_len(s + i + 8, n - i - 8);
      ag_buf_put(out, s + i, len);
      i += len;
      continue;
    }
    if (s[i] == '<') {
      size_t close = ag_match_angle(s, i, n, budget);
      if (close) {
        ag_shorten_args(out, s, i, close, depth, budget);
        i = close + 1;
        continue;
      }
    }
    /* A run of characters none of the cases above can start with. */
    size_t run = i + 1;
    while (run < n && s[run] != '<' && s[run] != '[' && s[run] != 'o' &&
           s[run] != '_')
      ++run;
    ag_buf_put(out, s + i, run - i);
    i = run;
  }
}

/* ---- a function template's return type -------------------------------- */

/* The demangler writes "RET NAME<ARGS>(PARAMS)" for function template
 * specializations; clang's diagnostics and debuggers' backtraces name them
 * without RET. Returns where NAME starts (0 when there is no return type):
 * after the last space outside brackets that comes before the parameter
 * list and before any "operator" keyword. */
static size_t ag_name_start(const char *s, size_t n) {
  size_t last_space = 0;
  int nest = 0;
  for (size_t i = 0; i < n; ++i) {
    if (ag_at_operator(s, i, n))
      break;
    char c = s[i];
    if (c == '(' && nest == 0 &&
        strncmp(s + i, "(anonymous namespace)", 21) == 0) {
      i += 20;
      continue;
    }
    if (c == '<' || c == '(' || c == '[' || c == '{') {
      if (c == '(' && nest == 0)
        break; /* the parameter list */
      ++nest;
    } else if ((c == '>' || c == ')' || c == ']' || c == '}') && nest > 0) {
      --nest;
    } else if (c == ' ' && nest == 0) {
      last_space = i + 1;
    }
  }
  if (last_space < 2 || last_space >= n ||
      !(ag_is_ident(s[last_space]) || s[last_space] == ':' ||
        s[last_space] == '('))
    return 0;
  /* A return type ends in a name, '*', '&' or '>'. The demangler's phrases
   * ("non-virtual thunk to f()", "TLS init function for x", "invocation
   * function for block in f()") are not return types: keep them whole. */
  char before = s[last_space - 2];
  if (!(ag_is_ident(before) || before == '*' || before == '&' ||
        before == '>'))
    return 0;
  static const char *const phrases[] = {" to ", " for ", " in "};
  for (size_t k = 0; k < AG_COUNT(phrases); ++k) {
    size_t len = strlen(phrases[k]);
    for (size_t i = 0; i + len <= last_space; ++i)
      if (memcmp(s + i, phrases[k], len) == 0)
        return 0;
  }
  return last_space;
}

char *ag_name_short(const char *name) {
  struct ag_buf out = {0};
  size_t len = strlen(name);
  size_t budget = AG_SHORT_SCAN_PER_CHAR * len + 4096;
  ag_shorten(&out, name, len, 0, &budget);
  ag_buf_put(&out, "", 0);
  if (out.oom) {
    free(out.p);
    return NULL;
  }
  size_t start = ag_name_start(out.p, out.len);
  if (start)
    memmove(out.p, out.p + start, out.len - start + 1);
  return out.p;
}

/* ---- patterns, shortened once -------------------------------------------- */

enum { AG_PATTERN_CACHE = 16 };

struct ag_pattern_entry {
  const char *key; /* the caller's pattern, by address */
  char *text;      /* a copy of it, to notice a reused address */
  char *short_form;
};

static _Thread_local struct ag_pattern_entry ag_patterns[AG_PATTERN_CACHE];

const char *ag_name_short_pattern(const char *pattern) {
  struct ag_pattern_entry *entry =
      &ag_patterns[((uintptr_t)pattern >> 4) % AG_PATTERN_CACHE];
  if (entry->key == pattern && entry->text &&
      strcmp(entry->text, pattern) == 0)
    return entry->short_form;
  free(entry->text);
  free(entry->short_form);
  memset(entry, 0, sizeof(*entry));
  size_t len = strlen(pattern);
  char *text = malloc(len + 1);
  if (text)
    memcpy(text, pattern, len + 1);
  char *short_form = text ? ag_name_short(pattern) : NULL;
  if (!short_form) {
    free(text);
    return NULL;
  }
  entry->key = pattern;
  entry->text = text;
  entry->short_form = short_form;
  return short_form;
}
