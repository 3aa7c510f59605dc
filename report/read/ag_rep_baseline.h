/* ag_rep_baseline.h - baseline files: findings that already exist, by
 * fingerprint, so --fail-on=new fails only on new ones.
 *
 *   # comments
 *   allocguard-baseline v1
 *   1f0e3d2c4b5a6978 allocation audio_callback -> strdup
 *
 * After the header, each line is a 16-digit hex fingerprint, then free
 * text for the reader of a diff. Fingerprints hash the root, the
 * functions along the path and the callee, never line numbers, so a
 * finding keeps its entry when code moves (docs/report.md).
 */
#ifndef ALLOCGUARD_AG_REP_BASELINE_H
#define ALLOCGUARD_AG_REP_BASELINE_H

#include "ag_rep_util.h"

#include <stddef.h>
#include <stdint.h>

struct ag_rep_results;

#define AG_REP_BASELINE_HEADER "allocguard-baseline v1"

struct ag_rep_baseline {
  uint64_t *fingerprints; /* sorted */
  size_t count;
};

int ag_rep_baseline_parse(struct ag_rep_baseline *b, const char *name,
                          const char *data, size_t size,
                          struct ag_rep_error *err);
int ag_rep_baseline_load(struct ag_rep_baseline *b, const char *path,
                         struct ag_rep_error *err);
/* Notes which findings the baseline lists; those not suppressed become
 * baselined. */
void ag_rep_baseline_apply(const struct ag_rep_baseline *b,
                           struct ag_rep_results *res);
void ag_rep_baseline_free(struct ag_rep_baseline *b);

#endif /* ALLOCGUARD_AG_REP_BASELINE_H */
