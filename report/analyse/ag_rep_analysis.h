/* ag_rep_analysis.h - what each root reaches in the merged program.
 *
 * Breadth-first from every root over call edges; every allocation,
 * deallocation and unfollowable call in a reached function is a finding
 * for that root, once per (root, site), with the shortest path. Paths are
 * not copied per finding: each root's search keeps a tree of the hops that
 * lead to findings, and a finding points at the tree entry of its caller,
 * so memory stays linear in the functions reached. Roots are searched on
 * several threads; results come out in root order all the same.
 */
#ifndef ALLOCGUARD_AG_REP_ANALYSIS_H
#define ALLOCGUARD_AG_REP_ANALYSIS_H

#include "ag_rep_program.h"

/* AG_REP_FIND_ALLOC, _DEALLOC, _INDIRECT, _VIRTUAL, _EXTERNAL (no unit
 * defines the callee), in the order of common/ag_finding_kinds.def. */
enum ag_rep_finding_kind {
#define AG_FINDING_SCOPE ""
#define AG_FINDING_KIND(id, name, flag, does, may, gates) AG_REP_FIND_##id,
#include "ag_finding_kinds.def"
#undef AG_FINDING_KIND
#undef AG_FINDING_SCOPE
  AG_REP_FIND_KINDS
};
#define AG_REP_IS_VIOLATION(kind) ((kind) <= AG_REP_FIND_DEALLOC)

enum ag_rep_status {
  AG_REP_STATUS_NEW,        /* not in the baseline */
  AG_REP_STATUS_BASELINED,  /* matched a baseline entry */
  AG_REP_STATUS_SUPPRESSED, /* matched a suppression */
};

/* A hop of some root's path tree: `node` was first reached by `call`. */
struct ag_rep_entry {
  uint32_t call, node;
  uint32_t parent;  /* entry of the caller, AG_REP_NONE for the root */
  uint32_t depth;   /* hops from the root to `node` */
  uint64_t hash;    /* fingerprint state after `node` (docs/report.md) */
};

struct ag_rep_finding {
  uint64_t fingerprint;
  uint64_t site;        /* the site's own: its caller, the kind, the callee
                           and the ordinal, without the root and the path
                           (SARIF's one result per site, docs/report.md) */
  uint32_t root;        /* index into ag_rep_results.roots */
  uint32_t call;        /* the site: the path's last hop */
  uint32_t callee;      /* node it calls (through a pointer, one of the
                           candidates), or AG_REP_NONE */
  uint32_t entry;       /* entry of the site's caller; NONE: the root */
  uint32_t path_len;    /* hops, the site included */
  uint32_t suppression; /* index of the matching suppression, or NONE */
  uint8_t kind;         /* enum ag_rep_finding_kind */
  uint8_t status;       /* enum ag_rep_status */
  uint8_t in_baseline;  /* listed in the baseline (even if suppressed) */
};

struct ag_rep_root {
  uint32_t node;
  uint32_t first, count; /* its findings */
  /* Filled by ag_rep_results_tally: findings per kind and status. */
  uint32_t tally[AG_REP_FIND_KINDS][3];
  uint32_t worst;        /* first new allocation, else deallocation: the
                            shortest path to show; AG_REP_NONE if none */
};

struct ag_rep_analysis_options {
  int dealloc;  /* report deallocations */
  int unknown;  /* report unknown calls */
  const char *const *root_names; /* extra roots by name (plugin rules) */
  size_t root_name_count;
  unsigned jobs; /* threads searching from roots; 0: one per online CPU */
};

struct ag_rep_results {
  struct ag_rep_root *roots;
  size_t root_count;
  struct ag_rep_finding *findings;
  size_t count, cap;
  struct ag_rep_entry *entries;
  size_t entry_count, entry_cap;
  uint32_t tally[AG_REP_FIND_KINDS][3]; /* over all roots */
  /* Calls allocguard cannot follow reached from any root, each once
   * (counted even with --no-unknown): the summary line's figure. */
  size_t unfollowed;
  uint8_t *root_name_used; /* per root_names entry: matched a function */
};

void ag_rep_analyze(const struct ag_rep_program *prog,
                    const struct ag_rep_analysis_options *opts,
                    struct ag_rep_results *out);
/* Recounts per-root and total tallies after statuses changed. */
void ag_rep_results_tally(struct ag_rep_results *res);
/* The finding's calls, root first, into `calls`, and the node each
 * calls into `callees` (path_len entries each): a call through a pointer
 * has several candidates, so the callee is the path's, not the call's. */
void ag_rep_results_path(const struct ag_rep_results *res,
                         const struct ag_rep_finding *f, uint32_t *calls,
                         uint32_t *callees);
void ag_rep_results_free(struct ag_rep_results *res);

/* The stable name of a node in fingerprints and suppressions' eyes:
 * its symbol, prefixed by its unit's file name when it is internal. */
uint64_t ag_rep_node_key_hash(const struct ag_rep_program *prog,
                              uint32_t node, uint64_t state);

#endif /* ALLOCGUARD_AG_REP_ANALYSIS_H */
