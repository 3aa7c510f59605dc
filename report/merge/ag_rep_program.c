/* ag_rep_program.c - merge unit summaries into one graph
 * (ag_rep_program.h).
 *
 * Two passes over the deduplicated, sorted records: the first
 * (ag_rep_merge_functions.c) resolves every function to a node and decides
 * which definition of each symbol is kept; the second
 * (ag_rep_merge_calls.c) appends the calls of kept definitions only, so a
 * discarded inline copy adds no edges.
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
static int ag_rep_order_units(struct ag_rep_merge *m) {
  const struct ag_rep_inputs *in = m->in;
  struct ag_rep_unit_key *keys = ag_xcalloc(in->count, sizeof(*keys));
  uint32_t *counts = ag_xcalloc(in->count, sizeof(uint32_t));
  for (size_t i = 0; i < in->count; ++i) {
    struct ag_rep_sum_reader r;
    if (ag_rep_merge_open(m, &in->records[i], &r, 0)) {
      free(keys);
      free(counts);
      return -1;
    }
    /* A copy: a version 3 record's strings live only while it is open. */
    keys[i].rec = &in->records[i];
    keys[i].source.len = r.strings[r.source].len;
    keys[i].source.ptr = ag_rep_arena_strndup(
        &m->prog->arena, r.strings[r.source].ptr, r.strings[r.source].len);
    counts[i] = r.function_count;
    ag_rep_merge_close(m, &r);
  }
  qsort(keys, in->count, sizeof(*keys), ag_rep_unit_key_cmp);
  struct ag_rep_program *prog = m->prog;
  prog->units = ag_xcalloc(in->count, sizeof(*prog->units));
  m->unit_rec = ag_xcalloc(in->count, sizeof(*m->unit_rec));
  m->fn_at = ag_xcalloc(in->count + 1, sizeof(size_t));
  for (size_t i = 0; i < in->count; ++i) {
    const char *origin = in->origins[keys[i].rec->origin].name;
    if (prog->unit_count &&
        ag_rep_unit_key_cmp(&keys[i], &keys[i - 1]) == 0) {
      struct ag_rep_unit *last = &prog->units[prog->unit_count - 1];
      if (strcmp(origin, last->origin) < 0)
        last->origin = ag_rep_arena_strndup(&prog->arena, origin,
                                            strlen(origin));
      ag_rep_sum_columns_free(&m->kept[keys[i].rec - in->records]);
      continue;
    }
    struct ag_rep_unit *u = &prog->units[prog->unit_count];
    u->source = keys[i].source.ptr;
    u->origin = ag_rep_arena_strndup(&prog->arena, origin, strlen(origin));
    m->fn_at[prog->unit_count + 1] =
        m->fn_at[prog->unit_count] + counts[keys[i].rec - in->records];
    m->unit_rec[prog->unit_count++] = keys[i].rec;
  }
  free(keys);
  free(counts);
  return 0;
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

static int ag_rep_passes(struct ag_rep_merge *m) {
  struct ag_rep_program *prog = m->prog;
  size_t units = prog->unit_count, functions = m->fn_at[units];
  m->calls_at = ag_xcalloc(units ? units : 1, sizeof(size_t));
  m->call_counts = ag_xcalloc(units ? units : 1, sizeof(uint32_t));
  m->fn_map = ag_rep_xbig((functions ? functions : 1) * sizeof(uint32_t));
  m->fn_linkage = ag_rep_xbig(functions ? functions : 1);
  /* Entries repeat symbols (every unit declares what it calls): a
   * quarter of them is a first guess that grows once or twice. */
  ag_rep_symtab_reserve(&prog->symtab, functions / 4);
  /* Never more nodes than entries: one array, never moved; pages that
   * stay unused are never touched. */
  prog->node_cap = functions ? functions : 1;
  prog->nodes = ag_rep_xbig(prog->node_cap * sizeof(*prog->nodes));
  int status = ag_rep_merge_functions(m);
  if (!status)
    status = ag_rep_size_calls(m);
  for (uint32_t u = 0; !status && u < units; ++u)
    status = ag_rep_merge_calls(m, u);
  if (!status)
    status = ag_rep_merge_resolve(m);
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
  m.kept = ag_xcalloc(in->count ? in->count : 1, sizeof(*m.kept));
  int status = ag_rep_order_units(&m);
  if (!status)
    status = ag_rep_passes(&m);
  for (size_t i = 0; i < in->count; ++i) /* left by an error */
    ag_rep_sum_columns_free(&m.kept[i]);
  free(m.kept);
  free(m.unit_rec);
  free(m.fn_at);
  free(m.fn_map);
  free(m.fn_linkage);
  free(m.calls_at);
  free(m.call_counts);
  free(m.string_map);
  ag_rep_icall_free(&m.icall);
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

const char *ag_rep_program_via(const struct ag_rep_program *prog,
                               uint32_t call) {
  return prog->call_class[call] == AG_REP_CALL_RESOLVED
             ? prog->csets[prog->call_target[call]].note
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
  free(prog->csets);
  free(prog->cand_node);
  free(prog->cand_class);
  ag_rep_arena_free(&prog->arena);
  ag_rep_symtab_free(&prog->symtab);
  memset(prog, 0, sizeof(*prog));
}
