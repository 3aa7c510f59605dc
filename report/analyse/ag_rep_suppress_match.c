/* ag_rep_suppress_match.c - which findings a suppression covers
 * (ag_rep_suppress.h). */
#include "ag_rep_suppress.h"

#include "ag_rep_analysis.h"
#include "ag_rep_names.h"

#include <stdlib.h>

static int ag_rep_sup_node(const char *pattern,
                           const struct ag_rep_program *prog, uint32_t node) {
  return node != AG_REP_NONE &&
         ag_rep_name_matches(pattern, prog->nodes[node].symbol,
                             prog->nodes[node].display);
}

/* Does the chain of nodes contain the entry's names consecutively? */
static int ag_rep_sup_chain(const struct ag_rep_suppression *sup,
                            const struct ag_rep_program *prog,
                            const uint32_t *chain, size_t len) {
  for (size_t start = 0; start + sup->name_count <= len; ++start) {
    size_t i = 0;
    while (i < sup->name_count &&
           ag_rep_sup_node(sup->names[i], prog, chain[start + i]))
      ++i;
    if (i == sup->name_count)
      return 1;
  }
  return 0;
}

void ag_rep_suppressions_apply(struct ag_rep_suppressions *s,
                               const struct ag_rep_program *prog,
                               struct ag_rep_results *res) {
  if (!s || !s->count)
    return;
  uint32_t *calls = NULL, *chain = NULL;
  (void)prog;
  size_t cap = 0;
  for (size_t i = 0; i < res->count; ++i) {
    struct ag_rep_finding *f = &res->findings[i];
    if (f->path_len + 1 > cap) {
      cap = f->path_len + 1;
      calls = ag_xrealloc(calls, cap * sizeof(uint32_t));
      chain = ag_xrealloc(chain, cap * sizeof(uint32_t));
    }
    chain[0] = res->roots[f->root].node;
    ag_rep_results_path(res, f, calls, chain + 1);
    uint32_t callee = chain[f->path_len];
    for (size_t k = 0; k < s->count; ++k) {
      struct ag_rep_suppression *sup = &s->items[k];
      int hit = sup->kind == AG_REP_SUP_ROOT
                    ? ag_rep_sup_node(sup->names[0], prog, chain[0])
                : sup->kind == AG_REP_SUP_CALLEE
                    ? ag_rep_sup_node(sup->names[0], prog, callee)
                    : ag_rep_sup_chain(sup, prog, chain, f->path_len + 1);
      if (!hit)
        continue;
      sup->used++;
      if (f->status != AG_REP_STATUS_SUPPRESSED) {
        f->status = AG_REP_STATUS_SUPPRESSED;
        f->suppression = (uint32_t)k;
      }
    }
  }
  free(calls);
  free(chain);
}

