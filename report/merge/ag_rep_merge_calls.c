/* ag_rep_merge_calls.c - the merge's record access and its second pass:
 * calls of kept definitions into flat arrays, then resolved
 * (ag_rep_merge.h). */
#include "ag_rep_merge.h"

#include <stdlib.h>
#include <string.h>

struct ag_rep_sum_columns *ag_rep_merge_kept(struct ag_rep_merge *m,
                                             const struct ag_rep_record *rec) {
  struct ag_rep_sum_columns *keep = &m->kept[rec - m->in->records];
  return keep->inflated || m->kept_bytes < AG_REP_KEPT_BUDGET ? keep : NULL;
}

int ag_rep_merge_open(struct ag_rep_merge *m, const struct ag_rep_record *rec,
                      struct ag_rep_sum_reader *r, int flags) {
  m->context = ag_rep_inputs_context(m->in, rec->origin);
  struct ag_rep_sum_columns *keep = ag_rep_merge_kept(m, rec);
  int fresh = keep && !keep->inflated;
  int status = ag_rep_sum_open_kept(r, rec->data, rec->size, m->context,
                                    rec->offset, flags, keep, m->err);
  if (fresh && keep->inflated)
    for (int c = 0; c < AG_SUMMARY_V5_COLUMN_COUNT; ++c)
      m->kept_bytes += keep->spans[c].size;
  if (status)
    ag_rep_merge_close(m, r);
  return status;
}

void ag_rep_merge_close(struct ag_rep_merge *m, struct ag_rep_sum_reader *r) {
  ag_rep_sum_close(r);
  free(m->context);
  m->context = NULL;
}

void ag_rep_merge_reset_strings(struct ag_rep_merge *m, uint32_t count) {
  ag_grow((void **)&m->string_map, &m->string_map_cap, count,
          sizeof(uint32_t));
  memset(m->string_map, 0xff, (size_t)count * sizeof(uint32_t));
}

uint32_t ag_rep_merge_string(struct ag_rep_merge *m,
                             const struct ag_rep_sum_reader *r, uint32_t i) {
  if (m->string_map[i] == AG_REP_NONE) {
    struct ag_rep_program *prog = m->prog;
    const char *s = ag_rep_arena_strndup(&prog->arena, r->strings[i].ptr,
                                         r->strings[i].len);
    AG_PUSH(prog->strings, prog->string_count, prog->string_cap, s);
    m->string_map[i] = (uint32_t)(prog->string_count - 1);
  }
  return m->string_map[i];
}

/* The call arrays were sized in pass 1 (every call of every record). */
static void ag_rep_append_call(struct ag_rep_merge *m, const uint32_t *map,
                               const struct ag_rep_sum_reader *r,
                               const struct ag_rep_sum_call *c) {
  struct ag_rep_program *prog = m->prog;
  size_t i = prog->call_count++;
  prog->call_target[i] = c->callee == AG_REP_NONE ? AG_REP_NONE : map[c->callee];
  prog->call_class[i] = c->kind; /* resolved by ag_rep_merge_resolve */
  prog->call_file[i] = c->file == AG_REP_NONE ? AG_REP_NONE
                                              : ag_rep_merge_string(m, r, c->file);
  prog->call_line[i] = c->line;
  prog->call_column[i] = c->column;
  /* A version 1 record has no keys: its calls stay unknown. */
  if (c->type_key != AG_REP_NONE) {
    struct ag_rep_icall *ic = &m->icall;
    struct ag_rep_icall_call x = {
        (uint32_t)i, ag_rep_icall_key(ic, prog, r, c->type_key),
        c->field_key == AG_REP_NONE ? AG_REP_NONE
                                    : ag_rep_icall_key(ic, prog, r, c->field_key),
        c->kind == AG_REP_KIND_VIRTUAL};
    AG_PUSH(ic->calls, ic->call_count, ic->call_cap, x);
  }
  if (c->why == AG_REP_NONE)
    return;
  uint32_t why = ag_rep_merge_string(m, r, c->why);
  if (prog->why_count == prog->why_cap) {
    prog->why_cap = prog->why_cap ? prog->why_cap * 2 : 64;
    prog->why_call = ag_xrealloc(prog->why_call, prog->why_cap * 4);
    prog->why_string = ag_xrealloc(prog->why_string, prog->why_cap * 4);
  }
  prog->why_call[prog->why_count] = (uint32_t)i;
  prog->why_string[prog->why_count++] = why;
}

int ag_rep_merge_calls(struct ag_rep_merge *m, uint32_t unit) {
  struct ag_rep_program *prog = m->prog;
  struct ag_rep_sum_reader r;
  if (ag_rep_merge_open(m, m->unit_rec[unit], &r, AG_REP_SUM_TRUSTED))
    return -1;
  ag_rep_sum_resume(&r, m->fn_linkage + m->fn_at[unit], m->calls_at[unit],
                    m->call_counts[unit]);
  ag_rep_merge_reset_strings(m, r.string_count);
  ag_rep_icall_begin_unit(&m->icall, r.string_count);
  const uint32_t *map = m->fn_map + m->fn_at[unit];
  /* Calls come grouped by caller: whether they are kept (the caller is
   * the definition kept for its symbol) is decided once per caller. */
  uint32_t last = AG_REP_NONE;
  struct ag_rep_node *node = NULL;
  int keep = 0, status = 0;
  struct ag_rep_sum_call c;
  while (r.calls_read < r.call_count) {
    if ((status = ag_rep_sum_call(&r, &c)))
      break;
    if (c.caller != last) {
      last = c.caller;
      node = &prog->nodes[map[c.caller]];
      keep = node->unit == unit && node->def_local == c.caller;
      if (keep)
        node->first_call = (uint32_t)prog->call_count;
    }
    if (keep) { /* else a discarded duplicate definition */
      node->call_count++;
      ag_rep_append_call(m, map, &r, &c);
    }
  }
  if (!status)
    status = ag_rep_icall_read_tables(&m->icall, prog, &r, map);
  if (!status)
    status = ag_rep_sum_finish(&r);
  ag_rep_merge_close(m, &r);
  /* The record's last read. */
  ag_rep_sum_columns_free(&m->kept[m->unit_rec[unit] - m->in->records]);
  return status;
}

/* A node's class as a callee: a user allocator allocates; a function
 * some unit defines is an edge; a declaration nobody defines is what the
 * writers' knowledge base says of it (version 2), else unknown. */
static uint8_t ag_rep_node_class(const struct ag_rep_node *n) {
  if (n->flags & AG_REP_FN_ALLOCATOR)
    return AG_REP_CALL_ALLOC;
  if (n->unit != AG_REP_NONE)
    return AG_REP_CALL_EDGE;
  if (n->flags & AG_REP_FN_KB_ALLOCATES)
    return AG_REP_CALL_ALLOC;
  if (n->flags & AG_REP_FN_KB_DEALLOCATES)
    return AG_REP_CALL_DEALLOC;
  if (n->flags & AG_REP_FN_KB_ALLOC_FREE)
    return AG_REP_CALL_NOTHING;
  return AG_REP_CALL_EXTERNAL;
}

/* Each call's class against the whole program, once, so searches from many
 * roots need not look at callee nodes. Callee classes are a byte per
 * node first, small enough to stay in cache while the calls stream by.
 * Indirect and virtual calls are resolved last (ag_rep_icall.c). */
int ag_rep_merge_resolve(struct ag_rep_merge *m) {
  struct ag_rep_program *prog = m->prog;
  uint8_t *node_class = ag_rep_xbig(prog->node_count ? prog->node_count : 1);
  for (size_t n = 0; n < prog->node_count; ++n)
    node_class[n] = ag_rep_node_class(&prog->nodes[n]);
  static const uint8_t by_kind[AG_REP_KIND_COUNT] = {
      [AG_REP_KIND_ALLOC] = AG_REP_CALL_ALLOC,
      [AG_REP_KIND_DEALLOC] = AG_REP_CALL_DEALLOC,
      [AG_REP_KIND_INDIRECT] = AG_REP_CALL_INDIRECT,
      [AG_REP_KIND_VIRTUAL] = AG_REP_CALL_VIRTUAL};
  for (size_t c = 0; c < prog->call_count; ++c) {
    uint8_t kind = prog->call_class[c];
    uint32_t target = prog->call_target[c];
    if (kind == AG_REP_KIND_CALL || kind == AG_REP_KIND_EXTERNAL)
      prog->call_class[c] = target == AG_REP_NONE ? AG_REP_CALL_EXTERNAL
                                                  : node_class[target];
    else
      prog->call_class[c] = by_kind[kind];
  }
  int status = ag_rep_icall_resolve(&m->icall, prog, node_class, m->err);
  free(node_class);
  return status;
}
