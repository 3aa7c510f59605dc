/* ag_rep_emit_text.c - clang-style diagnostics: a warning at the call in
 * the root, a note per further hop (plugin/ag_diag.c's shape). Shows new
 * findings only; baselined and suppressed ones are counted at the end. */
#include "ag_rep_report.h"

#include <stdlib.h>

struct ag_rep_text {
  struct ag_rep_out *out;
};

static void *ag_rep_text_begin(struct ag_rep_out *out,
                               const struct ag_rep_report *rep) {
  (void)rep;
  struct ag_rep_text *t = ag_xcalloc(1, sizeof(*t));
  t->out = out;
  return t;
}

static void ag_rep_text_root(void *state, const struct ag_rep_report *rep,
                             uint32_t index) {
  (void)state;
  (void)rep;
  (void)index;
}

static void ag_rep_text_loc(struct ag_rep_out *o, const struct ag_rep_hop *h) {
  ag_rep_put(o, h->file ? h->file : "<unknown>");
  if (h->has_loc) {
    ag_rep_put(o, ":");
    ag_rep_putu(o, h->line);
    ag_rep_put(o, ":");
    ag_rep_putu(o, h->column);
  }
  ag_rep_put(o, ": ");
}

static void ag_rep_text_finding(void *state, const struct ag_rep_report *rep,
                                const struct ag_rep_view *v) {
  struct ag_rep_text *t = state;
  (void)rep;
  if (v->f->status != AG_REP_STATUS_NEW)
    return;
  ag_rep_text_loc(t->out, &v->hops[0]);
  ag_rep_printf(t->out, "warning: %s [-W%s]\n", v->message, v->flag);
  for (uint32_t i = 1; i < v->hop_count; ++i) {
    ag_rep_text_loc(t->out, &v->hops[i]);
    ag_rep_put(t->out, "note: ");
    ag_rep_put(t->out, v->hops[i].note);
    ag_rep_put(t->out, "\n");
  }
  /* The group's next few calls allocguard cannot follow, then how many
   * more: one warning per call in the root, not one per unknown call. */
  for (uint32_t i = 0; i < v->also_count; ++i) {
    ag_rep_text_loc(t->out, &v->also[i]);
    ag_rep_put(t->out, "note: ");
    ag_rep_put(t->out, v->also[i].note);
    ag_rep_put(t->out, "\n");
  }
  if (v->member_count > 1 + v->also_count) {
    ag_rep_text_loc(t->out, &v->hops[0]);
    ag_rep_printf(t->out, "note: and %u more\n",
                  v->member_count - 1 - v->also_count);
  }
}

static void ag_rep_text_count(struct ag_rep_out *o, uint32_t n,
                              const char *one, const char *many, int *first) {
  if (!n)
    return;
  ag_rep_printf(o, "%s%u %s", *first ? "" : ", ", n, n == 1 ? one : many);
  *first = 0;
}

static void ag_rep_text_end(void *state, const struct ag_rep_report *rep) {
  struct ag_rep_text *t = state;
  const struct ag_rep_results *res = rep->res;
  uint32_t failing = 0, accepted[2] = {0, 0};
  for (size_t r = 0; r < res->root_count; ++r)
    failing += ag_rep_root_new(&res->roots[r], 1) != 0;
  for (unsigned k = 0; k < AG_REP_FIND_KINDS; ++k) {
    accepted[0] += res->tally[k][AG_REP_STATUS_BASELINED];
    accepted[1] += res->tally[k][AG_REP_STATUS_SUPPRESSED];
  }
  const uint32_t(*n)[3] = res->tally;
  ag_rep_printf(t->out, "%s: %zu alloc_free root%s, %u reach%s the heap",
                AG_REP_TOOL, res->root_count, res->root_count == 1 ? "" : "s",
                failing, failing == 1 ? "es" : "");
  int first = 1;
  uint32_t shown = n[AG_REP_FIND_ALLOC][0] + n[AG_REP_FIND_DEALLOC][0];
  ag_rep_put(t->out, shown ? ": " : "");
  ag_rep_text_count(t->out, n[AG_REP_FIND_ALLOC][0], "allocation",
                    "allocations", &first);
  ag_rep_text_count(t->out, n[AG_REP_FIND_DEALLOC][0], "deallocation",
                    "deallocations", &first);
  if (accepted[0] || accepted[1]) {
    ag_rep_put(t->out, " (not shown: ");
    first = 1;
    ag_rep_text_count(t->out, accepted[0], "in the baseline", "in the baseline",
                      &first);
    ag_rep_text_count(t->out, accepted[1], "suppressed", "suppressed", &first);
    ag_rep_put(t->out, ")");
  }
  /* Always said, even when none or not listed: a report that could not
   * see everything must say so. */
  ag_rep_printf(t->out, "; %zu call%s could not be followed%s",
                res->unfollowed, res->unfollowed == 1 ? "" : "s",
                rep->unknown || !res->unfollowed ? "" : " (not listed: "
                                                        "--no-unknown)");
  ag_rep_put(t->out, "\n");
  free(t);
}

const struct ag_rep_emitter ag_rep_emit_text = {
    ag_rep_text_begin, ag_rep_text_root, ag_rep_text_finding, ag_rep_text_end};
