/* ag_kb.c - knowledge-base lookup over ag_kb.def and a user file. */
#include "ag_kb.h"

#include "ag_fnv1a.h"
#include "ag_names_short.h"
#include "ag_util.h"

#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

enum { WRAPPED = 1, NOT_WRAPPED = 0 };
#define ALLOCATES AG_EFFECT_ALLOCATES
#define DEALLOCATES AG_EFFECT_DEALLOCATES
#define ALLOC_FREE AG_EFFECT_ALLOC_FREE
#define TERMINATES AG_EFFECT_TERMINATES

static const struct ag_kb_entry ag_builtin_rows[] = {
#define AG_KB(symbol, effect, wrapped, why) {symbol, effect, wrapped, why},
#include "ag_kb.def"
#undef AG_KB
};

/* One answer per symbol: a module calls the same few functions from
 * thousands of sites, and the glob rows cost a scan each. */
struct ag_kb_memo {
  char *symbol; /* owned; NULL: empty slot */
  const struct ag_kb_entry *row;
};

struct ag_kb {
  struct ag_kb_entry *user_rows; /* symbol and why strings are owned */
  size_t user_count, user_cap;
  struct ag_kb_memo *memo; /* open addressing, at most half full */
  size_t memo_count, memo_cap;
  /* The row index (below), built at the first lookup after rows change. */
  uint32_t *exact;         /* open addressing: row numbers, UINT32_MAX empty */
  size_t exact_cap;
  uint32_t *globs;         /* glob rows' numbers, in order */
  char (*glob_lead)[2];    /* each glob row's first two characters, '*'
                              from the first '*' on */
  size_t glob_count, indexed_user_count;
};

static const char *const ag_effect_names[] = {
#define AG_X(id, name) [AG_EFFECT_##id] = name,
    AG_EFFECTS(AG_X)
#undef AG_X
};

/* ", allocates, deallocates, ...": messages print it from the third
 * character. */
static const char ag_effect_list[] =
#define AG_X(id, name) ", " name
    AG_EFFECTS(AG_X)
#undef AG_X
    ;

const char *ag_effect_name(enum ag_effect effect) {
  if ((size_t)effect < sizeof ag_effect_names / sizeof *ag_effect_names)
    return ag_effect_names[effect];
  return "?";
}

static const struct ag_kb_callback {
  const char *symbol;
  unsigned argument;
  const char *type;
} ag_callback_rows[] = {
#define AG_KB_CALLBACK(symbol, argument, type) {symbol, argument, type},
#include "ag_kb_callbacks.def"
#undef AG_KB_CALLBACK
};

unsigned ag_kb_callback_args(const char *symbol) {
  unsigned mask = 0;
  for (size_t i = 0; i < sizeof ag_callback_rows / sizeof ag_callback_rows[0]; ++i)
    if (strcmp(ag_callback_rows[i].symbol, symbol) == 0)
      mask |= 1u << ag_callback_rows[i].argument;
  return mask;
}

const char *ag_kb_callback_type(const char *symbol, unsigned argument) {
  for (size_t i = 0; i < sizeof ag_callback_rows / sizeof ag_callback_rows[0]; ++i)
    if (ag_callback_rows[i].argument == argument &&
        strcmp(ag_callback_rows[i].symbol, symbol) == 0)
      return ag_callback_rows[i].type;
  return NULL;
}

/* A user row written with the long template spelling
 * (std::__cxx11::basic_string<char, ...>::append*) is kept in the short one
 * the display names use (std::string::append*). Mangled symbols and C
 * names are kept as written. */
static char *ag_kb_display_pattern(const char *symbol) {
  if (!strchr(symbol, '<') && !strstr(symbol, "std::__"))
    return ag_xstrdup(symbol);
  char *short_form = ag_name_short(symbol);
  if (!short_form)
    return ag_xstrdup(symbol);
  char *owned = ag_xstrdup(short_form);
  free(short_form);
  return owned;
}

static int ag_effect_word(const char *word, size_t len, enum ag_effect *out) {
  for (size_t e = 0; e < sizeof ag_effect_names / sizeof *ag_effect_names;
       ++e) {
    const char *name = ag_effect_names[e];
    if (strlen(name) == len && strncmp(word, name, len) == 0) {
      *out = (enum ag_effect)e;
      return 1;
    }
  }
  return 0;
}

/* Splits a user row "<name> <effect> [why...]" in place. The name may hold
 * spaces ("std::string::size() const", an expanded template): the effect is
 * the first word after the first that names one. Returns 1 and the parts;
 * 0 with *bad at the second word, the one that should have been the effect
 * (NULL when the line has one word). */
static int ag_kb_split_row(char *line, char **name, enum ag_effect *effect,
                           char **why, char **bad) {
  static const char space[] = " \t\r\n";
  char *word = line + strspn(line, space);
  *name = word;
  *bad = NULL;
  for (int index = 0; *word; ++index) {
    size_t len = strcspn(word, space);
    if (index == 1)
      *bad = word;
    if (index > 0 && ag_effect_word(word, len, effect)) {
      char *after = word + len;
      after += strspn(after, space);
      after[strcspn(after, "\r\n")] = '\0';
      *why = after;
      char *end = word;
      while (end > *name && (end[-1] == ' ' || end[-1] == '\t'))
        --end;
      *end = '\0';
      return 1;
    }
    word += len;
    word += strspn(word, space);
  }
  return 0;
}

/* One row of a user file, `line` without its newline (NUL-terminated,
 * ours to change); blank and comment-only lines add nothing. Returns NULL,
 * or a heap message naming path:lineno. */
static char *ag_kb_add_line(struct ag_kb *kb, char *line, const char *path,
                            unsigned lineno) {
  char *hash = strchr(line, '#');
  if (hash)
    *hash = '\0';
  if (line[strspn(line, " \t\r\n")] == '\0')
    return NULL; /* blank or comment-only line */
  char *name, *why, *bad;
  struct ag_kb_entry row = {0};
  if (!ag_kb_split_row(line, &name, &row.effect, &why, &bad))
    return bad ? ag_xasprintf("%s:%u: unknown effect '%.*s' (valid: %s)",
                              path, lineno, (int)strcspn(bad, " \t\r\n"), bad,
                              ag_effect_list + 2)
               : ag_xasprintf("%s:%u: expected '<symbol> <effect> [why]', "
                              "effect one of %s",
                              path, lineno, ag_effect_list + 2);
  row.symbol = ag_kb_display_pattern(name);
  row.why = ag_xstrdup(why);
  AG_PUSH(kb->user_rows, kb->user_count, kb->user_cap, row);
  return NULL;
}

char *ag_kb_add_rows(struct ag_kb *kb, const char *text, size_t len,
                     const char *path) {
  const char *end = text + len;
  for (unsigned lineno = 1; text < end; ++lineno) {
    const char *eol = memchr(text, '\n', (size_t)(end - text));
    if (!eol)
      eol = end;
    char *line = ag_xstrndup(text, (size_t)(eol - text));
    char *error = ag_kb_add_line(kb, line, path, lineno);
    free(line);
    if (error)
      return error;
    text = eol + 1;
  }
  return NULL;
}

static char *ag_kb_read_user_file(struct ag_kb *kb, const char *path) {
  size_t len = 0;
  char *text = ag_read_file(path, &len);
  if (!text)
    return ag_xasprintf("cannot read -allocguard-kb file '%s': %s", path,
                        strerror(errno));
  char *error = ag_kb_add_rows(kb, text, len, path);
  free(text);
  return error;
}

struct ag_kb *ag_kb_create(const char *user_file, char **error) {
  struct ag_kb *kb = ag_xcalloc(1, sizeof(*kb));
  if (user_file && (*error = ag_kb_read_user_file(kb, user_file))) {
    ag_kb_free(kb);
    return NULL;
  }
  return kb;
}

void ag_kb_free(struct ag_kb *kb) {
  if (!kb)
    return;
  for (size_t i = 0; i < kb->user_count; ++i) {
    free((char *)kb->user_rows[i].symbol);
    free((char *)kb->user_rows[i].why);
  }
  free(kb->user_rows);
  for (size_t i = 0; i < kb->memo_cap; ++i)
    free(kb->memo[i].symbol);
  free(kb->memo);
  free(kb->exact);
  free(kb->globs);
  free(kb->glob_lead);
  free(kb);
}

/* Shell-style match where only '*' is special (any run of characters, "::"
 * included): C++ names are full of '[', '?' never, and '*' in "char*" is
 * matched by itself. Linear backtracking to the last '*'. */
static int ag_glob(const char *pattern, const char *text) {
  const char *star = NULL, *resume = NULL;
  while (*text) {
    if (*pattern == '*') {
      star = pattern++;
      resume = text;
    } else if (*pattern == *text) {
      ++pattern;
      ++text;
    } else if (star) {
      pattern = star + 1;
      text = ++resume;
    } else {
      return 0;
    }
  }
  while (*pattern == '*')
    ++pattern;
  return *pattern == '\0';
}

/* ---- the row index ------------------------------------------------------ *
 * Rows are numbered user rows first, then the built-in ones; the first row
 * in that order that matches wins, exact rows before glob rows. The index
 * gives, per exact symbol, its first row, and lists the glob rows in order,
 * so a new symbol costs two hash probes and the globs instead of a scan of
 * every row (SQLite's amalgamation looks up 2,400 symbols). */

static const struct ag_kb_entry *ag_kb_row(const struct ag_kb *kb, uint32_t n) {
  return n < kb->user_count ? &kb->user_rows[n]
                            : &ag_builtin_rows[n - kb->user_count];
}

static size_t ag_kb_hash(const char *s) { return (size_t)ag_fnv1a_string(s); }

/* The first exact row named `symbol`, or UINT32_MAX. */
static uint32_t ag_kb_exact(const struct ag_kb *kb, const char *symbol) {
  size_t mask = kb->exact_cap - 1;
  for (size_t i = ag_kb_hash(symbol) & mask; kb->exact[i] != UINT32_MAX;
       i = (i + 1) & mask)
    if (strcmp(ag_kb_row(kb, kb->exact[i])->symbol, symbol) == 0)
      return kb->exact[i];
  return UINT32_MAX;
}

static void ag_kb_index(struct ag_kb *kb) {
  size_t builtin_count = sizeof(ag_builtin_rows) / sizeof(*ag_builtin_rows);
  size_t count = kb->user_count + builtin_count;
  free(kb->exact);
  free(kb->globs);
  free(kb->glob_lead);
  kb->exact_cap = 16;
  while (kb->exact_cap < 2 * count)
    kb->exact_cap *= 2;
  kb->exact = ag_xmalloc(kb->exact_cap * sizeof(uint32_t));
  memset(kb->exact, 0xff, kb->exact_cap * sizeof(uint32_t));
  kb->globs = ag_xcalloc(count ? count : 1, sizeof(uint32_t));
  kb->glob_lead = ag_xcalloc(count ? count : 1, sizeof(*kb->glob_lead));
  kb->glob_count = 0;
  kb->indexed_user_count = kb->user_count;
  for (uint32_t n = 0; n < count; ++n) {
    const char *symbol = ag_kb_row(kb, n)->symbol;
    if (strchr(symbol, '*')) {
      char *lead = kb->glob_lead[kb->glob_count];
      lead[0] = symbol[0];
      lead[1] = symbol[0] == '*' ? '*' : symbol[1];
      kb->globs[kb->glob_count++] = n;
      continue;
    }
    size_t mask = kb->exact_cap - 1, i = ag_kb_hash(symbol) & mask;
    while (kb->exact[i] != UINT32_MAX &&
           strcmp(ag_kb_row(kb, kb->exact[i])->symbol, symbol) != 0)
      i = (i + 1) & mask;
    if (kb->exact[i] == UINT32_MAX) /* else an earlier row has it */
      kb->exact[i] = n;
  }
}

/* Whether `name` can match a glob that starts with `lead` (its first two
 * characters, '*' meaning anything from there on). */
static int ag_kb_leads(const char *lead, const char *name) {
  return name[0] == lead[0] && (lead[1] == '*' || name[1] == lead[1]);
}

static const struct ag_kb_entry *ag_kb_scan_all(struct ag_kb *kb,
                                                const char *symbol,
                                                const char *display) {
  if (!kb->exact || kb->indexed_user_count != kb->user_count)
    ag_kb_index(kb);
  uint32_t a = ag_kb_exact(kb, symbol), b = ag_kb_exact(kb, display);
  if (a != UINT32_MAX || b != UINT32_MAX)
    return ag_kb_row(kb, a < b ? a : b);
  /* A glob matches only names that start as it does before its first
   * '*': most rows are C++ (std::...), most names are not. */
  for (size_t g = 0; g < kb->glob_count; ++g) {
    const char *lead = kb->glob_lead[g];
    if (lead[0] != '*' && !ag_kb_leads(lead, display) &&
        !ag_kb_leads(lead, symbol))
      continue;
    const struct ag_kb_entry *row = ag_kb_row(kb, kb->globs[g]);
    if (ag_glob(row->symbol, display) || ag_glob(row->symbol, symbol))
      return row;
  }
  return NULL;
}

static struct ag_kb_memo *ag_kb_memo_slot(struct ag_kb_memo *memo, size_t cap,
                                         const char *symbol) {
  size_t i = ag_kb_hash(symbol) & (cap - 1);
  while (memo[i].symbol && strcmp(memo[i].symbol, symbol) != 0)
    i = (i + 1) & (cap - 1);
  return &memo[i];
}

const struct ag_kb_entry *ag_kb_lookup(const struct ag_kb *kb_in,
                                       const char *symbol,
                                       const char *display) {
  struct ag_kb *kb = (struct ag_kb *)kb_in; /* the memo is a cache only */
  if (kb->memo_cap) {
    struct ag_kb_memo *slot = ag_kb_memo_slot(kb->memo, kb->memo_cap, symbol);
    if (slot->symbol)
      return slot->row;
  }
  const struct ag_kb_entry *row = ag_kb_scan_all(kb, symbol, display);
  if (2 * (kb->memo_count + 1) > kb->memo_cap) {
    size_t cap = kb->memo_cap ? 2 * kb->memo_cap : 256;
    struct ag_kb_memo *memo = ag_xcalloc(cap, sizeof(*memo));
    for (size_t i = 0; i < kb->memo_cap; ++i)
      if (kb->memo[i].symbol)
        *ag_kb_memo_slot(memo, cap, kb->memo[i].symbol) = kb->memo[i];
    free(kb->memo);
    kb->memo = memo;
    kb->memo_cap = cap;
  }
  struct ag_kb_memo *slot = ag_kb_memo_slot(kb->memo, kb->memo_cap, symbol);
  slot->symbol = ag_xstrdup(symbol);
  slot->row = row;
  kb->memo_count++;
  return row;
}
