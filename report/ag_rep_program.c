/* ag_rep_program.c - merge unit summaries into one graph
 * (ag_rep_program.h).
 *
 * Two passes over the deduplicated, sorted records: the first resolves
 * every function to a node and decides which definition of each symbol is
 * kept; the second (ag_rep_merge_calls.c) appends the calls of kept
 * definitions only, so a discarded inline copy adds no edges.
 */
#include "ag_rep_merge.h"

#include <stdlib.h>
#include <string.h>

struct ag_rep_unit_key {
  const struct ag_rep_record *rec;
  struct ag_rep_sv source;
};

static int ag_rep_unit_key_cmp(const void *a, const void *b) {
  const struct ag_rep_unit_key *x = a, *y = b;
  uint32_t n = x->source.len < y->source.len ? x->source.len : y->source.len;
  int c = memcmp(x->source.ptr, y->source.ptr, n);
  if (c || x->source.len != y->source.len)
    return c ? c : (x->source.len < y->source.len ? -1 : 1);
  if (x->rec->size != y->rec->size)
    return x->rec->size < y->rec->size ? -1 : 1;
  return memcmp(x->rec->data, y->rec->data, x->rec->size);
}

/* Sorted by source and bytes; identical records (one unit seen in an
 * object and in the executable holding it) become one unit. The first
 * full read of each record's strings happens here. */
static int ag_rep_order_units(struct ag_rep_merge *m, size_t *functions) {
  const struct ag_rep_inputs *in = m->in;
  struct ag_rep_unit_key *keys = ag_rep_xcalloc(in->count, sizeof(*keys));
  uint32_t *counts = ag_rep_xcalloc(in->count, sizeof(uint32_t));
  for (size_t i = 0; i < in->count; ++i) {
    struct ag_rep_sum_reader r;
    if (ag_rep_merge_open(m, &in->records[i], &r, 0)) {
      free(keys);
      free(counts);
      return -1;
    }
    keys[i].rec = &in->records[i];
    keys[i].source = r.strings[r.source];
    counts[i] = r.function_count;
    ag_rep_merge_close(m, &r);
  }
  qsort(keys, in->count, sizeof(*keys), ag_rep_unit_key_cmp);
  struct ag_rep_program *prog = m->prog;
  prog->units = ag_rep_xcalloc(in->count, sizeof(*prog->units));
  m->unit_rec = ag_rep_xcalloc(in->count, sizeof(*m->unit_rec));
  *functions = 0;
  for (size_t i = 0; i < in->count; ++i) {
    const char *origin = in->origins[keys[i].rec->origin].name;
    if (prog->unit_count &&
        ag_rep_unit_key_cmp(&keys[i], &keys[i - 1]) == 0) {
      struct ag_rep_unit *last = &prog->units[prog->unit_count - 1];
      if (strcmp(origin, last->origin) < 0)
        last->origin = ag_rep_arena_strndup(&prog->arena, origin,
                                            strlen(origin));
      continue;
    }
    struct ag_rep_unit *u = &prog->units[prog->unit_count];
    u->source = ag_rep_arena_strndup(&prog->arena, keys[i].source.ptr,
                                     keys[i].source.len);
    u->origin = ag_rep_arena_strndup(&prog->arena, origin, strlen(origin));
    *functions += counts[keys[i].rec - in->records];
    m->unit_rec[prog->unit_count++] = keys[i].rec;
  }
  free(keys);
  free(counts);
  return 0;
}

static const char *ag_rep_text(struct ag_rep_merge *m,
                               const struct ag_rep_sum_reader *r, uint32_t i) {
  uint32_t id = ag_rep_merge_string(m, r, i); /* may move prog->strings */
  return m->prog->strings[id];
}

static uint32_t ag_rep_new_node(struct ag_rep_merge *m,
                                const struct ag_rep_sum_reader *r,
                                const struct ag_rep_sum_function *f) {
  struct ag_rep_program *prog = m->prog;
  ag_rep_grow((void **)&prog->nodes, &prog->node_cap, prog->node_count + 1,
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
  node->flags |= f->flags & AG_REP_FN_ALLOCATOR;
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
      AG_REP_PUSH(prog->duplicates, prog->duplicate_count,
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
enum { AG_REP_AHEAD = 16 };

static int ag_rep_pass_functions(struct ag_rep_merge *m, uint32_t unit,
                                 struct ag_rep_sum_function *fns,
                                 uint64_t *hashes) {
  struct ag_rep_sum_reader r;
  if (ag_rep_merge_open(m, m->unit_rec[unit], &r, AG_REP_SUM_TRUSTED))
    return -1;
  struct ag_rep_program *prog = m->prog;
  uint32_t n = r.function_count;
  prog->units[unit].debug = r.unit_flags & 1;
  prog->units[unit].functions = n;
  m->fn_at[unit + 1] = m->fn_at[unit] + n;
  ag_rep_merge_reset_strings(m, r.string_count);
  int status = 0;
  for (uint32_t i = 0; !status && i < n; ++i)
    if (!(status = ag_rep_sum_function(&r, &fns[i]))) {
      const struct ag_rep_sv *sym = &r.strings[fns[i].symbol];
      hashes[i] = ag_rep_symtab_hash(sym->ptr, sym->len);
      m->fn_linkage[m->fn_at[unit] + i] = fns[i].linkage;
    }
  if (!status)
    status = ag_rep_sum_begin_calls(&r);
  if (!status) {
    m->calls_at[unit] = (size_t)(r.pos - r.record);
    m->call_counts[unit] = r.call_count;
    m->total_calls += r.call_count;
    prog->units[unit].calls = r.call_count;
  }
  for (uint32_t i = 0; !status && i < n; ++i) {
    if (i + AG_REP_AHEAD < n)
      ag_rep_symtab_prefetch(&prog->symtab, hashes[i + AG_REP_AHEAD]);
    if (i + AG_REP_AHEAD / 2 < n)
      ag_rep_symtab_prefetch_symbol(&prog->symtab,
                                    hashes[i + AG_REP_AHEAD / 2]);
    ag_rep_merge_function(m, unit, i, &r, &fns[i], hashes[i]);
  }
  ag_rep_merge_close(m, &r);
  return status;
}

/* Every call of every record fits, so pass 2 never reallocates. */
static int ag_rep_size_calls(struct ag_rep_merge *m) {
  struct ag_rep_program *prog = m->prog;
  size_t n = m->total_calls ? m->total_calls : 1;
  if (m->total_calls >= UINT32_MAX)
    return ag_rep_fail(m->err, "more than 2^32 calls in the inputs");
  prog->call_target = ag_rep_xbig(n * sizeof(uint32_t));
  prog->call_class = ag_rep_xbig(n);
  prog->call_file = ag_rep_xbig(n * sizeof(uint32_t));
  prog->call_line = ag_rep_xbig(n * sizeof(uint32_t));
  prog->call_column = ag_rep_xbig(n * sizeof(uint32_t));
  prog->call_cap = n;
  return 0;
}

static int ag_rep_passes(struct ag_rep_merge *m, size_t functions) {
  struct ag_rep_program *prog = m->prog;
  size_t units = prog->unit_count;
  m->fn_at = ag_rep_xcalloc(units + 1, sizeof(size_t));
  m->calls_at = ag_rep_xcalloc(units, sizeof(size_t));
  m->call_counts = ag_rep_xcalloc(units, sizeof(uint32_t));
  m->fn_map = ag_rep_xbig((functions ? functions : 1) * sizeof(uint32_t));
  m->fn_linkage = ag_rep_xbig(functions ? functions : 1);
  /* Most entries of a large program are distinct symbols or repeats of
   * few: half of them is a table that rarely grows. */
  ag_rep_symtab_reserve(&prog->symtab, functions / 2);
  size_t largest = 1;
  for (size_t u = 0; u < units; ++u)
    if (m->unit_rec[u]->size / 6 + 1 > largest) /* bound on its functions */
      largest = m->unit_rec[u]->size / 6 + 1;
  struct ag_rep_sum_function *fns = ag_rep_xbig(largest * sizeof(*fns));
  uint64_t *hashes = ag_rep_xbig(largest * sizeof(uint64_t));
  int status = 0;
  for (uint32_t u = 0; !status && u < units; ++u)
    status = ag_rep_pass_functions(m, u, fns, hashes);
  free(fns);
  free(hashes);
  if (!status)
    status = ag_rep_size_calls(m);
  for (uint32_t u = 0; !status && u < units; ++u)
    status = ag_rep_merge_calls(m, u);
  if (!status)
    ag_rep_merge_resolve(prog);
  return status;
}

int ag_rep_program_build(struct ag_rep_program *prog,
                         const struct ag_rep_inputs *in,
                         struct ag_rep_error *err) {
  memset(prog, 0, sizeof(*prog));
  struct ag_rep_merge m = {0};
  m.prog = prog;
  m.in = in;
  m.err = err;
  size_t functions = 0;
  int status = ag_rep_order_units(&m, &functions);
  if (!status)
    status = ag_rep_passes(&m, functions);
  free(m.unit_rec);
  free(m.fn_at);
  free(m.fn_map);
  free(m.fn_linkage);
  free(m.calls_at);
  free(m.call_counts);
  free(m.string_map);
  return status;
}

const char *ag_rep_program_why(const struct ag_rep_program *prog,
                               uint32_t call) {
  size_t lo = 0, hi = prog->why_count;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (prog->why_call[mid] < call)
      lo = mid + 1;
    else
      hi = mid;
  }
  return lo < prog->why_count && prog->why_call[lo] == call
             ? prog->strings[prog->why_string[lo]]
             : NULL;
}

const char *ag_rep_program_unit_source(const struct ag_rep_program *prog,
                                       uint32_t node) {
  uint32_t unit = prog->nodes[node].unit;
  return unit == AG_REP_NONE ? NULL : prog->units[unit].source;
}

void ag_rep_program_free(struct ag_rep_program *prog) {
  free(prog->units);
  free(prog->nodes);
  free(prog->call_target);
  free(prog->call_class);
  free(prog->call_file);
  free(prog->call_line);
  free(prog->call_column);
  free(prog->why_call);
  free(prog->why_string);
  free(prog->strings);
  free(prog->duplicates);
  ag_rep_arena_free(&prog->arena);
  ag_rep_symtab_free(&prog->symtab);
  memset(prog, 0, sizeof(*prog));
}
