/* ag_analysis.h - what each root can reach.
 *
 * A breadth-first walk from every root over direct calls to defined
 * functions. Each allocation, deallocation or unfollowable call in a reached
 * function becomes one finding, with the shortest call path from the root.
 */
#ifndef ALLOCGUARD_AG_ANALYSIS_H
#define ALLOCGUARD_AG_ANALYSIS_H

#include "ag_graph.h"
#include "ag_options.h"

struct ag_finding {
  size_t root;       /* function index of the root */
  size_t *path;      /* call indices: path[0] is in the root, the last one
                        is the allocating (or unfollowable) call */
  size_t path_len;   /* >= 1 */
};

struct ag_findings {
  struct ag_finding *items;
  size_t count, cap;
  size_t allocations, deallocations, unknown; /* counts by category */
};

/* Fills *out in a deterministic order: roots in module order, then
 * breadth-first. Categories switched off in `config` are left out. */
void ag_analyze(const struct ag_graph *graph, const struct ag_config *config,
                struct ag_findings *out);
void ag_findings_free(struct ag_findings *findings);

/* The call a finding is about (its last hop). */
const struct ag_call *ag_finding_site(const struct ag_graph *graph,
                                      const struct ag_finding *finding);

#endif /* ALLOCGUARD_AG_ANALYSIS_H */
