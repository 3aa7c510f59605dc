/* ag_leb128.h - the summary format's integers (docs/summary-format.md):
 * unsigned LEB128 and zigzag, written once for the plugin, the container
 * (ag_summary_pack.c), allocguard-report's reader, the fuzzer and the
 * scale generator. Header-only, stdint only.
 */
#ifndef ALLOCGUARD_AG_LEB128_H
#define ALLOCGUARD_AG_LEB128_H

#include <stddef.h>
#include <stdint.h>

#define AG_ULEB_MAX_BYTES 10 /* a uint64_t's, and what readers accept */

/* Writes `value` at `out` (room for AG_ULEB_MAX_BYTES); returns the
 * number of bytes written. */
static inline size_t ag_uleb_put(uint8_t *out, uint64_t value) {
  size_t n = 0;
  do {
    out[n] = (uint8_t)(value & 0x7f);
    value >>= 7;
    if (value)
      out[n] |= 0x80;
    ++n;
  } while (value);
  return n;
}

/* A signed delta as the unsigned value a uleb carries: 2d for d >= 0,
 * -2d - 1 below, so small steps either way take one byte. */
static inline uint64_t ag_zigzag(int64_t value) {
  return value >= 0 ? (uint64_t)value << 1
                    : (((uint64_t) - (value + 1)) << 1) | 1;
}

/* What ag_uleb_get finds wrong. */
enum ag_uleb_error {
  AG_ULEB_PAST_END = -1, /* runs past the end of the data */
  AG_ULEB_OVERFLOW = -2, /* more than 64 bits */
  AG_ULEB_TOO_LONG = -3  /* more than AG_ULEB_MAX_BYTES bytes */
};

/* Reads the uleb at `data`, before `end`: 0, with *out and *next (the
 * byte after it), or an enum ag_uleb_error. */
static inline int ag_uleb_get(const uint8_t *data, const uint8_t *end,
                              const uint8_t **next, uint64_t *out) {
  uint64_t value = 0;
  const uint8_t *p = data;
  for (unsigned shift = 0;; shift += 7, ++p) {
    if (p >= end)
      return AG_ULEB_PAST_END;
    uint64_t bits = *p & 0x7f;
    if (shift == 63 && bits > 1)
      return AG_ULEB_OVERFLOW;
    value |= bits << shift;
    if (!(*p & 0x80))
      break;
    if (shift == 63)
      return AG_ULEB_TOO_LONG;
  }
  *next = p + 1;
  *out = value;
  return 0;
}

#endif /* ALLOCGUARD_AG_LEB128_H */
