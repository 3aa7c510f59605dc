/* ag_rep_suppress.c - read suppression files (ag_rep_suppress.h); the
 * matching is in ag_rep_suppress_match.c, so the fuzzer links the parser
 * alone. */
#include "ag_rep_suppress.h"

#include "ag_rep_textfile.h"

#include <stdlib.h>
#include <string.h>

static const char *const ag_rep_sup_kinds[] = {"root", "callee", "path"};

static void ag_rep_sup_add_name(struct ag_rep_suppression *sup,
                                const char *p, size_t len) {
  while (len && (*p == ' ' || *p == '\t'))
    ++p, --len;
  while (len && (p[len - 1] == ' ' || p[len - 1] == '\t'))
    --len;
  sup->names = ag_xrealloc(sup->names,
                           (sup->name_count + 1) * sizeof(char *));
  sup->names[sup->name_count++] = ag_xstrndup(p, len);
}

/* The next '>' that separates path names: one inside C++ template
 * arguments (`std::vector<int>::push_back`) does not. */
static const char *ag_rep_sup_split(const char *p, const char *end) {
  int depth = 0;
  for (; p < end; ++p) {
    if (*p == '<' || *p == '(')
      ++depth;
    else if ((*p == ')' || *p == '>') && depth > 0)
      --depth;
    else if (*p == '>')
      return p;
  }
  return end;
}

static int ag_rep_sup_entry(struct ag_rep_suppressions *s, const char *name,
                            const struct ag_rep_line *line,
                            struct ag_rep_error *err) {
  const char *colon = memchr(line->p, ':', line->len);
  size_t kind_len = colon ? (size_t)(colon - line->p) : 0;
  int kind = -1;
  for (int k = 0; colon && k < 3; ++k)
    if (strlen(ag_rep_sup_kinds[k]) == kind_len &&
        memcmp(ag_rep_sup_kinds[k], line->p, kind_len) == 0)
      kind = k;
  if (kind < 0)
    return ag_rep_fail(err, "%s:%zu: expected root:NAME, callee:NAME or "
                       "path:A>B, found '%s'", name, line->number,
                       ag_rep_textfile_excerpt(line->p, line->len));
  const char *value = colon + 1;
  size_t value_len = line->len - kind_len - 1;
  if (!line->comment || !line->comment_len)
    return ag_rep_fail(err, "%s:%zu: suppression '%s' has no justification; "
                       "add '# why it is acceptable' after it", name,
                       line->number, ag_rep_textfile_excerpt(line->p, line->len));
  struct ag_rep_suppression sup = {0};
  sup.kind = (uint8_t)kind;
  for (const char *p = value, *end = value + value_len; p <= end;) {
    const char *stop = kind == AG_REP_SUP_PATH ? ag_rep_sup_split(p, end) : end;
    ag_rep_sup_add_name(&sup, p, (size_t)(stop - p));
    if (!sup.names[sup.name_count - 1][0]) {
      for (size_t i = 0; i < sup.name_count; ++i)
        free(sup.names[i]);
      free(sup.names);
      return ag_rep_fail(err, "%s:%zu: empty function name in '%s'", name,
                         line->number,
                         ag_rep_textfile_excerpt(line->p, line->len));
    }
    p = stop + 1;
  }
  sup.text = ag_xstrndup(line->p, line->len);
  sup.justification = ag_xstrndup(line->comment, line->comment_len);
  sup.file = s->files[s->file_count - 1];
  sup.line = line->number;
  AG_PUSH(s->items, s->count, s->cap, sup);
  return 0;
}

int ag_rep_suppressions_parse(struct ag_rep_suppressions *s, const char *name,
                              const char *data, size_t size,
                              struct ag_rep_error *err) {
  AG_PUSH(s->files, s->file_count, s->file_cap, ag_xstrdup(name));
  size_t pos = 0;
  struct ag_rep_line line = {0};
  int r;
  while ((r = ag_rep_textfile_line(name, data, size, &pos, &line, err)) == 1)
    if (line.len && ag_rep_sup_entry(s, name, &line, err))
      return -1;
  return r;
}

int ag_rep_suppressions_load(struct ag_rep_suppressions *s, const char *path,
                             struct ag_rep_error *err) {
  char *data;
  size_t size;
  if (ag_rep_textfile_read(path, &data, &size, err))
    return -1;
  int status = ag_rep_suppressions_parse(s, path, data, size, err);
  free(data);
  return status;
}

void ag_rep_suppressions_free(struct ag_rep_suppressions *s) {
  for (size_t i = 0; i < s->count; ++i) {
    for (size_t n = 0; n < s->items[i].name_count; ++n)
      free(s->items[i].names[n]);
    free(s->items[i].names);
    free(s->items[i].text);
    free(s->items[i].justification);
  }
  for (size_t i = 0; i < s->file_count; ++i)
    free(s->files[i]);
  free(s->items);
  free(s->files);
  memset(s, 0, sizeof(*s));
}
