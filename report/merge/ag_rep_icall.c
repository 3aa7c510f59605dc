/* ag_rep_icall.c - indirect and virtual calls resolved over the whole
 * program (ag_rep_icall.h): every unit's keys interned program-wide, then
 * the rules of common/ag_icall_rules.h, the plugin's own, applied once.
 */
#include "ag_rep_icall.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- collecting ------------------------------------------------------- */

void ag_rep_icall_begin_unit(struct ag_rep_icall *ic, uint32_t strings) {
  ag_grow((void **)&ic->key_map, &ic->key_map_cap, strings ? strings : 1,
          sizeof(uint32_t));
  memset(ic->key_map, 0xff, (size_t)strings * sizeof(uint32_t));
}

uint32_t ag_rep_icall_key(struct ag_rep_icall *ic, struct ag_rep_program *prog,
                          const struct ag_rep_sum_reader *r, uint32_t i) {
  if (ic->key_map[i] != AG_REP_NONE)
    return ic->key_map[i];
  const struct ag_rep_sv *sv = &r->strings[i];
  uint64_t hash = ag_rep_symtab_hash(sv->ptr, sv->len);
  size_t slot;
  uint32_t id = ag_rep_symtab_find(&ic->keytab, sv->ptr, sv->len, hash, &slot);
  if (id == AG_REP_NONE) {
    struct ag_rep_icall_key key = {
        ag_rep_arena_strndup(&prog->arena, sv->ptr, sv->len), NULL};
    id = (uint32_t)ic->key_count;
    AG_PUSH(ic->keys, ic->key_count, ic->key_cap, key);
    ag_rep_symtab_insert(&ic->keytab, slot, hash, key.text, id);
  }
  return ic->key_map[i] = id;
}

static uint32_t ag_rep_icall_opt_key(struct ag_rep_icall *ic,
                                     struct ag_rep_program *prog,
                                     const struct ag_rep_sum_reader *r,
                                     uint32_t i) {
  return i == AG_REP_NONE ? AG_REP_NONE : ag_rep_icall_key(ic, prog, r, i);
}

int ag_rep_icall_read_tables(struct ag_rep_icall *ic,
                             struct ag_rep_program *prog,
                             struct ag_rep_sum_reader *r, const uint32_t *map) {
  int status = ag_rep_sum_begin_targets(r);
  while (!status && r->table_read < r->table_count) {
    struct ag_rep_sum_target t;
    if ((status = ag_rep_sum_target(r, &t)))
      break;
    struct ag_rules_target x = {
        map[t.function], ag_rep_icall_key(ic, prog, r, t.type_key),
        ag_rep_icall_opt_key(ic, prog, r, t.field_key)};
    AG_PUSH(ic->targets, ic->target_count, ic->target_cap, x);
  }
  if (!status)
    status = ag_rep_sum_begin_flows(r);
  while (!status && r->table_read < r->table_count) {
    struct ag_rep_sum_flow f;
    if ((status = ag_rep_sum_flow(r, &f)))
      break;
    struct ag_rules_flow x = {
        ag_rep_icall_key(ic, prog, r, f.field_key),
        ag_rep_icall_opt_key(ic, prog, r, f.source_key)};
    AG_PUSH(ic->flows, ic->flow_count, ic->flow_cap, x);
  }
  if (!status)
    status = ag_rep_sum_begin_names(r);
  while (!status && r->table_read < r->table_count) {
    struct ag_rep_sum_name n;
    if ((status = ag_rep_sum_name(r, &n)))
      break;
    /* The first unit (in unit order) to name a key wins. */
    uint32_t id = ag_rep_icall_key(ic, prog, r, n.key); /* may move keys */
    struct ag_rep_icall_key *k = &ic->keys[id];
    if (!k->display)
      k->display = ag_rep_arena_strndup(&prog->arena, r->strings[n.display].ptr,
                                        r->strings[n.display].len);
  }
  return status;
}

void ag_rep_icall_free(struct ag_rep_icall *ic) {
  ag_rep_symtab_free(&ic->keytab);
  free(ic->keys);
  free(ic->key_map);
  free(ic->targets);
  free(ic->flows);
  free(ic->calls);
  memset(ic, 0, sizeof(*ic));
}

/* ---- resolution ------------------------------------------------------- */

static const char *ag_rep_icall_key_text(void *ctx, uint32_t key) {
  return ((const struct ag_rep_icall *)ctx)->keys[key].text;
}

static uint32_t ag_rep_icall_find_key(void *ctx, const char *text, size_t len) {
  struct ag_rep_icall *ic = ctx;
  size_t slot;
  return ag_rep_symtab_find(&ic->keytab, text, len,
                            ag_rep_symtab_hash(text, len), &slot);
}

/* A key as users see it, in the program's arena. */
static const char *ag_rep_key_shown(struct ag_rep_icall *ic,
                                    struct ag_rep_program *prog, uint32_t key) {
  if (key == AG_REP_NONE)
    return "";
  char *shown = ag_icall_key_shown(ic->keys[key].text, ic->keys[key].display);
  const char *kept = ag_rep_arena_strndup(&prog->arena, shown, strlen(shown));
  free(shown);
  return kept;
}

/* A candidate as searches meet it: by name as shown, then symbol, unit
 * and line, never by
 * node number, which follows the order functions have in their records
 * (summary version 6 reorders them). Equally short paths through a set
 * then end the same way whatever the records' order, and with them the
 * baselines' fingerprints. */
struct ag_rep_cand_key {
  const char *display, *symbol;
  uint32_t unit, line, node;
};

static int ag_rep_cand_cmp(const void *a, const void *b) {
  const struct ag_rep_cand_key *x = a, *y = b;
  int c = strcmp(x->display, y->display);
  if (!c)
    c = strcmp(x->symbol, y->symbol);
  if (c)
    return c;
  if (x->unit != y->unit)
    return x->unit < y->unit ? -1 : 1;
  if (x->line != y->line)
    return x->line < y->line ? -1 : 1;
  return x->node < y->node ? -1 : x->node > y->node;
}

static void ag_rep_order_candidates(const struct ag_rep_program *prog,
                                    uint32_t *nodes, uint32_t count) {
  struct ag_rep_cand_key *keys = ag_xmalloc((count ? count : 1) * sizeof *keys);
  for (uint32_t i = 0; i < count; ++i) {
    const struct ag_rep_node *n = &prog->nodes[nodes[i]];
    keys[i] = (struct ag_rep_cand_key){n->display ? n->display : n->symbol,
                                       n->symbol, n->unit, n->line, nodes[i]};
  }
  qsort(keys, count, sizeof *keys, ag_rep_cand_cmp);
  for (uint32_t i = 0; i < count; ++i)
    nodes[i] = keys[i].node;
  free(keys);
}

/* The program's candidate sets from the rules' sets: each with its note
 * (or the reason it is empty) and how many of its candidates are sites. */
static void ag_rep_take_sets(struct ag_rep_icall *ic,
                             struct ag_rep_program *prog,
                             struct ag_rules *rules,
                             const uint8_t *node_class) {
  prog->cand_count = rules->node_count;
  prog->cand_node = rules->nodes;
  rules->nodes = NULL;
  for (size_t i = 0; i < rules->set_count; ++i)
    if (rules->sets[i].count > 1)
      ag_rep_order_candidates(prog, prog->cand_node + rules->sets[i].first,
                              rules->sets[i].count);
  prog->cand_class = ag_xmalloc(prog->cand_count ? prog->cand_count : 1);
  for (size_t i = 0; i < prog->cand_count; ++i)
    prog->cand_class[i] = node_class[prog->cand_node[i]];
  prog->cset_count = rules->set_count;
  prog->csets = ag_xcalloc(rules->set_count ? rules->set_count : 1,
                           sizeof(*prog->csets));
  for (size_t i = 0; i < rules->set_count; ++i) {
    const struct ag_rules_set *set = &rules->sets[i];
    struct ag_rep_cset *c = &prog->csets[i];
    c->first = set->first;
    c->count = set->count;
    for (uint32_t j = c->first; j < c->first + c->count; ++j)
      if (prog->cand_class[j] != AG_REP_CALL_EDGE &&
          prog->cand_class[j] != AG_REP_CALL_NOTHING)
        c->sites++;
    struct ag_icall_note_in in = {
        set->via, set->count, ag_rep_key_shown(ic, prog, set->type),
        set->field == AG_REP_NONE ? NULL : ic->keys[set->field].text,
        ag_rep_key_shown(ic, prog, set->field), "any input"};
    char *text = ag_icall_note(&in);
    c->note = ag_rep_arena_strndup(&prog->arena, text, strlen(text));
    free(text);
  }
}

/* Unresolved calls' reasons join the knowledge base's explanations,
 * keeping the why table in call order (both lists are). */
static void ag_rep_merge_whys(struct ag_rep_program *prog, const uint32_t *calls,
                              const uint32_t *strings, size_t count) {
  if (!count)
    return;
  size_t total = prog->why_count + count, a = 0, b = 0, n = 0;
  uint32_t *wc = ag_xmalloc(total * sizeof(uint32_t));
  uint32_t *ws = ag_xmalloc(total * sizeof(uint32_t));
  while (a < prog->why_count || b < count) {
    if (b == count || (a < prog->why_count && prog->why_call[a] <= calls[b])) {
      if (b < count && prog->why_call[a] == calls[b])
        ++b; /* the knowledge base's own reason stays */
      wc[n] = prog->why_call[a];
      ws[n++] = prog->why_string[a++];
    } else {
      wc[n] = calls[b];
      ws[n++] = strings[b++];
    }
  }
  free(prog->why_call);
  free(prog->why_string);
  prog->why_call = wc;
  prog->why_string = ws;
  prog->why_count = prog->why_cap = n;
}

/* Each call's set; -1 with *err when the sets outgrow their bound. */
static int ag_rep_call_sets(struct ag_rep_icall *ic, struct ag_rules *rules,
                            uint32_t *set_of, struct ag_rep_error *err) {
  /* Sets are linear in the inputs in real programs (a field holds a few
   * functions); flows can make every field hold every target, so their
   * total is bounded: generously, relative to what was read. */
  size_t bound = 64 * (ic->target_count + ic->call_count) + ((size_t)1 << 24);
  for (size_t i = 0; i < ic->call_count; ++i) {
    const struct ag_rep_icall_call *c = &ic->calls[i];
    set_of[i] = ag_rules_call(rules, c->is_virtual, c->type, c->field);
    if (rules->node_count > bound)
      return ag_rep_fail(err, "indirect-call resolution needs more than %zu "
                         "candidates for %zu calls and %zu targets: the "
                         "summaries' flows make too many fields hold too "
                         "many functions (corrupt input?)", bound,
                         ic->call_count, ic->target_count);
  }
  return 0;
}

int ag_rep_icall_resolve(struct ag_rep_icall *ic, struct ag_rep_program *prog,
                         const uint8_t *node_class, struct ag_rep_error *err) {
  prog->icall_count = ic->call_count;
  if (!ic->call_count)
    return 0;
  struct ag_rules_input input = {
      ic->key_count, prog->node_count, ic->targets, ic->target_count,
      ic->flows, ic->flow_count, ag_rep_icall_key_text, ag_rep_icall_find_key,
      ic};
  struct ag_rules rules;
  ag_rules_init(&rules, &input);
  uint32_t *set_of = ag_xmalloc(ic->call_count * sizeof(uint32_t));
  int status = ag_rep_call_sets(ic, &rules, set_of, err);
  if (status) {
    free(set_of);
    ag_rules_free(&rules);
    return status;
  }
  ag_rep_take_sets(ic, prog, &rules, node_class);
  size_t why_count = 0;
  uint32_t *why_calls = ag_xmalloc(ic->call_count * sizeof(uint32_t));
  uint32_t *why_strings = ag_xmalloc(ic->call_count * sizeof(uint32_t));
  /* Reasons are program strings, one per empty set. */
  uint32_t *reason = ag_xmalloc(prog->cset_count * sizeof(uint32_t));
  memset(reason, 0xff, prog->cset_count * sizeof(uint32_t));
  for (size_t i = 0; i < ic->call_count; ++i) {
    const struct ag_rep_icall_call *c = &ic->calls[i];
    uint32_t set = set_of[i];
    const struct ag_rep_cset *cs = &prog->csets[set];
    if (cs->count) {
      prog->call_class[c->call] = AG_REP_CALL_RESOLVED;
      prog->call_target[c->call] = set;
      prog->icall_resolved++;
      prog->cand_edges += cs->count;
      prog->cand_edges_by_type += ag_rules_type_alone(&rules, c->type);
      continue;
    }
    if (reason[set] == AG_REP_NONE) {
      AG_PUSH(prog->strings, prog->string_count, prog->string_cap,
              cs->note);
      reason[set] = (uint32_t)(prog->string_count - 1);
    }
    why_calls[why_count] = c->call;
    why_strings[why_count++] = reason[set];
  }
  ag_rep_merge_whys(prog, why_calls, why_strings, why_count);
  free(why_calls);
  free(why_strings);
  free(reason);
  free(set_of);
  ag_rules_free(&rules);
  return 0;
}
