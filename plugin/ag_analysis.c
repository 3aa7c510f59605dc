/* ag_analysis.c - reachability from roots (ag_analysis.h). */
#include "ag_analysis.h"

#include <stdlib.h>
#include <string.h>

#define AG_NONE ((size_t)-1)

/* Scratch space for one walk, reused across roots. */
struct ag_walk {
  size_t *queue;      /* function indices in visit order */
  size_t *reached_by; /* call index that first reached a function */
  unsigned *visited;  /* == stamp when visited in the current walk */
  unsigned stamp;
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

/* Path from the root to `call`: the chain of calls that first reached
 * each function, reversed. */
static void ag_record(const struct ag_graph *graph, const struct ag_walk *walk,
                      size_t root, size_t call, struct ag_findings *out) {
  size_t len = 1;
  for (size_t f = graph->calls[call].caller; walk->reached_by[f] != AG_NONE;
       f = graph->calls[walk->reached_by[f]].caller)
    ++len;
  struct ag_finding finding = {root, ag_xcalloc(len, sizeof(size_t)), len};
  size_t i = len;
  finding.path[--i] = call;
  for (size_t f = graph->calls[call].caller; walk->reached_by[f] != AG_NONE;
       f = graph->calls[walk->reached_by[f]].caller)
    finding.path[--i] = walk->reached_by[f];
  AG_PUSH(out->items, out->count, out->cap, finding);
  switch (graph->calls[call].kind) {
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

static void ag_walk_from(const struct ag_graph *graph,
                         const struct ag_config *config, struct ag_walk *walk,
                         size_t root, struct ag_findings *out) {
  size_t head = 0, tail = 0;
  walk->stamp++;
  walk->visited[root] = walk->stamp;
  walk->reached_by[root] = AG_NONE;
  walk->queue[tail++] = root;
  while (head < tail) {
    const struct ag_function *fn = &graph->funcs[walk->queue[head++]];
    for (size_t c = fn->first_call; c < fn->first_call + fn->call_count; ++c) {
      const struct ag_call *call = &graph->calls[c];
      if (call->kind == AG_CALL_DEFINED) {
        size_t callee = (size_t)call->callee;
        if (walk->visited[callee] == walk->stamp)
          continue;
        walk->visited[callee] = walk->stamp;
        walk->reached_by[callee] = c;
        walk->queue[tail++] = callee;
      } else if (ag_wanted(call->kind, config)) {
        ag_record(graph, walk, root, c, out);
      }
    }
  }
}

void ag_analyze(const struct ag_graph *graph, const struct ag_config *config,
                struct ag_findings *out) {
  memset(out, 0, sizeof(*out));
  struct ag_walk walk = {0};
  size_t n = graph->func_count ? graph->func_count : 1;
  walk.queue = ag_xcalloc(n, sizeof(size_t));
  walk.reached_by = ag_xcalloc(n, sizeof(size_t));
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

const struct ag_call *ag_finding_site(const struct ag_graph *graph,
                                      const struct ag_finding *finding) {
  return &graph->calls[finding->path[finding->path_len - 1]];
}
