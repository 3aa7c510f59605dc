/* ag_json_string.c - JSON string literals (ag_json_string.h). */
#include "ag_json_string.h"

#include <stdio.h>

/* Length of the valid UTF-8 sequence at p (1-4), or 0. */
static size_t ag_utf8_length(const unsigned char *p) {
  if (p[0] < 0x80)
    return 1;
  size_t n = p[0] >= 0xf0 && p[0] <= 0xf4   ? 4
             : p[0] >= 0xe0 && p[0] < 0xf0  ? 3
             : p[0] >= 0xc2 && p[0] < 0xe0  ? 2
                                            : 0;
  for (size_t i = 1; i < n; ++i)
    if ((p[i] & 0xc0) != 0x80)
      return 0;
  if ((n == 3 && p[0] == 0xe0 && p[1] < 0xa0) ||
      (n == 3 && p[0] == 0xed && p[1] >= 0xa0) ||
      (n == 4 && p[0] == 0xf0 && p[1] < 0x90) ||
      (n == 4 && p[0] == 0xf4 && p[1] >= 0x90))
    return 0; /* overlong, surrogate or past U+10FFFF */
  return n;
}

void ag_json_string_write(ag_json_put_fn *put, void *context, const char *s) {
  if (!s) {
    put(context, "null", 4);
    return;
  }
  put(context, "\"", 1);
  const unsigned char *p = (const unsigned char *)s, *run = p;
  while (*p) {
    size_t n = ag_utf8_length(p);
    if (n && *p >= 0x20 && *p != '"' && *p != '\\') {
      p += n;
      continue;
    }
    put(context, (const char *)run, (size_t)(p - run));
    char escape[8];
    int len;
    if (*p == '"' || *p == '\\')
      len = snprintf(escape, sizeof escape, "\\%c", *p);
    else if (*p == '\n')
      len = snprintf(escape, sizeof escape, "\\n");
    else if (*p == '\t')
      len = snprintf(escape, sizeof escape, "\\t");
    else if (*p < 0x20)
      len = snprintf(escape, sizeof escape, "\\u%04x", *p);
    else
      len = snprintf(escape, sizeof escape, "\\ufffd");
    put(context, escape, (size_t)len);
    run = ++p;
  }
  put(context, (const char *)run, (size_t)(p - run));
  put(context, "\"", 1);
}
