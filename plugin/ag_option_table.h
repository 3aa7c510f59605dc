/* ag_option_table.h - the plugin's options as data (ag_options.def), with
 * no LLVM: the plugin validates its -mllvm values with it, and the compiler
 * drivers (driver/) map --allocguard-NAME and ALLOCGUARD_NAME onto it.
 */
#ifndef ALLOCGUARD_AG_OPTION_TABLE_H
#define ALLOCGUARD_AG_OPTION_TABLE_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

enum ag_option_kind {
  AG_OPT_TEXT,           /* free text: a list of names */
  AG_OPT_PATH,           /* a file or directory */
  AG_OPT_CHOICE,         /* one of the row's choices */
  AG_OPT_CHOICE_OR_PATH, /* one of the choices, else a path */
};

/* AG_OPTION_<id>, in table order. */
enum ag_option_id {
#define AG_OPTION(id, ...) AG_OPTION_##id,
#include "ag_options.def"
  AG_OPTION_COUNT
};

struct ag_option_info {
  const char *name;          /* "allocguard-severity", without '-' */
  const char *metavar;       /* "PATH", "a,b"; "" for a choice */
  enum ag_option_kind kind;
  const char *default_value; /* what "" (not given) means */
  const char *choices;       /* "warning, error"; "" for free text */
  const char *help;          /* one line for --help */
};

extern const struct ag_option_info ag_option_table[AG_OPTION_COUNT];

/* The index of `value` among the option's choices; "" and NULL mean the
 * default. -1 when it is none of them (for AG_OPT_CHOICE_OR_PATH: a path;
 * for AG_OPT_CHOICE: invalid). */
int ag_option_choice(const struct ag_option_info *option, const char *value);

/* The row whose name is `name` (the first `len` bytes, without '-'), or
 * NULL. */
const struct ag_option_info *ag_option_find(const char *name, size_t len);

#ifdef __cplusplus
}
#endif

#endif /* ALLOCGUARD_AG_OPTION_TABLE_H */
