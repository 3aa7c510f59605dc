/* ag_rep_emit_json.c - the whole-program JSON report (schema
 * "allocguard-report", version 1, docs/report-schema.md). Shaped like
 * the plugin's per-TU report (plugin/ag_json.c), plus units, statuses,
 * fingerprints and a separate list of unknown calls. */
#include "ag_rep_report.h"

#include <stdlib.h>

#define AG_REP_JSON_SCHEMA "allocguard-report"
#define AG_REP_JSON_VERSION 1

/* The pass sends roots, then violations, then unknown calls: each is one
 * array of the document, opened as the first event of its kind comes. */
enum { AG_REP_JSON_ROOTS, AG_REP_JSON_FINDINGS, AG_REP_JSON_UNKNOWN };
static const char *const ag_rep_json_arrays[] = {"roots", "findings",
                                                 "unknown_calls"};

struct ag_rep_json {
  struct ag_rep_out *out;
  int section;
  size_t items; /* in the open array */
};

static void ag_rep_json_key(struct ag_rep_out *o, const char *key,
                            const char *value) {
  ag_rep_put(o, "\"");
  ag_rep_put(o, key);
  ag_rep_put(o, "\": ");
  ag_rep_json_string(o, value);
}

static void ag_rep_json_fn(struct ag_rep_out *o, const struct ag_rep_report *rep,
                           const char *key, uint32_t node) {
  const struct ag_rep_node *n = node == AG_REP_NONE ? NULL
                                                    : &rep->prog->nodes[node];
  ag_rep_json_key(o, key, n ? n->display : NULL);
  ag_rep_put(o, ", \"");
  ag_rep_put(o, key);
  ag_rep_put(o, "_symbol\": ");
  ag_rep_json_string(o, n ? n->symbol : NULL);
}

static void ag_rep_json_open(struct ag_rep_json *j, int section) {
  while (j->section < section) {
    ag_rep_put(j->out, j->items ? "\n  ],\n" : "],\n");
    j->section++;
    ag_rep_printf(j->out, "  \"%s\": [", ag_rep_json_arrays[j->section]);
    j->items = 0;
  }
  ag_rep_put(j->out, j->items++ ? ",\n    " : "\n    ");
}

static void *ag_rep_json_begin(struct ag_rep_out *out,
                               const struct ag_rep_report *rep) {
  struct ag_rep_json *j = ag_xcalloc(1, sizeof(*j));
  j->out = out;
  ag_rep_printf(out, "{\n  \"schema\": \"%s\",\n  \"version\": %d,\n",
                AG_REP_JSON_SCHEMA, AG_REP_JSON_VERSION);
  ag_rep_put(out, "  \"tool\": {\"name\": \"" AG_REP_TOOL "\", ");
  ag_rep_json_key(out, "version", rep->version);
  ag_rep_printf(out, "},\n  \"options\": {\"dealloc\": \"%s\", \"unknown\": "
                "\"%s\", \"fail_on\": \"%s\", \"fail_on_unknown\": %s, ",
                rep->dealloc ? "report" : "ignore",
                rep->unknown ? "report" : "ignore", rep->fail_on,
                rep->fail_unknown ? "true" : "false");
  ag_rep_json_key(out, "baseline", rep->baseline);
  ag_rep_put(out, "},\n  \"units\": [");
  const struct ag_rep_program *prog = rep->prog;
  for (size_t u = 0; u < prog->unit_count; ++u) {
    ag_rep_put(out, u ? ",\n    {" : "\n    {");
    ag_rep_json_key(out, "source",
                    ag_rep_paths_show(rep->paths, prog->units[u].source));
    ag_rep_printf(out, ", \"debug_info\": %s, \"functions\": %u, "
                  "\"calls\": %u}", prog->units[u].debug ? "true" : "false",
                  prog->units[u].functions, prog->units[u].calls);
  }
  ag_rep_put(out, prog->unit_count ? "\n  ],\n  \"roots\": [" : "],\n  \"roots\": [");
  return j;
}

static void ag_rep_json_root(void *state, const struct ag_rep_report *rep,
                             uint32_t index) {
  struct ag_rep_json *j = state;
  struct ag_rep_out *o = j->out;
  const struct ag_rep_root *root = &rep->res->roots[index];
  const struct ag_rep_node *n = &rep->prog->nodes[root->node];
  ag_rep_json_open(j, AG_REP_JSON_ROOTS);
  ag_rep_put(o, "{");
  ag_rep_json_fn(o, rep, "function", root->node);
  ag_rep_put(o, ", ");
  ag_rep_json_key(o, "file", ag_rep_root_file(rep, root));
  ag_rep_printf(o, ", \"line\": %u, ", n->line);
  ag_rep_json_key(o, "unit", ag_rep_paths_show(rep->paths,
                                               rep->prog->units[n->unit].source));
  uint32_t accepted[2] = {0, 0}, unknown = 0;
  for (unsigned k = 0; k < AG_REP_FIND_KINDS; ++k) {
    accepted[0] += root->tally[k][AG_REP_STATUS_BASELINED];
    accepted[1] += root->tally[k][AG_REP_STATUS_SUPPRESSED];
    if (!AG_REP_IS_VIOLATION(k))
      unknown += root->tally[k][AG_REP_STATUS_NEW];
  }
  ag_rep_printf(o, ", \"status\": \"%s\",\n     \"new\": {\"allocations\": %u, "
                "\"deallocations\": %u, \"unknown\": %u}, \"baselined\": %u, "
                "\"suppressed\": %u}",
                ag_rep_root_new(root, 1) ? "fail" : "pass",
                root->tally[AG_REP_FIND_ALLOC][0],
                root->tally[AG_REP_FIND_DEALLOC][0], unknown, accepted[0],
                accepted[1]);
}

/* A hop; with its note for the sites of a group's other members. */
static void ag_rep_json_hop(struct ag_rep_out *o, const struct ag_rep_report *rep,
                            const struct ag_rep_hop *h, int note) {
  ag_rep_put(o, "{");
  ag_rep_json_fn(o, rep, "caller", h->caller);
  ag_rep_put(o, ", ");
  ag_rep_json_fn(o, rep, "callee", h->callee);
  ag_rep_put(o, ", ");
  ag_rep_json_key(o, "file", h->has_loc ? h->file : NULL);
  ag_rep_put(o, ", \"line\": ");
  ag_rep_putu(o, h->line);
  ag_rep_put(o, ", \"column\": ");
  ag_rep_putu(o, h->column);
  ag_rep_put(o, ", ");
  ag_rep_json_key(o, "through", h->via);
  if (note) {
    ag_rep_put(o, ", ");
    ag_rep_json_key(o, "message", h->note);
  }
  ag_rep_put(o, "}");
}

static void ag_rep_json_finding(void *state, const struct ag_rep_report *rep,
                                const struct ag_rep_view *v) {
  struct ag_rep_json *j = state;
  struct ag_rep_out *o = j->out;
  ag_rep_json_open(j, AG_REP_IS_VIOLATION(v->f->kind) ? AG_REP_JSON_FINDINGS
                                                      : AG_REP_JSON_UNKNOWN);
  ag_rep_printf(o, "{\"kind\": \"%s\", \"status\": \"%s\", \"fingerprint\": \"",
                ag_rep_kind_name(v->f->kind), ag_rep_status_name(v->f->status));
  ag_rep_hex64(o, v->f->fingerprint);
  ag_rep_put(o, "\",\n     ");
  ag_rep_json_fn(o, rep, "root", v->root->node);
  ag_rep_put(o, ", ");
  ag_rep_json_fn(o, rep, "callee", v->hops[v->hop_count - 1].callee);
  ag_rep_put(o, ", ");
  ag_rep_json_key(o, "why", v->why ? v->why : "");
  ag_rep_put(o, ",\n     ");
  ag_rep_json_key(o, "message", v->message);
  if (v->justification) {
    const struct ag_rep_suppression *s = &rep->sups->items[v->f->suppression];
    ag_rep_put(o, ",\n     \"suppression\": {");
    ag_rep_json_key(o, "entry", s->text);
    ag_rep_put(o, ", ");
    ag_rep_json_key(o, "file", s->file);
    ag_rep_printf(o, ", \"line\": %zu, ", s->line);
    ag_rep_json_key(o, "justification", s->justification);
    ag_rep_put(o, "}");
  }
  ag_rep_put(o, ",\n     \"path\": [");
  for (uint32_t i = 0; i < v->hop_count; ++i) {
    ag_rep_put(o, i ? ",\n       " : "\n       ");
    ag_rep_json_hop(o, rep, &v->hops[i], 0);
  }
  ag_rep_printf(o, "\n     ],\n     \"count\": %u, \"also\": [",
                v->member_count);
  for (uint32_t i = 0; i < v->also_count; ++i) {
    ag_rep_put(o, i ? ",\n       " : "\n       ");
    ag_rep_json_hop(o, rep, &v->also[i], 1);
  }
  ag_rep_put(o, v->also_count ? "\n     ]}" : "]}");
}

static void ag_rep_json_end(void *state, const struct ag_rep_report *rep) {
  struct ag_rep_json *j = state;
  struct ag_rep_out *o = j->out;
  while (j->section < AG_REP_JSON_UNKNOWN) { /* empty arrays still appear */
    ag_rep_put(o, j->items ? "\n  ],\n" : "],\n");
    j->section++;
    ag_rep_printf(o, "  \"%s\": [", ag_rep_json_arrays[j->section]);
    j->items = 0;
  }
  ag_rep_put(o, j->items ? "\n  ],\n  \"warnings\": [" : "],\n  \"warnings\": [");
  for (size_t i = 0; i < rep->message_count; ++i) {
    ag_rep_put(o, i ? ",\n    " : "\n    ");
    ag_rep_json_string(o, rep->messages[i].text);
  }
  ag_rep_put(o, rep->message_count ? "\n  ],\n" : "],\n");
  const struct ag_rep_results *res = rep->res;
  uint32_t failing = 0, total[3] = {0, 0, 0}, unknown = 0;
  for (size_t r = 0; r < res->root_count; ++r)
    failing += ag_rep_root_new(&res->roots[r], 1) != 0;
  for (unsigned k = 0; k < AG_REP_FIND_KINDS; ++k) {
    for (unsigned s = 0; s < 3; ++s)
      total[s] += res->tally[k][s];
    if (!AG_REP_IS_VIOLATION(k))
      unknown += res->tally[k][AG_REP_STATUS_NEW];
  }
  ag_rep_printf(o, "  \"summary\": {\"roots\": %zu, \"failing_roots\": %u, "
                "\"allocations\": %u, \"deallocations\": %u, \"unknown\": %u, "
                "\"unfollowed\": %zu, \"baselined\": %u, \"suppressed\": %u, "
                "\"gate\": \"%s\"}\n}\n",
                res->root_count, failing, res->tally[AG_REP_FIND_ALLOC][0],
                res->tally[AG_REP_FIND_DEALLOC][0], unknown, res->unfollowed,
                total[AG_REP_STATUS_BASELINED], total[AG_REP_STATUS_SUPPRESSED],
                rep->failed ? "fail" : "pass");
  free(j);
}

const struct ag_rep_emitter ag_rep_emit_json = {
    ag_rep_json_begin, ag_rep_json_root, ag_rep_json_finding, ag_rep_json_end};
