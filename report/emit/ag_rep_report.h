/* ag_rep_report.h - what emitters see, and the one pass that drives them.
 *
 * ag_rep_emit goes over the results once: begin, one `root` event per
 * root (in name order), one `finding` event per finding (allocations and
 * deallocations of every root first, then unknown calls), end. Each event
 * goes to every output at once, each with its own write callback, so
 * text, JSON, SARIF, markdown, DOT and the baseline come from the same
 * pass and cannot disagree.
 */
#ifndef ALLOCGUARD_AG_REP_REPORT_H
#define ALLOCGUARD_AG_REP_REPORT_H

#include "ag_rep_analysis.h"
#include "ag_rep_paths.h"
#include "ag_rep_suppress.h"
#include "ag_rep_writer.h"

#define AG_REP_TOOL "allocguard-report"

/* A message about the run, not a finding (an input without a summary, an
 * unused suppression): its severity, set where it is raised, and its
 * words. */
enum ag_rep_severity { AG_REP_WARNING, AG_REP_ERROR };
struct ag_rep_message {
  enum ag_rep_severity severity;
  char *text; /* worded, without the severity */
};

struct ag_rep_report {
  const struct ag_rep_program *prog;
  const struct ag_rep_results *res;
  const struct ag_rep_paths *paths;
  const struct ag_rep_suppressions *sups; /* may be NULL */
  const char *version;
  int dealloc, unknown;   /* categories reported */
  int fail_unknown;       /* --fail-on-unknown */
  const char *fail_on;    /* any, new, none */
  const char *baseline;   /* file read with --baseline, or NULL */
  int failed;             /* the gate's verdict: exit status 1 */
  const struct ag_rep_message *messages; /* about the run, sorted by text */
  size_t message_count;
  /* SARIF's limits (--sarif-max-*, ag_rep_sarif.h); 0: none. */
  uint64_t sarif_max_results, sarif_max_gzip, sarif_max_paths;
};

/* One hop of a path: a call from `caller` (to `callee`, a node, or
 * AG_REP_NONE for indirect and virtual calls allocguard cannot follow). */
struct ag_rep_hop {
  uint32_t call, caller, callee;
  const char *via;     /* a call through a pointer: "through 'S.f'" */
  const char *file;    /* shown path; without debug info the unit's */
  int has_loc;         /* file/line/column come from debug info */
  uint32_t line, column;
  const char *note;    /* "'mix' calls 'helper'", last: "..., which allocates" */
};

struct ag_rep_view {
  const struct ag_rep_finding *f;
  uint32_t index;           /* in ag_rep_results.findings */
  const struct ag_rep_root *root;
  const struct ag_rep_hop *hops;
  uint32_t hop_count;
  const char *why;          /* the knowledge base's reason, or NULL */
  const char *message;      /* "alloc_free function 'r' may allocate: ..." */
  const char *flag;         /* "allocguard", "allocguard-dealloc", ... */
  const char *justification; /* of the suppression, when suppressed */
  int is_worst;             /* the root's path to show first */
  /* Findings shown as this one (ag_rep_group.h): unknown calls reached
   * through the same call in the root, `f` (the nearest) first. A
   * violation is alone; `clash` when another of its root's would read
   * the same, so the message names its site. */
  const uint32_t *members;  /* finding indices */
  uint32_t member_count;
  int clash;
  const struct ag_rep_hop *also; /* sites of the next few members */
  uint32_t also_count;
};

/* Members of an unknown group shown beside the first. */
#define AG_REP_ALSO_SHOWN 3

struct ag_rep_emitter {
  void *(*begin)(struct ag_rep_out *out, const struct ag_rep_report *rep);
  void (*root)(void *state, const struct ag_rep_report *rep, uint32_t index);
  void (*finding)(void *state, const struct ag_rep_report *rep,
                  const struct ag_rep_view *view);
  void (*end)(void *state, const struct ag_rep_report *rep); /* frees */
};

extern const struct ag_rep_emitter ag_rep_emit_text, ag_rep_emit_json,
    ag_rep_emit_sarif, ag_rep_emit_markdown, ag_rep_emit_dot,
    ag_rep_emit_baseline;

struct ag_rep_sink {
  const struct ag_rep_emitter *emitter;
  struct ag_rep_out out;
  void *state;
};

void ag_rep_emit(const struct ag_rep_report *rep, struct ag_rep_sink *sinks,
                 size_t count);

/* Shared wording. */
const char *ag_rep_kind_name(unsigned kind);   /* "allocation", ... */
const char *ag_rep_status_name(unsigned status); /* "new", ... */
const char *ag_rep_node_name(const struct ag_rep_report *rep, uint32_t node);
/* Shown path of a root's definition (its unit's source without -g). */
const char *ag_rep_root_file(const struct ag_rep_report *rep,
                             const struct ag_rep_root *root);
/* A root's findings that count: not suppressed, and not in the baseline. */
uint32_t ag_rep_root_new(const struct ag_rep_root *root, int violations);

#endif /* ALLOCGUARD_AG_REP_REPORT_H */
