/* ag_icall_rules.h - the rules that turn an indirect or virtual call into
 * candidates, defined once: the plugin applies them to one translation
 * unit (plugin/ag_icall_resolve.c), allocguard-report to the whole program
 * (report/merge/ag_rep_icall.c). The rules, in prose:
 * docs/summary-format.md, "Indirect and virtual calls".
 *
 *   1. A call loaded from field k may call F(k): the functions stored into
 *      k or into a field k receives copies of, when k is closed (no field
 *      on the way receives values nobody can trace) and F(k) is not empty.
 *   2. Otherwise, and for calls through any other pointer, every
 *      address-taken function of the call's type.
 *   3. A virtual call on class C at slot n: the functions of its type in
 *      F(vslot:C:n) (subclasses flow into their bases), plus slot n of
 *      every vtable without RTTI; when that is empty or the class is not
 *      known, F(vslot:n), slot n of every vtable.
 *
 * Callers intern keys as small integers and functions as node numbers;
 * the rules see keys' text only to pair a class's slot with the slot of
 * any vtable. Calls that resolve the same way share one candidate set.
 */
#ifndef ALLOCGUARD_AG_ICALL_RULES_H
#define ALLOCGUARD_AG_ICALL_RULES_H

#include <stddef.h>
#include <stdint.h>

#define AG_KEY_NONE 0xffffffffu

/* Function `node`, of type key `type`, is stored into field key `field`
 * (AG_KEY_NONE: its address is taken another way). */
struct ag_rules_target {
  uint32_t node, type, field;
};
/* Field `field` receives what `source` holds; source AG_KEY_NONE: values
 * nobody can trace (the field is open). */
struct ag_rules_flow {
  uint32_t field, source;
};

/* How a call was followed, or why it has no candidate. */
enum ag_via {
  AG_VIA_FIELD,          /* the functions stored into its field (rule 1) */
  AG_VIA_VIRTUAL,        /* the overriders in its class and subclasses */
  AG_VIA_VIRTUAL_NORTTI, /* ... and the slot of vtables without RTTI */
  AG_VIA_VIRTUAL_ANY,    /* the slot of every vtable: no class, or no
                            vtable of its class is known */
  AG_VIA_TYPE,           /* every address-taken function of its type */
  AG_VIA_TYPE_OPEN,      /* ... because its field is open */
  AG_VIA_TYPE_UNSEEN,    /* ... because nothing is stored in its field */
};

/* A candidate set: nodes[first .. first + count) of the rules' nodes, in
 * node order. */
struct ag_rules_set {
  uint32_t first, count;
  uint32_t field, type; /* key ids, or AG_KEY_NONE */
  uint8_t via;          /* enum ag_via */
};

struct ag_rules_input {
  size_t key_count, node_count;
  const struct ag_rules_target *targets;
  size_t target_count;
  const struct ag_rules_flow *flows;
  size_t flow_count;
  /* A key's text, and the id of a text (AG_KEY_NONE when no input has
   * it), for vtable-slot keys only. */
  const char *(*key_text)(void *ctx, uint32_t key);
  uint32_t (*find_key)(void *ctx, const char *text, size_t len);
  void *ctx;
};

struct ag_rules_state;
struct ag_rules {
  uint32_t *nodes; /* every set's candidates; the caller may take it */
  size_t node_count;
  struct ag_rules_set *sets;
  size_t set_count;
  struct ag_rules_state *state;
};

/* Indexes the input (which must outlive `rules`). */
void ag_rules_init(struct ag_rules *rules, const struct ag_rules_input *input);
/* The set of a call through a pointer of type key `type` loaded from
 * `field` (a struct:, global: or static: key; a vslot: key when
 * `is_virtual`), made on first use. It may be empty: then its via says
 * why. */
uint32_t ag_rules_call(struct ag_rules *rules, int is_virtual, uint32_t type,
                       uint32_t field);
/* How many candidates the type alone would give (rule 2 for every call),
 * for statistics. */
uint32_t ag_rules_type_alone(struct ag_rules *rules, uint32_t type);
void ag_rules_free(struct ag_rules *rules);

/* ---- words ---------------------------------------------------------------
 * One vocabulary for the plugin's diagnostics and the report's notes. */

/* A key as users see it: `display` (a names table's) when not NULL, else
 * the key without its kind ("global:xmlMalloc" is 'xmlMalloc', a
 * static's unit is left out, "struct:struct.S#2" is 'struct.S#2'), and a
 * vtable slot's class ("vslot:6Effect:2" is '6Effect'). The caller frees
 * it. */
char *ag_icall_key_shown(const char *text, const char *display);
/* The slot number of a vslot key ("vslot:6Effect:2" -> "2"), or NULL for
 * other keys. */
const char *ag_icall_vslot_number(const char *key);
/* Nonzero when `key` is a vslot key that names a class. */
int ag_icall_vslot_has_class(const char *key);

struct ag_icall_note_in {
  uint8_t via;            /* the set's */
  uint32_t count;         /* the set's candidates */
  const char *type;       /* the call's pointer type, as shown */
  const char *field_key;  /* NULL: none */
  const char *field;      /* the field or class, as shown ("" for none) */
  const char *scope;      /* where nothing was found: "this translation
                             unit", "any input" */
};
/* "through 'z_stream.zalloc'", or why a call has no candidate. The
 * caller frees it. */
char *ag_icall_note(const struct ag_icall_note_in *in);

#endif /* ALLOCGUARD_AG_ICALL_RULES_H */
