/* ag_source.c - source snippets under diagnostics (ag_source.h). */
#include "ag_source.h"

#include <stdlib.h>
#include <string.h>

#include "ag_compat.h"
#include "ag_util.h"

/* Sources larger than this are not shown: a snippet is not worth reading
 * a generated monster. */
#define AG_SOURCE_MAX (64u << 20)

static void ag_source_read(struct ag_source_file *f) {
  FILE *in = fopen(f->name, "rb");
  long size;
  if (!in)
    return;
  if (fseek(in, 0, SEEK_END) == 0 && (size = ftell(in)) >= 0 &&
      (unsigned long)size <= AG_SOURCE_MAX && fseek(in, 0, SEEK_SET) == 0) {
    f->text = ag_xmalloc((size_t)size + 1);
    f->len = fread(f->text, 1, (size_t)size, in);
    f->text[f->len] = '\0';
  }
  fclose(in);
  if (!f->text)
    return;
  /* A line start per newline, and the first: sized for lines of about 32
   * bytes, grown when they are shorter. */
  size_t cap = f->len / 32 + 16;
  const char *end = f->text + f->len;
  f->line_starts = ag_xmalloc(cap * sizeof(*f->line_starts));
  f->line_starts[f->line_count++] = 0;
  for (const char *p = f->text;
       (p = memchr(p, '\n', (size_t)(end - p))) != NULL;) {
    ++p;
    if (f->line_count == cap)
      ag_grow((void **)&f->line_starts, &cap, f->line_count + 1,
              sizeof(*f->line_starts));
    f->line_starts[f->line_count++] = (size_t)(p - f->text);
  }
}

static const struct ag_source_file *ag_source_get(struct ag_source_cache *c,
                                                  const char *name) {
  struct ag_source_file f = {0};
  for (size_t i = 0; i < c->count; ++i)
    if (strcmp(c->files[i].name, name) == 0)
      return &c->files[i];
  f.name = ag_xstrdup(name);
  ag_source_read(&f);
  AG_PUSH(c->files, c->count, c->cap, f);
  return &c->files[c->count - 1];
}

/* Writes text[0..n) with tabs expanded; with `caret`, writes the caret line
 * for byte `column` instead (spaces up to it, then '^'). */
static void ag_source_put(FILE *out, const char *text, size_t n,
                          unsigned column, int caret) {
  size_t width = 0;
  for (size_t i = 0; i < n; ++i) {
    size_t cells = text[i] == '\t' ? 8 - width % 8 : 1;
    if (caret && i + 1 == column) {
      fprintf(out, "%*s^", (int)width, "");
      return;
    }
    if (!caret) {
      if (text[i] == '\t')
        fprintf(out, "%*s", (int)cells, "");
      else
        fputc(text[i], out);
    }
    width += cells;
  }
  if (caret) /* the column is past the end of the line */
    fprintf(out, "%*s^", (int)width, "");
}

void ag_source_print_snippet(FILE *out, struct ag_source_cache *cache,
                             const char *file, unsigned line,
                             unsigned column, int color) {
  const struct ag_source_file *f;
  const char *start, *end;
  if (!file || !line)
    return;
  f = ag_source_get(cache, file);
  if (!f->text)
    return;
  if (line > f->line_count)
    return;
  start = f->text + f->line_starts[line - 1];
  end = memchr(start, '\n', f->len - (size_t)(start - f->text));
  if (!end)
    end = f->text + f->len;
  if (end > start && end[-1] == '\r')
    --end;
#if AG_LLVM_VERSION_GE(17)
  fprintf(out, "%5u | ", line);
#endif
  ag_source_put(out, start, (size_t)(end - start), column, 0);
  fputc('\n', out);
  if (!column)
    return;
#if AG_LLVM_VERSION_GE(17)
  fputs("      | ", out);
#endif
  if (color) /* clang's caret colour */
    fputs("\033[0;1;32m", out);
  ag_source_put(out, start, (size_t)(end - start), column, 1);
  if (color)
    fputs("\033[0m", out);
  fputc('\n', out);
}

void ag_source_cache_free(struct ag_source_cache *cache) {
  for (size_t i = 0; i < cache->count; ++i) {
    free(cache->files[i].name);
    free(cache->files[i].text);
    free(cache->files[i].line_starts);
  }
  free(cache->files);
  memset(cache, 0, sizeof(*cache));
}
