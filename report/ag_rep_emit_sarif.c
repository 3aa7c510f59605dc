/* ag_rep_emit_sarif.c - SARIF 2.1.0 for code scanning: one result per
 * (root, site), the call path as a thread flow, a fingerprint that does
 * not depend on line numbers, URIs relative to SRCROOT. */
#include "ag_rep_report.h"

#include <stdlib.h>

#define AG_REP_SARIF_FINGERPRINT "allocguardPath/v1"

/* Rule metadata, one per rule, indexed by ag_rep_sarif_rule(). */
static const struct ag_rep_sarif_rule {
  const char *id, *name, *level, *short_text, *full_text, *help;
} ag_rep_sarif_rules[] = {
    {"AG1001", "AllocationInAllocFreeFunction", "warning",
     "An alloc_free function can reach an allocation.",
     "A function marked alloc_free (ALLOCGUARD_ALLOC_FREE, or named as a "
     "root) must never allocate, but a chain of calls from it reaches a "
     "function that allocates heap memory (malloc, operator new, strdup, a "
     "user allocator...). The path shows each call, across translation "
     "units.",
     "Move the allocation out of the real-time path: allocate up front, use "
     "a preallocated pool or a fixed-size buffer, or defer the work to a "
     "non-real-time thread. If the path can never run in real time, "
     "suppress it with a justification (callee:NAME, root:NAME or "
     "path:A>B in a --suppressions file)."},
    {"AG1002", "DeallocationInAllocFreeFunction", "warning",
     "An alloc_free function can reach a deallocation.",
     "A function marked alloc_free reaches a function that frees heap "
     "memory (free, operator delete...). Deallocation takes allocator locks "
     "and can take unbounded time, so it is as unsafe in real-time code as "
     "allocation.",
     "Hand the memory to a non-real-time thread to free, or keep it alive "
     "(a pool that recycles blocks). Run allocguard-report with "
     "--no-dealloc if deallocation is acceptable in your program."},
    {"AG1003", "UnknownCallInAllocFreeFunction", "note",
     "An alloc_free function makes a call allocguard cannot follow.",
     "A function reached from an alloc_free function calls through a "
     "function pointer or a virtual function, or calls an external function "
     "that no input defines and the knowledge base does not know. "
     "allocguard cannot tell whether it allocates.",
     "Check the possible targets by hand, add the library's objects or "
     "summaries to the inputs, or describe the function in a knowledge-base "
     "file (-allocguard-kb). Unknown calls never fail the gate."},
};

static unsigned ag_rep_sarif_rule(unsigned kind) {
  return kind == AG_REP_FIND_ALLOC ? 0 : kind == AG_REP_FIND_DEALLOC ? 1 : 2;
}

struct ag_rep_sarif {
  struct ag_rep_out *out;
  size_t results;
};

static void ag_rep_sarif_text(struct ag_rep_out *o, const char *key,
                              const char *text) {
  ag_rep_put(o, "\"");
  ag_rep_put(o, key);
  ag_rep_put(o, "\": {\"text\": ");
  ag_rep_json_string(o, text);
  ag_rep_put(o, "}");
}

static void ag_rep_sarif_driver(struct ag_rep_out *o,
                                const struct ag_rep_report *rep) {
  ag_rep_put(o, "      \"tool\": {\"driver\": {\"name\": \"" AG_REP_TOOL
                "\", \"semanticVersion\": ");
  ag_rep_json_string(o, rep->version);
  ag_rep_put(o, ", \"rules\": [");
  for (unsigned i = 0; i < 3; ++i) {
    const struct ag_rep_sarif_rule *r = &ag_rep_sarif_rules[i];
    ag_rep_printf(o, "%s\n        {\"id\": \"%s\", \"name\": \"%s\",\n         ",
                  i ? "," : "", r->id, r->name);
    ag_rep_sarif_text(o, "shortDescription", r->short_text);
    ag_rep_put(o, ",\n         ");
    ag_rep_sarif_text(o, "fullDescription", r->full_text);
    ag_rep_put(o, ",\n         \"help\": {\"text\": ");
    ag_rep_json_string(o, r->help);
    ag_rep_put(o, ", \"markdown\": ");
    ag_rep_json_string(o, r->help);
    ag_rep_printf(o, "},\n         \"defaultConfiguration\": {\"level\": "
                  "\"%s\"}, \"properties\": {\"tags\": [\"real-time\", "
                  "\"allocation\"]}}", r->level);
  }
  ag_rep_put(o, "\n      ]}},\n");
}

static void *ag_rep_sarif_begin(struct ag_rep_out *out,
                                const struct ag_rep_report *rep) {
  struct ag_rep_sarif *s = ag_rep_xcalloc(1, sizeof(*s));
  s->out = out;
  ag_rep_put(out, "{\n  \"$schema\": \"https://json.schemastore.org/"
                  "sarif-2.1.0.json\",\n  \"version\": \"2.1.0\",\n"
                  "  \"runs\": [\n    {\n");
  ag_rep_sarif_driver(out, rep);
  ag_rep_put(out, "      \"originalUriBaseIds\": {\"SRCROOT\": {\"uri\": \"");
  ag_rep_paths_root_uri(out, rep->paths);
  ag_rep_put(out, "\"}},\n      \"invocations\": [{\"executionSuccessful\": "
                  "true, \"toolExecutionNotifications\": [");
  for (size_t i = 0; i < rep->warning_count; ++i) {
    ag_rep_put(out, i ? ",\n        {\"level\": \"warning\", "
                      : "\n        {\"level\": \"warning\", ");
    ag_rep_sarif_text(out, "message", rep->warnings[i]);
    ag_rep_put(out, "}");
  }
  ag_rep_put(out, "]}],\n      \"columnKind\": \"unicodeCodePoints\",\n"
                  "      \"results\": [");
  return s;
}

static void ag_rep_sarif_root(void *state, const struct ag_rep_report *rep,
                              uint32_t index) {
  (void)state;
  (void)rep;
  (void)index;
}

/* "physicalLocation": {...}, inside a location object the caller opens. */
static void ag_rep_sarif_physical(struct ag_rep_out *o,
                                  const struct ag_rep_hop *h) {
  ag_rep_put(o, "\"physicalLocation\": {\"artifactLocation\": {\"uri\": \"");
  int relative = ag_rep_paths_uri(o, h->file ? h->file : "unknown");
  ag_rep_put(o, relative ? "\", \"uriBaseId\": \"SRCROOT\"}" : "\"}");
  if (h->has_loc && h->line) {
    ag_rep_put(o, ", \"region\": {\"startLine\": ");
    ag_rep_putu(o, h->line);
    if (h->column) {
      ag_rep_put(o, ", \"startColumn\": ");
      ag_rep_putu(o, h->column);
    }
    ag_rep_put(o, "}");
  }
  ag_rep_put(o, "}");
}

static void ag_rep_sarif_finding(void *state, const struct ag_rep_report *rep,
                                 const struct ag_rep_view *v) {
  struct ag_rep_sarif *s = state;
  struct ag_rep_out *o = s->out;
  unsigned rule = ag_rep_sarif_rule(v->f->kind);
  const struct ag_rep_node *root = &rep->prog->nodes[v->root->node];
  ag_rep_printf(o, "%s\n        {\"ruleId\": \"%s\", \"ruleIndex\": %u, "
                "\"level\": \"%s\",\n         ", s->results++ ? "," : "",
                ag_rep_sarif_rules[rule].id, rule,
                ag_rep_sarif_rules[rule].level);
  ag_rep_sarif_text(o, "message", v->message);
  ag_rep_put(o, ",\n         \"locations\": [{");
  ag_rep_sarif_physical(o, &v->hops[0]);
  ag_rep_put(o, ", \"logicalLocations\": [{\"name\": ");
  ag_rep_json_string(o, root->display);
  ag_rep_put(o, ", \"decoratedName\": ");
  ag_rep_json_string(o, root->symbol);
  ag_rep_put(o, ", \"kind\": \"function\"}]}],\n         \"codeFlows\": "
                "[{\"threadFlows\": [{\"locations\": [");
  for (uint32_t i = 0; i < v->hop_count; ++i) {
    ag_rep_put(o, i ? ",\n           {\"location\": {"
                    : "\n           {\"location\": {");
    ag_rep_sarif_physical(o, &v->hops[i]);
    ag_rep_put(o, ", ");
    ag_rep_sarif_text(o, "message", v->hops[i].note);
    ag_rep_put(o, "}, \"nestingLevel\": ");
    ag_rep_putu(o, i);
    ag_rep_put(o, ", \"executionOrder\": ");
    ag_rep_putu(o, i + 1);
    ag_rep_put(o, "}");
  }
  ag_rep_put(o, "]}]}]");
  if (v->also_count) { /* a group's next few unknown calls */
    ag_rep_put(o, ",\n         \"relatedLocations\": [");
    for (uint32_t i = 0; i < v->also_count; ++i) {
      ag_rep_printf(o, "%s{\"id\": %u, ", i ? ", " : "", i);
      ag_rep_sarif_physical(o, &v->also[i]);
      ag_rep_put(o, ", ");
      ag_rep_sarif_text(o, "message", v->also[i].note);
      ag_rep_put(o, "}");
    }
    ag_rep_put(o, "]");
  }
  ag_rep_put(o, ",\n         \"partialFingerprints\": {\""
                AG_REP_SARIF_FINGERPRINT "\": \"");
  ag_rep_hex64(o, v->f->fingerprint);
  ag_rep_put(o, "\"}");
  if (rep->baseline)
    ag_rep_printf(o, ", \"baselineState\": \"%s\"",
                  v->f->in_baseline ? "unchanged" : "new");
  if (v->justification) {
    ag_rep_put(o, ",\n         \"suppressions\": [{\"kind\": \"external\", "
                  "\"status\": \"accepted\", \"justification\": ");
    ag_rep_json_string(o, v->justification);
    ag_rep_put(o, "}]");
  }
  ag_rep_put(o, "}");
}

static void ag_rep_sarif_end(void *state, const struct ag_rep_report *rep) {
  struct ag_rep_sarif *s = state;
  (void)rep;
  ag_rep_put(s->out, s->results ? "\n      ]\n    }\n  ]\n}\n"
                                : "]\n    }\n  ]\n}\n");
  free(s);
}

const struct ag_rep_emitter ag_rep_emit_sarif = {
    ag_rep_sarif_begin, ag_rep_sarif_root, ag_rep_sarif_finding,
    ag_rep_sarif_end};
