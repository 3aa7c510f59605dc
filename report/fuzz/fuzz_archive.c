/* fuzz_archive.c - libFuzzer target for the `ar` reader; members that
 * hold summary records go through the record reader too.
 *
 * Built by report/fuzz/CMakeLists.txt (target allocguard-fuzz_archive); a
 * longer run than ctest's:
 *   build/check/test/report/fuzz/fuzz_archive -max_total_time=600 \
 *     report/fuzz/corpus/archive
 */
#include "ag_rep_archive.h"
#include "ag_rep_summary.h"

#include <string.h>

static int ag_rep_fuzz_member(void *ctx, const struct ag_rep_ar_member *m,
                              struct ag_rep_error *err) {
  (void)ctx;
  if (!m->data || m->size < AG_SUMMARY_MAGIC_SIZE ||
      memcmp(m->data, AG_SUMMARY_MAGIC, AG_SUMMARY_MAGIC_SIZE))
    return 0;
  size_t pos = 0, n;
  const uint8_t *rec;
  while (ag_rep_sum_next_record(m->data, m->size, &pos, &rec, &n, m->name,
                                err) == 1)
    ag_rep_sum_validate(rec, n, m->name, (size_t)(rec - m->data), err);
  return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  struct ag_rep_error err;
  ag_rep_ar_walk(data, size, "fuzz.a", ag_rep_fuzz_member, NULL, &err);
  return 0;
}
