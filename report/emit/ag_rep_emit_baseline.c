/* ag_rep_emit_baseline.c - --write-baseline: every finding that is not
 * suppressed, by fingerprint, in the format ag_rep_baseline.c reads. */
#include "ag_rep_baseline.h"
#include "ag_rep_report.h"

static void *ag_rep_base_begin(struct ag_rep_out *out,
                               const struct ag_rep_report *rep) {
  (void)rep;
  ag_rep_put(out, "# " AG_REP_TOOL " baseline: findings accepted as they "
                  "are.\n# Matched by fingerprint (root, functions on the "
                  "path, callee), not by line.\n# Regenerate with "
                  "--write-baseline=FILE.\n" AG_REP_BASELINE_HEADER "\n");
  return out;
}

static void ag_rep_base_root(void *state, const struct ag_rep_report *rep,
                             uint32_t index) {
  (void)state;
  (void)rep;
  (void)index;
}

static void ag_rep_base_finding(void *state, const struct ag_rep_report *rep,
                                const struct ag_rep_view *v) {
  struct ag_rep_out *o = state;
  /* Every finding shown as this one: a group of unknown calls is shown
   * once but each call is accepted on its own. */
  for (uint32_t i = 0; i < v->member_count; ++i) {
    const struct ag_rep_finding *f = &rep->res->findings[v->members[i]];
    if (f->status == AG_REP_STATUS_SUPPRESSED)
      continue;
    ag_rep_hex64(o, f->fingerprint);
    ag_rep_printf(o, " %s %s -> %s\n", ag_rep_kind_name(f->kind),
                  ag_rep_node_name(rep, v->root->node),
                  f->callee == AG_REP_NONE ? "(unknown target)"
                                           : ag_rep_node_name(rep, f->callee));
  }
}

static void ag_rep_base_end(void *state, const struct ag_rep_report *rep) {
  (void)state;
  (void)rep;
}

const struct ag_rep_emitter ag_rep_emit_baseline = {
    ag_rep_base_begin, ag_rep_base_root, ag_rep_base_finding, ag_rep_base_end};
