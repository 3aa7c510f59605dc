/* fuzz_asm.c - libFuzzer target for decoding the summary block of module
 * assembly (the -flto path), then reading the records it yields.
 *
 * Built by report/fuzz/CMakeLists.txt (target allocguard-fuzz_asm); a
 * longer run than ctest's:
 *   build/check/test/report/fuzz/fuzz_asm -max_total_time=600 \
 *     report/fuzz/corpus/asm
 */
#include "ag_rep_asm.h"
#include "ag_rep_summary.h"

#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  struct ag_rep_error err;
  uint8_t *bytes = NULL;
  size_t n = 0;
  if (ag_rep_asm_extract((const char *)data, size, &bytes, &n, "fuzz", &err))
    return 0;
  size_t pos = 0, rec_size;
  const uint8_t *rec;
  while (bytes && ag_rep_sum_next_record(bytes, n, &pos, &rec, &rec_size,
                                         "fuzz", &err) == 1)
    ag_rep_sum_validate(rec, rec_size, "fuzz", (size_t)(rec - bytes), &err);
  free(bytes);
  return 0;
}
