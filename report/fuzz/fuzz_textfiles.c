/* fuzz_textfiles.c - libFuzzer target for the baseline and suppression
 * parsers (built twice: -DAG_REP_FUZZ_BASELINE or -DAG_REP_FUZZ_SUPPRESS).
 *
 * Built by report/fuzz/CMakeLists.txt (targets allocguard-fuzz_baseline
 * and allocguard-fuzz_suppress); a longer run than ctest's:
 *   build/check/test/report/fuzz/fuzz_baseline -max_total_time=600 \
 *     report/fuzz/corpus/baseline
 */
#include "ag_rep_baseline.h"
#include "ag_rep_suppress.h"

#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  struct ag_rep_error err;
  /* The readers get a NUL-terminated buffer, as from ag_rep_textfile_read. */
  char *text = malloc(size + 1);
  memcpy(text, data, size);
  text[size] = '\0';
#ifdef AG_REP_FUZZ_BASELINE
  struct ag_rep_baseline b;
  ag_rep_baseline_parse(&b, "fuzz.baseline", text, size, &err);
  ag_rep_baseline_free(&b);
#else
  struct ag_rep_suppressions s = {0};
  ag_rep_suppressions_parse(&s, "fuzz.supp", text, size, &err);
  ag_rep_suppressions_free(&s);
#endif
  free(text);
  return 0;
}
