/* fuzz_summary.c - libFuzzer target for the summary record reader.
 *
 * Built by report/fuzz/CMakeLists.txt (target allocguard-fuzz_summary); a
 * longer run than ctest's:
 *   build/check/test/report/fuzz/fuzz_summary -max_total_time=600 \
 *     report/fuzz/corpus/summary
 *
 * An input that does not start with the magic is wrapped in a valid
 * header (version 1 to AG_SUMMARY_VERSION by its first byte), so most
 * inputs reach the payload decoder, tables of version 2 and the encoding
 * of 4 included; from version 5 the input is the inflated columns,
 * deflated here, so the fuzzer explores the columns rather than zlib's
 * checksums.
 */
#include "ag_leb128.h"
#include "ag_rep_summary.h"

#include <stdlib.h>
#include <string.h>
#include <zlib.h>

static void ag_rep_fuzz_records(const uint8_t *data, size_t size) {
  struct ag_rep_error err;
  size_t pos = 0, n;
  const uint8_t *rec;
  while (ag_rep_sum_next_record(data, size, &pos, &rec, &n, "fuzz", &err) == 1)
    ag_rep_sum_validate(rec, n, "fuzz", (size_t)(rec - data), &err);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (size >= AG_SUMMARY_MAGIC_SIZE &&
      memcmp(data, AG_SUMMARY_MAGIC, AG_SUMMARY_MAGIC_SIZE) == 0) {
    ag_rep_fuzz_records(data, size);
    return 0;
  }
  uint32_t v = size ? 1u + data[0] % AG_SUMMARY_VERSION : AG_SUMMARY_VERSION;
  uLongf deflated = compressBound((uLong)size);
  uint8_t *framed = malloc(16 + 10 + deflated + size);
  memcpy(framed, AG_SUMMARY_MAGIC, AG_SUMMARY_MAGIC_SIZE);
  uint32_t n = (uint32_t)size;
  if (v >= AG_SUMMARY_VERSION_COLUMNS) {
    size_t at = 16 + ag_uleb_put(framed + 16, size); /* inflated size */
    compress2(framed + at, &deflated, data, (uLong)size, 1);
    n = (uint32_t)(at - 16 + deflated);
    for (int i = 0; i < 4; ++i) {
      framed[8 + i] = (uint8_t)(v >> (8 * i));
      framed[12 + i] = (uint8_t)(n >> (8 * i));
    }
    ag_rep_fuzz_records(framed, 16 + n);
    free(framed);
    return 0;
  }
  for (int i = 0; i < 4; ++i) {
    framed[8 + i] = (uint8_t)(v >> (8 * i));
    framed[12 + i] = (uint8_t)(n >> (8 * i));
  }
  memcpy(framed + 16, data, size);
  ag_rep_fuzz_records(framed, size + 16);
  free(framed);
  return 0;
}
