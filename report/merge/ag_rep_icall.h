/* ag_rep_icall.h - indirect and virtual calls resolved over the whole
 * program (docs/summary-format.md, "Indirect and virtual calls"; how the
 * report uses it: docs/report.md).
 *
 * The merge's second pass hands every unit's keys, targets, flows, names
 * and indirect calls to the collector below; once every unit is read,
 * ag_rep_icall_resolve turns each call into a candidate set (shared by
 * every call that resolves the same way) or leaves it unknown with the
 * reason. Keys are interned program-wide, so `struct:struct.S#2` written
 * by two units is one field. Private to the merge.
 */
#ifndef ALLOCGUARD_AG_REP_ICALL_H
#define ALLOCGUARD_AG_REP_ICALL_H

#include "ag_icall_rules.h"
#include "ag_rep_program.h"

struct ag_rep_icall_call {
  uint32_t call, type, field; /* program call; key ids */
  uint8_t is_virtual;
};

struct ag_rep_icall {
  struct ag_rep_symtab keytab; /* key text -> key id */
  struct ag_rep_icall_key {
    const char *text;          /* in the program's arena */
    const char *display;       /* from a names table, or NULL */
  } *keys;                     /* by key id */
  size_t key_count, key_cap;
  uint32_t *key_map;           /* open record's string -> key id, lazily */
  size_t key_map_cap;
  struct ag_rules_target *targets; /* node, key ids */
  size_t target_count, target_cap;
  struct ag_rules_flow *flows;     /* key ids */
  size_t flow_count, flow_cap;
  struct ag_rep_icall_call *calls;
  size_t call_count, call_cap;
};

/* Per record: forget the previous record's string -> key map. */
void ag_rep_icall_begin_unit(struct ag_rep_icall *ic, uint32_t strings);
/* The key id of the open record's string `i`. */
uint32_t ag_rep_icall_key(struct ag_rep_icall *ic, struct ag_rep_program *prog,
                          const struct ag_rep_sum_reader *r, uint32_t i);
/* Reads the open record's targets, flows and names (after its calls);
 * `map` is its function -> node map. */
int ag_rep_icall_read_tables(struct ag_rep_icall *ic,
                             struct ag_rep_program *prog,
                             struct ag_rep_sum_reader *r, const uint32_t *map);
/* Resolves the collected calls: their class becomes AG_REP_CALL_RESOLVED
 * (call_target: a cset) or stays indirect/virtual with a reason in the
 * why table. `node_class` is each node's class as a callee. Returns -1
 * with *err when the candidate sets would outgrow their bound (a hostile
 * input: flows can make every field hold every target). */
int ag_rep_icall_resolve(struct ag_rep_icall *ic, struct ag_rep_program *prog,
                         const uint8_t *node_class, struct ag_rep_error *err);
void ag_rep_icall_free(struct ag_rep_icall *ic);

#endif /* ALLOCGUARD_AG_REP_ICALL_H */
