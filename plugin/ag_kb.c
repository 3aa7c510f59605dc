/* ag_kb.c - knowledge-base lookup over ag_kb.def and a user file. */
#include "ag_kb.h"

#include "ag_util.h"

#include <errno.h>
#include <stdio.h>
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

struct ag_kb {
  struct ag_kb_entry *user_rows; /* symbol and why strings are owned */
  size_t user_count, user_cap;
};

const char *ag_effect_name(enum ag_effect effect) {
  switch (effect) {
  case AG_EFFECT_ALLOCATES:
    return "allocates";
  case AG_EFFECT_DEALLOCATES:
    return "deallocates";
  case AG_EFFECT_ALLOC_FREE:
    return "alloc_free";
  case AG_EFFECT_TERMINATES:
    return "terminates";
  }
  return "?";
}

static int ag_effect_parse(const char *word, enum ag_effect *out) {
  for (int e = AG_EFFECT_ALLOCATES; e <= AG_EFFECT_TERMINATES; ++e)
    if (strcmp(word, ag_effect_name((enum ag_effect)e)) == 0) {
      *out = (enum ag_effect)e;
      return 1;
    }
  return 0;
}

/* User file rows: "<symbol> <effect> [why...]"; '#' comments. */
static char *ag_kb_read_user_file(struct ag_kb *kb, const char *path) {
  FILE *file = fopen(path, "r");
  if (!file)
    return ag_xasprintf("cannot read -allocguard-kb file '%s': %s", path,
                        strerror(errno));
  char line[4096];
  for (unsigned lineno = 1; fgets(line, sizeof(line), file); ++lineno) {
    char *hash = strchr(line, '#');
    if (hash)
      *hash = '\0';
    char symbol[1024], effect_word[64];
    int used = 0;
    if (sscanf(line, " %1023s %63s %n", symbol, effect_word, &used) < 2) {
      if (sscanf(line, " %1023s", symbol) == 1) {
        fclose(file);
        return ag_xasprintf("%s:%u: expected '<symbol> <effect> [why]', "
                            "effect one of allocates, deallocates, "
                            "alloc_free, terminates",
                            path, lineno);
      }
      continue; /* blank or comment-only line */
    }
    struct ag_kb_entry row = {0};
    if (!ag_effect_parse(effect_word, &row.effect)) {
      fclose(file);
      return ag_xasprintf("%s:%u: unknown effect '%s' (valid: allocates, "
                          "deallocates, alloc_free, terminates)",
                          path, lineno, effect_word);
    }
    char *why = line + used;
    why[strcspn(why, "\r\n")] = '\0';
    row.symbol = ag_xstrdup(symbol);
    row.why = ag_xstrdup(why);
    AG_PUSH(kb->user_rows, kb->user_count, kb->user_cap, row);
  }
  fclose(file);
  return NULL;
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
  free(kb);
}

static int ag_row_matches(const struct ag_kb_entry *row, const char *symbol,
                          const char *demangled, int want_prefix) {
  size_t len = strlen(row->symbol);
  int is_prefix = len && row->symbol[len - 1] == '*';
  if (is_prefix != want_prefix)
    return 0;
  if (!is_prefix)
    return strcmp(row->symbol, symbol) == 0;
  return strncmp(row->symbol, demangled, len - 1) == 0;
}

static const struct ag_kb_entry *
ag_scan(const struct ag_kb_entry *rows, size_t count, const char *symbol,
        const char *demangled, int want_prefix) {
  for (size_t i = 0; i < count; ++i)
    if (ag_row_matches(&rows[i], symbol, demangled, want_prefix))
      return &rows[i];
  return NULL;
}

const struct ag_kb_entry *ag_kb_lookup(const struct ag_kb *kb,
                                       const char *symbol,
                                       const char *demangled) {
  size_t builtin_count = sizeof(ag_builtin_rows) / sizeof(*ag_builtin_rows);
  for (int want_prefix = 0; want_prefix <= 1; ++want_prefix) {
    const struct ag_kb_entry *row =
        ag_scan(kb->user_rows, kb->user_count, symbol, demangled, want_prefix);
    if (!row)
      row = ag_scan(ag_builtin_rows, builtin_count, symbol, demangled,
                    want_prefix);
    if (row)
      return row;
  }
  return NULL;
}
