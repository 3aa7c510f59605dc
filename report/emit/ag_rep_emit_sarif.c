/* ag_rep_emit_sarif.c - SARIF 2.1.0 for code scanning: one result per
 * site (ag_rep_sarif.h) at the allocating call, naming the roots that
 * reach it; each root as a related location, the first roots' paths as
 * code flows, a fingerprint of the site alone, URIs relative to SRCROOT.
 * The findings come from the one pass; they are written at its end,
 * grouped, within --sarif-max-results and --sarif-max-gzip, and what the
 * limits leave out is said in the run and on stderr. */
#include "ag_rep_sarif.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct ag_rep_sarif {
  struct ag_rep_out *out;
  struct ag_rep_gzsize *gz; /* NULL: no size check */
  uint32_t *findings;       /* in the pass's order */
  size_t count, cap;
  struct ag_rep_sarif_scratch scratch; /* for ag_rep_sarif_result */
  struct ag_rep_textbuf text; /* the notifications */
  struct ag_rep_textbuf part; /* a result, or the header, before it is out */
};

/* What is written goes through the size meter too. */
static void ag_rep_sarif_emit(struct ag_rep_sarif *s,
                              const struct ag_rep_textbuf *b) {
  if (s->gz)
    ag_rep_gzsize_add(s->gz, b->data, b->len);
  ag_rep_putn(s->out, b->data, b->len);
}

static void *ag_rep_sarif_begin(struct ag_rep_out *out,
                                const struct ag_rep_report *rep) {
  struct ag_rep_sarif *s = ag_xcalloc(1, sizeof(*s));
  s->out = out;
  s->gz = rep->sarif_max_gzip ? ag_rep_gzsize_new() : NULL;
  struct ag_rep_out o = ag_rep_sarif_into(&s->part);
  ag_rep_put(&o, "{\n  \"$schema\": \"https://json.schemastore.org/"
                 "sarif-2.1.0.json\",\n  \"version\": \"2.1.0\",\n"
                 "  \"runs\": [\n    {\n");
  ag_rep_sarif_driver(&o, rep);
  ag_rep_put(&o, "      \"originalUriBaseIds\": {\"SRCROOT\": {\"uri\": \"");
  ag_rep_paths_root_uri(&o, rep->paths);
  ag_rep_put(&o, "\"}},\n      \"columnKind\": \"unicodeCodePoints\",\n"
                 "      \"results\": [");
  ag_rep_sarif_emit(s, &s->part);
  return s;
}

static void ag_rep_sarif_root(void *state, const struct ag_rep_report *rep,
                              uint32_t index) {
  (void)state;
  (void)rep;
  (void)index;
}

/* Every finding the pass shows, members of unknown groups included:
 * SARIF regroups them by site at the end. */
static void ag_rep_sarif_finding(void *state, const struct ag_rep_report *rep,
                                 const struct ag_rep_view *v) {
  struct ag_rep_sarif *s = state;
  (void)rep;
  for (uint32_t i = 0; i < v->member_count; ++i)
    AG_PUSH(s->findings, s->count, s->cap, v->members[i]);
}

/* What the limits left out, for the run's notification and stderr. */
struct ag_rep_sarif_cut {
  size_t written, total;
  uint32_t left[AG_REP_SARIF_RULES]; /* per rule */
  const char *limit;                 /* the option that cut, or NULL */
  uint64_t value;
};

static char *ag_rep_sarif_cut_text(const struct ag_rep_sarif_cut *c) {
  return ag_xasprintf(
      "%zu of %zu results left out of this SARIF file (%" PRIu32
      " allocation, %" PRIu32 " deallocation and %" PRIu32 " unknown-call "
      "sites): %s=%" PRIu64 " (%s). Results come in order: allocations and "
      "deallocations, calls allocguard cannot follow, then sites whose every "
      "finding is suppressed. Every finding is in the --json report; "
      "--sarif-max-results=0 --sarif-max-gzip=0 writes every result.",
      c->total - c->written, c->total, c->left[0], c->left[1], c->left[2],
      c->limit, c->value,
      strcmp(c->limit, "--sarif-max-results")
          ? "the file would be larger than that gzip-compressed; code "
            "scanning accepts 10 MB"
          : "code scanning accepts 25,000 results per run");
}

/* The results that fit the limits, written; what was cut in *cut. */
static void ag_rep_sarif_results(struct ag_rep_sarif *s,
                                 const struct ag_rep_report *rep,
                                 const struct ag_rep_sarif_sites *sites,
                                 size_t tail, struct ag_rep_sarif_cut *cut) {
  memset(cut, 0, sizeof(*cut));
  cut->total = sites->count;
  size_t k = 0;
  for (; k < sites->count; ++k) {
    const struct ag_rep_sarif_site *site = &sites->sites[k];
    if (rep->sarif_max_results && k == rep->sarif_max_results) {
      cut->limit = "--sarif-max-results";
      cut->value = rep->sarif_max_results;
      break;
    }
    struct ag_rep_out o = ag_rep_sarif_into(&s->part);
    if (k)
      ag_rep_put(&o, ",");
    ag_rep_sarif_result(&s->scratch, &o, rep, site,
                        sites->members + site->first);
    if (s->gz) {
      ag_rep_gzsize_add(s->gz, s->part.data, s->part.len);
      if (ag_rep_gzsize_bound(s->gz) + tail > rep->sarif_max_gzip) {
        cut->limit = "--sarif-max-gzip";
        cut->value = rep->sarif_max_gzip;
        break;
      }
    }
    ag_rep_putn(s->out, s->part.data, s->part.len);
  }
  cut->written = k;
  for (; k < sites->count; ++k) {
    const struct ag_rep_sarif_site *site = &sites->sites[k];
    cut->left[ag_rep_sarif_rule_of(
        rep->res->findings[sites->members[site->first]].kind)]++;
  }
}

static void ag_rep_sarif_notification(struct ag_rep_out *o, size_t i,
                                      enum ag_rep_severity severity,
                                      const char *text) {
  ag_rep_printf(o, "%s        {\"level\": \"%s\", ", i ? ",\n" : "\n",
                severity == AG_REP_ERROR ? "error" : "warning");
  ag_rep_sarif_text(o, "message", text);
  ag_rep_put(o, "}");
}

static void ag_rep_sarif_end(void *state, const struct ag_rep_report *rep) {
  struct ag_rep_sarif *s = state;
  struct ag_rep_sarif_sites sites;
  ag_rep_sarif_sites_build(&sites, rep->res, s->findings, s->count);
  /* The tail without the cut's notification, for the size check: its
   * bytes count uncompressed, and the notification at most 1 KiB. */
  struct ag_rep_out o = ag_rep_sarif_into(&s->text);
  for (size_t i = 0; i < rep->message_count; ++i)
    ag_rep_sarif_notification(&o, i, rep->messages[i].severity,
                              rep->messages[i].text);
  size_t tail = s->text.len + 1024;
  struct ag_rep_sarif_cut cut;
  ag_rep_sarif_results(s, rep, &sites, tail, &cut);
  char *cut_text = cut.limit ? ag_rep_sarif_cut_text(&cut) : NULL;
  o = ag_rep_sarif_into(&s->part);
  ag_rep_put(&o, cut.written ? "\n      ],\n" : "],\n");
  ag_rep_put(&o, "      \"invocations\": [{\"executionSuccessful\": true, "
                 "\"toolExecutionNotifications\": [");
  for (size_t i = 0; i < rep->message_count; ++i)
    ag_rep_sarif_notification(&o, i, rep->messages[i].severity,
                              rep->messages[i].text);
  if (cut_text)
    ag_rep_sarif_notification(&o, rep->message_count, AG_REP_WARNING,
                              cut_text);
  ag_rep_printf(&o, "]}],\n      \"properties\": {\"results\": %zu, "
                "\"resultsWritten\": %zu}\n    }\n  ]\n}\n", cut.total,
                cut.written);
  ag_rep_sarif_emit(s, &s->part);
  if (cut_text) /* never silently */
    fprintf(stderr, AG_REP_TOOL ": warning: %s\n", cut_text);
  free(cut_text);
  ag_rep_sarif_sites_free(&sites);
  ag_rep_gzsize_free(s->gz);
  ag_rep_sarif_scratch_free(&s->scratch);
  free(s->findings);
  free(s->text.data);
  free(s->part.data);
  free(s);
}

const struct ag_rep_emitter ag_rep_emit_sarif = {
    ag_rep_sarif_begin, ag_rep_sarif_root, ag_rep_sarif_finding,
    ag_rep_sarif_end};
