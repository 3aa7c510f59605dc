/* ag_rep_summary.h - read translation-unit summary records
 * (docs/summary-format.md, versions 1 to 6).
 *
 * A streaming reader: open a record (string table and unit header), then
 * read its functions, then its calls, one at a time, then (version 2 on) its
 * targets, flows and names; a version 1 record reads as having none. Every count and
 * index is checked against the record before use, and every count is
 * bounded by the bytes left, so a hostile record can neither read past
 * its end nor make the reader allocate more than a few times its size.
 * Version 5 is version 4's fields in columns, deflated: the record is
 * inflated first (common/ag_summary_pack.c) and each field read from its
 * column; version 6 is version 5 with a few fields implied or coded
 * against others. No LLVM and no globals: the fuzz target links this file and
 * the container alone.
 */
#ifndef ALLOCGUARD_AG_REP_SUMMARY_H
#define ALLOCGUARD_AG_REP_SUMMARY_H

#include "ag_rep_util.h"
#include "ag_summary_format.h"
#include "ag_summary_pack.h"

#include <stddef.h>
#include <stdint.h>

/* Codes come from the format's one definition, under the report's names. */
#define AG_REP_X_ENUM(prefix, name, value, text) prefix##name = value,
#define AG_REP_X_LINK(name, value, text) AG_REP_X_ENUM(AG_REP_LINK_, name, value, text)
#define AG_REP_X_KIND(name, value, text) AG_REP_X_ENUM(AG_REP_KIND_, name, value, text)
#define AG_REP_X_FN(name, value, text) AG_REP_X_ENUM(AG_REP_FN_, name, value, text)
enum ag_rep_linkage { AG_SUMMARY_LINKAGES(AG_REP_X_LINK) };
enum ag_rep_kind { AG_SUMMARY_CALL_KINDS(AG_REP_X_KIND) };
enum ag_rep_fn_flag { AG_SUMMARY_FN_FLAGS(AG_REP_X_FN) };
#undef AG_REP_X_LINK
#undef AG_REP_X_KIND
#undef AG_REP_X_FN
#undef AG_REP_X_ENUM
#define AG_REP_KIND_COUNT AG_SUMMARY_CALL_KIND_COUNT
/* function.flags a version 1 record may set (root, allocator). */
#define AG_REP_FN_FLAGS_V1 (AG_REP_FN_ROOT | AG_REP_FN_ALLOCATOR)
/* ... and version 2 (the knowledge base's classes of declarations). */
#define AG_REP_FN_KB                                                          \
  (AG_REP_FN_KB_ALLOCATES | AG_REP_FN_KB_DEALLOCATES | AG_REP_FN_KB_ALLOC_FREE)

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
  uint32_t type_key;        /* v2 kinds 3, 4: string index, else NONE */
  uint32_t field_key;       /* v2 kinds 3, 4: string index or AG_REP_NONE */
  uint8_t kind;             /* enum ag_rep_kind */
};

/* An address-taken function (version 2). */
struct ag_rep_sum_target {
  uint32_t function;        /* function index (may be a declaration) */
  uint32_t type_key;        /* string index */
  uint32_t field_key;       /* string index, or AG_REP_NONE: taken otherwise */
};

/* field_key receives what source_key holds (AG_REP_NONE: open). */
struct ag_rep_sum_flow {
  uint32_t field_key, source_key; /* string indices */
};

/* How to show a key. */
struct ag_rep_sum_name {
  uint32_t key, display;    /* string indices */
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
  uint32_t version;          /* of the record: 1 to 6 (4: compact layout,
                                5: the same in columns, 6: implied
                                symbols) */
  uint32_t table_count, table_read; /* of the table being read */
  uint8_t table;             /* 0 calls, 1 targets, 2 flows, 3 names */
  uint8_t *fn_state;         /* per function: linkage, | 0x80 once its
                                calls are over (they must be grouped) */
  uint32_t last_caller;
  /* Version 4: the front-coded strings, decoded (owned); the functions'
   * and calls' delta state (file as index + 1, line); the call group. */
  char *string_bytes;
  uint32_t fn_file, fn_line, call_file, call_line;
  uint32_t group_caller, group_left;
  uint32_t *fn_lines;        /* version 6: each function's line (owned) */
  /* Version 5: the inflated columns (owned; `record` points to them, so
   * offsets are into them), each column's cursor, and the column that
   * `pos` and `end` are now. */
  uint8_t *inflated;
  struct ag_rep_sum_columns *keep; /* owns `inflated` when set */
  struct ag_rep_sum_cursor {
    const uint8_t *start, *pos, *end;
  } col[AG_SUMMARY_V5_COLUMN_COUNT];
  uint8_t active;
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
/* A version 5 or 6 record's inflated columns, for a caller that opens it
 * more than once (the merge reads each record three times): inflating
 * costs more than all the reading after it. */
struct ag_rep_sum_columns {
  uint8_t *inflated; /* NULL until an open fills it */
  struct ag_summary_span spans[AG_SUMMARY_V5_COLUMN_COUNT];
};
/* As ag_rep_sum_open, but the columns come from `keep` once an earlier
 * open has filled it, and stay there after ag_rep_sum_close (`keep` may
 * be NULL; other versions ignore it). */
int ag_rep_sum_open_kept(struct ag_rep_sum_reader *r, const uint8_t *rec,
                         size_t rec_size, const char *context,
                         size_t base_offset, int flags,
                         struct ag_rep_sum_columns *keep,
                         struct ag_rep_error *err);
void ag_rep_sum_columns_free(struct ag_rep_sum_columns *c);
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
/* After the last call (version 2; a version 1 record has empty tables):
 * each table's count, then its entries. Targets, flows, names, in order. */
int ag_rep_sum_begin_targets(struct ag_rep_sum_reader *r);
int ag_rep_sum_target(struct ag_rep_sum_reader *r,
                      struct ag_rep_sum_target *out);
int ag_rep_sum_begin_flows(struct ag_rep_sum_reader *r);
int ag_rep_sum_flow(struct ag_rep_sum_reader *r, struct ag_rep_sum_flow *out);
int ag_rep_sum_begin_names(struct ag_rep_sum_reader *r);
int ag_rep_sum_name(struct ag_rep_sum_reader *r, struct ag_rep_sum_name *out);
/* Reads and checks the three tables, discarding them. */
int ag_rep_sum_skip_tables(struct ag_rep_sum_reader *r);
/* After the last name: the payload must end here. */
int ag_rep_sum_finish(struct ag_rep_sum_reader *r);
void ag_rep_sum_close(struct ag_rep_sum_reader *r);

/* Reads a whole record, checking everything. */
int ag_rep_sum_validate(const uint8_t *rec, size_t rec_size,
                        const char *context, size_t base_offset,
                        struct ag_rep_error *err);

#endif /* ALLOCGUARD_AG_REP_SUMMARY_H */
