/* ag_rep_emit.c - the one pass over the results (ag_rep_report.h): each
 * root's findings as the outputs show them (ag_rep_group.h), a view of
 * each (ag_rep_view.h) to every output at once. */
#include "ag_rep_group.h"
#include "ag_rep_view.h"

#include <stdlib.h>
#include <string.h>

static void ag_rep_emit_findings(const struct ag_rep_report *rep,
                                 struct ag_rep_sink *sinks, size_t count,
                                 int violations) {
  const struct ag_rep_results *res = rep->res;
  struct ag_rep_viewer viewer = {0};
  struct ag_rep_groups groups = {0};
  for (size_t r = 0; r < res->root_count; ++r) {
    const struct ag_rep_root *root = &res->roots[r];
    ag_rep_group_root(&groups, res, root, violations);
    for (size_t g = 0; g < groups.group_count; ++g) {
      const struct ag_rep_group *grp = &groups.groups[g];
      uint32_t i = grp->leader;
      const struct ag_rep_finding *f = &res->findings[i];
      struct ag_rep_view v;
      memset(&v, 0, sizeof(v));
      v.f = f;
      v.index = i;
      v.root = root;
      v.is_worst = root->worst == i;
      v.members = groups.members + grp->first;
      v.member_count = grp->size;
      v.clash = grp->clash;
      if (f->status == AG_REP_STATUS_SUPPRESSED && rep->sups)
        v.justification = rep->sups->items[f->suppression].justification;
      ag_rep_view_build(&viewer, rep, &v);
      for (size_t s = 0; s < count; ++s)
        sinks[s].emitter->finding(sinks[s].state, rep, &v);
    }
  }
  ag_rep_groups_free(&groups);
  ag_rep_viewer_free(&viewer);
}

void ag_rep_emit(const struct ag_rep_report *rep, struct ag_rep_sink *sinks,
                 size_t count) {
  for (size_t s = 0; s < count; ++s) {
    ag_rep_out_buffer(&sinks[s].out, 1 << 16);
    sinks[s].state = sinks[s].emitter->begin(&sinks[s].out, rep);
  }
  for (uint32_t r = 0; r < rep->res->root_count; ++r)
    for (size_t s = 0; s < count; ++s)
      sinks[s].emitter->root(sinks[s].state, rep, r);
  ag_rep_emit_findings(rep, sinks, count, 1);
  ag_rep_emit_findings(rep, sinks, count, 0);
  for (size_t s = 0; s < count; ++s) {
    sinks[s].emitter->end(sinks[s].state, rep);
    ag_rep_out_close(&sinks[s].out);
  }
}
