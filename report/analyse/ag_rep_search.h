/* ag_rep_search.h - the per-root search behind ag_rep_analyze, with its
 * scratch arrays; each analysis thread owns one. Private to the analysis.
 */
#ifndef ALLOCGUARD_AG_REP_SEARCH_H
#define ALLOCGUARD_AG_REP_SEARCH_H

#include "ag_rep_analysis.h"

#include <stdatomic.h>

struct ag_rep_search {
  const struct ag_rep_program *prog;
  struct ag_rep_results out; /* findings and path entries of its roots */
  uint64_t *visited;         /* bit per node, cleared after each root */
  uint32_t *reached_by, *parent, *entry, *queue, *stack; /* per node */
  uint32_t root;
  uint64_t root_hash;
  /* Bit per call, shared by every search: reached calls allocguard cannot
   * follow (ag_rep_results.unfollowed). */
  _Atomic uint64_t *unfollowed;
  /* Candidate sets looked at from this root (bit per set, and a list to
   * clear them after). */
  uint64_t *set_seen;
  uint32_t *set_list;
  size_t set_list_count, set_list_cap;
  /* Site ordinals within the caller being scanned: how many earlier
   * calls there had the same kind and callee (stamp-cleared table). */
  uint64_t *ord_keys;
  uint32_t *ord_counts, *ord_stamps;
  size_t ord_cap, ord_used;
  uint32_t ord_stamp;
};

static inline int ag_rep_bit_test(const uint64_t *bits, uint32_t i) {
  return (bits[i >> 6] >> (i & 63)) & 1;
}
static inline void ag_rep_bit_set(uint64_t *bits, uint32_t i) {
  bits[i >> 6] |= (uint64_t)1 << (i & 63);
}

void ag_rep_search_init(struct ag_rep_search *w,
                        const struct ag_rep_program *prog);
/* Appends the findings of root `root_index` (node `root`) to w->out;
 * their entries index w->out.entries. */
void ag_rep_search_root(struct ag_rep_search *w,
                        const struct ag_rep_analysis_options *opts,
                        uint32_t root_index, uint32_t root);
void ag_rep_search_free(struct ag_rep_search *w);

#endif /* ALLOCGUARD_AG_REP_SEARCH_H */
