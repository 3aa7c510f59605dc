/* ag_fnv1a.h - FNV-1a, 64 bits, byte by byte: one definition for the
 * plugin's and the report tool's string tables and for the report's
 * fingerprints. The fingerprints are persisted in baselines
 * (docs/report.md), so these constants must never change.
 */
#ifndef ALLOCGUARD_AG_FNV1A_H
#define ALLOCGUARD_AG_FNV1A_H

#include <stddef.h>
#include <stdint.h>

#define AG_FNV1A_OFFSET_BASIS 14695981039346656037ULL
#define AG_FNV1A_PRIME 1099511628211ULL

static inline uint64_t ag_fnv1a(uint64_t state, const void *data, size_t len) {
  const unsigned char *p = (const unsigned char *)data;
  for (size_t i = 0; i < len; ++i)
    state = (state ^ p[i]) * AG_FNV1A_PRIME;
  return state;
}

static inline uint64_t ag_fnv1a_string(const char *s) {
  uint64_t state = AG_FNV1A_OFFSET_BASIS;
  for (; *s; ++s)
    state = (state ^ (unsigned char)*s) * AG_FNV1A_PRIME;
  return state;
}

#endif /* ALLOCGUARD_AG_FNV1A_H */
