/* ag_json.c - write the per-TU JSON report (ag_json.h). */
#include "ag_json.h"

#include "ag_icall.h"
#include "ag_json_string.h"
#include "ag_output.h"
#include "ag_util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void ag_json_put(void *context, const char *data, size_t len) {
  fwrite(data, 1, len, (FILE *)context);
}

static void ag_json_string(FILE *out, const char *s) {
  ag_json_string_write(ag_json_put, out, s);
}

/* The kind's name, from the table allocguard-report shares
 * (common/ag_finding_kinds.def). */
static const char *ag_kind_name(enum ag_call_kind kind) {
#define AG_FINDING_SCOPE ""
#define AG_FINDING_KIND(id, name, flag, does, may, gates) [AG_CALL_##id] = name,
  static const char *const names[] = {
#include "ag_finding_kinds.def"
  };
#undef AG_FINDING_KIND
#undef AG_FINDING_SCOPE
  if ((size_t)kind < sizeof names / sizeof *names && names[kind])
    return names[kind];
  return "other";
}

static void ag_json_loc(FILE *out, const struct ag_loc *loc) {
  fputs("\"file\": ", out);
  ag_json_string(out, loc->file);
  fprintf(out, ", \"line\": %u, \"column\": %u", loc->line, loc->column);
}

static void ag_json_function_name(FILE *out, const char *key,
                                  const struct ag_function *fn) {
  fprintf(out, "\"%s\": ", key);
  ag_json_string(out, fn ? fn->display : NULL);
  fprintf(out, ", \"%s_symbol\": ", key);
  ag_json_string(out, fn ? fn->symbol : NULL);
}

static void ag_json_hop(FILE *out, const struct ag_graph *graph,
                        const struct ag_hop *hop) {
  const struct ag_call *call = &graph->calls[hop->call];
  fputs("        {", out);
  ag_json_function_name(out, "caller", &graph->funcs[call->caller]);
  fputs(", ", out);
  ag_json_function_name(out, "callee",
                        hop->callee >= 0 ? &graph->funcs[hop->callee] : NULL);
  fputs(", ", out);
  ag_json_loc(out, &call->loc);
  char *through = graph->icall && ag_hop_is_resolved(graph, hop)
                      ? ag_icall_how_text(graph->icall, hop->call)
                      : NULL;
  fputs(", \"through\": ", out);
  ag_json_string(out, through);
  free(through);
  fputc('}', out);
}

static void ag_json_finding(FILE *out, const struct ag_graph *graph,
                            const struct ag_finding *finding) {
  const struct ag_hop *site = ag_finding_site(finding);
  fputs("    {\"kind\": ", out);
  ag_json_string(out, ag_kind_name(site->kind));
  fputs(", ", out);
  ag_json_function_name(out, "root", &graph->funcs[finding->root]);
  fputs(", ", out);
  ag_json_function_name(out, "callee",
                        site->callee >= 0 ? &graph->funcs[site->callee] : NULL);
  /* Why: the knowledge base's note, or why a call has no candidate. */
  char *why = NULL;
  if ((site->kind == AG_CALL_INDIRECT || site->kind == AG_CALL_VIRTUAL) &&
      graph->icall)
    why = ag_icall_how_text(graph->icall, site->call);
  fputs(", \"why\": ", out);
  ag_json_string(out, why ? why : site->kb ? site->kb->why : "");
  free(why);
  fputs(",\n      \"path\": [\n", out);
  for (size_t i = 0; i < finding->path_len; ++i) {
    ag_json_hop(out, graph, &finding->path[i]);
    fputs(i + 1 < finding->path_len ? ",\n" : "\n", out);
  }
  fputs("      ]}", out);
}

static void ag_json_roots(FILE *out, const struct ag_graph *graph,
                          const struct ag_findings *findings) {
  int first = 1;
  fputs("  \"roots\": [", out);
  for (size_t f = 0; f < graph->func_count; ++f) {
    const struct ag_function *fn = &graph->funcs[f];
    if (!fn->is_root)
      continue;
    size_t count = 0;
    for (size_t i = 0; i < findings->count; ++i)
      count += findings->items[i].root == f;
    fputs(first ? "\n    {" : ",\n    {", out);
    first = 0;
    ag_json_function_name(out, "function", fn);
    fputs(", ", out);
    ag_json_loc(out, &fn->loc);
    fprintf(out, ", \"findings\": %zu}", count);
  }
  fputs(first ? "],\n" : "\n  ],\n", out);
}

static void ag_json_document(FILE *out, const struct ag_graph *graph,
                             const struct ag_config *config,
                             const struct ag_findings *findings) {
  fprintf(out, "{\n  \"schema\": \"%s\",\n  \"version\": %d,\n",
          AG_TU_REPORT_SCHEMA, AG_TU_REPORT_VERSION);
  fputs("  \"source\": ", out);
  ag_json_string(out, graph->source_file);
  fprintf(out, ",\n  \"debug_info\": %s,\n",
          graph->has_debug_info ? "true" : "false");
  fprintf(out,
          "  \"options\": {\"severity\": \"%s\", \"dealloc\": \"%s\", "
          "\"unknown\": \"%s\"},\n",
          config->severity == AG_SEVERITY_ERROR ? "error" : "warning",
          config->report_dealloc ? "report" : "ignore",
          !config->report_unknown ? "ignore"
          : config->unknown_error ? "error"
                                  : "report");
  ag_json_roots(out, graph, findings);
  fputs("  \"findings\": [", out);
  for (size_t i = 0; i < findings->count; ++i) {
    fputs(i ? ",\n" : "\n", out);
    ag_json_finding(out, graph, &findings->items[i]);
  }
  fputs(findings->count ? "\n  ],\n" : "],\n", out);
  fprintf(out,
          "  \"summary\": {\"allocations\": %zu, \"deallocations\": %zu, "
          "\"unknown\": %zu}\n}\n",
          findings->allocations, findings->deallocations, findings->unknown);
}

struct ag_json_job {
  const struct ag_graph *graph;
  const struct ag_config *config;
  const struct ag_findings *findings;
};

static int ag_json_body(FILE *out, void *context) {
  const struct ag_json_job *job = context;
  ag_json_document(out, job->graph, job->config, job->findings);
  return ferror(out) ? -1 : 0;
}

char *ag_json_write(const char *path, const struct ag_graph *graph,
                    const struct ag_config *config,
                    const struct ag_findings *findings) {
  struct ag_json_job job = {graph, config, findings};
  return ag_output_write(path, graph->source_file, ".allocguard.json",
                         "allocguard-json", ag_json_body, &job);
}
