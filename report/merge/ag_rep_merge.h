/* ag_rep_merge.h - state shared by the merge's two passes: functions
 * (ag_rep_merge_functions.c) and calls (ag_rep_merge_calls.c), with the
 * ordering of units (ag_rep_program.c). Private to them.
 */
#ifndef ALLOCGUARD_AG_REP_MERGE_H
#define ALLOCGUARD_AG_REP_MERGE_H

#include "ag_rep_icall.h"

struct ag_rep_merge {
  struct ag_rep_program *prog;
  const struct ag_rep_inputs *in;
  const struct ag_rep_record **unit_rec; /* per unit, in unit order */
  size_t *fn_at;         /* per unit (+1): its first entry in fn_map */
  uint32_t *fn_map;      /* unit-local function -> node, all units */
  uint8_t *fn_linkage;   /* unit-local function -> linkage (pass 2 checks) */
  size_t *calls_at;      /* per unit: offset of its first call */
  uint32_t *call_counts; /* per unit */
  size_t total_calls;
  uint32_t *string_map;  /* unit-local string -> program string id */
  size_t string_map_cap;
  char *context;         /* of the open record, for its messages */
  struct ag_rep_icall icall; /* indirect calls, targets, flows, names */
  /* Per input record: its inflated columns (versions 5 and 6), kept from
   * the first read to the last, up to AG_REP_KEPT_BUDGET bytes in all;
   * records past it are inflated again at each read. */
  struct ag_rep_sum_columns *kept;
  size_t kept_bytes;
  struct ag_rep_error *err;
};

#define AG_REP_KEPT_BUDGET ((size_t)256 << 20)
/* The columns kept for `rec`, or NULL when it is not to keep them. */
struct ag_rep_sum_columns *ag_rep_merge_kept(struct ag_rep_merge *m,
                                             const struct ag_rep_record *rec);

/* One record is open at a time; ag_rep_merge_close ends it. */
int ag_rep_merge_open(struct ag_rep_merge *m, const struct ag_rep_record *rec,
                      struct ag_rep_sum_reader *r, int flags);
void ag_rep_merge_close(struct ag_rep_merge *m, struct ag_rep_sum_reader *r);
/* Program string ids for the open record's strings, copied on first use
 * (ag_rep_merge_reset_strings forgets the previous record's). */
void ag_rep_merge_reset_strings(struct ag_rep_merge *m, uint32_t count);
uint32_t ag_rep_merge_string(struct ag_rep_merge *m,
                             const struct ag_rep_sum_reader *r, uint32_t i);

/* Pass 1: a node for every function of every unit; fills fn_map,
 * fn_linkage, calls_at, call_counts, total_calls (fn_at is known). */
int ag_rep_merge_functions(struct ag_rep_merge *m);
/* Pass 2: appends the calls of the definitions pass 1 kept. */
int ag_rep_merge_calls(struct ag_rep_merge *m, uint32_t unit);
/* Then each call's class against the whole program, indirect and
 * virtual calls resolved (ag_rep_icall.h). */
int ag_rep_merge_resolve(struct ag_rep_merge *m);

#endif /* ALLOCGUARD_AG_REP_MERGE_H */
