/* ag_rep_icall.c - indirect and virtual calls resolved over the whole
 * program (ag_rep_icall.h): the resolution rules of
 * docs/summary-format.md, applied once to every unit's keys.
 *
 * Targets are indexed twice (by field and by type), flows once each way;
 * which fields are open is one forward pass over the flows, and F(k) a
 * backward one per field that some call loads from. Calls that resolve
 * the same way share one candidate set, built once.
 */
#include "ag_rep_icall.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- collecting ------------------------------------------------------- */

void ag_rep_icall_begin_unit(struct ag_rep_icall *ic, uint32_t strings) {
  ag_rep_grow((void **)&ic->key_map, &ic->key_map_cap, strings ? strings : 1,
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
    AG_REP_PUSH(ic->keys, ic->key_count, ic->key_cap, key);
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
    struct ag_rep_icall_target x = {
        map[t.function], ag_rep_icall_key(ic, prog, r, t.type_key),
        ag_rep_icall_opt_key(ic, prog, r, t.field_key)};
    AG_REP_PUSH(ic->targets, ic->target_count, ic->target_cap, x);
  }
  if (!status)
    status = ag_rep_sum_begin_flows(r);
  while (!status && r->table_read < r->table_count) {
    struct ag_rep_sum_flow f;
    if ((status = ag_rep_sum_flow(r, &f)))
      break;
    struct ag_rep_icall_flow x = {
        ag_rep_icall_key(ic, prog, r, f.field_key),
        ag_rep_icall_opt_key(ic, prog, r, f.source_key)};
    AG_REP_PUSH(ic->flows, ic->flow_count, ic->flow_cap, x);
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

/* ---- indexes ---------------------------------------------------------- */

/* Compressed rows: the items of row k are items[first[k] .. first[k+1]). */
struct ag_rep_rows {
  uint32_t *first, *items;
};

/* Rows over `keys` rows of `count` (row, item) pairs given by `row_of`
 * and `item_of` on index i; rows with row AG_REP_NONE are left out. */
static void ag_rep_rows_build(struct ag_rep_rows *rows, size_t keys, size_t count,
                              const void *base, size_t stride, size_t row_at,
                              size_t item_at) {
  rows->first = ag_rep_xcalloc(keys + 1, sizeof(uint32_t));
  rows->items = ag_rep_xmalloc((count ? count : 1) * sizeof(uint32_t));
  const char *p = base;
  for (size_t i = 0; i < count; ++i) {
    uint32_t row;
    memcpy(&row, p + i * stride + row_at, 4);
    if (row != AG_REP_NONE)
      rows->first[row + 1]++;
  }
  for (size_t k = 0; k < keys; ++k)
    rows->first[k + 1] += rows->first[k];
  uint32_t *fill = ag_rep_xmalloc((keys ? keys : 1) * sizeof(uint32_t));
  memcpy(fill, rows->first, keys * sizeof(uint32_t));
  for (size_t i = 0; i < count; ++i) {
    uint32_t row, item;
    memcpy(&row, p + i * stride + row_at, 4);
    memcpy(&item, p + i * stride + item_at, 4);
    if (row != AG_REP_NONE)
      rows->items[fill[row]++] = item;
  }
  free(fill);
}

static void ag_rep_rows_free(struct ag_rep_rows *rows) {
  free(rows->first);
  free(rows->items);
}

/* ---- candidate sets --------------------------------------------------- */

struct ag_rep_cset_key {
  uint32_t via, field, type;
};

struct ag_rep_resolver {
  struct ag_rep_icall *ic;
  struct ag_rep_program *prog;
  const uint8_t *node_class;
  struct ag_rep_rows by_field, by_type; /* targets' nodes */
  struct ag_rep_rows by_field_type;     /* targets' types, by field */
  struct ag_rep_rows flows_in, flows_out;
  uint8_t *open;                        /* per key */
  uint32_t *field_set;                  /* per key: cset of F(k), or a mark */
  uint32_t *type_first, *type_count;    /* per key: candidates by type */
  uint32_t *type_alone;                 /* per key: --stats' first layer */
  uint32_t *node_stamp, *key_stamp, stamp;
  uint32_t *buf, *queue;
  size_t buf_count, buf_cap, cand_cap, cset_cap;
  struct ag_rep_cset_key *map_keys;     /* cset lookup, open addressing */
  uint32_t *map_sets;
  size_t map_cap, map_used;
};

enum { AG_REP_FIELD_TODO = 0xffffffffu, AG_REP_FIELD_OPEN = 0xfffffffeu,
       AG_REP_FIELD_UNSEEN = 0xfffffffdu };

/* A key as users see it: the names table's, else the key without its
 * kind ("global:xmlMalloc" is 'xmlMalloc', a static's unit is left out,
 * "struct:struct.S#2" is 'struct.S#2'). */
static const char *ag_rep_key_shown(const struct ag_rep_resolver *s,
                                    uint32_t key) {
  const struct ag_rep_icall_key *k = &s->ic->keys[key];
  if (k->display)
    return k->display;
  static const char *const kinds[] = {AG_SUMMARY_FIELD_GLOBAL,
                                      AG_SUMMARY_FIELD_STRUCT};
  for (size_t i = 0; i < sizeof(kinds) / sizeof(kinds[0]); ++i)
    if (strncmp(k->text, kinds[i], strlen(kinds[i])) == 0)
      return k->text + strlen(kinds[i]);
  if (strncmp(k->text, AG_SUMMARY_FIELD_STATIC,
              strlen(AG_SUMMARY_FIELD_STATIC)) == 0)
    return strrchr(k->text, ':') + 1;
  return k->text;
}

/* A vslot key's class as users see it: the names table's, else the
 * mangled class ("vslot:6Effect:2" is '6Effect'). */
static const char *ag_rep_class_shown(struct ag_rep_resolver *s, uint32_t key) {
  const struct ag_rep_icall_key *k = &s->ic->keys[key];
  if (k->display)
    return k->display;
  const char *text = k->text + strlen(AG_SUMMARY_FIELD_VSLOT);
  const char *colon = strrchr(text, ':');
  return colon ? ag_rep_arena_strndup(&s->prog->arena, text,
                                      (size_t)(colon - text))
               : k->text;
}

static void ag_rep_buf_add(struct ag_rep_resolver *s, uint32_t node) {
  if (s->node_stamp[node] == s->stamp)
    return;
  s->node_stamp[node] = s->stamp;
  AG_REP_PUSH(s->buf, s->buf_count, s->buf_cap, node);
}

static void ag_rep_buf_start(struct ag_rep_resolver *s) {
  s->buf_count = 0;
  if (++s->stamp == 0) { /* wrapped: old stamps would look current */
    memset(s->node_stamp, 0, s->prog->node_count * sizeof(uint32_t));
    memset(s->key_stamp, 0, s->ic->key_count * sizeof(uint32_t));
    s->stamp = 1;
  }
}

static int ag_rep_u32_cmp(const void *a, const void *b) {
  uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
  return x < y ? -1 : x > y;
}

/* The collected nodes, sorted (node order is unit order: deterministic),
 * appended as candidates; returns their first index. */
static uint32_t ag_rep_buf_commit(struct ag_rep_resolver *s) {
  struct ag_rep_program *prog = s->prog;
  if (s->buf_count > 1)
    qsort(s->buf, s->buf_count, sizeof(uint32_t), ag_rep_u32_cmp);
  size_t need = prog->cand_count + s->buf_count;
  if (need > s->cand_cap) {
    size_t cap = s->cand_cap;
    ag_rep_grow((void **)&prog->cand_node, &cap, need, sizeof(uint32_t));
    cap = s->cand_cap;
    ag_rep_grow((void **)&prog->cand_class, &cap, need, 1);
    s->cand_cap = cap;
  }
  uint32_t first = (uint32_t)prog->cand_count;
  for (size_t i = 0; i < s->buf_count; ++i) {
    prog->cand_node[prog->cand_count] = s->buf[i];
    prog->cand_class[prog->cand_count++] = s->node_class[s->buf[i]];
  }
  return first;
}

/* F(k): what is stored into k or into a field k receives from; only
 * targets of type `type` unless it is AG_REP_NONE. */
static void ag_rep_collect_field(struct ag_rep_resolver *s, uint32_t k,
                                 uint32_t type) {
  size_t head = 0, tail = 0;
  s->key_stamp[k] = s->stamp;
  s->queue[tail++] = k;
  while (head < tail) {
    uint32_t f = s->queue[head++];
    for (uint32_t i = s->by_field.first[f]; i < s->by_field.first[f + 1]; ++i)
      if (type == AG_REP_NONE || s->by_field_type.items[i] == type)
        ag_rep_buf_add(s, s->by_field.items[i]);
    for (uint32_t i = s->flows_in.first[f]; i < s->flows_in.first[f + 1]; ++i) {
      uint32_t src = s->flows_in.items[i];
      if (src != AG_REP_NONE && s->key_stamp[src] != s->stamp) {
        s->key_stamp[src] = s->stamp;
        s->queue[tail++] = src;
      }
    }
  }
}

/* The slot-only key of a vslot key ("vslot:6Effect:2" -> "vslot:2",
 * "vslot:2" itself), or AG_REP_NONE when no input mentions it or `key`
 * is no vslot key. *classed: the key names a class. */
static uint32_t ag_rep_vslot_any(struct ag_rep_resolver *s, uint32_t key,
                                 int *classed) {
  size_t len = strlen(AG_SUMMARY_FIELD_VSLOT);
  const char *text = key == AG_REP_NONE ? "" : s->ic->keys[key].text;
  *classed = 0;
  if (strncmp(text, AG_SUMMARY_FIELD_VSLOT, len) != 0)
    return AG_REP_NONE;
  const char *colon = strrchr(text + len, ':');
  if (!colon)
    return key;
  *classed = 1;
  char *any = ag_rep_xasprintf("%s%s", AG_SUMMARY_FIELD_VSLOT, colon + 1);
  size_t slot;
  size_t n = strlen(any);
  uint32_t id = ag_rep_symtab_find(&s->ic->keytab, any, n,
                                   ag_rep_symtab_hash(any, n), &slot);
  free(any);
  return id;
}

/* A virtual call's candidates (docs/summary-format.md, rule 4): F of its
 * class's slot with its type, plus the slot's targets in vtables without
 * RTTI; when the first is empty (no vtable names the class, or the key
 * is wrong) or it has no class, F of the slot alone. */
static void ag_rep_collect_virtual(struct ag_rep_resolver *s,
                                   struct ag_rep_cset *c) {
  int classed = 0;
  uint32_t any = ag_rep_vslot_any(s, c->field, &classed);
  c->via = AG_REP_VIA_VIRTUAL_ANY;
  if (classed) {
    ag_rep_collect_field(s, c->field, c->type);
    size_t from_classes = s->buf_count;
    if (from_classes && any != AG_REP_NONE)
      for (uint32_t i = s->by_field.first[any]; i < s->by_field.first[any + 1];
           ++i)
        if (s->by_field_type.items[i] == c->type)
          ag_rep_buf_add(s, s->by_field.items[i]);
    if (s->buf_count) {
      c->via = s->buf_count > from_classes ? AG_REP_VIA_VIRTUAL_NORTTI
                                           : AG_REP_VIA_VIRTUAL;
      return;
    }
  }
  if (any != AG_REP_NONE)
    ag_rep_collect_field(s, any, c->type);
}

/* Fills the candidates of a new set. */
static void ag_rep_cset_fill(struct ag_rep_resolver *s, struct ag_rep_cset *c) {
  ag_rep_buf_start(s);
  if (c->via == AG_REP_VIA_FIELD) {
    ag_rep_collect_field(s, c->field, AG_REP_NONE);
  } else if (c->via == AG_REP_VIA_VIRTUAL) {
    ag_rep_collect_virtual(s, c);
  } else if (s->type_first[c->type] != AG_REP_NONE) { /* shared by type */
    c->first = s->type_first[c->type];
    c->count = s->type_count[c->type];
    return;
  } else {
    for (uint32_t i = s->by_type.first[c->type];
         i < s->by_type.first[c->type + 1]; ++i)
      ag_rep_buf_add(s, s->by_type.items[i]);
  }
  c->first = ag_rep_buf_commit(s);
  c->count = (uint32_t)s->buf_count;
  if (c->via >= AG_REP_VIA_TYPE) {
    s->type_first[c->type] = c->first;
    s->type_count[c->type] = c->count;
  }
}

/* The slot number of a vslot key: what follows its last ':'. */
static const char *ag_rep_vslot_number(const struct ag_rep_resolver *s,
                                       uint32_t key) {
  const char *text = s->ic->keys[key].text;
  return strrchr(text, ':') + 1;
}

/* The note of a resolved set, or the reason a set is empty. */
static char *ag_rep_cset_text(struct ag_rep_resolver *s,
                              const struct ag_rep_cset *c) {
  const char *type = c->type == AG_REP_NONE ? "" : ag_rep_key_shown(s, c->type);
  const char *field = c->field == AG_REP_NONE ? "" : ag_rep_key_shown(s, c->field);
  if (c->via >= AG_REP_VIA_VIRTUAL && c->via <= AG_REP_VIA_VIRTUAL_ANY &&
      c->field != AG_REP_NONE)
    field = ag_rep_class_shown(s, c->field);
  if (c->count) {
    switch (c->via) {
    case AG_REP_VIA_FIELD:
      return ag_rep_xasprintf("through '%s'", field);
    case AG_REP_VIA_VIRTUAL:
      return ag_rep_xasprintf("through a virtual call on '%s'", field);
    case AG_REP_VIA_VIRTUAL_NORTTI:
      return ag_rep_xasprintf("through a virtual call on '%s' (or slot %s of "
                              "a vtable built without RTTI)", field,
                              ag_rep_vslot_number(s, c->field));
    case AG_REP_VIA_VIRTUAL_ANY: {
      int classed = 0;
      ag_rep_vslot_any(s, c->field, &classed);
      const char *slot = ag_rep_vslot_number(s, c->field);
      return classed ? ag_rep_xasprintf("through a virtual call on '%s' (slot "
                                        "%s of any vtable: none with RTTI is "
                                        "of '%s' or a subclass)", field, slot,
                                        field)
                     : ag_rep_xasprintf("through a virtual call (slot %s of "
                                        "any vtable: allocguard cannot tell "
                                        "the object's class)", slot);
    }
    case AG_REP_VIA_TYPE:
      return ag_rep_xasprintf("through a pointer of type '%s'", type);
    case AG_REP_VIA_TYPE_OPEN:
      return ag_rep_xasprintf("through a pointer of type '%s' ('%s' also holds "
                              "pointers allocguard cannot trace)", type, field);
    default:
      return ag_rep_xasprintf("through a pointer of type '%s' (allocguard saw "
                              "nothing stored in '%s')", type, field);
    }
  }
  if (c->via >= AG_REP_VIA_VIRTUAL && c->via <= AG_REP_VIA_VIRTUAL_ANY) {
    const char *key = c->field == AG_REP_NONE ? "" : s->ic->keys[c->field].text;
    size_t len = strlen(AG_SUMMARY_FIELD_VSLOT);
    return strncmp(key, AG_SUMMARY_FIELD_VSLOT, len) != 0
               ? ag_rep_xasprintf("no vtable slot is recorded for it")
               : ag_rep_xasprintf("no function of type '%s' is in vtable slot "
                                  "%s of any input", type,
                                  ag_rep_vslot_number(s, c->field));
  }
  const char *none = "no function of type '%s' has its address taken in any "
                     "input";
  char *tail = ag_rep_xasprintf(none, type);
  char *text = c->via == AG_REP_VIA_TYPE_OPEN
                   ? ag_rep_xasprintf("'%s' holds pointers allocguard cannot "
                                      "trace, and %s", field, tail)
               : c->via == AG_REP_VIA_TYPE_UNSEEN
                   ? ag_rep_xasprintf("nothing is stored in '%s', and %s", field,
                                      tail)
                   : NULL;
  if (!text)
    return tail;
  free(tail);
  return text;
}

static uint64_t ag_rep_cset_hash(const struct ag_rep_cset_key *k) {
  return ag_rep_hash_bytes(k, sizeof(*k));
}

static void ag_rep_map_grow(struct ag_rep_resolver *s) {
  size_t old = s->map_cap;
  struct ag_rep_cset_key *keys = s->map_keys;
  uint32_t *sets = s->map_sets;
  s->map_cap = old ? old * 2 : 256;
  s->map_keys = ag_rep_xmalloc(s->map_cap * sizeof(*keys));
  s->map_sets = ag_rep_xmalloc(s->map_cap * sizeof(uint32_t));
  memset(s->map_sets, 0xff, s->map_cap * sizeof(uint32_t));
  for (size_t i = 0; i < old; ++i) {
    if (sets[i] == AG_REP_NONE)
      continue;
    size_t j = ag_rep_cset_hash(&keys[i]) & (s->map_cap - 1);
    while (s->map_sets[j] != AG_REP_NONE)
      j = (j + 1) & (s->map_cap - 1);
    s->map_keys[j] = keys[i];
    s->map_sets[j] = sets[i];
  }
  free(keys);
  free(sets);
}

/* The set for (via, field, type), made on first use. */
static uint32_t ag_rep_cset_get(struct ag_rep_resolver *s, uint8_t via,
                                uint32_t field, uint32_t type) {
  if ((s->map_used + 1) * 2 > s->map_cap)
    ag_rep_map_grow(s);
  struct ag_rep_cset_key key;
  memset(&key, 0, sizeof(key));
  key.via = via;
  key.field = field;
  key.type = via == AG_REP_VIA_FIELD ? AG_REP_NONE : type;
  size_t mask = s->map_cap - 1, j = ag_rep_cset_hash(&key) & mask;
  for (; s->map_sets[j] != AG_REP_NONE; j = (j + 1) & mask)
    if (memcmp(&s->map_keys[j], &key, sizeof(key)) == 0)
      return s->map_sets[j];
  struct ag_rep_program *prog = s->prog;
  struct ag_rep_cset c;
  memset(&c, 0, sizeof(c));
  c.via = via;
  c.field = field;
  c.type = type;
  ag_rep_cset_fill(s, &c);
  for (uint32_t i = c.first; i < c.first + c.count; ++i)
    if (prog->cand_class[i] != AG_REP_CALL_EDGE &&
        prog->cand_class[i] != AG_REP_CALL_NOTHING)
      c.sites++;
  char *text = ag_rep_cset_text(s, &c);
  c.note = ag_rep_arena_strndup(&prog->arena, text, strlen(text));
  free(text);
  uint32_t id = (uint32_t)prog->cset_count;
  AG_REP_PUSH(prog->csets, prog->cset_count, s->cset_cap, c);
  s->map_keys[j] = key;
  s->map_sets[j] = id;
  s->map_used++;
  return id;
}

/* Rule 2's test for field k: F(k) when k is closed and F(k) is not
 * empty, else why not (memoised per field). */
static uint32_t ag_rep_field_state(struct ag_rep_resolver *s, uint32_t k) {
  if (s->field_set[k] != AG_REP_FIELD_TODO)
    return s->field_set[k];
  if (s->open[k])
    return s->field_set[k] = AG_REP_FIELD_OPEN;
  uint32_t set = ag_rep_cset_get(s, AG_REP_VIA_FIELD, k, AG_REP_NONE);
  return s->field_set[k] = s->prog->csets[set].count ? set
                                                     : AG_REP_FIELD_UNSEEN;
}

/* Open fields: a flow without a source opens its field, and an open
 * field opens every field that receives from it. */
static void ag_rep_mark_open(struct ag_rep_resolver *s) {
  size_t tail = 0;
  for (size_t i = 0; i < s->ic->flow_count; ++i) {
    const struct ag_rep_icall_flow *f = &s->ic->flows[i];
    if (f->source == AG_REP_NONE && !s->open[f->field]) {
      s->open[f->field] = 1;
      s->queue[tail++] = f->field;
    }
  }
  for (size_t head = 0; head < tail; ++head) {
    uint32_t k = s->queue[head];
    for (uint32_t i = s->flows_out.first[k]; i < s->flows_out.first[k + 1]; ++i) {
      uint32_t to = s->flows_out.items[i];
      if (!s->open[to]) {
        s->open[to] = 1;
        s->queue[tail++] = to;
      }
    }
  }
}

static void ag_rep_resolver_init(struct ag_rep_resolver *s,
                                 struct ag_rep_icall *ic,
                                 struct ag_rep_program *prog,
                                 const uint8_t *node_class) {
  memset(s, 0, sizeof(*s));
  s->ic = ic;
  s->prog = prog;
  s->node_class = node_class;
  size_t keys = ic->key_count, n = ic->target_count;
  const struct ag_rep_icall_target *t = ic->targets;
  size_t st = sizeof(*t);
  ag_rep_rows_build(&s->by_field, keys, n, t, st,
                    offsetof(struct ag_rep_icall_target, field),
                    offsetof(struct ag_rep_icall_target, node));
  ag_rep_rows_build(&s->by_type, keys, n, t, st,
                    offsetof(struct ag_rep_icall_target, type),
                    offsetof(struct ag_rep_icall_target, node));
  ag_rep_rows_build(&s->by_field_type, keys, n, t, st,
                    offsetof(struct ag_rep_icall_target, field),
                    offsetof(struct ag_rep_icall_target, type));
  const struct ag_rep_icall_flow *f = ic->flows;
  ag_rep_rows_build(&s->flows_in, keys, ic->flow_count, f, sizeof(*f),
                    offsetof(struct ag_rep_icall_flow, field),
                    offsetof(struct ag_rep_icall_flow, source));
  ag_rep_rows_build(&s->flows_out, keys, ic->flow_count, f, sizeof(*f),
                    offsetof(struct ag_rep_icall_flow, source),
                    offsetof(struct ag_rep_icall_flow, field));
  size_t k1 = keys ? keys : 1;
  s->open = ag_rep_xcalloc(k1, 1);
  s->field_set = ag_rep_xmalloc(k1 * sizeof(uint32_t));
  memset(s->field_set, 0xff, k1 * sizeof(uint32_t));
  s->type_first = ag_rep_xmalloc(k1 * sizeof(uint32_t));
  memset(s->type_first, 0xff, k1 * sizeof(uint32_t));
  s->type_count = ag_rep_xcalloc(k1, sizeof(uint32_t));
  s->type_alone = ag_rep_xmalloc(k1 * sizeof(uint32_t));
  memset(s->type_alone, 0xff, k1 * sizeof(uint32_t));
  s->key_stamp = ag_rep_xcalloc(k1, sizeof(uint32_t));
  s->queue = ag_rep_xmalloc(k1 * sizeof(uint32_t));
  s->node_stamp = ag_rep_xcalloc(prog->node_count ? prog->node_count : 1,
                                 sizeof(uint32_t));
  ag_rep_mark_open(s);
}

static void ag_rep_resolver_free(struct ag_rep_resolver *s) {
  ag_rep_rows_free(&s->by_field);
  ag_rep_rows_free(&s->by_type);
  ag_rep_rows_free(&s->by_field_type);
  ag_rep_rows_free(&s->flows_in);
  ag_rep_rows_free(&s->flows_out);
  free(s->open);
  free(s->field_set);
  free(s->type_first);
  free(s->type_count);
  free(s->type_alone);
  free(s->key_stamp);
  free(s->queue);
  free(s->node_stamp);
  free(s->buf);
  free(s->map_keys);
  free(s->map_sets);
}

/* ---- resolution ------------------------------------------------------- */

/* The set a call resolves to (rules 2 to 4; it may be empty: rule 5). */
static uint32_t ag_rep_call_set(struct ag_rep_resolver *s,
                                const struct ag_rep_icall_call *c) {
  if (c->is_virtual)
    return ag_rep_cset_get(s, AG_REP_VIA_VIRTUAL, c->field, c->type);
  if (c->field == AG_REP_NONE)
    return ag_rep_cset_get(s, AG_REP_VIA_TYPE, AG_REP_NONE, c->type);
  uint32_t state = ag_rep_field_state(s, c->field);
  if (state == AG_REP_FIELD_OPEN)
    return ag_rep_cset_get(s, AG_REP_VIA_TYPE_OPEN, c->field, c->type);
  if (state == AG_REP_FIELD_UNSEEN)
    return ag_rep_cset_get(s, AG_REP_VIA_TYPE_UNSEEN, c->field, c->type);
  return state;
}

/* How many candidates the type alone would give a call (every
 * address-taken function of its type, the first layer), for --stats to set
 * beside what the field and class layers give. Counted once per type. */
static uint32_t ag_rep_type_alone(struct ag_rep_resolver *s, uint32_t type) {
  if (s->type_alone[type] == AG_REP_NONE) {
    ag_rep_buf_start(s);
    for (uint32_t i = s->by_type.first[type]; i < s->by_type.first[type + 1];
         ++i)
      ag_rep_buf_add(s, s->by_type.items[i]);
    s->type_alone[type] = (uint32_t)s->buf_count;
    s->buf_count = 0;
  }
  return s->type_alone[type];
}

/* Unresolved calls' reasons join the knowledge base's explanations,
 * keeping the why table in call order (both lists are). */
static void ag_rep_merge_whys(struct ag_rep_program *prog, const uint32_t *calls,
                              const uint32_t *strings, size_t count) {
  if (!count)
    return;
  size_t total = prog->why_count + count, a = 0, b = 0, n = 0;
  uint32_t *wc = ag_rep_xmalloc(total * sizeof(uint32_t));
  uint32_t *ws = ag_rep_xmalloc(total * sizeof(uint32_t));
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

int ag_rep_icall_resolve(struct ag_rep_icall *ic, struct ag_rep_program *prog,
                         const uint8_t *node_class, struct ag_rep_error *err) {
  prog->icall_count = ic->call_count;
  if (!ic->call_count)
    return 0;
  struct ag_rep_resolver s;
  ag_rep_resolver_init(&s, ic, prog, node_class);
  size_t unresolved = ic->call_count, why_count = 0;
  uint32_t *why_calls = ag_rep_xmalloc(unresolved * sizeof(uint32_t));
  uint32_t *why_strings = ag_rep_xmalloc(unresolved * sizeof(uint32_t));
  /* Reasons are program strings, one per empty set. */
  uint32_t *reason = NULL;
  size_t reason_cap = 0;
  /* Sets are linear in the inputs in real programs (a field holds a few
   * functions); flows can make every field hold every target, so their
   * total is bounded: generously, relative to what was read. */
  size_t bound = 64 * (ic->target_count + ic->call_count) + ((size_t)1 << 24);
  int status = 0;
  for (size_t i = 0; i < ic->call_count; ++i) {
    const struct ag_rep_icall_call *c = &ic->calls[i];
    uint32_t set = ag_rep_call_set(&s, c);
    if (prog->cand_count > bound) {
      status = ag_rep_fail(err, "indirect-call resolution needs more than %zu "
                           "candidates for %zu calls and %zu targets: the "
                           "summaries' flows make too many fields hold too "
                           "many functions (corrupt input?)", bound,
                           ic->call_count, ic->target_count);
      break;
    }
    const struct ag_rep_cset *cs = &prog->csets[set];
    if (cs->count) {
      prog->call_class[c->call] = AG_REP_CALL_RESOLVED;
      prog->call_target[c->call] = set;
      prog->icall_resolved++;
      prog->cand_edges += cs->count;
      prog->cand_edges_by_type += ag_rep_type_alone(&s, c->type);
      continue;
    }
    if (set >= reason_cap) {
      size_t old = reason_cap;
      ag_rep_grow((void **)&reason, &reason_cap, set + 1, sizeof(uint32_t));
      memset(reason + old, 0xff, (reason_cap - old) * sizeof(uint32_t));
    }
    if (reason[set] == AG_REP_NONE) {
      AG_REP_PUSH(prog->strings, prog->string_count, prog->string_cap,
                  cs->note);
      reason[set] = (uint32_t)(prog->string_count - 1);
    }
    why_calls[why_count] = c->call;
    why_strings[why_count++] = reason[set];
  }
  if (!status)
    ag_rep_merge_whys(prog, why_calls, why_strings, why_count);
  free(why_calls);
  free(why_strings);
  free(reason);
  ag_rep_resolver_free(&s);
  return status;
}
