/* test_summary_pack.c - version 5's container (common/ag_summary_pack.c):
 * columns come back as they went in, the header is the format's, a
 * record too repetitive for readers' expansion bound is stored, and
 * hostile payloads are refused, not followed. */
#include "ag_summary_pack.h"
#include "ag_test_check.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static uint32_t u32le(const uint8_t *p) {
  return p[0] | p[1] << 8 | p[2] << 16 | (uint32_t)p[3] << 24;
}

/* Packs `columns`, checks the header, unpacks, compares; returns the
 * record's size. */
static size_t round_trip(struct ag_summary_span *columns) {
  size_t size = 0, offset = 1;
  uint8_t *record = ag_summary_pack(columns, &size);
  CHECK(size > AG_SUMMARY_HEADER_SIZE);
  CHECK(memcmp(record, AG_SUMMARY_MAGIC, AG_SUMMARY_MAGIC_SIZE) == 0);
  CHECK(u32le(record + 8) == AG_SUMMARY_VERSION);
  CHECK(u32le(record + 12) == size - AG_SUMMARY_HEADER_SIZE);
  uint8_t *inflated = NULL;
  struct ag_summary_span back[AG_SUMMARY_V5_COLUMN_COUNT];
  const char *problem = ag_summary_unpack(record + AG_SUMMARY_HEADER_SIZE,
                                          size - AG_SUMMARY_HEADER_SIZE,
                                          &inflated, back, &offset);
  CHECK(problem == NULL);
  CHECK(offset == 0);
  for (int c = 0; !problem && c < AG_SUMMARY_V5_COLUMN_COUNT; ++c) {
    CHECK(back[c].size == columns[c].size);
    CHECK(back[c].size == 0 ||
          memcmp(back[c].data, columns[c].data, back[c].size) == 0);
  }
  /* Any payload cut short is refused. */
  for (size_t cut = 1; cut < 40 && cut < size - AG_SUMMARY_HEADER_SIZE; ++cut) {
    uint8_t *again = NULL;
    CHECK(ag_summary_unpack(record + AG_SUMMARY_HEADER_SIZE,
                            size - AG_SUMMARY_HEADER_SIZE - cut, &again, back,
                            &offset) != NULL);
    free(again);
  }
  free(inflated);
  free(record);
  return size;
}

int main(void) {
  /* Columns of different sizes, some empty, some binary. */
  static uint8_t bytes[AG_SUMMARY_V5_COLUMN_COUNT][300];
  struct ag_summary_span columns[AG_SUMMARY_V5_COLUMN_COUNT];
  unsigned seed = 12345;
  for (int c = 0; c < AG_SUMMARY_V5_COLUMN_COUNT; ++c) {
    size_t n = c % 3 == 1 ? 0 : (size_t)(37 * c + 5) % 300;
    for (size_t i = 0; i < n; ++i)
      bytes[c][i] = (uint8_t)((seed = seed * 1103515245u + 12345u) >> 16);
    columns[c] = (struct ag_summary_span){bytes[c], n};
  }
  round_trip(columns);

  /* Nothing at all. */
  struct ag_summary_span empty[AG_SUMMARY_V5_COLUMN_COUNT];
  memset(empty, 0, sizeof empty);
  round_trip(empty);

  /* 8 MB of one byte deflates about 1000 to 1, past the 64 to 1 that
   * readers accept beyond the slack: the writer stores it instead, and
   * the reader takes it. */
  size_t big = 8u << 20;
  uint8_t *same = calloc(big, 1);
  struct ag_summary_span one[AG_SUMMARY_V5_COLUMN_COUNT];
  memset(one, 0, sizeof one);
  one[0] = (struct ag_summary_span){same, big};
  CHECK(round_trip(one) > big);
  /* 512 KB of it stays under the slack: deflated. */
  one[0].size = 512u << 10;
  CHECK(round_trip(one) < 4096);
  free(same);

  /* An inflated size past the bound is refused before anything is
   * allocated for it. */
  uint8_t bomb[16] = {0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x01, 0x78, 0x9c};
  uint8_t *out = NULL;
  size_t offset;
  struct ag_summary_span back[AG_SUMMARY_V5_COLUMN_COUNT];
  const char *problem = ag_summary_unpack(bomb, sizeof bomb, &out, back, &offset);
  CHECK(problem && strstr(problem, "more than the format allows"));
  CHECK(out == NULL);

  if (failures)
    fprintf(stderr, "%d check(s) failed\n", failures);
  return failures != 0;
}
