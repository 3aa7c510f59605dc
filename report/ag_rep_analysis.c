/* ag_rep_analysis.c - reachability from roots (ag_rep_analysis.h). */
#include "ag_rep_analysis.h"

#include "ag_rep_names.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Scratch arrays of one walk, reused across roots: a node counts as
 * visited when visited[node] == stamp, so nothing is cleared per root. */
struct ag_rep_walk {
  const struct ag_rep_program *prog;
  struct ag_rep_results *res;
  uint32_t *visited, *reached_by, *parent, *entry, *queue, *stack;
  uint32_t stamp, root;
  uint64_t root_hash;
  /* Site ordinals within the caller being scanned: how many earlier
   * calls there had the same kind and callee (stamp-cleared table). */
  uint64_t *ord_keys;
  uint32_t *ord_counts, *ord_stamps;
  size_t ord_cap, ord_used;
  uint32_t ord_stamp;
};

/* A call's class is its finding kind (ag_rep_program.h). */
_Static_assert(AG_REP_FIND_ALLOC == (int)AG_REP_CALL_ALLOC &&
                   AG_REP_FIND_DEALLOC == (int)AG_REP_CALL_DEALLOC &&
                   AG_REP_FIND_INDIRECT == (int)AG_REP_CALL_INDIRECT &&
                   AG_REP_FIND_VIRTUAL == (int)AG_REP_CALL_VIRTUAL &&
                   AG_REP_FIND_EXTERNAL == (int)AG_REP_CALL_EXTERNAL,
               "call classes and finding kinds share their numbers");

static const char *const ag_rep_kind_keys[AG_REP_FIND_KINDS] = {
    "allocation", "deallocation", "indirect", "virtual", "external"};

uint64_t ag_rep_node_key_hash(const struct ag_rep_program *prog,
                              uint32_t node, uint64_t state) {
  const struct ag_rep_node *n = &prog->nodes[node];
  if (n->linkage == AG_REP_LINK_INTERNAL && n->unit != AG_REP_NONE) {
    /* The file name, not the path: baselines travel between checkouts. */
    const char *source = prog->units[n->unit].source;
    const char *base = strrchr(source, '/');
    base = base ? base + 1 : source;
    state = ag_rep_fnv(state, base, strlen(base));
    state = ag_rep_fnv(state, ":", 1);
  }
  return ag_rep_fnv(state, n->symbol, strlen(n->symbol) + 1);
}

static void ag_rep_ord_grow(struct ag_rep_walk *w) {
  size_t old = w->ord_cap;
  uint64_t *keys = w->ord_keys;
  uint32_t *counts = w->ord_counts, *stamps = w->ord_stamps;
  w->ord_cap = old ? old * 2 : 64;
  w->ord_keys = ag_rep_xmalloc(w->ord_cap * sizeof(uint64_t));
  w->ord_counts = ag_rep_xmalloc(w->ord_cap * sizeof(uint32_t));
  w->ord_stamps = ag_rep_xcalloc(w->ord_cap, sizeof(uint32_t));
  for (size_t i = 0; i < old; ++i) {
    if (stamps[i] != w->ord_stamp)
      continue;
    size_t j = ag_rep_hash_bytes(&keys[i], 8) & (w->ord_cap - 1);
    while (w->ord_stamps[j] == w->ord_stamp)
      j = (j + 1) & (w->ord_cap - 1);
    w->ord_keys[j] = keys[i];
    w->ord_counts[j] = counts[i];
    w->ord_stamps[j] = w->ord_stamp;
  }
  free(keys);
  free(counts);
  free(stamps);
}

static uint32_t ag_rep_ordinal(struct ag_rep_walk *w, uint32_t kind,
                               uint32_t target) {
  if ((w->ord_used + 1) * 2 > w->ord_cap)
    ag_rep_ord_grow(w);
  uint64_t key = (uint64_t)kind << 32 | target;
  size_t mask = w->ord_cap - 1;
  size_t j = ag_rep_hash_bytes(&key, 8) & mask;
  for (; w->ord_stamps[j] == w->ord_stamp; j = (j + 1) & mask)
    if (w->ord_keys[j] == key)
      return w->ord_counts[j]++;
  w->ord_stamps[j] = w->ord_stamp;
  w->ord_keys[j] = key;
  w->ord_counts[j] = 1;
  w->ord_used++;
  return 0;
}

/* The tree entry for `v`, creating those of its path first. */
static uint32_t ag_rep_entry_of(struct ag_rep_walk *w, uint32_t v) {
  size_t n = 0;
  uint32_t x = v;
  while (x != w->root && w->entry[x] == AG_REP_NONE) {
    w->stack[n++] = x;
    x = w->parent[x];
  }
  struct ag_rep_results *res = w->res;
  uint32_t parent = x == w->root ? AG_REP_NONE : w->entry[x];
  while (n) {
    x = w->stack[--n];
    const struct ag_rep_entry *p = parent == AG_REP_NONE ? NULL
                                                         : &res->entries[parent];
    struct ag_rep_entry e = {w->reached_by[x], x, parent, p ? p->depth + 1 : 1,
                             ag_rep_node_key_hash(w->prog, x,
                                                  p ? p->hash : w->root_hash)};
    AG_REP_PUSH(res->entries, res->entry_count, res->entry_cap, e);
    parent = w->entry[x] = (uint32_t)(res->entry_count - 1);
  }
  return parent;
}

static void ag_rep_record(struct ag_rep_walk *w, uint32_t root_index,
                          uint32_t v, uint32_t call, uint8_t kind) {
  struct ag_rep_results *res = w->res;
  uint32_t target = w->prog->call_target[call];
  uint32_t entry = ag_rep_entry_of(w, v);
  const struct ag_rep_entry *e = entry == AG_REP_NONE ? NULL
                                                      : &res->entries[entry];
  uint64_t h = e ? e->hash : w->root_hash;
  const char *kind_key = ag_rep_kind_keys[kind];
  h = ag_rep_fnv(h, kind_key, strlen(kind_key) + 1);
  if (target == AG_REP_NONE)
    h = ag_rep_fnv(h, kind == AG_REP_FIND_VIRTUAL ? "<virtual>" : "<indirect>",
                   kind == AG_REP_FIND_VIRTUAL ? 10 : 11);
  else
    h = ag_rep_node_key_hash(w->prog, target, h);
  char ordinal[16];
  int len = snprintf(ordinal, sizeof(ordinal), "%u",
                     ag_rep_ordinal(w, kind, target));
  h = ag_rep_fnv(h, ordinal, (size_t)len);
  struct ag_rep_finding f = {h, root_index, call, entry,
                             e ? e->depth + 1 : 1, AG_REP_NONE, kind,
                             AG_REP_STATUS_NEW, 0};
  AG_REP_PUSH(res->findings, res->count, res->cap, f);
}

static void ag_rep_walk_root(struct ag_rep_walk *w,
                             const struct ag_rep_analysis_options *opts,
                             uint32_t root_index) {
  const struct ag_rep_program *prog = w->prog;
  uint32_t root = w->res->roots[root_index].node;
  size_t head = 0, tail = 0;
  w->stamp++;
  w->root = root;
  w->root_hash = ag_rep_node_key_hash(prog, root, AG_REP_FNV_INIT);
  w->visited[root] = w->stamp;
  w->queue[tail++] = root;
  while (head < tail) {
    uint32_t v = w->queue[head++];
    const struct ag_rep_node *fn = &prog->nodes[v];
    if (++w->ord_stamp == 0) { /* wrapped: old stamps would look current */
      memset(w->ord_stamps, 0, w->ord_cap * sizeof(uint32_t));
      w->ord_stamp = 1;
    }
    w->ord_used = 0;
    for (uint32_t c = fn->first_call; c < fn->first_call + fn->call_count; ++c) {
      uint8_t kind = prog->call_class[c];
      if (kind == AG_REP_CALL_EDGE) {
        uint32_t t = prog->call_target[c];
        if (w->visited[t] == w->stamp)
          continue;
        w->visited[t] = w->stamp;
        w->reached_by[t] = c;
        w->parent[t] = v;
        w->entry[t] = AG_REP_NONE;
        w->queue[tail++] = t;
      } else if (kind == AG_REP_FIND_ALLOC ||
                 (kind == AG_REP_FIND_DEALLOC ? opts->dealloc : opts->unknown)) {
        ag_rep_record(w, root_index, v, c, kind);
      }
    }
  }
}

struct ag_rep_root_key {
  const char *display, *symbol, *source;
  uint32_t node;
};

static int ag_rep_strcmp0(const char *a, const char *b) {
  return strcmp(a ? a : "", b ? b : "");
}

static int ag_rep_root_cmp(const void *a, const void *b) {
  const struct ag_rep_root_key *x = a, *y = b;
  int c = strcmp(x->display, y->display);
  if (!c)
    c = strcmp(x->symbol, y->symbol);
  if (!c)
    c = ag_rep_strcmp0(x->source, y->source);
  return c ? c : (x->node < y->node ? -1 : x->node > y->node);
}

/* Roots: marked in a summary, or named by --root; defined ones only. In
 * name order, so reports read alphabetically whatever the input order. */
static void ag_rep_pick_roots(const struct ag_rep_program *prog,
                              const struct ag_rep_analysis_options *opts,
                              struct ag_rep_results *res) {
  struct ag_rep_root_key *keys = NULL;
  size_t count = 0, cap = 0;
  res->root_name_used = ag_rep_xcalloc(opts->root_name_count, 1);
  for (uint32_t n = 0; n < prog->node_count; ++n) {
    const struct ag_rep_node *node = &prog->nodes[n];
    if (node->unit == AG_REP_NONE)
      continue;
    int is_root = (node->flags & AG_REP_FN_ROOT) != 0;
    for (size_t i = 0; i < opts->root_name_count; ++i)
      if (ag_rep_name_matches(opts->root_names[i], node->symbol,
                              node->display))
        is_root = res->root_name_used[i] = 1;
    if (!is_root)
      continue;
    struct ag_rep_root_key key = {node->display, node->symbol,
                                  prog->units[node->unit].source, n};
    AG_REP_PUSH(keys, count, cap, key);
  }
  if (count)
    qsort(keys, count, sizeof(*keys), ag_rep_root_cmp);
  res->roots = ag_rep_xcalloc(count, sizeof(*res->roots));
  res->root_count = count;
  for (size_t i = 0; i < count; ++i)
    res->roots[i].node = keys[i].node;
  free(keys);
}

void ag_rep_analyze(const struct ag_rep_program *prog,
                    const struct ag_rep_analysis_options *opts,
                    struct ag_rep_results *out) {
  memset(out, 0, sizeof(*out));
  ag_rep_pick_roots(prog, opts, out);
  struct ag_rep_walk w = {0};
  w.prog = prog;
  w.res = out;
  size_t n = prog->node_count;
  w.visited = ag_rep_xcalloc(n, sizeof(uint32_t));
  w.reached_by = ag_rep_xmalloc((n ? n : 1) * sizeof(uint32_t));
  w.parent = ag_rep_xmalloc((n ? n : 1) * sizeof(uint32_t));
  w.entry = ag_rep_xmalloc((n ? n : 1) * sizeof(uint32_t));
  w.queue = ag_rep_xmalloc((n ? n : 1) * sizeof(uint32_t));
  w.stack = ag_rep_xmalloc((n ? n : 1) * sizeof(uint32_t));
  for (uint32_t r = 0; r < out->root_count; ++r) {
    out->roots[r].first = (uint32_t)out->count;
    ag_rep_walk_root(&w, opts, r);
    out->roots[r].count = (uint32_t)(out->count - out->roots[r].first);
  }
  free(w.visited);
  free(w.reached_by);
  free(w.parent);
  free(w.entry);
  free(w.queue);
  free(w.stack);
  free(w.ord_keys);
  free(w.ord_counts);
  free(w.ord_stamps);
  ag_rep_results_tally(out);
}

void ag_rep_results_tally(struct ag_rep_results *res) {
  memset(res->tally, 0, sizeof(res->tally));
  for (size_t r = 0; r < res->root_count; ++r) {
    struct ag_rep_root *root = &res->roots[r];
    memset(root->tally, 0, sizeof(root->tally));
    root->worst = AG_REP_NONE;
    uint32_t first_dealloc = AG_REP_NONE;
    for (uint32_t i = root->first; i < root->first + root->count; ++i) {
      const struct ag_rep_finding *f = &res->findings[i];
      root->tally[f->kind][f->status]++;
      res->tally[f->kind][f->status]++;
      if (f->status != AG_REP_STATUS_NEW)
        continue;
      if (f->kind == AG_REP_FIND_ALLOC && root->worst == AG_REP_NONE)
        root->worst = i;
      if (f->kind == AG_REP_FIND_DEALLOC && first_dealloc == AG_REP_NONE)
        first_dealloc = i;
    }
    if (root->worst == AG_REP_NONE)
      root->worst = first_dealloc;
  }
}

void ag_rep_results_path(const struct ag_rep_results *res,
                         const struct ag_rep_finding *f, uint32_t *calls) {
  uint32_t i = f->path_len - 1;
  calls[i] = f->call;
  for (uint32_t e = f->entry; e != AG_REP_NONE; e = res->entries[e].parent)
    calls[--i] = res->entries[e].call;
}

void ag_rep_results_free(struct ag_rep_results *res) {
  free(res->roots);
  free(res->findings);
  free(res->entries);
  free(res->root_name_used);
  memset(res, 0, sizeof(*res));
}
