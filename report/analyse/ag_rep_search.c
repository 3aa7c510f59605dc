/* ag_rep_search.c - one breadth-first search from one root, recording
 * its findings and the path tree they hang from (ag_rep_search.h). */
#include "ag_rep_search.h"

#include "ag_fnv1a.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A call's class is its finding kind (ag_rep_program.h). */
_Static_assert(AG_REP_FIND_ALLOC == (int)AG_REP_CALL_ALLOC &&
                   AG_REP_FIND_DEALLOC == (int)AG_REP_CALL_DEALLOC &&
                   AG_REP_FIND_INDIRECT == (int)AG_REP_CALL_INDIRECT &&
                   AG_REP_FIND_VIRTUAL == (int)AG_REP_CALL_VIRTUAL &&
                   AG_REP_FIND_EXTERNAL == (int)AG_REP_CALL_EXTERNAL,
               "call classes and finding kinds share their numbers");

/* Each kind's name, hashed into fingerprints (common/ag_finding_kinds.def). */
static const char *const ag_rep_kind_keys[AG_REP_FIND_KINDS] = {
#define AG_FINDING_SCOPE ""
#define AG_FINDING_KIND(id, name, flag, does, may, gates)                      \
  [AG_REP_FIND_##id] = name,
#include "ag_finding_kinds.def"
#undef AG_FINDING_KIND
#undef AG_FINDING_SCOPE
};

uint64_t ag_rep_node_key_hash(const struct ag_rep_program *prog,
                              uint32_t node, uint64_t state) {
  const struct ag_rep_node *n = &prog->nodes[node];
  if (n->linkage == AG_REP_LINK_INTERNAL && n->unit != AG_REP_NONE) {
    /* The file name, not the path: baselines travel between checkouts. */
    const char *source = prog->units[n->unit].source;
    const char *base = strrchr(source, '/');
    base = base ? base + 1 : source;
    state = ag_fnv1a(state, base, strlen(base));
    state = ag_fnv1a(state, ":", 1);
  }
  return ag_fnv1a(state, n->symbol, strlen(n->symbol) + 1);
}

static void ag_rep_ord_grow(struct ag_rep_search *w) {
  size_t old = w->ord_cap;
  uint64_t *keys = w->ord_keys;
  uint32_t *counts = w->ord_counts, *stamps = w->ord_stamps;
  w->ord_cap = old ? old * 2 : 64;
  w->ord_keys = ag_xmalloc(w->ord_cap * sizeof(uint64_t));
  w->ord_counts = ag_xmalloc(w->ord_cap * sizeof(uint32_t));
  w->ord_stamps = ag_xcalloc(w->ord_cap, sizeof(uint32_t));
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

static uint32_t ag_rep_ordinal(struct ag_rep_search *w, uint32_t kind,
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
static uint32_t ag_rep_entry_of(struct ag_rep_search *w, uint32_t v) {
  size_t n = 0;
  uint32_t x = v;
  while (x != w->root && w->entry[x] == AG_REP_NONE) {
    w->stack[n++] = x;
    x = w->parent[x];
  }
  struct ag_rep_results *res = &w->out;
  uint32_t parent = x == w->root ? AG_REP_NONE : w->entry[x];
  while (n) {
    x = w->stack[--n];
    const struct ag_rep_entry *p = parent == AG_REP_NONE ? NULL
                                                         : &res->entries[parent];
    struct ag_rep_entry e = {w->reached_by[x], x, parent, p ? p->depth + 1 : 1,
                             ag_rep_node_key_hash(w->prog, x,
                                                  p ? p->hash : w->root_hash)};
    AG_PUSH(res->entries, res->entry_count, res->entry_cap, e);
    parent = w->entry[x] = (uint32_t)(res->entry_count - 1);
  }
  return parent;
}

static void ag_rep_record(struct ag_rep_search *w, uint32_t root_index,
                          uint32_t v, uint32_t call, uint8_t kind,
                          uint32_t target) {
  struct ag_rep_results *res = &w->out;
  uint32_t entry = ag_rep_entry_of(w, v);
  const struct ag_rep_entry *e = entry == AG_REP_NONE ? NULL
                                                      : &res->entries[entry];
  uint64_t h = e ? e->hash : w->root_hash;
  const char *kind_key = ag_rep_kind_keys[kind];
  h = ag_fnv1a(h, kind_key, strlen(kind_key) + 1);
  if (target == AG_REP_NONE)
    h = ag_fnv1a(h, kind == AG_REP_FIND_VIRTUAL ? "<virtual>" : "<indirect>",
                   kind == AG_REP_FIND_VIRTUAL ? 10 : 11);
  else
    h = ag_rep_node_key_hash(w->prog, target, h);
  char ordinal[16];
  int len = snprintf(ordinal, sizeof(ordinal), "%u",
                     ag_rep_ordinal(w, kind, target));
  h = ag_fnv1a(h, ordinal, (size_t)len);
  /* The site alone: the same for every root that reaches it. */
  uint64_t site = ag_rep_node_key_hash(w->prog, v, AG_FNV1A_OFFSET_BASIS);
  site = ag_fnv1a(site, kind_key, strlen(kind_key) + 1);
  site = target == AG_REP_NONE ? ag_fnv1a(site, "<none>", 7)
                               : ag_rep_node_key_hash(w->prog, target, site);
  site = ag_fnv1a(site, ordinal, (size_t)len);
  struct ag_rep_finding f = {h, site, root_index, call, target, entry,
                             e ? e->depth + 1 : 1, AG_REP_NONE, kind,
                             AG_REP_STATUS_NEW, 0};
  AG_PUSH(res->findings, res->count, res->cap, f);
}

/* Marks call `c` as one allocguard cannot follow; the bit is read first
 * so the shared line is written once per call, not once per root. */
static void ag_rep_unfollowed(struct ag_rep_search *w, uint32_t c) {
  uint64_t bit = (uint64_t)1 << (c & 63);
  _Atomic uint64_t *word = &w->unfollowed[c >> 6];
  if (!(atomic_load_explicit(word, memory_order_relaxed) & bit))
    atomic_fetch_or_explicit(word, bit, memory_order_relaxed);
}

/* Whether a call of class `kind` (not an edge) is a finding; counts the
 * calls allocguard cannot follow on the way. */
static int ag_rep_reports(struct ag_rep_search *w,
                          const struct ag_rep_analysis_options *opts,
                          uint8_t kind, uint32_t c) {
  switch (kind) {
  case AG_REP_CALL_ALLOC:
    return 1;
  case AG_REP_CALL_DEALLOC:
    return opts->dealloc;
  case AG_REP_CALL_INDIRECT:
  case AG_REP_CALL_VIRTUAL:
  case AG_REP_CALL_EXTERNAL:
    ag_rep_unfollowed(w, c);
    return opts->unknown;
  default: /* known not to allocate */
    return 0;
  }
}

/* Queues `t`, reached by call `c` in `v`, unless the search has seen it;
 * returns the new queue tail. */
static inline size_t ag_rep_enqueue(struct ag_rep_search *w, size_t tail,
                                    uint32_t t, uint32_t c, uint32_t v) {
  if (ag_rep_bit_test(w->visited, t))
    return tail;
  ag_rep_bit_set(w->visited, t);
  w->reached_by[t] = c;
  w->parent[t] = v;
  w->entry[t] = AG_REP_NONE;
  w->queue[tail] = t;
  return tail + 1;
}

void ag_rep_search_root(struct ag_rep_search *w,
                        const struct ag_rep_analysis_options *opts,
                        uint32_t root_index, uint32_t root) {
  const struct ag_rep_program *prog = w->prog;
  size_t head = 0, tail = 0;
  w->root = root;
  w->root_hash = ag_rep_node_key_hash(prog, root, AG_FNV1A_OFFSET_BASIS);
  ag_rep_bit_set(w->visited, root);
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
        tail = ag_rep_enqueue(w, tail, prog->call_target[c], c, v);
      } else if (kind == AG_REP_CALL_RESOLVED) {
        /* Every call resolved to the same set leads to the same functions:
         * the first to reach a set from this root queues them all. But a
         * candidate that allocates (a hook holding `malloc`) makes each
         * call through the set a site of its own, so those are recorded
         * for every call (Expat's parser->m_mem.malloc_fcn). */
        uint32_t s = prog->call_target[c];
        const struct ag_rep_cset *cs = &prog->csets[s];
        int seen = ag_rep_bit_test(w->set_seen, s);
        if (seen && !cs->sites)
          continue;
        if (!seen) {
          ag_rep_bit_set(w->set_seen, s);
          AG_PUSH(w->set_list, w->set_list_count, w->set_list_cap, s);
        }
        for (uint32_t i = cs->first; i < cs->first + cs->count; ++i) {
          uint32_t t = prog->cand_node[i];
          uint8_t k = prog->cand_class[i];
          if (k == AG_REP_CALL_EDGE) {
            if (!seen)
              tail = ag_rep_enqueue(w, tail, t, c, v);
          } else if (ag_rep_reports(w, opts, k, c)) {
            ag_rep_record(w, root_index, v, c, k, t);
          }
        }
      } else if (ag_rep_reports(w, opts, kind, c)) {
        ag_rep_record(w, root_index, v, c, kind, prog->call_target[c]);
      }
    }
  }
  /* Clear what this search set: O(reached), not O(program), per root. */
  for (size_t i = 0; i < tail; ++i)
    w->visited[w->queue[i] >> 6] = 0;
  for (size_t i = 0; i < w->set_list_count; ++i)
    w->set_seen[w->set_list[i] >> 6] = 0;
  w->set_list_count = 0;
}

void ag_rep_search_init(struct ag_rep_search *w,
                        const struct ag_rep_program *prog) {
  memset(w, 0, sizeof(*w));
  w->prog = prog;
  size_t n = prog->node_count ? prog->node_count : 1;
  w->visited = ag_xcalloc(n / 64 + 1, sizeof(uint64_t));
  w->reached_by = ag_rep_xbig(n * sizeof(uint32_t));
  w->parent = ag_rep_xbig(n * sizeof(uint32_t));
  w->entry = ag_rep_xbig(n * sizeof(uint32_t));
  w->queue = ag_rep_xbig(n * sizeof(uint32_t));
  w->stack = ag_rep_xbig(n * sizeof(uint32_t));
  w->set_seen = ag_xcalloc(prog->cset_count / 64 + 1, sizeof(uint64_t));
}

void ag_rep_search_free(struct ag_rep_search *w) {
  free(w->visited);
  free(w->reached_by);
  free(w->parent);
  free(w->entry);
  free(w->queue);
  free(w->stack);
  free(w->set_seen);
  free(w->set_list);
  free(w->ord_keys);
  free(w->ord_counts);
  free(w->ord_stamps);
  free(w->out.findings);
  free(w->out.entries);
}

