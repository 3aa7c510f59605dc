/* ag_rep_merge_functions.c - the merge's first pass (ag_rep_merge.h):
 * every function of every unit to a node, and which definition of each
 * symbol is kept.
 *
 * Two threads share the work: one reads and hashes the records ahead (up
 * to AG_REP_PIPE units), the other resolves symbols in unit order, the
 * only order that keeps the result deterministic.
 */
#include "ag_rep_merge.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

static const char *ag_rep_text(struct ag_rep_merge *m,
                               const struct ag_rep_sum_reader *r, uint32_t i) {
  uint32_t id = ag_rep_merge_string(m, r, i); /* may move prog->strings */
  return m->prog->strings[id];
}

static uint32_t ag_rep_new_node(struct ag_rep_merge *m,
                                const struct ag_rep_sum_reader *r,
                                const struct ag_rep_sum_function *f) {
  struct ag_rep_program *prog = m->prog;
  ag_grow((void **)&prog->nodes, &prog->node_cap, prog->node_count + 1,
          sizeof(*prog->nodes));
  struct ag_rep_node *node = &prog->nodes[prog->node_count];
  memset(node, 0, sizeof(*node));
  node->symbol = ag_rep_text(m, r, f->symbol);
  node->display = f->display == f->symbol ? node->symbol
                                          : ag_rep_text(m, r, f->display);
  node->unit = node->def_local = AG_REP_NONE;
  node->linkage = AG_REP_LINK_DECLARATION;
  return (uint32_t)prog->node_count++;
}

static uint32_t ag_rep_symbol_node(struct ag_rep_merge *m,
                                   const struct ag_rep_sum_reader *r,
                                   const struct ag_rep_sum_function *f,
                                   uint64_t hash) {
  struct ag_rep_program *prog = m->prog;
  if (f->linkage == AG_REP_LINK_INTERNAL)
    return ag_rep_new_node(m, r, f);
  size_t slot;
  const struct ag_rep_sv *sym = &r->strings[f->symbol];
  uint32_t n = ag_rep_symtab_find(&prog->symtab, sym->ptr, sym->len, hash,
                                  &slot);
  if (n == AG_REP_NONE) {
    n = ag_rep_new_node(m, r, f);
    ag_rep_symtab_insert(&prog->symtab, slot, hash, prog->nodes[n].symbol, n);
  }
  return n;
}

/* Which definition of a symbol is kept: the first strong one, else the
 * first weak one, in unit order; a second strong one is a duplicate. */
static void ag_rep_merge_function(struct ag_rep_merge *m, uint32_t unit,
                                  uint32_t local,
                                  const struct ag_rep_sum_reader *r,
                                  const struct ag_rep_sum_function *f,
                                  uint64_t hash) {
  struct ag_rep_program *prog = m->prog;
  uint32_t n = ag_rep_symbol_node(m, r, f, hash);
  m->fn_map[m->fn_at[unit] + local] = n;
  if (f->linkage == AG_REP_LINK_DECLARATION && !f->flags)
    return; /* most entries: nothing to record, and the node stays cold */
  struct ag_rep_node *node = &prog->nodes[n];
  /* A declaration's flags say what the writer's knowledge base knows of
   * it (version 2): how a call through a pointer to it is classified. */
  node->flags |= f->flags & (AG_REP_FN_ALLOCATOR | AG_REP_FN_KB);
  if (f->linkage == AG_REP_LINK_DECLARATION)
    return;
  node->flags |= f->flags & AG_REP_FN_ROOT;
  int take = node->unit == AG_REP_NONE ||
             (node->linkage == AG_REP_LINK_WEAK &&
              f->linkage == AG_REP_LINK_EXTERNAL);
  if (!take) {
    if (node->linkage == AG_REP_LINK_EXTERNAL &&
        f->linkage == AG_REP_LINK_EXTERNAL && node->unit != unit) {
      struct ag_rep_duplicate d = {n, node->unit, unit};
      AG_PUSH(prog->duplicates, prog->duplicate_count,
              prog->duplicate_cap, d);
    }
    return;
  }
  node->unit = unit;
  node->def_local = local;
  node->linkage = f->linkage;
  node->file = f->file == AG_REP_NONE ? NULL : ag_rep_text(m, r, f->file);
  node->line = f->line;
  /* The node took its names from this entry unless it was declared
   * first elsewhere; compare only then. */
  const struct ag_rep_sv *display = &r->strings[f->display];
  if (!(f->display == f->symbol && node->display == node->symbol) &&
      (strncmp(node->display, display->ptr, display->len) != 0 ||
       node->display[display->len] != '\0'))
    node->display = ag_rep_text(m, r, f->display);
}

/* Symbols of a large program miss every cache, so a unit's lookups are
 * pipelined: its entries are read and hashed first, and each lookup
 * prefetches the slot of the entry AG_REP_AHEAD later and the symbol of
 * the one half as far. */
enum { AG_REP_AHEAD = 16, AG_REP_PIPE = 32 };

/* One unit read ahead: its open reader (the strings stay needed), its
 * function entries and their symbols' hashes, or the error it hit. */
struct ag_rep_slot {
  struct ag_rep_sum_reader r;
  int open;
  struct ag_rep_sum_function *fns;
  uint64_t *hashes;
  size_t cap;
  char *context;
  int status;
  struct ag_rep_error err;
};

struct ag_rep_pipe {
  struct ag_rep_merge *m;
  struct ag_rep_slot slots[AG_REP_PIPE];
  size_t produced, consumed; /* units; guarded by lock */
  int stop;
  pthread_mutex_t lock;
  pthread_cond_t changed;
};

/* Reads unit `u` into `s`: everything pass 1 needs that does not touch
 * the program, so it can run beside the consumer. */
static void ag_rep_read_unit(struct ag_rep_merge *m, uint32_t u,
                             struct ag_rep_slot *s) {
  const struct ag_rep_record *rec = m->unit_rec[u];
  s->context = ag_rep_inputs_context(m->in, rec->origin);
  /* The columns ag_rep_order_units kept, if it kept them: this thread
   * only reads them. */
  struct ag_rep_sum_columns *kept = &m->kept[rec - m->in->records];
  s->status = ag_rep_sum_open_kept(&s->r, rec->data, rec->size, s->context,
                                   rec->offset, AG_REP_SUM_TRUSTED,
                                   kept->inflated ? kept : NULL, &s->err);
  s->open = 1;
  if (s->status)
    return;
  uint32_t n = s->r.function_count;
  if (n > s->cap) {
    s->cap = n;
    s->fns = ag_xrealloc(s->fns, n * sizeof(*s->fns));
    s->hashes = ag_xrealloc(s->hashes, n * sizeof(uint64_t));
  }
  for (uint32_t i = 0; !s->status && i < n; ++i)
    if (!(s->status = ag_rep_sum_function(&s->r, &s->fns[i]))) {
      const struct ag_rep_sv *sym = &s->r.strings[s->fns[i].symbol];
      s->hashes[i] = ag_rep_symtab_hash(sym->ptr, sym->len);
      m->fn_linkage[m->fn_at[u] + i] = s->fns[i].linkage;
    }
  if (!s->status)
    s->status = ag_rep_sum_begin_calls(&s->r);
  if (!s->status) {
    struct ag_rep_unit *unit = &m->prog->units[u];
    unit->debug = s->r.unit_flags & 1;
    unit->functions = n;
    unit->calls = s->r.call_count;
    m->calls_at[u] = (size_t)(s->r.pos - s->r.record);
    m->call_counts[u] = s->r.call_count;
  }
}

static void ag_rep_release_unit(struct ag_rep_slot *s) {
  if (s->open)
    ag_rep_sum_close(&s->r);
  free(s->context);
  s->context = NULL;
  s->open = 0;
}

/* Resolves unit `u`, read into `s`. */
static int ag_rep_resolve_unit(struct ag_rep_merge *m, uint32_t u,
                               struct ag_rep_slot *s) {
  if (s->status) {
    *m->err = s->err;
    return -1;
  }
  struct ag_rep_program *prog = m->prog;
  uint32_t n = s->r.function_count;
  ag_rep_merge_reset_strings(m, s->r.string_count);
  for (uint32_t i = 0; i < n; ++i) {
    if (i + AG_REP_AHEAD < n)
      ag_rep_symtab_prefetch(&prog->symtab, s->hashes[i + AG_REP_AHEAD]);
    if (i + AG_REP_AHEAD / 2 < n)
      ag_rep_symtab_prefetch_symbol(&prog->symtab,
                                    s->hashes[i + AG_REP_AHEAD / 2]);
    ag_rep_merge_function(m, u, i, &s->r, &s->fns[i], s->hashes[i]);
  }
  m->total_calls += s->r.call_count;
  return 0;
}

static void *ag_rep_reader(void *arg) {
  struct ag_rep_pipe *p = arg;
  size_t units = p->m->prog->unit_count;
  for (size_t u = 0; u < units; ++u) {
    pthread_mutex_lock(&p->lock);
    while (!p->stop && p->produced - p->consumed >= AG_REP_PIPE)
      pthread_cond_wait(&p->changed, &p->lock);
    int stop = p->stop;
    pthread_mutex_unlock(&p->lock);
    if (stop)
      break;
    ag_rep_read_unit(p->m, (uint32_t)u, &p->slots[u % AG_REP_PIPE]);
    pthread_mutex_lock(&p->lock);
    p->produced++;
    pthread_cond_broadcast(&p->changed);
    pthread_mutex_unlock(&p->lock);
  }
  return NULL;
}

int ag_rep_merge_functions(struct ag_rep_merge *m) {
  static struct ag_rep_pipe zero;
  struct ag_rep_pipe *p = ag_xmalloc(sizeof(*p));
  *p = zero;
  p->m = m;
  pthread_mutex_init(&p->lock, NULL);
  pthread_cond_init(&p->changed, NULL);
  pthread_t reader;
  /* Without a second thread, each unit is read just before it is used. */
  int threaded = pthread_create(&reader, NULL, ag_rep_reader, p) == 0;
  size_t units = m->prog->unit_count;
  int status = 0;
  for (size_t u = 0; !status && u < units; ++u) {
    struct ag_rep_slot *s = &p->slots[u % AG_REP_PIPE];
    if (threaded) {
      pthread_mutex_lock(&p->lock);
      while (p->produced == u)
        pthread_cond_wait(&p->changed, &p->lock);
      pthread_mutex_unlock(&p->lock);
    } else {
      ag_rep_read_unit(m, (uint32_t)u, s);
    }
    status = ag_rep_resolve_unit(m, (uint32_t)u, s);
    ag_rep_release_unit(s);
    pthread_mutex_lock(&p->lock);
    p->consumed++;
    p->stop = status != 0;
    pthread_cond_broadcast(&p->changed);
    pthread_mutex_unlock(&p->lock);
  }
  if (threaded)
    pthread_join(reader, NULL);
  for (size_t i = 0; i < AG_REP_PIPE; ++i) { /* units read past an error */
    ag_rep_release_unit(&p->slots[i]);
    free(p->slots[i].fns);
    free(p->slots[i].hashes);
  }
  pthread_mutex_destroy(&p->lock);
  pthread_cond_destroy(&p->changed);
  free(p);
  return status;
}
