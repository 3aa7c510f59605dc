/* ag_pass.c - allocguard's pass body: find roots, report what they can
 * reach, rewrite their allocation calls.
 *
 * Run:  clang -g -fpass-plugin=allocguard-llvm<N>.so -c file.c
 * Registered at the start of the pipeline by ag_shim.cpp.
 */
#include "ag_analysis.h"
#include "ag_diag.h"
#include "ag_icall.h"
#include "ag_json.h"
#include "ag_kb.h"
#include "ag_options.h"
#include "ag_rewrite.h"
#include "ag_roots.h"
#include "ag_scope.h"
#include "ag_shim.h"
#include "ag_summary.h"

#include <stdio.h>
#include <stdlib.h>

static void ag_fail(LLVMModuleRef module, char *message) {
  char *full = ag_xasprintf("allocguard: %s", message);
  ag_shim_emit_error(module, full);
  free(full);
  free(message);
}

int ag_run_on_module(LLVMModuleRef module, const struct ag_raw_options *raw) {
  struct ag_config config;
  char *error = ag_config_parse(raw, &config);
  struct ag_kb *kb = error ? NULL : ag_kb_create(config.kb_file, &error);
  if (error) {
    ag_fail(module, error);
    ag_config_free(&config);
    return 0;
  }

  struct ag_graph graph;
  ag_graph_init(&graph, module);
  ag_roots_mark(&graph, &config);
  ag_graph_add_calls(&graph, kb);
  struct ag_icall icall;
  ag_icall_scan(&icall, &graph, ag_summary_unit_name(&graph));
  ag_icall_resolve(&icall, &graph, kb);
  graph.icall = &icall;

  struct ag_findings findings;
  ag_analyze(&graph, &config, &findings);
  size_t unknown_errors = 0;
  size_t errors =
      ag_diag_print(stderr, &graph, &config, &findings, &unknown_errors);
  if (config.json_path &&
      (error = ag_json_write(config.json_path, &graph, &config, &findings)))
    ag_fail(module, error);
  if (errors)
    ag_fail(module,
            ag_xasprintf("%zu allocation site(s) reachable from alloc_free "
                         "functions (-allocguard-severity=error)",
                         errors));
  if (unknown_errors)
    ag_fail(module,
            ag_xasprintf("%zu call(s) allocguard cannot follow reachable from "
                         "alloc_free functions (-allocguard-unknown=error)",
                         unknown_errors));

  size_t changed = 0;
  if (config.summary_embed || config.summary_path) {
    struct ag_summary_record record;
    ag_summary_encode(&graph, kb, &record);
    if (config.summary_embed)
      changed += (size_t)ag_summary_embed(module, &record);
    else if ((error = ag_summary_write_file(config.summary_path,
                                            graph.source_file, &record)))
      ag_fail(module, error);
    free(record.bytes);
  }
  if (config.instrument != AG_INSTRUMENT_OFF) {
    size_t instrumented = ag_rewrite_calls(&graph, &config);
    instrumented += ag_scope_instrument_roots(&graph);
    instrumented += ag_scope_restore_after_setjmp(&graph);
    if (instrumented)
      ag_rewrite_emit_ctor(&graph);
    changed += instrumented;
  }
  ag_findings_free(&findings);
  ag_icall_free(&icall);
  ag_graph_free(&graph);
  ag_kb_free(kb);
  ag_config_free(&config);
  return changed != 0;
}
