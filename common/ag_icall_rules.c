/* ag_icall_rules.c - indirect and virtual calls resolved by the rules of
 * ag_icall_rules.h, over one unit or the whole program.
 *
 * Targets are indexed twice (by field and by type), flows once each way;
 * which fields are open is one forward pass over the flows, and F(k) a
 * backward one per field that some call loads from. Calls that resolve
 * the same way share one set, built once.
 */
#include "ag_icall_rules.h"

#include "ag_alloc.h"
#include "ag_fnv1a.h"
#include "ag_summary_format.h"

#include <stdlib.h>
#include <string.h>

/* Compressed rows: the items of row k are items[first[k] .. first[k+1]). */
struct ag_rows {
  uint32_t *first, *items;
};

struct ag_set_key {
  uint32_t via, field, type;
};

struct ag_rules_state {
  const struct ag_rules_input *in;
  struct ag_rows by_field, by_type; /* targets' nodes */
  struct ag_rows by_field_type;     /* targets' types, by field */
  struct ag_rows flows_in, flows_out;
  uint32_t *scratch;                /* the block of the next seven */
  uint8_t *open;                    /* per key */
  uint32_t *field_set;              /* per key: set of F(k), or a mark */
  uint32_t *type_set;               /* per key: the set of rule 2 */
  uint32_t *type_alone;             /* per key: ag_rules_type_alone */
  uint32_t *node_stamp, *key_stamp, stamp;
  uint32_t *buf, *queue;
  size_t buf_count, buf_cap, nodes_cap, sets_cap;
  struct ag_set_slot {              /* set lookup, open addressing */
    struct ag_set_key key;
    uint32_t set;                   /* AG_KEY_NONE: a free slot */
  } *map;
  size_t map_cap, map_used;
};

enum { AG_FIELD_TODO = 0xffffffffu, AG_FIELD_OPEN = 0xfffffffeu,
       AG_FIELD_UNSEEN = 0xfffffffdu };

/* Rows over `keys` rows of `count` (row, item) pairs at offsets `row_at`
 * and `item_at` of each `stride`-byte element; rows AG_KEY_NONE are left
 * out. */
static void ag_rows_build(struct ag_rows *rows, size_t keys, size_t count,
                          const void *base, size_t stride, size_t row_at,
                          size_t item_at) {
  rows->first = ag_xcalloc(keys + 1, sizeof(uint32_t));
  rows->items = ag_xmalloc((count ? count : 1) * sizeof(uint32_t));
  const char *p = base;
  for (size_t i = 0; i < count; ++i) {
    uint32_t row;
    memcpy(&row, p + i * stride + row_at, 4);
    if (row != AG_KEY_NONE)
      rows->first[row + 1]++;
  }
  for (size_t k = 0; k < keys; ++k)
    rows->first[k + 1] += rows->first[k];
  uint32_t *fill = ag_xmalloc((keys ? keys : 1) * sizeof(uint32_t));
  memcpy(fill, rows->first, keys * sizeof(uint32_t));
  for (size_t i = 0; i < count; ++i) {
    uint32_t row, item;
    memcpy(&row, p + i * stride + row_at, 4);
    memcpy(&item, p + i * stride + item_at, 4);
    if (row != AG_KEY_NONE)
      rows->items[fill[row]++] = item;
  }
  free(fill);
}

static void ag_rows_free(struct ag_rows *rows) {
  free(rows->first);
  free(rows->items);
}

/* ---- collecting a set's nodes ------------------------------------------ */

static void ag_buf_add(struct ag_rules_state *s, uint32_t node) {
  if (s->node_stamp[node] == s->stamp)
    return;
  s->node_stamp[node] = s->stamp;
  AG_PUSH(s->buf, s->buf_count, s->buf_cap, node);
}

static void ag_buf_start(struct ag_rules_state *s) {
  s->buf_count = 0;
  if (++s->stamp == 0) { /* wrapped: old stamps would look current */
    memset(s->node_stamp, 0, s->in->node_count * sizeof(uint32_t));
    memset(s->key_stamp, 0, s->in->key_count * sizeof(uint32_t));
    s->stamp = 1;
  }
}

static int ag_u32_cmp(const void *a, const void *b) {
  uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
  return x < y ? -1 : x > y;
}

/* The collected nodes, sorted (deterministic whatever the input order),
 * appended to the rules' nodes; returns their first index. */
static uint32_t ag_buf_commit(struct ag_rules *rules) {
  struct ag_rules_state *s = rules->state;
  if (s->buf_count > 1)
    qsort(s->buf, s->buf_count, sizeof(uint32_t), ag_u32_cmp);
  uint32_t first = (uint32_t)rules->node_count;
  if (!s->buf_count)
    return first;
  ag_grow((void **)&rules->nodes, &s->nodes_cap,
          rules->node_count + s->buf_count, sizeof(uint32_t));
  memcpy(rules->nodes + first, s->buf, s->buf_count * sizeof(uint32_t));
  rules->node_count += s->buf_count;
  return first;
}

/* F(k): what is stored into k or into a field k receives from; only
 * targets of type `type` unless it is AG_KEY_NONE. */
static void ag_collect_field(struct ag_rules_state *s, uint32_t k,
                             uint32_t type) {
  size_t head = 0, tail = 0;
  s->key_stamp[k] = s->stamp;
  s->queue[tail++] = k;
  while (head < tail) {
    uint32_t f = s->queue[head++];
    for (uint32_t i = s->by_field.first[f]; i < s->by_field.first[f + 1]; ++i)
      if (type == AG_KEY_NONE || s->by_field_type.items[i] == type)
        ag_buf_add(s, s->by_field.items[i]);
    for (uint32_t i = s->flows_in.first[f]; i < s->flows_in.first[f + 1]; ++i) {
      uint32_t src = s->flows_in.items[i];
      if (src != AG_KEY_NONE && s->key_stamp[src] != s->stamp) {
        s->key_stamp[src] = s->stamp;
        s->queue[tail++] = src;
      }
    }
  }
}

/* The slot-only key of a vslot key ("vslot:6Effect:2" -> "vslot:2",
 * "vslot:2" itself), or AG_KEY_NONE when no input has it or `key` is no
 * vslot key. *classed: the key names a class. */
static uint32_t ag_vslot_any(const struct ag_rules_state *s, uint32_t key,
                             int *classed) {
  const struct ag_rules_input *in = s->in;
  const char *text = key == AG_KEY_NONE ? "" : in->key_text(in->ctx, key);
  const char *slot = ag_icall_vslot_number(text);
  *classed = 0;
  if (!slot)
    return AG_KEY_NONE;
  if (!ag_icall_vslot_has_class(text))
    return key;
  *classed = 1;
  size_t prefix = strlen(AG_SUMMARY_FIELD_VSLOT), len = strlen(slot);
  char *any = ag_xmalloc(prefix + len + 1);
  memcpy(any, AG_SUMMARY_FIELD_VSLOT, prefix);
  memcpy(any + prefix, slot, len + 1);
  uint32_t id = in->find_key(in->ctx, any, prefix + len);
  free(any);
  return id;
}

/* Rule 3: F of the class's slot with the call's type, plus the slot's
 * targets in vtables without RTTI; when the first is empty or there is
 * no class, F of the slot alone. */
static void ag_collect_virtual(struct ag_rules_state *s,
                               struct ag_rules_set *set) {
  int classed = 0;
  uint32_t any = ag_vslot_any(s, set->field, &classed);
  set->via = AG_VIA_VIRTUAL_ANY;
  if (classed) {
    ag_collect_field(s, set->field, set->type);
    size_t from_classes = s->buf_count;
    if (from_classes && any != AG_KEY_NONE)
      for (uint32_t i = s->by_field.first[any]; i < s->by_field.first[any + 1];
           ++i)
        if (s->by_field_type.items[i] == set->type)
          ag_buf_add(s, s->by_field.items[i]);
    if (s->buf_count) {
      set->via = s->buf_count > from_classes ? AG_VIA_VIRTUAL_NORTTI
                                             : AG_VIA_VIRTUAL;
      return;
    }
  }
  if (any != AG_KEY_NONE)
    ag_collect_field(s, any, set->type);
}

/* Fills the candidates of a new set. Sets of rule 2 share the nodes of
 * the first set of their type. */
static void ag_set_fill(struct ag_rules *rules, struct ag_rules_set *set) {
  struct ag_rules_state *s = rules->state;
  ag_buf_start(s);
  if (set->via == AG_VIA_FIELD) {
    ag_collect_field(s, set->field, AG_KEY_NONE);
  } else if (set->via == AG_VIA_VIRTUAL) {
    ag_collect_virtual(s, set);
  } else if (s->type_set[set->type] != AG_KEY_NONE) {
    const struct ag_rules_set *same = &rules->sets[s->type_set[set->type]];
    set->first = same->first;
    set->count = same->count;
    return;
  } else {
    for (uint32_t i = s->by_type.first[set->type];
         i < s->by_type.first[set->type + 1]; ++i)
      ag_buf_add(s, s->by_type.items[i]);
  }
  set->first = ag_buf_commit(rules);
  set->count = (uint32_t)s->buf_count;
}

/* ---- sets, made on first use ------------------------------------------- */

static uint64_t ag_set_hash(const struct ag_set_key *k) {
  return ag_fnv1a(AG_FNV1A_OFFSET_BASIS, k, sizeof(*k));
}

static void ag_map_grow(struct ag_rules_state *s) {
  size_t old = s->map_cap;
  struct ag_set_slot *slots = s->map;
  s->map_cap = old ? old * 2 : 256;
  s->map = ag_xmalloc(s->map_cap * sizeof(*slots));
  for (size_t i = 0; i < s->map_cap; ++i)
    s->map[i].set = AG_KEY_NONE;
  for (size_t i = 0; i < old; ++i) {
    if (slots[i].set == AG_KEY_NONE)
      continue;
    size_t j = ag_set_hash(&slots[i].key) & (s->map_cap - 1);
    while (s->map[j].set != AG_KEY_NONE)
      j = (j + 1) & (s->map_cap - 1);
    s->map[j] = slots[i];
  }
  free(slots);
}

/* The set for (via, field, type). */
static uint32_t ag_set_get(struct ag_rules *rules, uint8_t via, uint32_t field,
                           uint32_t type) {
  struct ag_rules_state *s = rules->state;
  if ((s->map_used + 1) * 2 > s->map_cap)
    ag_map_grow(s);
  struct ag_set_key key;
  memset(&key, 0, sizeof(key));
  key.via = via;
  key.field = field;
  key.type = via == AG_VIA_FIELD ? AG_KEY_NONE : type;
  size_t mask = s->map_cap - 1, j = ag_set_hash(&key) & mask;
  for (; s->map[j].set != AG_KEY_NONE; j = (j + 1) & mask)
    if (memcmp(&s->map[j].key, &key, sizeof(key)) == 0)
      return s->map[j].set;
  struct ag_rules_set set = {0, 0, field, type, via};
  ag_set_fill(rules, &set);
  uint32_t id = (uint32_t)rules->set_count;
  AG_PUSH(rules->sets, rules->set_count, s->sets_cap, set);
  if (via >= AG_VIA_TYPE && s->type_set[type] == AG_KEY_NONE)
    s->type_set[type] = id;
  s->map[j].key = key;
  s->map[j].set = id;
  s->map_used++;
  return id;
}

/* Rule 1's test for field k: the set of F(k) when k is closed and F(k)
 * is not empty, else why not (memoised per field). */
static uint32_t ag_field_state(struct ag_rules *rules, uint32_t k) {
  struct ag_rules_state *s = rules->state;
  if (s->field_set[k] != AG_FIELD_TODO)
    return s->field_set[k];
  if (s->open[k])
    return s->field_set[k] = AG_FIELD_OPEN;
  uint32_t set = ag_set_get(rules, AG_VIA_FIELD, k, AG_KEY_NONE);
  return s->field_set[k] = rules->sets[set].count ? set : AG_FIELD_UNSEEN;
}

uint32_t ag_rules_call(struct ag_rules *rules, int is_virtual, uint32_t type,
                       uint32_t field) {
  if (is_virtual)
    return ag_set_get(rules, AG_VIA_VIRTUAL, field, type);
  if (field == AG_KEY_NONE)
    return ag_set_get(rules, AG_VIA_TYPE, AG_KEY_NONE, type);
  uint32_t state = ag_field_state(rules, field);
  if (state == AG_FIELD_OPEN)
    return ag_set_get(rules, AG_VIA_TYPE_OPEN, field, type);
  if (state == AG_FIELD_UNSEEN)
    return ag_set_get(rules, AG_VIA_TYPE_UNSEEN, field, type);
  return state;
}

uint32_t ag_rules_type_alone(struct ag_rules *rules, uint32_t type) {
  struct ag_rules_state *s = rules->state;
  if (s->type_alone[type] == AG_KEY_NONE) {
    ag_buf_start(s);
    for (uint32_t i = s->by_type.first[type]; i < s->by_type.first[type + 1];
         ++i)
      ag_buf_add(s, s->by_type.items[i]);
    s->type_alone[type] = (uint32_t)s->buf_count;
    s->buf_count = 0;
  }
  return s->type_alone[type];
}

/* ---- setting up --------------------------------------------------------- */

/* Open fields: a flow without a source opens its field, and an open
 * field opens every field that receives from it. */
static void ag_mark_open(struct ag_rules_state *s) {
  size_t tail = 0;
  for (size_t i = 0; i < s->in->flow_count; ++i) {
    const struct ag_rules_flow *f = &s->in->flows[i];
    if (f->source == AG_KEY_NONE && !s->open[f->field]) {
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

void ag_rules_init(struct ag_rules *rules, const struct ag_rules_input *in) {
  memset(rules, 0, sizeof(*rules));
  struct ag_rules_state *s = ag_xcalloc(1, sizeof(*s));
  rules->state = s;
  s->in = in;
  size_t keys = in->key_count, n = in->target_count;
  const struct ag_rules_target *t = in->targets;
  ag_rows_build(&s->by_field, keys, n, t, sizeof(*t),
                offsetof(struct ag_rules_target, field),
                offsetof(struct ag_rules_target, node));
  ag_rows_build(&s->by_type, keys, n, t, sizeof(*t),
                offsetof(struct ag_rules_target, type),
                offsetof(struct ag_rules_target, node));
  ag_rows_build(&s->by_field_type, keys, n, t, sizeof(*t),
                offsetof(struct ag_rules_target, field),
                offsetof(struct ag_rules_target, type));
  const struct ag_rules_flow *f = in->flows;
  ag_rows_build(&s->flows_in, keys, in->flow_count, f, sizeof(*f),
                offsetof(struct ag_rules_flow, field),
                offsetof(struct ag_rules_flow, source));
  ag_rows_build(&s->flows_out, keys, in->flow_count, f, sizeof(*f),
                offsetof(struct ag_rules_flow, source),
                offsetof(struct ag_rules_flow, field));
  /* The per-key and per-node arrays in one block: the first three start
   * unset, the stamps and the open marks at zero. */
  size_t k1 = keys ? keys : 1, n1 = in->node_count ? in->node_count : 1;
  s->scratch = ag_xmalloc((5 * k1 + n1) * sizeof(uint32_t) + k1);
  memset(s->scratch, 0xff, 3 * k1 * sizeof(uint32_t));
  s->field_set = s->scratch;
  s->type_set = s->scratch + k1;
  s->type_alone = s->scratch + 2 * k1;
  s->key_stamp = s->scratch + 3 * k1;
  s->queue = s->scratch + 4 * k1;
  s->node_stamp = s->scratch + 5 * k1;
  s->open = (uint8_t *)(s->scratch + 5 * k1 + n1);
  memset(s->key_stamp, 0, k1 * sizeof(uint32_t));
  memset(s->node_stamp, 0, n1 * sizeof(uint32_t));
  memset(s->open, 0, k1);
  ag_mark_open(s);
}

void ag_rules_free(struct ag_rules *rules) {
  struct ag_rules_state *s = rules->state;
  if (s) {
    ag_rows_free(&s->by_field);
    ag_rows_free(&s->by_type);
    ag_rows_free(&s->by_field_type);
    ag_rows_free(&s->flows_in);
    ag_rows_free(&s->flows_out);
    free(s->scratch);
    free(s->buf);
    free(s->map);
    free(s);
  }
  free(rules->nodes);
  free(rules->sets);
  memset(rules, 0, sizeof(*rules));
}
