/* ag_rep_suppress.h - suppression files: findings accepted on purpose,
 * each with a written justification.
 *
 *   root:audio_callback            # why this root may allocate
 *   callee:strdup                  # why this callee is fine
 *   path:mix > make_label          # why this chain is fine
 *
 * One entry a line; `#` starts the justification, which is required.
 * Names follow the --root rules (symbol, demangled, without parameters)
 * and may use `*` and `?` globs. A `path:` entry matches a finding whose
 * chain of functions (root, every callee, the site's callee) contains its
 * names one after another.
 */
#ifndef ALLOCGUARD_AG_REP_SUPPRESS_H
#define ALLOCGUARD_AG_REP_SUPPRESS_H

#include "ag_rep_util.h"

#include <stddef.h>
#include <stdint.h>

struct ag_rep_program;
struct ag_rep_results;

enum ag_rep_sup_kind { AG_REP_SUP_ROOT, AG_REP_SUP_CALLEE, AG_REP_SUP_PATH };

struct ag_rep_suppression {
  uint8_t kind;
  char **names;         /* one, or the chain of a path: entry */
  size_t name_count;
  char *text;           /* the entry as written, for messages */
  char *justification;
  const char *file;     /* owned by the set */
  size_t line;
  uint32_t used;        /* findings it matched */
};

struct ag_rep_suppressions {
  struct ag_rep_suppression *items;
  size_t count, cap;
  char **files;
  size_t file_count, file_cap;
};

/* Parses `size` bytes of a suppression file called `name`. Returns 0, or
 * -1 with *err as "name:line: what is wrong". */
int ag_rep_suppressions_parse(struct ag_rep_suppressions *s, const char *name,
                              const char *data, size_t size,
                              struct ag_rep_error *err);
int ag_rep_suppressions_load(struct ag_rep_suppressions *s, const char *path,
                             struct ag_rep_error *err);

/* Marks matching findings suppressed (the first matching entry is kept
 * as the reason; every matching entry counts as used). */
void ag_rep_suppressions_apply(struct ag_rep_suppressions *s,
                               const struct ag_rep_program *prog,
                               struct ag_rep_results *res);
void ag_rep_suppressions_free(struct ag_rep_suppressions *s);

#endif /* ALLOCGUARD_AG_REP_SUPPRESS_H */
