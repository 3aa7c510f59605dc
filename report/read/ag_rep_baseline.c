/* ag_rep_baseline.c - baseline files (ag_rep_baseline.h); written by the
 * baseline emitter in ag_rep_emit_baseline.c. */
#include "ag_rep_baseline.h"

#include "ag_rep_analysis.h"
#include "ag_rep_textfile.h"

#include <stdlib.h>
#include <string.h>

static int ag_rep_hexdigit(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') ||
         (c >= 'A' && c <= 'F');
}

static int ag_rep_u64_cmp(const void *a, const void *b) {
  uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
  return x < y ? -1 : x > y;
}

int ag_rep_baseline_parse(struct ag_rep_baseline *b, const char *name,
                          const char *data, size_t size,
                          struct ag_rep_error *err) {
  memset(b, 0, sizeof(*b));
  /* An entry takes 17 bytes at least: the bound on entries. */
  b->fingerprints = ag_xmalloc((size / 17 + 1) * sizeof(uint64_t));
  size_t pos = 0;
  struct ag_rep_line line = {0};
  int header = 0, r;
  while ((r = ag_rep_textfile_line(name, data, size, &pos, &line, err)) == 1) {
    if (!line.len)
      continue;
    if (!header) {
      size_t n = strlen(AG_REP_BASELINE_HEADER);
      if (line.len == n && memcmp(line.p, AG_REP_BASELINE_HEADER, n) == 0) {
        header = 1;
        continue;
      }
      if (line.len > 20 && memcmp(line.p, "allocguard-baseline ", 20) == 0)
        return ag_rep_fail(err, "%s:%zu: baseline format '%s' is not "
                           "supported (this allocguard-report reads v1)",
                           name, line.number,
                           ag_rep_textfile_excerpt(line.p + 20, line.len - 20));
      return ag_rep_fail(err, "%s:%zu: not an allocguard baseline (the first "
                         "line must be '" AG_REP_BASELINE_HEADER "')",
                         name, line.number);
    }
    size_t digits = 0;
    while (digits < line.len && ag_rep_hexdigit(line.p[digits]))
      ++digits;
    if (digits != 16 ||
        (line.len > 16 && line.p[16] != ' ' && line.p[16] != '\t'))
      return ag_rep_fail(err, "%s:%zu: expected a 16-digit hex fingerprint, "
                         "found '%s'", name, line.number,
                         ag_rep_textfile_excerpt(line.p, line.len));
    b->fingerprints[b->count++] = strtoull(line.p, NULL, 16);
  }
  if (r < 0)
    return -1;
  if (!header)
    return ag_rep_fail(err, "%s: not an allocguard baseline (no '"
                       AG_REP_BASELINE_HEADER "' line)", name);
  if (b->count)
    qsort(b->fingerprints, b->count, sizeof(uint64_t), ag_rep_u64_cmp);
  return 0;
}

int ag_rep_baseline_load(struct ag_rep_baseline *b, const char *path,
                         struct ag_rep_error *err) {
  char *data;
  size_t size;
  memset(b, 0, sizeof(*b));
  if (ag_rep_textfile_read(path, &data, &size, err))
    return -1;
  int status = ag_rep_baseline_parse(b, path, data, size, err);
  free(data);
  return status;
}

void ag_rep_baseline_apply(const struct ag_rep_baseline *b,
                           struct ag_rep_results *res) {
  for (size_t i = 0; i < res->count; ++i) {
    struct ag_rep_finding *f = &res->findings[i];
    f->in_baseline = b->count && bsearch(&f->fingerprint, b->fingerprints,
                                         b->count, sizeof(uint64_t),
                                         ag_rep_u64_cmp);
    if (f->in_baseline && f->status != AG_REP_STATUS_SUPPRESSED)
      f->status = AG_REP_STATUS_BASELINED;
  }
}

void ag_rep_baseline_free(struct ag_rep_baseline *b) {
  free(b->fingerprints);
  memset(b, 0, sizeof(*b));
}
