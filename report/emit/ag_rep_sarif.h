/* ag_rep_sarif.h - SARIF for code scanning at scale (docs/report.md,
 * "SARIF"): one result per site, whichever roots reach it, within the
 * limits GitHub code scanning documents for an upload:
 * https://docs.github.com/en/code-security/code-scanning/troubleshooting-sarif-uploads/results-exceed-limit
 * https://docs.github.com/en/code-security/code-scanning/troubleshooting-sarif-uploads/file-too-large
 * Private to the SARIF writer (ag_rep_emit_sarif.c and its helpers) and
 * the options' defaults.
 */
#ifndef ALLOCGUARD_AG_REP_SARIF_H
#define ALLOCGUARD_AG_REP_SARIF_H

#include "ag_rep_view.h"

/* Defaults of --sarif-max-results, --sarif-max-gzip, --sarif-max-paths. */
#define AG_REP_SARIF_MAX_RESULTS 25000 /* results per run code scanning takes */
#define AG_REP_SARIF_MAX_GZIP 10000000 /* under its 10 MB per gzipped upload */
#define AG_REP_SARIF_MAX_PATHS 10
/* Fixed bounds per result: code scanning keeps 100 locations and 1,000
 * thread flow locations of a result (it rejects 1,000 and 10,000). */
#define AG_REP_SARIF_RELATED 100
#define AG_REP_SARIF_FLOW_LOCATIONS 1000
/* Roots named (and linked) in a result's message. */
#define AG_REP_SARIF_NAMED 5

#define AG_REP_SARIF_FINGERPRINT "allocguardSite/v1"

/*===-- Rules (ag_rep_sarif_rules.c) -------------------------------------===*/

struct ag_rep_sarif_rule {
  const char *id, *name, *level, *anchor, *short_text, *full_text, *help;
};
/* AG1001 allocation, AG1002 deallocation, AG1003 unknown call. */
#define AG_REP_SARIF_RULES 3
unsigned ag_rep_sarif_rule_of(unsigned kind);
const struct ag_rep_sarif_rule *ag_rep_sarif_rule(unsigned index);
/* "tool": {"driver": {... "rules": [...]}}, with helpUri and help. */
void ag_rep_sarif_driver(struct ag_rep_out *o, const struct ag_rep_report *rep);

/*===-- Sites (ag_rep_sarif_sites.c) -------------------------------------===*/

/* The findings of one site (same kind, call and callee), one per root
 * that reaches it, in the pass's order. */
struct ag_rep_sarif_site {
  uint32_t first, count;    /* into the members array */
  uint32_t status[3];       /* members per enum ag_rep_status */
  uint32_t in_baseline;     /* members listed in the baseline */
  unsigned tier;            /* 0 violations, 1 unknown calls, 2 suppressed */
  uint32_t order;           /* pass position of its first member */
};

struct ag_rep_sarif_sites {
  struct ag_rep_sarif_site *sites; /* in the order results are written */
  size_t count;
  uint32_t *members;               /* finding indices */
};

/* Groups `findings` (indices, in the pass's order) by site. */
void ag_rep_sarif_sites_build(struct ag_rep_sarif_sites *out,
                              const struct ag_rep_results *res,
                              const uint32_t *findings, size_t n);
void ag_rep_sarif_sites_free(struct ag_rep_sarif_sites *s);

/*===-- One result (ag_rep_sarif_result.c) -------------------------------===*/

/* Scratch reused from result to result. Zero-initialise it. */
struct ag_rep_sarif_scratch {
  struct ag_rep_viewer viewer;
  struct ag_rep_textbuf text; /* a message */
};
/* The site's result, members[0 .. site->count) its findings, into `o`. */
void ag_rep_sarif_result(struct ag_rep_sarif_scratch *s, struct ag_rep_out *o,
                         const struct ag_rep_report *rep,
                         const struct ag_rep_sarif_site *site,
                         const uint32_t *members);
void ag_rep_sarif_scratch_free(struct ag_rep_sarif_scratch *s);
/* An output that appends to `b`, emptied first. */
struct ag_rep_out ag_rep_sarif_into(struct ag_rep_textbuf *b);
/* "key": {"text": "..."} */
void ag_rep_sarif_text(struct ag_rep_out *o, const char *key, const char *text);

/*===-- Compressed size (ag_rep_gzsize.c) --------------------------------===*/

struct ag_rep_gzsize;
/* NULL when zlib cannot start (out of memory). */
struct ag_rep_gzsize *ag_rep_gzsize_new(void);
/* Compresses `data` (as gzip -6 would), counting the output. */
void ag_rep_gzsize_add(struct ag_rep_gzsize *z, const char *data, size_t len);
/* At least the size of the gzip file of everything added so far, if it
 * ended now: what is out, plus a bound on what deflate still holds. */
uint64_t ag_rep_gzsize_bound(const struct ag_rep_gzsize *z);
void ag_rep_gzsize_free(struct ag_rep_gzsize *z);

#endif /* ALLOCGUARD_AG_REP_SARIF_H */
