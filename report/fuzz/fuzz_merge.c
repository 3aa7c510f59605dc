/* fuzz_merge.c - libFuzzer target for everything after the file readers:
 * records (a side file's bytes) are merged, analysed from every root and
 * written in every format to a discarding callback.
 *
 * Built by report/fuzz/CMakeLists.txt (target allocguard-fuzz_merge); a
 * longer run than ctest's:
 *   build/check/test/report/fuzz/fuzz_merge -max_total_time=600 \
 *     report/fuzz/corpus/merge
 */
#include "ag_rep_program.h"
#include "ag_rep_report.h"

#include <stdlib.h>
#include <string.h>

static void ag_rep_discard(void *ctx, const char *data, size_t len) {
  (void)data;
  *(size_t *)ctx += len;
}

static void ag_rep_fuzz_report(const struct ag_rep_program *prog) {
  static const char *const roots[] = {"*"}; /* every function is a root */
  struct ag_rep_analysis_options opts = {1, 1, roots, 1, 2};
  struct ag_rep_results res;
  ag_rep_analyze(prog, &opts, &res);
  struct ag_rep_paths paths;
  struct ag_rep_error err;
  if (ag_rep_paths_init(&paths, "/src", &err) == 0) {
    struct ag_rep_message messages[] = {{AG_REP_WARNING, "a warning"},
                                        {AG_REP_ERROR, "an error"}};
    struct ag_rep_report rep = {prog, &res, &paths, NULL, "0", 1, 1, 1, "any",
                                "base", 1, messages, 2,
                                0, 0, 2}; /* SARIF: 2 paths a result */
    const struct ag_rep_emitter *emitters[] = {
        &ag_rep_emit_text, &ag_rep_emit_json, &ag_rep_emit_sarif,
        &ag_rep_emit_markdown, &ag_rep_emit_dot, &ag_rep_emit_baseline};
    struct ag_rep_sink sinks[6];
    size_t written = 0;
    for (int i = 0; i < 6; ++i) {
      sinks[i].emitter = emitters[i];
      sinks[i].out.write = ag_rep_discard;
      sinks[i].out.ctx = &written;
    }
    ag_rep_emit(&rep, sinks, 6);
    ag_rep_paths_free(&paths);
  }
  ag_rep_results_free(&res);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  struct ag_rep_inputs in = {0};
  struct ag_rep_origin origin = {"fuzz.sum", 0};
  in.origins = &origin;
  in.origin_count = 1;
  struct ag_rep_error err;
  size_t pos = 0, n;
  const uint8_t *rec;
  while (in.count < 64 && ag_rep_sum_next_record(data, size, &pos, &rec, &n,
                                                 "fuzz", &err) == 1) {
    struct ag_rep_record r = {rec, n, 0, (size_t)(rec - data)};
    AG_PUSH(in.records, in.count, in.cap, r);
  }
  struct ag_rep_program prog;
  if (in.count && ag_rep_program_build(&prog, &in, &err) == 0)
    ag_rep_fuzz_report(&prog);
  if (in.count)
    ag_rep_program_free(&prog);
  free(in.records);
  return 0;
}
