/* ag_summary_pack.h - version 5's container: a record's columns, deflated
 * (common/ag_summary_format.h, docs/summary-format.md). The plugin packs,
 * allocguard-report unpacks; both through here, so the container is
 * written once.
 */
#ifndef ALLOCGUARD_AG_SUMMARY_PACK_H
#define ALLOCGUARD_AG_SUMMARY_PACK_H

#include "ag_summary_format.h"

#include <stddef.h>
#include <stdint.h>

struct ag_summary_span {
  const uint8_t *data;
  size_t size;
};

/* The whole record (header with AG_SUMMARY_VERSION, payload) in a heap
 * buffer of *size bytes, which the caller frees. */
uint8_t *ag_summary_pack(const struct ag_summary_span
                             columns[AG_SUMMARY_V5_COLUMN_COUNT],
                         size_t *size);

/* Inflates a version 5 payload into *inflated (heap, the caller frees it,
 * also on failure) and points `columns` into it. Returns NULL, or what is
 * wrong with the payload in a few words ("zlib stream is corrupt") with
 * *offset, the payload offset the problem was found at. */
const char *ag_summary_unpack(const uint8_t *payload, size_t size,
                              uint8_t **inflated,
                              struct ag_summary_span
                                  columns[AG_SUMMARY_V5_COLUMN_COUNT],
                              size_t *offset);

#endif /* ALLOCGUARD_AG_SUMMARY_PACK_H */
