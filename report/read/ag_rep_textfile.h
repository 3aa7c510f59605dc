/* ag_rep_textfile.h - the line-oriented files the tool reads (baselines,
 * suppressions, root lists): read whole, split into lines, with the
 * checks all of them share (no NUL bytes, CRLF accepted).
 */
#ifndef ALLOCGUARD_AG_REP_TEXTFILE_H
#define ALLOCGUARD_AG_REP_TEXTFILE_H

#include "ag_rep_util.h"

#include <stddef.h>

/* Reads `path` into a NUL-terminated heap buffer (the caller frees it). */
int ag_rep_textfile_read(const char *path, char **data, size_t *size,
                         struct ag_rep_error *err);

struct ag_rep_line {
  const char *p;    /* first non-blank character */
  size_t len;       /* without trailing blanks, '\r' or comment */
  size_t number;    /* 1-based */
  const char *comment; /* text after '#', trimmed, or NULL */
  size_t comment_len;
};

/* Iterates lines: returns 1 with *line filled, 0 at the end, -1 (with
 * *err) on a NUL byte. *pos starts at 0. `#` starts a comment. */
int ag_rep_textfile_line(const char *name, const char *data, size_t size,
                         size_t *pos, struct ag_rep_line *line,
                         struct ag_rep_error *err);

/* A printable excerpt of at most 40 bytes, for messages (static buffer). */
const char *ag_rep_textfile_excerpt(const char *p, size_t len);

#endif /* ALLOCGUARD_AG_REP_TEXTFILE_H */
