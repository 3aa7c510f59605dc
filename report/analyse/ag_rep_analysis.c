/* ag_rep_analysis.c - roots, the searches from them on every core, and
 * the results (ag_rep_analysis.h); one search is ag_rep_search.c. */
#include "ag_rep_analysis.h"

#include "ag_rep_names.h"
#include "ag_rep_search.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

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
  res->root_name_used = ag_xcalloc(opts->root_name_count, 1);
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
    AG_PUSH(keys, count, cap, key);
  }
  if (count)
    qsort(keys, count, sizeof(*keys), ag_rep_root_cmp);
  res->roots = ag_xcalloc(count, sizeof(*res->roots));
  res->root_count = count;
  for (size_t i = 0; i < count; ++i)
    res->roots[i].node = keys[i].node;
  free(keys);
}

/* Roots are spread over threads, first come first served; each thread
 * appends to its own arrays, and the results are then put together in
 * root order, so they do not depend on the threads' timing. */
struct ag_rep_span {
  uint32_t worker;
  size_t first, count;             /* its findings in the worker's array */
  size_t entry_first, entry_count; /* its path entries */
};

struct ag_rep_pool {
  const struct ag_rep_program *prog;
  const struct ag_rep_analysis_options *opts;
  const struct ag_rep_results *res;
  struct ag_rep_span *spans;
  struct ag_rep_search *searches;
  atomic_size_t next;
};

struct ag_rep_worker_arg {
  struct ag_rep_pool *pool;
  uint32_t id;
};

static void *ag_rep_worker(void *arg) {
  struct ag_rep_worker_arg *a = arg;
  struct ag_rep_pool *pool = a->pool;
  struct ag_rep_search *w = &pool->searches[a->id];
  size_t r;
  while ((r = atomic_fetch_add(&pool->next, 1)) < pool->res->root_count) {
    struct ag_rep_span *s = &pool->spans[r];
    s->worker = a->id;
    s->first = w->out.count;
    s->entry_first = w->out.entry_count;
    ag_rep_search_root(w, pool->opts, (uint32_t)r, pool->res->roots[r].node);
    s->count = w->out.count - s->first;
    s->entry_count = w->out.entry_count - s->entry_first;
  }
  return NULL;
}

/* Concatenates the workers' findings and entries in root order; entry
 * indices move with them. */
static void ag_rep_gather(struct ag_rep_pool *pool, struct ag_rep_results *res) {
  size_t findings = 0, entries = 0;
  for (size_t r = 0; r < res->root_count; ++r) {
    findings += pool->spans[r].count;
    entries += pool->spans[r].entry_count;
  }
  res->findings = ag_rep_xbig((findings ? findings : 1) * sizeof(*res->findings));
  res->entries = ag_rep_xbig((entries ? entries : 1) * sizeof(*res->entries));
  res->cap = findings;
  res->entry_cap = entries;
  for (size_t r = 0; r < res->root_count; ++r) {
    const struct ag_rep_span *s = &pool->spans[r];
    const struct ag_rep_results *out = &pool->searches[s->worker].out;
    int64_t shift = (int64_t)res->entry_count - (int64_t)s->entry_first;
    for (size_t i = 0; i < s->entry_count; ++i) {
      struct ag_rep_entry e = out->entries[s->entry_first + i];
      if (e.parent != AG_REP_NONE)
        e.parent = (uint32_t)((int64_t)e.parent + shift);
      res->entries[res->entry_count++] = e;
    }
    res->roots[r].first = (uint32_t)res->count;
    res->roots[r].count = (uint32_t)s->count;
    for (size_t i = 0; i < s->count; ++i) {
      struct ag_rep_finding f = out->findings[s->first + i];
      if (f.entry != AG_REP_NONE)
        f.entry = (uint32_t)((int64_t)f.entry + shift);
      res->findings[res->count++] = f;
    }
  }
}

static unsigned ag_rep_jobs(const struct ag_rep_analysis_options *opts,
                            size_t roots) {
  long n = opts->jobs ? (long)opts->jobs : sysconf(_SC_NPROCESSORS_ONLN);
  if (n < 1)
    n = 1;
  if (n > 64)
    n = 64;
  return (unsigned)((size_t)n < roots ? (size_t)n : (roots ? roots : 1));
}

void ag_rep_analyze(const struct ag_rep_program *prog,
                    const struct ag_rep_analysis_options *opts,
                    struct ag_rep_results *out) {
  memset(out, 0, sizeof(*out));
  ag_rep_pick_roots(prog, opts, out);
  unsigned jobs = ag_rep_jobs(opts, out->root_count);
  struct ag_rep_pool pool = {prog, opts, out, NULL, NULL, 0};
  size_t words = prog->call_count / 64 + 1;
  _Atomic uint64_t *unfollowed = ag_xcalloc(words, sizeof(uint64_t));
  pool.spans = ag_xcalloc(out->root_count, sizeof(*pool.spans));
  pool.searches = ag_xcalloc(jobs, sizeof(*pool.searches));
  pthread_t *threads = ag_xcalloc(jobs, sizeof(pthread_t));
  struct ag_rep_worker_arg *args = ag_xcalloc(jobs, sizeof(*args));
  unsigned started = 0;
  for (unsigned j = 0; j < jobs; ++j) {
    ag_rep_search_init(&pool.searches[j], prog);
    pool.searches[j].unfollowed = unfollowed;
    args[j].pool = &pool;
    args[j].id = j;
  }
  /* Thread 0 is this one; a thread that cannot start leaves its share to
   * the others. */
  for (unsigned j = 1; j < jobs; ++j) {
    pthread_t t;
    if (pthread_create(&t, NULL, ag_rep_worker, &args[j]) == 0)
      threads[started++] = t;
  }
  ag_rep_worker(&args[0]);
  for (unsigned j = 0; j < started; ++j)
    pthread_join(threads[j], NULL);
  ag_rep_gather(&pool, out);
  for (size_t i = 0; i < words; ++i)
    out->unfollowed += (size_t)__builtin_popcountll(unfollowed[i]);
  free((void *)unfollowed);
  for (unsigned j = 0; j < jobs; ++j)
    ag_rep_search_free(&pool.searches[j]);
  free(pool.spans);
  free(pool.searches);
  free(threads);
  free(args);
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
                         const struct ag_rep_finding *f, uint32_t *calls,
                         uint32_t *callees) {
  uint32_t i = f->path_len - 1;
  calls[i] = f->call;
  callees[i] = f->callee;
  for (uint32_t e = f->entry; e != AG_REP_NONE; e = res->entries[e].parent) {
    calls[--i] = res->entries[e].call;
    callees[i] = res->entries[e].node;
  }
}

void ag_rep_results_free(struct ag_rep_results *res) {
  free(res->roots);
  free(res->findings);
  free(res->entries);
  free(res->root_name_used);
  memset(res, 0, sizeof(*res));
}
