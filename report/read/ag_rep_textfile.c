/* ag_rep_textfile.c - line-oriented input files (ag_rep_textfile.h). */
#include "ag_rep_textfile.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

int ag_rep_textfile_read(const char *path, char **data, size_t *size,
                         struct ag_rep_error *err) {
  FILE *f = fopen(path, "rb");
  if (!f)
    return ag_rep_fail(err, "%s: cannot open: %s", path, strerror(errno));
  struct stat st;
  if (fstat(fileno(f), &st) != 0 || S_ISDIR(st.st_mode)) {
    fclose(f);
    return ag_rep_fail(err, "%s: not a readable file", path);
  }
  size_t cap = 4096, len = 0;
  char *buf = ag_xmalloc(cap);
  size_t n;
  while ((n = fread(buf + len, 1, cap - len - 1, f)) > 0) {
    len += n;
    if (cap - len - 1 == 0)
      buf = ag_xrealloc(buf, cap *= 2);
  }
  int failed = ferror(f);
  fclose(f);
  if (failed) {
    free(buf);
    return ag_rep_fail(err, "%s: read error", path);
  }
  buf[len] = '\0';
  *data = buf;
  *size = len;
  return 0;
}

static int ag_rep_blank(char c) { return c == ' ' || c == '\t' || c == '\r'; }

int ag_rep_textfile_line(const char *name, const char *data, size_t size,
                         size_t *pos, struct ag_rep_line *line,
                         struct ag_rep_error *err) {
  if (*pos >= size)
    return 0;
  const char *start = data + *pos, *end = data + size;
  const char *nl = memchr(start, '\n', (size_t)(end - start));
  const char *stop = nl ? nl : end;
  line->number++;
  *pos = (size_t)(stop - data) + (nl ? 1 : 0);
  if (memchr(start, '\0', (size_t)(stop - start)))
    return ag_rep_fail(err, "%s:%zu: NUL byte in a text file", name,
                       line->number);
  const char *hash = memchr(start, '#', (size_t)(stop - start));
  const char *text_end = hash ? hash : stop;
  while (start < text_end && ag_rep_blank(*start))
    ++start;
  while (text_end > start && ag_rep_blank(text_end[-1]))
    --text_end;
  line->p = start;
  line->len = (size_t)(text_end - start);
  line->comment = NULL;
  line->comment_len = 0;
  if (hash) {
    const char *c = hash + 1, *c_end = stop;
    while (c < c_end && ag_rep_blank(*c))
      ++c;
    while (c_end > c && ag_rep_blank(c_end[-1]))
      --c_end;
    line->comment = c;
    line->comment_len = (size_t)(c_end - c);
  }
  return 1;
}

const char *ag_rep_textfile_excerpt(const char *p, size_t len) {
  static char buf[48];
  size_t n = 0;
  for (size_t i = 0; i < len && n < 40; ++i)
    buf[n++] = (p[i] >= 0x20 && p[i] < 0x7f) ? p[i] : '?';
  if (len > 40) {
    memcpy(buf + n, "...", 3);
    n += 3;
  }
  buf[n] = '\0';
  return buf;
}
