/* ag_kb.h - the knowledge base: what external functions do to the heap.
 *
 * The rows are data (ag_kb.def, plus an optional user file); this module
 * only looks them up.
 */
#ifndef ALLOCGUARD_AG_KB_H
#define ALLOCGUARD_AG_KB_H

#include <stddef.h>

/* X(ID, name): what a knowledge-base row says a function does, and its
 * name in -allocguard-kb files and messages. */
#define AG_EFFECTS(X)                                                          \
  X(ALLOCATES, "allocates")     /* returns memory the heap gave it */          \
  X(DEALLOCATES, "deallocates") /* gives memory back */                        \
  X(ALLOC_FREE, "alloc_free")   /* never touches the heap */                   \
  X(TERMINATES, "terminates")   /* does not return: abort, exit */

enum ag_effect {
#define AG_EFFECT_ENUM(id, name) AG_EFFECT_##id,
  AG_EFFECTS(AG_EFFECT_ENUM)
#undef AG_EFFECT_ENUM
};

struct ag_kb_entry {
  const char *symbol;   /* symbol or display name; with '*': a glob */
  enum ag_effect effect;
  int wrapped;          /* the runtime has __allocguard_<symbol> */
  const char *why;      /* "" when obvious */
};

struct ag_kb;

/* Builds the table from ag_kb.def plus `user_file` (may be NULL). On a bad
 * user file returns NULL and a heap message in *error. */
struct ag_kb *ag_kb_create(const char *user_file, char **error);
void ag_kb_free(struct ag_kb *kb);

/* Adds the rows of a user file's text (`len` bytes; what ag_kb_create
 * reads from `path`, which names it in messages): "<name> <effect>
 * [why...]" per line, '#' comments. Returns NULL, or a heap message
 * "path:line: ..." at the first bad row (the rows before it stay). */
char *ag_kb_add_rows(struct ag_kb *kb, const char *text, size_t len,
                     const char *path);

/* Row for this function, or NULL when the table does not know it. Exact
 * rows (the symbol, or the display name: ag_names.h) win over globs; among
 * either, user rows win over built-in ones, then the first in table order
 * (so specific globs come before general ones in ag_kb.def). */
const struct ag_kb_entry *ag_kb_lookup(const struct ag_kb *kb,
                                       const char *symbol,
                                       const char *display);

const char *ag_effect_name(enum ag_effect effect);

/* The arguments (bit i: argument i) holding functions that `symbol` calls
 * before it returns (ag_kb_callbacks.def), or 0. */
unsigned ag_kb_callback_args(const char *symbol);
/* The type key of the function `symbol` calls through `argument`, or NULL. */
const char *ag_kb_callback_type(const char *symbol, unsigned argument);

#endif /* ALLOCGUARD_AG_KB_H */
