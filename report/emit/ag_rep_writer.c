/* ag_rep_writer.c - output helpers over a write callback
 * (ag_rep_writer.h). */
#include "ag_rep_writer.h"

#include "ag_json_string.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void ag_rep_out_buffer(struct ag_rep_out *o, size_t cap) {
  o->buf = malloc(cap);
  o->cap = o->buf ? cap : 0;
  o->len = 0;
}

void ag_rep_out_flush(struct ag_rep_out *o) {
  if (o->len)
    o->write(o->ctx, o->buf, o->len);
  o->len = 0;
}

void ag_rep_out_close(struct ag_rep_out *o) {
  ag_rep_out_flush(o);
  free(o->buf);
  o->buf = NULL;
  o->cap = 0;
}

void ag_rep_putn(struct ag_rep_out *o, const char *s, size_t n) {
  if (!n)
    return;
  if (o->len + n <= o->cap) {
    memcpy(o->buf + o->len, s, n);
    o->len += n;
    return;
  }
  ag_rep_out_flush(o);
  if (n < o->cap) {
    memcpy(o->buf, s, n);
    o->len = n;
  } else {
    o->write(o->ctx, s, n);
  }
}

void ag_rep_putu(struct ag_rep_out *o, uint64_t v) {
  char digits[20];
  size_t n = sizeof(digits);
  do {
    digits[--n] = (char)('0' + v % 10);
    v /= 10;
  } while (v);
  ag_rep_putn(o, digits + n, sizeof(digits) - n);
}

void ag_rep_put(struct ag_rep_out *o, const char *s) {
  ag_rep_putn(o, s, strlen(s));
}

void ag_rep_printf(struct ag_rep_out *o, const char *fmt, ...) {
  char small[512];
  va_list ap;
  va_start(ap, fmt);
  int len = vsnprintf(small, sizeof(small), fmt, ap);
  va_end(ap);
  if (len < 0)
    return;
  if ((size_t)len < sizeof(small)) {
    ag_rep_putn(o, small, (size_t)len);
    return;
  }
  char *big = malloc((size_t)len + 1);
  if (!big)
    return;
  va_start(ap, fmt);
  vsnprintf(big, (size_t)len + 1, fmt, ap);
  va_end(ap);
  ag_rep_putn(o, big, (size_t)len);
  free(big);
}

static void ag_rep_json_put(void *context, const char *data, size_t len) {
  ag_rep_putn(context, data, len);
}

void ag_rep_json_string(struct ag_rep_out *o, const char *s) {
  ag_json_string_write(ag_rep_json_put, o, s);
}

void ag_rep_html_text(struct ag_rep_out *o, const char *s) {
  const char *run = s;
  for (; *s; ++s) {
    const char *entity = NULL;
    switch (*s) {
    case '<': entity = "&lt;"; break;
    case '>': entity = "&gt;"; break;
    case '&': entity = "&amp;"; break;
    case '|': entity = "&#124;"; break; /* would end a table cell */
    case '`': entity = "&#96;"; break;
    case '*': entity = "&#42;"; break;
    case '_': entity = "&#95;"; break;
    case '\n': entity = " "; break;
    default: continue;
    }
    ag_rep_putn(o, run, (size_t)(s - run));
    ag_rep_put(o, entity);
    run = s + 1;
  }
  ag_rep_putn(o, run, (size_t)(s - run));
}

void ag_rep_dot_string(struct ag_rep_out *o, const char *s) {
  ag_rep_putn(o, "\"", 1);
  const char *run = s;
  for (; *s; ++s) {
    if (*s != '"' && *s != '\\' && *s != '\n')
      continue;
    ag_rep_putn(o, run, (size_t)(s - run));
    ag_rep_put(o, *s == '\n' ? "\\n" : *s == '"' ? "\\\"" : "\\\\");
    run = s + 1;
  }
  ag_rep_putn(o, run, (size_t)(s - run));
  ag_rep_putn(o, "\"", 1);
}

void ag_rep_hex64(struct ag_rep_out *o, uint64_t v) {
  static const char hex[] = "0123456789abcdef";
  char digits[16];
  for (int i = 15; i >= 0; --i, v >>= 4)
    digits[i] = hex[v & 15];
  ag_rep_putn(o, digits, 16);
}

void ag_rep_write_file(void *ctx, const char *data, size_t len) {
  fwrite(data, 1, len, (FILE *)ctx);
}
