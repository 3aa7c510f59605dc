/* ag_rep_sarif_sites.c - findings grouped by site for SARIF: every root's
 * finding at one call (same kind and callee) becomes one result, so a
 * program whose 300 roots reach one allocator hook gets one result, not
 * 300. Results come in the order the limits should cut them last:
 * allocations and deallocations, then calls allocguard cannot follow, then
 * sites every root of which is suppressed; each tier in the pass's order
 * of its first finding. */
#include "ag_rep_sarif.h"

#include <stdlib.h>

struct ag_rep_site_item {
  uint32_t call, callee, pos, index;
  uint8_t kind;
};

static int ag_rep_site_item_cmp(const void *a, const void *b) {
  const struct ag_rep_site_item *x = a, *y = b;
  if (x->kind != y->kind)
    return x->kind < y->kind ? -1 : 1;
  if (x->call != y->call)
    return x->call < y->call ? -1 : 1;
  if (x->callee != y->callee)
    return x->callee < y->callee ? -1 : 1;
  return x->pos < y->pos ? -1 : x->pos > y->pos;
}

static int ag_rep_site_cmp(const void *a, const void *b) {
  const struct ag_rep_sarif_site *x = a, *y = b;
  if (x->tier != y->tier)
    return x->tier < y->tier ? -1 : 1;
  return x->order < y->order ? -1 : x->order > y->order;
}

void ag_rep_sarif_sites_build(struct ag_rep_sarif_sites *out,
                              const struct ag_rep_results *res,
                              const uint32_t *findings, size_t n) {
  struct ag_rep_site_item *items = ag_xmalloc((n ? n : 1) * sizeof(*items));
  for (size_t i = 0; i < n; ++i) {
    const struct ag_rep_finding *f = &res->findings[findings[i]];
    items[i] = (struct ag_rep_site_item){f->call, f->callee, (uint32_t)i,
                                         findings[i], f->kind};
  }
  qsort(items, n, sizeof(*items), ag_rep_site_item_cmp);
  out->sites = ag_xmalloc((n ? n : 1) * sizeof(*out->sites));
  out->members = ag_xmalloc((n ? n : 1) * sizeof(uint32_t));
  out->count = 0;
  for (size_t i = 0, run; i < n; i = run) {
    struct ag_rep_sarif_site *s = &out->sites[out->count++];
    *s = (struct ag_rep_sarif_site){(uint32_t)i, 0, {0}, 0, 0,
                                    items[i].pos};
    for (run = i; run < n && items[run].kind == items[i].kind &&
                  items[run].call == items[i].call &&
                  items[run].callee == items[i].callee;
         ++run) {
      const struct ag_rep_finding *f = &res->findings[items[run].index];
      s->status[f->status < 3 ? f->status : 0]++;
      s->in_baseline += f->in_baseline;
    }
    s->count = (uint32_t)(run - i);
    s->tier = s->status[AG_REP_STATUS_SUPPRESSED] == s->count ? 2
              : AG_REP_IS_VIOLATION(items[i].kind)             ? 0
                                                               : 1;
  }
  /* Members stay where the sort put them: a run per site, in pass
   * order; the sites go in the order their results are written. */
  for (size_t i = 0; i < n; ++i)
    out->members[i] = items[i].index;
  qsort(out->sites, out->count, sizeof(*out->sites), ag_rep_site_cmp);
  free(items);
}

void ag_rep_sarif_sites_free(struct ag_rep_sarif_sites *s) {
  free(s->sites);
  free(s->members);
  s->sites = NULL;
  s->members = NULL;
  s->count = 0;
}
