/* ag_rep_program.h - the whole program: every unit's summary merged into
 * one call graph.
 *
 * External and weak symbols are resolved by name across units (one node
 * per symbol); internal functions get a node per unit. Of several weak
 * definitions the first in unit order is kept, a strong one replaces weak
 * ones, and a second strong one is kept aside as a warning. Units are
 * ordered by source path and record bytes and identical records are read
 * once, so the graph does not depend on the order of the inputs.
 *
 * Calls are flat arrays (structure of arrays) grouped by caller: a node's
 * calls are [first_call, first_call + call_count). No per-edge mallocs.
 */
#ifndef ALLOCGUARD_AG_REP_PROGRAM_H
#define ALLOCGUARD_AG_REP_PROGRAM_H

#include "ag_rep_input.h"
#include "ag_rep_summary.h"
#include "ag_rep_symtab.h"

/* A call's class once the whole program is known. The first five are
 * the finding kinds (enum ag_rep_finding_kind in ag_rep_analysis.h). */
enum ag_rep_call_class {
  AG_REP_CALL_ALLOC,
  AG_REP_CALL_DEALLOC,
  AG_REP_CALL_INDIRECT,
  AG_REP_CALL_VIRTUAL,
  AG_REP_CALL_EXTERNAL, /* to a function no unit defines */
  AG_REP_CALL_EDGE,     /* to a function some unit defines */
  AG_REP_CALL_RESOLVED, /* indirect or virtual: call_target is a cset */
  AG_REP_CALL_NOTHING,  /* to a declaration known not to allocate */
};

/* A candidate set: what the indirect and virtual calls that resolve the
 * same way may call. Shared by those calls, so a search looks at each set
 * once per root however many calls lead to it. */
struct ag_rep_cset {
  uint32_t first, count; /* candidates: cand_node/cand_class */
  uint32_t sites;        /* of them, not edges nor known harmless: each
                            call through the set is a site of each */
  const char *note;      /* "through 'z_stream.zalloc'", or why the set
                            is empty */
};

struct ag_rep_unit {
  const char *source;  /* as recorded by the compiler */
  const char *origin;  /* file it came from (first by name if several) */
  uint8_t debug;       /* compiled with debug info */
  uint32_t functions, calls; /* in its record */
};

struct ag_rep_node {
  const char *symbol;  /* linker name */
  const char *display; /* demangled */
  const char *file;    /* of the kept definition, or NULL */
  uint32_t line;
  uint32_t unit;       /* unit of the kept definition, AG_REP_NONE if none */
  uint32_t def_local;  /* its index in that unit's record */
  uint32_t first_call, call_count;
  uint8_t linkage;     /* of the kept definition; DECLARATION if none */
  uint8_t flags;       /* AG_REP_FN_*: root, allocator, KB classes */
};

/* Two strong definitions of one symbol: the first is kept. */
struct ag_rep_duplicate {
  uint32_t node, kept_unit, other_unit;
};

struct ag_rep_program {
  struct ag_rep_unit *units;
  size_t unit_count;
  struct ag_rep_node *nodes;
  size_t node_count, node_cap;
  /* Calls, by caller. */
  uint32_t *call_target;   /* node, or AG_REP_NONE (indirect, virtual) */
  uint8_t *call_class;     /* enum ag_rep_call_class */
  uint32_t *call_file;     /* string id or AG_REP_NONE */
  uint32_t *call_line, *call_column;
  size_t call_count, call_cap;
  /* Knowledge-base explanations are rare: (call, string id) pairs in call
   * order instead of a column for every call. */
  uint32_t *why_call, *why_string;
  size_t why_count, why_cap;
  const char **strings;    /* string ids -> text (files, explanations) */
  size_t string_count, string_cap;
  struct ag_rep_duplicate *duplicates;
  size_t duplicate_count, duplicate_cap;
  /* Indirect-call resolution (ag_rep_icall.c): candidate sets, and their
   * candidates' nodes and classes (enum ag_rep_call_class). */
  struct ag_rep_cset *csets;
  size_t cset_count;
  uint32_t *cand_node;
  uint8_t *cand_class;
  size_t cand_count;
  /* Counts for the summary line and --stats. */
  size_t icall_count, icall_resolved, cand_edges;
  size_t cand_edges_by_type; /* the same calls' pairs by their type alone */
  struct ag_rep_arena arena;
  struct ag_rep_symtab symtab;
};

/* Merges every record of `in` (which may be freed afterwards). Returns 0,
 * or -1 with *err naming the record and what is wrong with it. */
int ag_rep_program_build(struct ag_rep_program *prog,
                         const struct ag_rep_inputs *in,
                         struct ag_rep_error *err);
void ag_rep_program_free(struct ag_rep_program *prog);

/* The knowledge base's explanation for a call, or NULL. */
const char *ag_rep_program_why(const struct ag_rep_program *prog,
                               uint32_t call);
/* How a resolved call (class AG_REP_CALL_RESOLVED) was followed:
 * "through 'z_stream.zalloc'"; NULL for any other call. */
const char *ag_rep_program_via(const struct ag_rep_program *prog,
                               uint32_t call);
/* The source file of the unit defining `node`, or NULL. */
const char *ag_rep_program_unit_source(const struct ag_rep_program *prog,
                                       uint32_t node);

#endif /* ALLOCGUARD_AG_REP_PROGRAM_H */
