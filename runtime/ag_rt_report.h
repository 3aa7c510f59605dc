/* ag_rt_report.h - allocation-free diagnostics.
 *
 * A line is built in a caller-owned stack buffer by a tiny formatter and
 * written to stderr with one write(2) under a spinlock, so lines from two
 * threads never interleave. Nothing here allocates or uses stdio.
 */
#ifndef ALLOCGUARD_AG_RT_REPORT_H
#define ALLOCGUARD_AG_RT_REPORT_H

#include <stddef.h>
#include <stdint.h>

#include "ag_abi.h"

#define AG_RT_LINE_MAX 1024

/* One output line; lives on the caller's stack. */
struct ag_rt_line {
  size_t len;               /* bytes used in buf */
  char buf[AG_RT_LINE_MAX]; /* text, no terminator; truncated with "..." */
};

/* What went wrong; the message text comes from one switch. Same values as
 * the public enum allocguard_violation_kind. */
enum ag_rt_kind {
  AG_RT_KIND_ALLOC_IN_SCOPE,
  AG_RT_KIND_DEALLOC_IN_SCOPE,
  AG_RT_KIND_ALLOC_UNDER_LOCK,
  AG_RT_KIND_DEALLOC_UNDER_LOCK,
};

void ag_rt_line_init(struct ag_rt_line *l);
void ag_rt_line_str(struct ag_rt_line *l, const char *s);
void ag_rt_line_mem(struct ag_rt_line *l, const char *s, size_t n);
void ag_rt_line_dec(struct ag_rt_line *l, uint64_t v);
void ag_rt_line_hex(struct ag_rt_line *l, uint64_t v);
/* Writes "0x..." for `v` at the end of `buf` (no terminator) and returns
 * where it starts; the length is buf + AG_RT_HEX_MAX - the result. */
#define AG_RT_HEX_MAX 18
char *ag_rt_format_hex(char buf[AG_RT_HEX_MAX], uint64_t v);
/* Appends "==<pid>==". */
void ag_rt_line_pid(struct ag_rt_line *l);
/* Appends "file:line:col", "file:line" or "file", as far as known (a 0
 * line or column is not). */
void ag_rt_line_loc(struct ag_rt_line *l, const char *file, uint32_t line,
                    uint32_t column);
/* Appends '\n' and writes the line to stderr atomically. */
void ag_rt_line_emit(struct ag_rt_line *l);
/* Hold the output lock across several emits (nestable per thread), so a
 * multi-line report is not interleaved with another thread's lines. */
void ag_rt_output_begin(void);
void ag_rt_output_end(void);

/* The message text of a kind: "allocation in alloc_free scope", ... */
const char *ag_rt_kind_text(enum ag_rt_kind kind);

/* Per-thread reentrancy guard: enter returns 0 when this thread is already
 * reporting (a signal handler, say), in which case the caller stays quiet. */
int ag_rt_report_enter(void);
void ag_rt_report_leave(void);

/* The violation line itself is built in ag_rt_handler.c (shared with
 * allocguard_format_violation); its kind text comes from ag_rt_kind_text. */

#endif /* ALLOCGUARD_AG_RT_REPORT_H */
