/* ag_analysis.h - what each root can reach.
 *
 * A breadth-first walk from every root over direct calls to defined
 * functions and over the candidates of indirect and virtual calls
 * (ag_icall.h). Each allocation, deallocation or unfollowable call in a
 * reached function becomes one finding, with the shortest call path from
 * the root.
 */
#ifndef ALLOCGUARD_AG_ANALYSIS_H
#define ALLOCGUARD_AG_ANALYSIS_H

#include "ag_graph.h"
#include "ag_options.h"

/* One step of a path: a call and the function it reaches. For a direct
 * call that is its callee; for an indirect or virtual call, one of its
 * candidates (callee -1 when it has none). */
struct ag_hop {
  size_t call;                  /* graph call index */
  long callee;                  /* function index, or -1 */
  enum ag_call_kind kind;       /* what reaching `callee` this way is */
  const struct ag_kb_entry *kb; /* the row that classified it, or NULL */
};

struct ag_finding {
  size_t root;          /* function index of the root */
  struct ag_hop *path;  /* path[0] is in the root, the last hop is the
                           allocating (or unfollowable) call */
  size_t path_len;      /* >= 1 */
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

/* The last hop of a finding: the call it is about. */
const struct ag_hop *ag_finding_site(const struct ag_finding *finding);

/* Does this hop go through a function pointer or a vtable to a candidate? */
int ag_hop_is_resolved(const struct ag_graph *graph, const struct ag_hop *hop);

#endif /* ALLOCGUARD_AG_ANALYSIS_H */
