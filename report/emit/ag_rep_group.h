/* ag_rep_group.h - a root's findings as the outputs show them: calls
 * allocguard cannot follow, one group per call in the root that leads to
 * them (a warning with the count and the first few, not one each), and
 * violations marked when another of the root's would read the same at
 * the same location (so the headline names the site). Private to the
 * pass (ag_rep_emit.c).
 */
#ifndef ALLOCGUARD_AG_REP_GROUP_H
#define ALLOCGUARD_AG_REP_GROUP_H

#include "ag_rep_analysis.h"

struct ag_rep_group {
  uint32_t first, size; /* members[first .. first + size), leader first */
  uint32_t leader;      /* finding shown: the nearest */
  int clash;            /* a violation whose headline another shares */
};

struct ag_rep_groups {
  struct ag_rep_group *groups; /* in the order of their leaders */
  size_t group_count, group_cap;
  uint32_t *members;           /* finding indices */
  size_t member_cap;
  struct ag_rep_group_item *items; /* scratch */
  size_t item_cap;
};

/* Groups the root's violations (violations != 0) or unknown calls.
 * Unknown calls group by the call in the root their path starts with and
 * by status (a baselined call never hides a new one). */
void ag_rep_group_root(struct ag_rep_groups *g, const struct ag_rep_results *res,
                       const struct ag_rep_root *root, int violations);
void ag_rep_groups_free(struct ag_rep_groups *g);

#endif /* ALLOCGUARD_AG_REP_GROUP_H */
