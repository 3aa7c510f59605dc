/* ag_rep_writer.h - every byte of every report goes through a write
 * callback (jemalloc's stats emitter does the same): emitters never see a
 * FILE, so one pass can feed several outputs, and tests or fuzzers can
 * capture output in memory.
 */
#ifndef ALLOCGUARD_AG_REP_WRITER_H
#define ALLOCGUARD_AG_REP_WRITER_H

#include <stddef.h>
#include <stdint.h>

typedef void (*ag_rep_write_cb)(void *ctx, const char *data, size_t len);

/* An output: the callback, and optionally a buffer in front of it (large
 * reports are written in many small pieces; the callback sees chunks).
 * With `buf` NULL every piece goes straight to the callback. */
struct ag_rep_out {
  ag_rep_write_cb write;
  void *ctx;
  char *buf;
  size_t len, cap;
};

/* Gives `o` a buffer of `cap` bytes; ag_rep_out_close flushes, frees it. */
void ag_rep_out_buffer(struct ag_rep_out *o, size_t cap);
void ag_rep_out_flush(struct ag_rep_out *o);
void ag_rep_out_close(struct ag_rep_out *o);

void ag_rep_putn(struct ag_rep_out *o, const char *s, size_t n);
void ag_rep_put(struct ag_rep_out *o, const char *s);
/* A decimal number, without printf. */
void ag_rep_putu(struct ag_rep_out *o, uint64_t v);
void ag_rep_printf(struct ag_rep_out *o, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* JSON string with quotes; NULL writes null. Bytes that are not valid
 * UTF-8 become U+FFFD, so the document is always valid JSON. */
void ag_rep_json_string(struct ag_rep_out *o, const char *s);
/* Text for HTML and markdown: <, >, &, |, ` and * escaped as entities. */
void ag_rep_html_text(struct ag_rep_out *o, const char *s);
/* A double-quoted DOT string. */
void ag_rep_dot_string(struct ag_rep_out *o, const char *s);
/* 16 lowercase hex digits. */
void ag_rep_hex64(struct ag_rep_out *o, uint64_t v);

/* The callback for a stdio stream (ctx is the FILE *). */
void ag_rep_write_file(void *ctx, const char *data, size_t len);

#endif /* ALLOCGUARD_AG_REP_WRITER_H */
