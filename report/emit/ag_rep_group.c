/* ag_rep_group.c - a root's findings as the outputs show them
 * (ag_rep_group.h): unknown calls one group per call in the root that
 * leads to them, and violations whose headlines would read the same at
 * the same location told apart. */
#include "ag_rep_group.h"

#include <stdlib.h>
#include <string.h>

struct ag_rep_group_item {
  uint32_t first;  /* the call in the root the path starts with */
  uint32_t callee; /* violations: the site's callee */
  uint32_t index;  /* the finding */
  uint8_t kind, status;
};

/* The call in the root that a finding's path starts with. */
static uint32_t ag_rep_first_call(const struct ag_rep_results *res,
                                  const struct ag_rep_finding *f) {
  uint32_t e = f->entry;
  if (e == AG_REP_NONE)
    return f->call;
  while (res->entries[e].parent != AG_REP_NONE)
    e = res->entries[e].parent;
  return res->entries[e].call;
}

/* Unknown calls: by (first call, status); violations: by (first call,
 * kind, callee), the headline's words. Then by finding. */
static int ag_rep_unknown_cmp(const void *a, const void *b) {
  const struct ag_rep_group_item *x = a, *y = b;
  if (x->first != y->first)
    return x->first < y->first ? -1 : 1;
  if (x->status != y->status)
    return x->status < y->status ? -1 : 1;
  return x->index < y->index ? -1 : x->index > y->index;
}

static int ag_rep_violation_cmp(const void *a, const void *b) {
  const struct ag_rep_group_item *x = a, *y = b;
  if (x->first != y->first)
    return x->first < y->first ? -1 : 1;
  if (x->kind != y->kind)
    return x->kind < y->kind ? -1 : 1;
  if (x->callee != y->callee)
    return x->callee < y->callee ? -1 : 1;
  return x->index < y->index ? -1 : x->index > y->index;
}

static int ag_rep_by_leader(const void *a, const void *b) {
  const struct ag_rep_group *x = a, *y = b;
  return x->leader < y->leader ? -1 : x->leader > y->leader;
}

void ag_rep_group_root(struct ag_rep_groups *g, const struct ag_rep_results *res,
                       const struct ag_rep_root *root, int violations) {
  size_t n = 0;
  for (uint32_t i = root->first; i < root->first + root->count; ++i)
    n += AG_REP_IS_VIOLATION(res->findings[i].kind) == (violations != 0);
  ag_grow((void **)&g->items, &g->item_cap, n ? n : 1, sizeof(*g->items));
  ag_grow((void **)&g->members, &g->member_cap, n ? n : 1,
          sizeof(uint32_t));
  ag_grow((void **)&g->groups, &g->group_cap, n ? n : 1,
          sizeof(*g->groups));
  struct ag_rep_group_item *items = g->items;
  n = 0;
  for (uint32_t i = root->first; i < root->first + root->count; ++i) {
    const struct ag_rep_finding *f = &res->findings[i];
    if (AG_REP_IS_VIOLATION(f->kind) != (violations != 0))
      continue;
    struct ag_rep_group_item it = {ag_rep_first_call(res, f), f->callee, i,
                                   f->kind, f->status};
    items[n++] = it;
  }
  g->group_count = 0;
  if (!n)
    return;
  qsort(items, n, sizeof(*items),
        violations ? ag_rep_violation_cmp : ag_rep_unknown_cmp);
  /* Runs of the sort key, each in finding order: an unknown run is one
   * group (its first member the nearest); a violation run is a group per
   * finding, marked when the run has company. */
  for (size_t i = 0, run; i < n; i = run) {
    for (run = i + 1; run < n; ++run) {
      const struct ag_rep_group_item *a = &items[i], *b = &items[run];
      if (a->first != b->first ||
          (violations ? a->kind != b->kind || a->callee != b->callee
                      : a->status != b->status))
        break;
    }
    for (size_t k = i; k < run; k += violations ? 1 : run - i) {
      struct ag_rep_group *grp = &g->groups[g->group_count++];
      grp->first = (uint32_t)k;                        /* into items, for now */
      grp->size = violations ? 1 : (uint32_t)(run - i);
      grp->leader = items[k].index;
      grp->clash = violations && run - i > 1;
    }
  }
  /* Groups in the order of their first findings (breadth-first from the
   * root, as the search found them). */
  qsort(g->groups, g->group_count, sizeof(*g->groups), ag_rep_by_leader);
  size_t placed = 0;
  for (size_t k = 0; k < g->group_count; ++k) {
    struct ag_rep_group *grp = &g->groups[k];
    for (uint32_t j = 0; j < grp->size; ++j)
      g->members[placed + j] = items[grp->first + j].index;
    grp->first = (uint32_t)placed;
    placed += grp->size;
  }
}

void ag_rep_groups_free(struct ag_rep_groups *g) {
  free(g->items);
  free(g->members);
  free(g->groups);
  memset(g, 0, sizeof(*g));
}
