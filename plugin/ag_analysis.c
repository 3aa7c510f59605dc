/* ag_analysis.c - reachability from roots (ag_analysis.h). */
#include "ag_analysis.h"

#include "ag_icall.h"

#include <stdlib.h>
#include <string.h>

/* Scratch space for one walk, reused across roots. */
struct ag_walk {
  size_t *queue;            /* function indices in visit order */
  struct ag_hop *reached_by; /* hop that first reached a function */
  unsigned *visited;        /* == stamp when visited in the current walk */
  unsigned stamp;
  size_t root;
};

static int ag_wanted(enum ag_call_kind kind, const struct ag_config *config) {
  switch (kind) {
  case AG_CALL_ALLOC:
    return 1;
  case AG_CALL_DEALLOC:
    return config->report_dealloc;
  case AG_CALL_INDIRECT:
  case AG_CALL_VIRTUAL:
  case AG_CALL_EXTERNAL:
    return config->report_unknown;
  case AG_CALL_DEFINED:
  case AG_CALL_IGNORED:
    return 0;
  }
  return 0;
}

static size_t ag_caller_of(const struct ag_graph *graph,
                           const struct ag_hop *hop) {
  return graph->calls[hop->call].caller;
}

/* Path from the root to `hop`: the chain of hops that first reached each
 * function, reversed. */
static void ag_record(const struct ag_graph *graph, const struct ag_walk *walk,
                      const struct ag_hop *hop, struct ag_findings *out) {
  size_t len = 1;
  for (size_t f = ag_caller_of(graph, hop); f != walk->root;
       f = ag_caller_of(graph, &walk->reached_by[f]))
    ++len;
  struct ag_finding finding = {walk->root,
                               ag_xcalloc(len, sizeof(struct ag_hop)), len};
  size_t i = len;
  finding.path[--i] = *hop;
  for (size_t f = ag_caller_of(graph, hop); f != walk->root;
       f = ag_caller_of(graph, &walk->reached_by[f]))
    finding.path[--i] = walk->reached_by[f];
  AG_PUSH(out->items, out->count, out->cap, finding);
  switch (hop->kind) {
  case AG_CALL_ALLOC:
    out->allocations++;
    break;
  case AG_CALL_DEALLOC:
    out->deallocations++;
    break;
  default:
    out->unknown++;
    break;
  }
}

static void ag_visit(const struct ag_graph *graph,
                     const struct ag_config *config, struct ag_walk *walk,
                     size_t *tail, const struct ag_hop *hop,
                     struct ag_findings *out) {
  if (hop->kind == AG_CALL_DEFINED) {
    size_t callee = (size_t)hop->callee;
    if (walk->visited[callee] == walk->stamp)
      return;
    walk->visited[callee] = walk->stamp;
    walk->reached_by[callee] = *hop;
    walk->queue[(*tail)++] = callee;
  } else if (ag_wanted(hop->kind, config)) {
    ag_record(graph, walk, hop, out);
  }
}

static void ag_walk_from(const struct ag_graph *graph,
                         const struct ag_config *config, struct ag_walk *walk,
                         size_t root, struct ag_findings *out) {
  size_t head = 0, tail = 0;
  walk->stamp++;
  walk->root = root;
  walk->visited[root] = walk->stamp;
  walk->queue[tail++] = root;
  while (head < tail) {
    const struct ag_function *fn = &graph->funcs[walk->queue[head++]];
    for (size_t c = fn->first_call; c < fn->first_call + fn->call_count; ++c) {
      const struct ag_call *call = &graph->calls[c];
      const struct ag_icall_resolution *res =
          graph->icall ? &graph->icall->resolutions[c] : NULL;
      if (res && res->count) {
        /* Each candidate is an edge, classified as a direct call to it. */
        for (size_t i = res->first; i < res->first + res->count; ++i) {
          const struct ag_icall_candidate *cand = &graph->icall->candidates[i];
          struct ag_hop hop = {c, (long)cand->fn, cand->kind, cand->kb};
          ag_visit(graph, config, walk, &tail, &hop, out);
        }
        continue;
      }
      struct ag_hop hop = {c, call->callee, call->kind, call->kb};
      ag_visit(graph, config, walk, &tail, &hop, out);
    }
  }
}

void ag_analyze(const struct ag_graph *graph, const struct ag_config *config,
                struct ag_findings *out) {
  memset(out, 0, sizeof(*out));
  struct ag_walk walk = {0};
  size_t n = graph->func_count ? graph->func_count : 1;
  walk.queue = ag_xcalloc(n, sizeof(size_t));
  walk.reached_by = ag_xcalloc(n, sizeof(struct ag_hop));
  walk.visited = ag_xcalloc(n, sizeof(unsigned));
  for (size_t f = 0; f < graph->func_count; ++f)
    if (graph->funcs[f].is_root)
      ag_walk_from(graph, config, &walk, f, out);
  free(walk.queue);
  free(walk.reached_by);
  free(walk.visited);
}

void ag_findings_free(struct ag_findings *findings) {
  for (size_t i = 0; i < findings->count; ++i)
    free(findings->items[i].path);
  free(findings->items);
  memset(findings, 0, sizeof(*findings));
}

const struct ag_hop *ag_finding_site(const struct ag_finding *finding) {
  return &finding->path[finding->path_len - 1];
}

int ag_hop_is_resolved(const struct ag_graph *graph, const struct ag_hop *hop) {
  enum ag_call_kind kind = graph->calls[hop->call].kind;
  return (kind == AG_CALL_INDIRECT || kind == AG_CALL_VIRTUAL) &&
         hop->callee >= 0;
}
