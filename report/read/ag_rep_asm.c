/* ag_rep_asm.c - decode the summary block of module assembly
 * (ag_rep_asm.h). */
#include "ag_rep_asm.h"

#include "ag_rep_summary.h"

#include <stdlib.h>
#include <string.h>

struct ag_rep_asm {
  const char *p, *end; /* the current line */
  size_t line;
  uint8_t *out;
  size_t size;
  const char *context;
  struct ag_rep_error *err;
};

static int ag_rep_asm_bad(struct ag_rep_asm *a, const char *what) {
  return ag_rep_fail(a->err, "%s: module assembly line %zu: %s", a->context,
                     a->line, what);
}

static void ag_rep_asm_space(struct ag_rep_asm *a) {
  while (a->p < a->end && (*a->p == ' ' || *a->p == '\t'))
    ++a->p;
}

/* Does the line continue with directive `word` (then space or end)? */
static int ag_rep_asm_word(struct ag_rep_asm *a, const char *word) {
  size_t n = strlen(word);
  if ((size_t)(a->end - a->p) < n || memcmp(a->p, word, n) != 0)
    return 0;
  if (a->p + n < a->end && a->p[n] != ' ' && a->p[n] != '\t')
    return 0;
  a->p += n;
  ag_rep_asm_space(a);
  return 1;
}

static int ag_rep_asm_is_section_name(struct ag_rep_asm *a) {
  const char *name = AG_SUMMARY_SECTION;
  size_t n = strlen(name);
  int quoted = a->p < a->end && *a->p == '"';
  const char *s = a->p + quoted;
  if ((size_t)(a->end - s) < n + (size_t)quoted || memcmp(s, name, n) != 0)
    return 0;
  s += n;
  if (quoted)
    return *s == '"';
  return s == a->end || *s == ',' || *s == ' ' || *s == '\t';
}

static int ag_rep_hex(char c) {
  if (c >= '0' && c <= '9')
    return c - '0';
  if (c >= 'a' && c <= 'f')
    return c - 'a' + 10;
  if (c >= 'A' && c <= 'F')
    return c - 'A' + 10;
  return -1;
}

/* One "..." literal with the assembler's escapes. */
static int ag_rep_asm_string(struct ag_rep_asm *a) {
  if (a->p >= a->end || *a->p != '"')
    return ag_rep_asm_bad(a, "expected a string after .ascii");
  for (++a->p; a->p < a->end && *a->p != '"'; ++a->p) {
    unsigned char c = (unsigned char)*a->p;
    if (c == '\\') {
      if (++a->p >= a->end)
        return ag_rep_asm_bad(a, "escape at the end of the line");
      c = (unsigned char)*a->p;
      if (c >= '0' && c <= '7') {
        unsigned v = 0;
        for (int i = 0; i < 3 && a->p < a->end && *a->p >= '0' && *a->p <= '7';
             ++i, ++a->p)
          v = v * 8 + (unsigned)(*a->p - '0');
        --a->p;
        c = (unsigned char)v;
      } else if (c == 'x') {
        unsigned v = 0;
        int digits = 0;
        for (; digits < 2 && a->p + 1 < a->end && ag_rep_hex(a->p[1]) >= 0;
             ++digits)
          v = v * 16 + (unsigned)ag_rep_hex(*++a->p);
        if (!digits)
          return ag_rep_asm_bad(a, "\\x without hex digits");
        c = (unsigned char)v;
      } else {
        static const char from[] = "bfnrt\"\\", to[] = "\b\f\n\r\t\"\\";
        const char *hit = memchr(from, c, sizeof(from) - 1);
        if (!hit)
          return ag_rep_asm_bad(a, "unknown escape in .ascii string");
        c = (unsigned char)to[hit - from];
      }
    }
    a->out[a->size++] = c;
  }
  if (a->p >= a->end)
    return ag_rep_asm_bad(a, "unterminated .ascii string");
  ++a->p;
  ag_rep_asm_space(a);
  return 0;
}

/* A line inside a block: `.ascii "..."[, "..."]` or `.popsection`.
 * Returns 1 when the block ends. */
static int ag_rep_asm_block_line(struct ag_rep_asm *a) {
  if (a->p == a->end || *a->p == '#')
    return 0;
  if (ag_rep_asm_word(a, ".popsection"))
    return 1;
  if (!ag_rep_asm_word(a, ".ascii"))
    return ag_rep_asm_bad(a, "unexpected directive in the summary section "
                             "(only .ascii is expected)");
  for (;;) {
    if (ag_rep_asm_string(a))
      return -1;
    if (a->p == a->end)
      return 0;
    if (*a->p != ',')
      return ag_rep_asm_bad(a, "junk after .ascii string");
    ++a->p;
    ag_rep_asm_space(a);
  }
}

int ag_rep_asm_extract(const char *text, size_t len, uint8_t **out,
                       size_t *out_size, const char *context,
                       struct ag_rep_error *err) {
  struct ag_rep_asm a = {0};
  a.context = context;
  a.err = err;
  *out = NULL;
  *out_size = 0;
  /* Decoded bytes never outnumber the characters they come from. */
  a.out = ag_xmalloc(len ? len : 1);
  int in_block = 0, found = 0;
  for (const char *line = text; line < text + len;) {
    const char *nl = memchr(line, '\n', (size_t)(text + len - line));
    a.p = line;
    a.end = nl ? nl : text + len;
    a.line++;
    ag_rep_asm_space(&a);
    if (in_block) {
      int r = ag_rep_asm_block_line(&a);
      if (r < 0) {
        free(a.out);
        return -1;
      }
      in_block = !r;
    } else if (ag_rep_asm_word(&a, ".pushsection") &&
               ag_rep_asm_is_section_name(&a)) {
      in_block = found = 1;
    }
    line = nl ? nl + 1 : text + len;
  }
  if (in_block) {
    free(a.out);
    return ag_rep_asm_bad(&a, "summary section is not closed by .popsection");
  }
  if (!found) {
    free(a.out);
    return 0;
  }
  *out = a.out;
  *out_size = a.size;
  return 0;
}
