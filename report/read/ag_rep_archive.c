/* ag_rep_archive.c - `ar` container reader (ag_rep_archive.h). */
#include "ag_rep_archive.h"

#include <stdlib.h>
#include <string.h>

enum { AG_REP_AR_MAGIC = 8, AG_REP_AR_HEADER = 60 };

int ag_rep_ar_kind(const uint8_t *data, size_t size) {
  if (size >= AG_REP_AR_MAGIC && memcmp(data, "!<arch>\n", 8) == 0)
    return AG_REP_AR_REGULAR;
  if (size >= AG_REP_AR_MAGIC && memcmp(data, "!<thin>\n", 8) == 0)
    return AG_REP_AR_THIN;
  return AG_REP_AR_NONE;
}

/* A space-padded decimal header field. */
static int ag_rep_ar_decimal(const uint8_t *field, size_t width,
                             uint64_t *out) {
  uint64_t v = 0;
  size_t i = 0, digits = 0;
  for (; i < width && field[i] >= '0' && field[i] <= '9'; ++i, ++digits)
    v = v * 10 + (uint64_t)(field[i] - '0');
  for (; i < width; ++i)
    if (field[i] != ' ')
      return -1;
  *out = v;
  return digits ? 0 : -1;
}

static int ag_rep_ar_is(const uint8_t *name, const char *want) {
  size_t n = strlen(want);
  for (size_t i = n; i < 16; ++i)
    if (name[i] != ' ')
      return 0;
  return memcmp(name, want, n) == 0;
}

/* Symbol tables (GNU "/" and "/SYM64/", BSD "__.SYMDEF*") carry nothing
 * allocguard needs. */
static int ag_rep_ar_is_symtab(const char *name) {
  return strcmp(name, "/") == 0 || strcmp(name, "/SYM64/") == 0 ||
         strncmp(name, "__.SYMDEF", 9) == 0;
}

struct ag_rep_ar_state {
  const uint8_t *data;
  size_t size;
  const char *context;
  const uint8_t *longnames; /* the GNU "//" member */
  size_t longnames_size;
  struct ag_rep_error *err;
};

static int ag_rep_ar_set_name(struct ag_rep_ar_member *m, const void *src,
                              size_t len, struct ag_rep_ar_state *s) {
  if (len == 0 || len >= AG_REP_AR_NAME_MAX || memchr(src, 0, len))
    return ag_rep_fail(s->err, "%s, offset %zu: bad member name", s->context,
                       m->offset);
  memcpy(m->name, src, len);
  m->name[len] = '\0';
  return 0;
}

/* Resolves the member's name; for BSD "#1/N" names the name's bytes are
 * taken off the front of the data (*skip). */
static int ag_rep_ar_name(struct ag_rep_ar_state *s, const uint8_t *h,
                          struct ag_rep_ar_member *m, uint64_t size,
                          size_t *skip) {
  *skip = 0;
  uint64_t n;
  if (memcmp(h, "#1/", 3) == 0) {
    if (ag_rep_ar_decimal(h + 3, 13, &n) || n > size)
      return ag_rep_fail(s->err, "%s, offset %zu: bad BSD long name length",
                         s->context, m->offset);
    const uint8_t *name = h + AG_REP_AR_HEADER;
    size_t len = (size_t)n;
    while (len && name[len - 1] == 0) /* Darwin pads names with NULs */
      --len;
    *skip = (size_t)n;
    return ag_rep_ar_set_name(m, name, len, s);
  }
  if (h[0] == '/' && h[1] >= '0' && h[1] <= '9') {
    if (ag_rep_ar_decimal(h + 1, 15, &n) || !s->longnames ||
        n >= s->longnames_size)
      return ag_rep_fail(s->err, "%s, offset %zu: long name offset is not in "
                         "the archive's name table", s->context, m->offset);
    const uint8_t *start = s->longnames + n;
    const uint8_t *nl = memchr(start, '\n', s->longnames_size - (size_t)n);
    size_t len = nl ? (size_t)(nl - start) : s->longnames_size - (size_t)n;
    if (len && start[len - 1] == '/')
      --len;
    return ag_rep_ar_set_name(m, start, len, s);
  }
  size_t len = 16;
  while (len && h[len - 1] == ' ')
    --len;
  /* GNU ends short names with '/'; "/" and "//" are names themselves. */
  if (len > 1 && h[len - 1] == '/' && !(len == 2 && h[0] == '/'))
    --len;
  return ag_rep_ar_set_name(m, h, len, s);
}

static int ag_rep_ar_members(struct ag_rep_ar_state *s, int kind,
                             struct ag_rep_ar_member *m, ag_rep_ar_cb cb,
                             void *ctx) {
  const uint8_t *data = s->data;
  size_t size = s->size;
  const char *context = s->context;
  struct ag_rep_error *err = s->err;
  size_t at = AG_REP_AR_MAGIC;
  while (at < size) {
    if (size - at < AG_REP_AR_HEADER)
      return ag_rep_fail(err, "%s, offset %zu: truncated member header",
                         context, at);
    const uint8_t *h = data + at;
    uint64_t msize;
    if (h[58] != '`' || h[59] != '\n' || ag_rep_ar_decimal(h + 48, 10, &msize))
      return ag_rep_fail(err, "%s, offset %zu: corrupt member header", context,
                         at);
    m->offset = at;
    size_t body = at + AG_REP_AR_HEADER;
    int is_longnames = ag_rep_ar_is(h, "//");
    /* Thin archives store only the symbol and name tables inline. */
    int inline_data = kind == AG_REP_AR_REGULAR || is_longnames ||
                      ag_rep_ar_is(h, "/") || ag_rep_ar_is(h, "/SYM64/");
    if (inline_data && msize > size - body)
      return ag_rep_fail(err, "%s, offset %zu: member of %llu bytes runs past "
                         "the end of the archive", context, at,
                         (unsigned long long)msize);
    size_t skip = 0;
    if (is_longnames) {
      s->longnames = data + body;
      s->longnames_size = (size_t)msize;
    } else {
      if (ag_rep_ar_name(s, h, m, inline_data ? msize : 0, &skip))
        return -1;
      if (!ag_rep_ar_is_symtab(m->name)) {
        m->data = inline_data ? data + body + skip : NULL;
        m->size = (size_t)msize - skip;
        if (cb(ctx, m, err))
          return -1;
      }
    }
    size_t advance = inline_data ? (size_t)msize : 0;
    at = body + advance + (advance & 1); /* members start at even offsets */
  }
  return 0;
}

int ag_rep_ar_walk(const uint8_t *data, size_t size, const char *context,
                   ag_rep_ar_cb cb, void *ctx, struct ag_rep_error *err) {
  int kind = ag_rep_ar_kind(data, size);
  if (kind == AG_REP_AR_NONE)
    return ag_rep_fail(err, "%s: not an archive", context);
  struct ag_rep_ar_state s = {data, size, context, NULL, 0, err};
  /* On the heap (4 KiB of name), one per walk: callbacks may walk a
   * nested archive. */
  struct ag_rep_ar_member *m = ag_xmalloc(sizeof(*m));
  int status = ag_rep_ar_members(&s, kind, m, cb, ctx);
  free(m);
  return status;
}
