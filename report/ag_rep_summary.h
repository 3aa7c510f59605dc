/* ag_rep_summary.h - read translation-unit summary records
 * (docs/summary-format.md, version 1).
 *
 * A streaming reader: open a record (string table and unit header), then
 * read its functions, then its calls, one at a time. Every count and
 * index is checked against the record before use, and every count is
 * bounded by the bytes left, so a hostile record can neither read past
 * its end nor make the reader allocate more than a few times its size.
 * No LLVM and no globals: the fuzz target links this file alone.
 */
#ifndef ALLOCGUARD_AG_REP_SUMMARY_H
#define ALLOCGUARD_AG_REP_SUMMARY_H

#include "ag_rep_util.h"

#include <stddef.h>
#include <stdint.h>

#define AG_REP_SUMMARY_MAGIC "AGSUMMRY"
#define AG_REP_SUMMARY_VERSION 1
#define AG_REP_SUMMARY_SECTION ".allocguard.summary"

enum ag_rep_linkage {
  AG_REP_LINK_INTERNAL,    /* static: one node per unit */
  AG_REP_LINK_EXTERNAL,    /* one strong definition program-wide */
  AG_REP_LINK_WEAK,        /* inline, template, weak: any copy may win */
  AG_REP_LINK_DECLARATION, /* referenced, defined elsewhere or nowhere */
};

enum ag_rep_kind {
  AG_REP_KIND_CALL,     /* edge to a function */
  AG_REP_KIND_ALLOC,    /* allocation site */
  AG_REP_KIND_DEALLOC,  /* deallocation site */
  AG_REP_KIND_INDIRECT, /* through a function pointer */
  AG_REP_KIND_VIRTUAL,  /* C++ virtual call */
  AG_REP_KIND_EXTERNAL, /* external call the knowledge base did not know */
  AG_REP_KIND_COUNT
};

#define AG_REP_FN_ROOT 1u      /* function.flags bit 0 */
#define AG_REP_FN_ALLOCATOR 2u /* function.flags bit 1 */

/* A string of the record: points into the record, not NUL-terminated. */
struct ag_rep_sv {
  const char *ptr;
  uint32_t len;
};

struct ag_rep_sum_function {
  uint32_t symbol, display; /* string indices */
  uint32_t file;            /* string index or AG_REP_NONE */
  uint32_t line;
  uint8_t linkage;          /* enum ag_rep_linkage */
  uint8_t flags;            /* AG_REP_FN_* */
};

struct ag_rep_sum_call {
  uint32_t caller;          /* function index (a definition) */
  uint32_t callee;          /* function index or AG_REP_NONE */
  uint32_t file;            /* string index or AG_REP_NONE */
  uint32_t line, column;
  uint32_t why;             /* string index or AG_REP_NONE */
  uint8_t kind;             /* enum ag_rep_kind */
};

struct ag_rep_sum_reader {
  const uint8_t *record;     /* the record's first byte (its magic) */
  const uint8_t *pos, *end;  /* cursor in the payload */
  const char *context;       /* "file: section ..." for messages */
  size_t base_offset;        /* offset of `record` in that context */
  struct ag_rep_error *err;
  uint32_t string_count;
  struct ag_rep_sv *strings; /* owned */
  uint32_t source;           /* string index of the unit's source file */
  uint32_t unit_flags;       /* bit 0: debug info */
  uint32_t function_count, functions_read;
  uint32_t call_count, calls_read;
  uint8_t *fn_state;         /* per function: linkage, | 0x80 once its
                                calls are over (they must be grouped) */
  uint32_t last_caller;
};

/* Finds the next record in a section or side file starting at *pos,
 * skipping zero padding. Returns 1 and sets *rec and *rec_size (the whole
 * record, header included), 0 at the end, -1 on a bad header. */
int ag_rep_sum_next_record(const uint8_t *data, size_t size, size_t *pos,
                           const uint8_t **rec, size_t *rec_size,
                           const char *context, struct ag_rep_error *err);

/* Reads the string table, the unit header and the function count.
 * AG_REP_SUM_TRUSTED skips the one check a first read of the same record
 * has made already (no NUL in strings). */
#define AG_REP_SUM_TRUSTED 1
int ag_rep_sum_open(struct ag_rep_sum_reader *r, const uint8_t *rec,
                    size_t rec_size, const char *context, size_t base_offset,
                    int flags, struct ag_rep_error *err);
int ag_rep_sum_function(struct ag_rep_sum_reader *r,
                        struct ag_rep_sum_function *out);
/* After the last function: reads the call count. */
int ag_rep_sum_begin_calls(struct ag_rep_sum_reader *r);
int ag_rep_sum_call(struct ag_rep_sum_reader *r, struct ag_rep_sum_call *out);
/* Right after ag_rep_sum_open of a record read before: jumps to its calls
 * without decoding the functions again. `fn_linkage` (function_count
 * bytes) and `calls_at` (offset of the first call) come from that read. */
void ag_rep_sum_resume(struct ag_rep_sum_reader *r, const uint8_t *fn_linkage,
                       size_t calls_at, uint32_t call_count);
/* After the last call: the payload must end here. */
int ag_rep_sum_finish(struct ag_rep_sum_reader *r);
void ag_rep_sum_close(struct ag_rep_sum_reader *r);

/* Reads a whole record, checking everything. */
int ag_rep_sum_validate(const uint8_t *rec, size_t rec_size,
                        const char *context, size_t base_offset,
                        struct ag_rep_error *err);

#endif /* ALLOCGUARD_AG_REP_SUMMARY_H */
