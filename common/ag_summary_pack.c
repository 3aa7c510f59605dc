/* ag_summary_pack.c - version 5's deflated columns (ag_summary_pack.h). */
#include "ag_summary_pack.h"

#include "ag_alloc.h"
#include "ag_leb128.h"

#include <stdlib.h>
#include <string.h>
#include <zlib.h>

/* The uleb at data[*at], before data[size]: 0, or -1 when there is none. */
static int ag_get_uleb(const uint8_t *data, size_t size, size_t *at,
                       uint64_t *out) {
  const uint8_t *next;
  if (ag_uleb_get(data + *at, data + size, &next, out))
    return -1;
  *at = (size_t)(next - data);
  return 0;
}

static void ag_put_u32le(uint8_t *out, uint32_t v) {
  for (int i = 0; i < 4; ++i)
    out[i] = (uint8_t)(v >> (8 * i));
}

uint8_t *ag_summary_pack(const struct ag_summary_span
                             columns[AG_SUMMARY_V5_COLUMN_COUNT],
                         size_t *size) {
  size_t inflated_size = AG_SUMMARY_V5_COLUMN_COUNT * AG_ULEB_MAX_BYTES;
  for (int c = 0; c < AG_SUMMARY_V5_COLUMN_COUNT; ++c)
    inflated_size += columns[c].size;
  uint8_t *inflated = ag_xmalloc(inflated_size);
  size_t n = 0;
  for (int c = 0; c < AG_SUMMARY_V5_COLUMN_COUNT; ++c)
    n += ag_uleb_put(inflated + n, columns[c].size);
  for (int c = 0; c < AG_SUMMARY_V5_COLUMN_COUNT; ++c) {
    if (columns[c].size)
      memcpy(inflated + n, columns[c].data, columns[c].size);
    n += columns[c].size;
  }
  inflated_size = n;

  uLong bound = compressBound((uLong)inflated_size);
  size_t head = AG_SUMMARY_HEADER_SIZE + AG_ULEB_MAX_BYTES;
  uint8_t *record = ag_xmalloc(head + bound);
  uLongf deflated = bound;
  size_t at = AG_SUMMARY_HEADER_SIZE;
  at += ag_uleb_put(record + at, inflated_size);
  /* Level 6, zlib's default: 3 ms for SQLite's 83 KB, where 9 takes 5.5
   * and saves 70 bytes. A record so repetitive that it would inflate past
   * what readers accept is stored instead (level 0 never shrinks). */
  if (compress2(record + at, &deflated, inflated, (uLong)inflated_size, 6) !=
          Z_OK ||
      inflated_size > (at - AG_SUMMARY_HEADER_SIZE + deflated) *
                              AG_SUMMARY_V5_EXPANSION +
                          AG_SUMMARY_V5_SLACK) {
    deflated = bound;
    if (compress2(record + at, &deflated, inflated, (uLong)inflated_size, 0) !=
        Z_OK)
      ag_out_of_memory(inflated_size);
  }
  free(inflated);
  memcpy(record, AG_SUMMARY_MAGIC, AG_SUMMARY_MAGIC_SIZE);
  ag_put_u32le(record + 8, AG_SUMMARY_VERSION);
  ag_put_u32le(record + 12, (uint32_t)(at - AG_SUMMARY_HEADER_SIZE + deflated));
  *size = at + deflated;
  return record;
}

const char *ag_summary_unpack(const uint8_t *payload, size_t size,
                              uint8_t **inflated,
                              struct ag_summary_span
                                  columns[AG_SUMMARY_V5_COLUMN_COUNT],
                              size_t *offset) {
  size_t at = 0;
  uint64_t want;
  *inflated = NULL;
  *offset = 0;
  if (ag_get_uleb(payload, size, &at, &want))
    return "inflated size is not a valid integer";
  if (want > (uint64_t)size * AG_SUMMARY_V5_EXPANSION + AG_SUMMARY_V5_SLACK ||
      want > UINT32_MAX)
    return "columns would inflate to more than the format allows";
  *offset = at;
  uint8_t *out = *inflated = ag_xmalloc(want ? (size_t)want : 1);
  z_stream z;
  memset(&z, 0, sizeof z);
  if (inflateInit(&z) != Z_OK)
    ag_out_of_memory(sizeof z);
  z.next_in = (Bytef *)(payload + at);
  z.avail_in = (uInt)(size - at);
  z.next_out = out;
  z.avail_out = (uInt)want;
  int status = inflate(&z, Z_FINISH);
  size_t produced = (size_t)want - z.avail_out, used = size - at - z.avail_in;
  inflateEnd(&z);
  *offset = at + used;
  if (status == Z_BUF_ERROR && !z.avail_out)
    return "columns inflate to more than the size the record gives";
  if (status == Z_BUF_ERROR)
    return "zlib stream is truncated";
  if (status != Z_STREAM_END)
    return "zlib stream is corrupt";
  if (produced != want)
    return "columns inflate to less than the size the record gives";
  if (used != size - at)
    return "trailing bytes after the zlib stream";

  size_t pos = 0;
  uint64_t sizes[AG_SUMMARY_V5_COLUMN_COUNT], total = 0;
  for (int c = 0; c < AG_SUMMARY_V5_COLUMN_COUNT; ++c) {
    if (ag_get_uleb(out, produced, &pos, &sizes[c]))
      return "column sizes are corrupt";
    total += sizes[c] > produced ? (uint64_t)produced + 1 : sizes[c];
  }
  if (total != produced - pos)
    return "column sizes do not add up to the inflated size";
  for (int c = 0; c < AG_SUMMARY_V5_COLUMN_COUNT; ++c) {
    columns[c].data = out + pos;
    columns[c].size = (size_t)sizes[c];
    pos += (size_t)sizes[c];
  }
  *offset = 0;
  return NULL;
}
