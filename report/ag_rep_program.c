/* ag_rep_program.c - merge unit summaries into one graph
 * (ag_rep_program.h).
 *
 * Two passes over the deduplicated, sorted records: the first resolves
 * every function to a node and decides which definition of each symbol is
 * kept; the second appends the calls of kept definitions only, so a
 * discarded inline copy adds no edges.
 */
#include "ag_rep_program.h"

#include <stdlib.h>
#include <string.h>

struct ag_rep_unit_key {
  const struct ag_rep_record *rec;
  struct ag_rep_sv source;
};

struct ag_rep_merge {
  struct ag_rep_program *prog;
  const struct ag_rep_inputs *in;
  const struct ag_rep_record **unit_rec;
  uint32_t *fn_map;      /* unit-local function -> node, all units */
  size_t *fn_map_at;     /* where each unit's part of fn_map starts */
  size_t fn_map_cap;
  uint32_t *string_map;  /* unit-local string -> program string id */
  size_t string_map_cap;
  char *context;         /* of the open record, for its messages */
  struct ag_rep_error *err;
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

static void ag_rep_close(struct ag_rep_merge *m, struct ag_rep_sum_reader *r) {
  ag_rep_sum_close(r);
  free(m->context);
  m->context = NULL;
}

/* One record is open at a time; ag_rep_close ends it. */
static int ag_rep_open(struct ag_rep_merge *m, const struct ag_rep_record *rec,
                       struct ag_rep_sum_reader *r) {
  m->context = ag_rep_inputs_context(m->in, rec->origin);
  int status = ag_rep_sum_open(r, rec->data, rec->size, m->context,
                               rec->offset, m->err);
  if (status)
    ag_rep_close(m, r);
  return status;
}

/* Sorted by source and bytes; identical records (one unit seen in an
 * object and in the executable holding it) become one unit. */
static int ag_rep_order_units(struct ag_rep_merge *m) {
  const struct ag_rep_inputs *in = m->in;
  struct ag_rep_unit_key *keys = ag_rep_xcalloc(in->count, sizeof(*keys));
  for (size_t i = 0; i < in->count; ++i) {
    struct ag_rep_sum_reader r;
    if (ag_rep_open(m, &in->records[i], &r)) {
      free(keys);
      return -1;
    }
    keys[i].rec = &in->records[i];
    keys[i].source = r.strings[r.source];
    ag_rep_close(m, &r);
  }
  qsort(keys, in->count, sizeof(*keys), ag_rep_unit_key_cmp);
  struct ag_rep_program *prog = m->prog;
  prog->units = ag_rep_xcalloc(in->count, sizeof(*prog->units));
  m->unit_rec = ag_rep_xcalloc(in->count, sizeof(*m->unit_rec));
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
    m->unit_rec[prog->unit_count++] = keys[i].rec;
  }
  free(keys);
  return 0;
}

/* The program's id for a unit-local string, copied on first use. */
static uint32_t ag_rep_string(struct ag_rep_merge *m,
                              const struct ag_rep_sum_reader *r, uint32_t i) {
  if (m->string_map[i] == AG_REP_NONE) {
    struct ag_rep_program *prog = m->prog;
    const char *s = ag_rep_arena_strndup(&prog->arena, r->strings[i].ptr,
                                         r->strings[i].len);
    AG_REP_PUSH(prog->strings, prog->string_count, prog->string_cap, s);
    m->string_map[i] = (uint32_t)(prog->string_count - 1);
  }
  return m->string_map[i];
}

/* The text of a unit-local string. (Not prog->strings[ag_rep_string()]:
 * the call may move prog->strings.) */
static const char *ag_rep_string_text(struct ag_rep_merge *m,
                                      const struct ag_rep_sum_reader *r,
                                      uint32_t i) {
  uint32_t id = ag_rep_string(m, r, i);
  return m->prog->strings[id];
}

static void ag_rep_reset_strings(struct ag_rep_merge *m, uint32_t count) {
  ag_rep_grow((void **)&m->string_map, &m->string_map_cap, count,
              sizeof(uint32_t));
  memset(m->string_map, 0xff, (size_t)count * sizeof(uint32_t));
}

static uint32_t ag_rep_new_node(struct ag_rep_merge *m,
                                const struct ag_rep_sum_reader *r,
                                const struct ag_rep_sum_function *f) {
  struct ag_rep_program *prog = m->prog;
  ag_rep_grow((void **)&prog->nodes, &prog->node_cap, prog->node_count + 1,
              sizeof(*prog->nodes));
  struct ag_rep_node *node = &prog->nodes[prog->node_count];
  memset(node, 0, sizeof(*node));
  node->symbol = ag_rep_string_text(m, r, f->symbol);
  node->display = ag_rep_string_text(m, r, f->display);
  node->unit = node->def_local = AG_REP_NONE;
  node->linkage = AG_REP_LINK_DECLARATION;
  return (uint32_t)prog->node_count++;
}

static uint32_t ag_rep_symbol_node(struct ag_rep_merge *m,
                                   const struct ag_rep_sum_reader *r,
                                   const struct ag_rep_sum_function *f) {
  struct ag_rep_program *prog = m->prog;
  if (f->linkage == AG_REP_LINK_INTERNAL)
    return ag_rep_new_node(m, r, f);
  size_t slot;
  uint32_t tag;
  /* Room for one more node first: the table reads symbols through it. */
  ag_rep_grow((void **)&prog->nodes, &prog->node_cap, prog->node_count + 1,
              sizeof(*prog->nodes));
  const struct ag_rep_sv *sym = &r->strings[f->symbol];
  uint32_t n = ag_rep_symtab_find(&prog->symtab, sym->ptr, sym->len,
                                  &prog->nodes->symbol, sizeof(*prog->nodes),
                                  &slot, &tag);
  if (n == AG_REP_NONE) {
    n = ag_rep_new_node(m, r, f);
    ag_rep_symtab_insert(&prog->symtab, slot, tag, n);
  }
  return n;
}

static void ag_rep_merge_function(struct ag_rep_merge *m, uint32_t unit,
                                  uint32_t local,
                                  const struct ag_rep_sum_reader *r,
                                  const struct ag_rep_sum_function *f) {
  struct ag_rep_program *prog = m->prog;
  uint32_t n = ag_rep_symbol_node(m, r, f);
  m->fn_map[m->fn_map_at[unit] + local] = n;
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
  node->file = f->file == AG_REP_NONE ? NULL
                                      : ag_rep_string_text(m, r, f->file);
  node->line = f->line;
  node->display = ag_rep_string_text(m, r, f->display);
}

static int ag_rep_pass_functions(struct ag_rep_merge *m, uint32_t unit) {
  struct ag_rep_sum_reader r;
  if (ag_rep_open(m, m->unit_rec[unit], &r))
    return -1;
  struct ag_rep_unit *u = &m->prog->units[unit];
  u->debug = r.unit_flags & 1;
  u->functions = r.function_count;
  m->fn_map_at[unit + 1] = m->fn_map_at[unit] + r.function_count;
  ag_rep_grow((void **)&m->fn_map, &m->fn_map_cap, m->fn_map_at[unit + 1],
              sizeof(uint32_t));
  ag_rep_reset_strings(m, r.string_count);
  struct ag_rep_sum_function f;
  int status = 0;
  for (uint32_t i = 0; !status && i < r.function_count; ++i)
    if (!(status = ag_rep_sum_function(&r, &f)))
      ag_rep_merge_function(m, unit, i, &r, &f);
  ag_rep_close(m, &r);
  return status;
}

static void ag_rep_append_call(struct ag_rep_merge *m, uint32_t unit,
                               const struct ag_rep_sum_reader *r,
                               const struct ag_rep_sum_call *c) {
  struct ag_rep_program *prog = m->prog;
  const uint32_t *map = m->fn_map + m->fn_map_at[unit];
  if (prog->call_count == prog->call_cap) {
    size_t cap = prog->call_cap ? prog->call_cap * 2 : 1024;
    prog->call_target = ag_rep_xrealloc(prog->call_target, cap * 4);
    prog->call_kind = ag_rep_xrealloc(prog->call_kind, cap);
    prog->call_file = ag_rep_xrealloc(prog->call_file, cap * 4);
    prog->call_line = ag_rep_xrealloc(prog->call_line, cap * 4);
    prog->call_column = ag_rep_xrealloc(prog->call_column, cap * 4);
    prog->call_cap = cap;
  }
  size_t i = prog->call_count++;
  prog->call_target[i] = c->callee == AG_REP_NONE ? AG_REP_NONE : map[c->callee];
  prog->call_kind[i] = c->kind;
  prog->call_file[i] = c->file == AG_REP_NONE ? AG_REP_NONE
                                              : ag_rep_string(m, r, c->file);
  prog->call_line[i] = c->line;
  prog->call_column[i] = c->column;
  if (c->why != AG_REP_NONE) {
    uint32_t why = ag_rep_string(m, r, c->why);
    if (prog->why_count == prog->why_cap) {
      prog->why_cap = prog->why_cap ? prog->why_cap * 2 : 64;
      prog->why_call = ag_rep_xrealloc(prog->why_call, prog->why_cap * 4);
      prog->why_string = ag_rep_xrealloc(prog->why_string, prog->why_cap * 4);
    }
    prog->why_call[prog->why_count] = (uint32_t)i;
    prog->why_string[prog->why_count++] = why;
  }
}

static int ag_rep_pass_calls(struct ag_rep_merge *m, uint32_t unit) {
  struct ag_rep_program *prog = m->prog;
  struct ag_rep_sum_reader r;
  if (ag_rep_open(m, m->unit_rec[unit], &r))
    return -1;
  ag_rep_reset_strings(m, r.string_count);
  struct ag_rep_sum_function f;
  struct ag_rep_sum_call c;
  int status = 0;
  for (uint32_t i = 0; !status && i < r.function_count; ++i)
    status = ag_rep_sum_function(&r, &f);
  if (!status)
    status = ag_rep_sum_begin_calls(&r);
  prog->units[unit].calls = r.call_count;
  uint32_t last = AG_REP_NONE;
  while (!status && r.calls_read < r.call_count) {
    if ((status = ag_rep_sum_call(&r, &c)))
      break;
    struct ag_rep_node *node = &prog->nodes[m->fn_map[m->fn_map_at[unit] + c.caller]];
    if (node->unit != unit || node->def_local != c.caller)
      continue; /* a discarded duplicate definition */
    if (prog->call_count >= UINT32_MAX - 1) {
      status = ag_rep_fail(m->err, "more than 2^32 calls in the inputs");
      break;
    }
    if (c.caller != last)
      node->first_call = (uint32_t)prog->call_count;
    last = c.caller;
    node->call_count++;
    ag_rep_append_call(m, unit, &r, &c);
  }
  if (!status)
    status = ag_rep_sum_finish(&r);
  ag_rep_close(m, &r);
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
  int status = ag_rep_order_units(&m);
  if (!status) {
    m.fn_map_at = ag_rep_xcalloc(prog->unit_count + 1, sizeof(size_t));
    for (uint32_t u = 0; !status && u < prog->unit_count; ++u)
      status = ag_rep_pass_functions(&m, u);
    for (uint32_t u = 0; !status && u < prog->unit_count; ++u)
      status = ag_rep_pass_calls(&m, u);
  }
  free(m.unit_rec);
  free(m.fn_map);
  free(m.fn_map_at);
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
  free(prog->call_kind);
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
