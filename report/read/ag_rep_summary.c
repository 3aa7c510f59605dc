/* ag_rep_summary.c - summary record reader (ag_rep_summary.h). */
#include "ag_rep_summary.h"

#include "ag_leb128.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Smallest encodings, used to bound counts by the bytes left: a string is
 * at least its length byte, a function six ulebs, a call seven, a target
 * three, a flow and a name two; in version 4 a function two (head and
 * symbol), a call two (a head, then a callee or keys), a string two. */
enum { AG_REP_MIN_FUNCTION = 6, AG_REP_MIN_CALL = 7, AG_REP_MIN_TARGET = 3,
       AG_REP_MIN_FLOW = 2, AG_REP_MIN_NAME = 2, AG_REP_MIN_FUNCTION_V4 = 2,
       AG_REP_MIN_CALL_V4 = 2 };

static const char *const ag_rep_field_names[] = {"caller", "callee", "file",
                                                 "why"};

/* The columns of versions 5 and 6, by name for messages and by number
 * for reading. */
#define AG_X(name, value, text) text,
static const char *const ag_rep_column_names[] = {AG_SUMMARY_V5_COLUMNS(AG_X)};
#undef AG_X
#define AG_X(name, value, text) AG_COL_##name = value,
enum { AG_SUMMARY_V5_COLUMNS(AG_X) };
#undef AG_X

/* "offset N" in the file, or in version 5 where in the inflated columns:
 * a message cannot point into bytes the file does not hold. */
static int ag_rep_sum_bad_at(struct ag_rep_sum_reader *r, const uint8_t *at,
                             const char *what) {
  if (r->inflated)
    return ag_rep_fail(r->err, "%s, offset %zu, column '%s', byte %zu once "
                       "inflated: %s", r->context, r->base_offset,
                       ag_rep_column_names[r->active],
                       (size_t)(at - r->col[r->active].start),
                       what);
  return ag_rep_fail(r->err, "%s, offset %zu: %s", r->context,
                     r->base_offset + (size_t)(at - r->record), what);
}

static int ag_rep_sum_bad(struct ag_rep_sum_reader *r, const char *what) {
  return ag_rep_sum_bad_at(r, r->pos, what);
}

/* Version 5: later reads come from column `c` (each keeps its cursor).
 * Versions 1 to 4 have one stream: nothing changes. */
static void ag_rep_use(struct ag_rep_sum_reader *r, int c) {
  if (!r->inflated || r->active == c)
    return;
  r->col[r->active].pos = r->pos;
  r->active = (uint8_t)c;
  r->pos = r->col[c].pos;
  r->end = r->col[c].end;
}

/* Bytes left for what column `c` holds (the whole record before version
 * 5), to bound counts by. */
static size_t ag_rep_room(const struct ag_rep_sum_reader *r, int c) {
  if (!r->inflated || r->active == c)
    return (size_t)(r->end - r->pos);
  return (size_t)(r->col[c].end - r->col[c].pos);
}

/* Unsigned LEB128, at most 10 bytes and 64 bits, inside the payload. */
static int ag_rep_uleb(struct ag_rep_sum_reader *r, uint64_t *out) {
  const uint8_t *p = r->pos;
  if (p < r->end && *p < 0x80) { /* the common one-byte case */
    *out = *p;
    r->pos = p + 1;
    return 0;
  }
  switch (ag_uleb_get(p, r->end, &r->pos, out)) {
  case AG_ULEB_PAST_END:
    return ag_rep_sum_bad(r, "integer runs past the end of the record");
  case AG_ULEB_OVERFLOW:
    return ag_rep_sum_bad(r, "integer overflows 64 bits");
  case AG_ULEB_TOO_LONG:
    return ag_rep_sum_bad(r, "integer is longer than 10 bytes");
  }
  return 0;
}

/* A uleb that must be below `limit` (a count, index or line). */
static int ag_rep_uleb_below(struct ag_rep_sum_reader *r, uint64_t limit,
                             const char *what, uint32_t *out) {
  const uint8_t *start = r->pos;
  uint64_t v = 0;
  if (ag_rep_uleb(r, &v))
    return -1;
  if (v >= limit) {
    char problem[160];
    snprintf(problem, sizeof problem, "%s %llu is out of range (must be "
             "below %llu)", what, (unsigned long long)v,
             (unsigned long long)limit);
    r->pos = start;
    return ag_rep_sum_bad_at(r, start, problem);
  }
  *out = (uint32_t)v;
  return 0;
}

/* Version 4: `base` plus a zigzag-coded delta, which must land below
 * `limit`. */
static int ag_rep_delta(struct ag_rep_sum_reader *r, uint32_t base,
                        uint64_t limit, const char *what, uint32_t *out) {
  const uint8_t *start = r->pos;
  uint64_t v = 0;
  if (ag_rep_uleb(r, &v))
    return -1;
  int64_t delta = (v & 1) ? -(int64_t)(v >> 1) - 1 : (int64_t)(v >> 1);
  int64_t value = (int64_t)base + delta;
  if ((v >> 1) > UINT32_MAX || value < 0 || (uint64_t)value >= limit) {
    char problem[160];
    snprintf(problem, sizeof problem, "%s is out of range (must be below "
             "%llu)", what, (unsigned long long)limit);
    r->pos = start;
    return ag_rep_sum_bad_at(r, start, problem);
  }
  *out = (uint32_t)value;
  return 0;
}

/* An optional index (value+1, 0 for none). */
static int ag_rep_opt_index(struct ag_rep_sum_reader *r, uint32_t count,
                            const char *what, uint32_t *out) {
  uint32_t v;
  if (ag_rep_uleb_below(r, (uint64_t)count + 1, what, &v))
    return -1;
  *out = v ? v - 1 : AG_REP_NONE;
  return 0;
}

int ag_rep_sum_next_record(const uint8_t *data, size_t size, size_t *pos,
                           const uint8_t **rec, size_t *rec_size,
                           const char *context, struct ag_rep_error *err) {
  size_t at = *pos;
  while (at < size && data[at] == 0) /* alignment padding */
    ++at;
  *pos = at;
  if (at == size)
    return 0;
  if (size - at < AG_SUMMARY_HEADER_SIZE ||
      memcmp(data + at, AG_SUMMARY_MAGIC, AG_SUMMARY_MAGIC_SIZE) != 0)
    return ag_rep_fail(err, "%s, offset %zu: not a summary record (bad magic "
                       "or truncated header)", context, at);
  const uint8_t *h = data + at;
  uint32_t version = h[8] | h[9] << 8 | h[10] << 16 | (uint32_t)h[11] << 24;
  uint32_t payload = h[12] | h[13] << 8 | h[14] << 16 | (uint32_t)h[15] << 24;
  if (version < AG_SUMMARY_VERSION_MIN || version > AG_SUMMARY_VERSION)
    return ag_rep_fail(err, "%s, offset %zu: summary format version %u is not "
                       "supported (this allocguard-report reads versions %d "
                       "to %d; a newer plugin wrote it?)", context, at, version,
                       AG_SUMMARY_VERSION_MIN, AG_SUMMARY_VERSION);
  if (payload > size - at - 16)
    return ag_rep_fail(err, "%s, offset %zu: record of %u payload bytes runs "
                       "past the end (%zu bytes left): truncated",
                       context, at, payload, size - at - 16);
  *rec = h;
  *rec_size = 16 + (size_t)payload;
  *pos = at + *rec_size;
  return 1;
}

/* Versions 1 to 3: each string whole, pointed to in the record. */
static int ag_rep_sum_strings(struct ag_rep_sum_reader *r, int flags) {
  uint32_t count;
  if (ag_rep_uleb_below(r, (uint64_t)(r->end - r->pos) + 1, "string count",
                        &count))
    return -1;
  r->string_count = count;
  r->strings = ag_xcalloc(count, sizeof(*r->strings));
  for (uint32_t i = 0; i < count; ++i) {
    uint32_t len;
    if (ag_rep_uleb_below(r, UINT32_MAX, "string length", &len))
      return -1;
    if (len > (size_t)(r->end - r->pos))
      return ag_rep_sum_bad(r, "string runs past the end of the record");
    if (!(flags & AG_REP_SUM_TRUSTED) && memchr(r->pos, 0, len))
      return ag_rep_sum_bad(r, "string contains a NUL byte");
    r->strings[i].ptr = (const char *)r->pos;
    r->strings[i].len = len;
    r->pos += len;
  }
  return 0;
}

/* Version 4: front-coded strings (the prefix shared with the string
 * before, then the rest), decoded into one owned buffer. A first walk
 * checks them and sizes the buffer, which may not exceed
 * AG_SUMMARY_V4_STRING_EXPANSION times the payload (plus the slack), so a
 * hostile record cannot make the reader allocate much more than it is. */
static int ag_rep_sum_strings_v4(struct ag_rep_sum_reader *r, int flags) {
  uint32_t count;
  if (ag_rep_uleb_below(r, (uint64_t)(r->end - r->pos) / 2 + 1,
                        "string count", &count))
    return -1;
  const uint8_t *first = r->pos;
  uint64_t limit = (uint64_t)(r->end - r->record) *
                       AG_SUMMARY_V4_STRING_EXPANSION +
                   AG_SUMMARY_V4_STRING_SLACK;
  uint64_t total = 0;
  uint32_t prev = 0;
  for (uint32_t i = 0; i < count; ++i) {
    uint32_t shared, len;
    if (ag_rep_uleb_below(r, (uint64_t)prev + 1, "shared prefix", &shared) ||
        ag_rep_uleb_below(r, UINT32_MAX, "string length", &len))
      return -1;
    if (len > (size_t)(r->end - r->pos))
      return ag_rep_sum_bad(r, "string runs past the end of the record");
    if (!(flags & AG_REP_SUM_TRUSTED) && memchr(r->pos, 0, len))
      return ag_rep_sum_bad(r, "string contains a NUL byte");
    if ((uint64_t)shared + len >= UINT32_MAX ||
        (total += (uint64_t)shared + len) > limit)
      return ag_rep_sum_bad(r, "strings expand to more than the format "
                            "allows");
    r->pos += len;
    prev = shared + len;
  }
  r->string_count = count;
  r->strings = ag_xcalloc(count, sizeof(*r->strings));
  char *bytes = r->string_bytes = ag_xmalloc(total ? total : 1);
  r->pos = first;
  const char *prev_ptr = bytes;
  for (uint32_t i = 0; i < count; ++i) {
    uint64_t shared, len;
    ag_rep_uleb(r, &shared); /* checked above */
    ag_rep_uleb(r, &len);
    memcpy(bytes, prev_ptr, shared);
    memcpy(bytes + shared, r->pos, len);
    r->pos += len;
    r->strings[i].ptr = prev_ptr = bytes;
    r->strings[i].len = (uint32_t)(shared + len);
    bytes += shared + len;
  }
  return 0;
}

/* Version 5: inflates the columns and reads on from the main one, with
 * `record` at the inflated bytes (offsets such as calls_at are into
 * them, the same on every read of the record). */
static int ag_rep_sum_inflate(struct ag_rep_sum_reader *r) {
  struct ag_summary_span spans[AG_SUMMARY_V5_COLUMN_COUNT];
  size_t at = 0;
  const uint8_t *payload = r->record + AG_SUMMARY_HEADER_SIZE;
  if (r->keep && r->keep->inflated) { /* inflated by an earlier open */
    r->inflated = r->keep->inflated;
    memcpy(spans, r->keep->spans, sizeof spans);
  } else {
    const char *problem = ag_summary_unpack(
        payload, (size_t)(r->end - payload), &r->inflated, spans, &at);
    if (problem) {
      free(r->inflated);
      r->inflated = NULL;
      return ag_rep_sum_bad_at(r, payload + at, problem);
    }
    if (r->keep) {
      r->keep->inflated = r->inflated;
      memcpy(r->keep->spans, spans, sizeof spans);
    }
  }
  for (int c = 0; c < AG_SUMMARY_V5_COLUMN_COUNT; ++c) {
    r->col[c].start = r->col[c].pos = spans[c].data;
    r->col[c].end = spans[c].data + spans[c].size;
  }
  r->record = r->inflated;
  r->active = AG_COL_MAIN;
  r->pos = r->col[AG_COL_MAIN].pos;
  r->end = r->col[AG_COL_MAIN].end;
  return 0;
}

int ag_rep_sum_open(struct ag_rep_sum_reader *r, const uint8_t *rec,
                    size_t rec_size, const char *context, size_t base_offset,
                    int flags, struct ag_rep_error *err) {
  return ag_rep_sum_open_kept(r, rec, rec_size, context, base_offset, flags,
                              NULL, err);
}

int ag_rep_sum_open_kept(struct ag_rep_sum_reader *r, const uint8_t *rec,
                         size_t rec_size, const char *context,
                         size_t base_offset, int flags,
                         struct ag_rep_sum_columns *keep,
                         struct ag_rep_error *err) {
  memset(r, 0, sizeof(*r));
  r->keep = keep;
  r->record = rec;
  r->pos = rec + AG_SUMMARY_HEADER_SIZE;
  r->end = rec + rec_size;
  r->context = context;
  r->base_offset = base_offset;
  r->err = err;
  r->last_caller = AG_REP_NONE;
  r->version = rec[8] | rec[9] << 8 | rec[10] << 16 | (uint32_t)rec[11] << 24;
  if (r->version < AG_SUMMARY_VERSION_MIN || r->version > AG_SUMMARY_VERSION)
    return ag_rep_sum_bad(r, "unsupported summary format version");
  if (r->version >= AG_SUMMARY_VERSION_COLUMNS && ag_rep_sum_inflate(r))
    return -1;
  if ((r->version >= AG_SUMMARY_VERSION_COMPACT ? ag_rep_sum_strings_v4(r, flags)
                        : ag_rep_sum_strings(r, flags)) ||
      ag_rep_uleb_below(r, r->string_count, "unit source string",
                        &r->source) ||
      ag_rep_uleb_below(r, UINT32_MAX, "unit flags", &r->unit_flags))
    return -1;
  /* Each function takes at least its head and symbol: in version 5 a
   * byte in each of their columns; in version 6 a head byte and a string
   * of its own. */
  unsigned min_function =
      r->version >= AG_SUMMARY_VERSION_COMPACT ? AG_REP_MIN_FUNCTION_V4 : AG_REP_MIN_FUNCTION;
  uint64_t most = ag_rep_room(r, AG_COL_MAIN) / min_function;
  if (r->inflated)
    most = ag_rep_room(r, AG_COL_FN_HEAD) < ag_rep_room(r, AG_COL_FN_SYMBOL)
               ? ag_rep_room(r, AG_COL_FN_HEAD)
               : ag_rep_room(r, AG_COL_FN_SYMBOL);
  if (r->version >= AG_SUMMARY_VERSION_IMPLIED)
    most = ag_rep_room(r, AG_COL_FN_HEAD) < r->string_count
               ? ag_rep_room(r, AG_COL_FN_HEAD)
               : r->string_count;
  if (ag_rep_uleb_below(r, most + 1, "function count", &r->function_count))
    return -1;
  r->fn_state = ag_xcalloc(r->function_count, 1);
  if (r->version >= AG_SUMMARY_VERSION_IMPLIED)
    r->fn_lines = ag_xcalloc(r->function_count, sizeof(uint32_t));
  r->fn_file = r->source + 1;
  r->fn_line = 0;
  return 0;
}

/* Version 4: head, symbol, [display], [file], [line delta]; version 5
 * the same, each from its column; version 6 without the symbol, which is
 * the string of the function's own index. */
static int ag_rep_sum_function_v4(struct ag_rep_sum_reader *r,
                                  struct ag_rep_sum_function *out,
                                  uint32_t *linkage, uint32_t *flags) {
  uint32_t head;
  const uint64_t flags_limit = (uint64_t)(AG_REP_FN_FLAGS_V1 | AG_REP_FN_KB) + 1;
  ag_rep_use(r, AG_COL_FN_HEAD);
  if (ag_rep_uleb_below(r, flags_limit << AG_SUMMARY_V4_FN_FLAGS_SHIFT,
                        "function head", &head))
    return -1;
  if (r->version >= AG_SUMMARY_VERSION_IMPLIED) {
    out->symbol = r->functions_read; /* below string_count: see the count */
  } else {
    ag_rep_use(r, AG_COL_FN_SYMBOL);
    if (ag_rep_uleb_below(r, r->string_count, "function symbol string",
                          &out->symbol))
      return -1;
  }
  ag_rep_use(r, AG_COL_MAIN);
  *linkage = head & AG_SUMMARY_V4_FN_LINKAGE_MASK;
  *flags = head >> AG_SUMMARY_V4_FN_FLAGS_SHIFT;
  out->display = out->symbol;
  if ((head & AG_SUMMARY_V4_FN_DISPLAY) &&
      ag_rep_uleb_below(r, r->string_count, "function display string",
                        &out->display))
    return -1;
  if (head & AG_SUMMARY_V4_FN_NOLOC) {
    if (head & AG_SUMMARY_V4_FN_FILE)
      return ag_rep_sum_bad(r, "function has no location and a file");
    out->file = AG_REP_NONE;
    out->line = 0;
    return 0;
  }
  if ((head & AG_SUMMARY_V4_FN_FILE) &&
      ag_rep_uleb_below(r, (uint64_t)r->string_count + 1,
                        "function file string", &r->fn_file))
    return -1;
  ag_rep_use(r, AG_COL_FN_LINE);
  if (ag_rep_delta(r, r->fn_line, UINT32_MAX, "function line", &out->line))
    return -1;
  r->fn_line = out->line;
  out->file = r->fn_file ? r->fn_file - 1 : AG_REP_NONE;
  if (r->fn_lines)
    r->fn_lines[r->functions_read] = out->line;
  return 0;
}

int ag_rep_sum_function(struct ag_rep_sum_reader *r,
                        struct ag_rep_sum_function *out) {
  uint32_t linkage, flags;
  if (r->functions_read >= r->function_count)
    return ag_rep_sum_bad(r, "more functions read than counted");
  if (r->version >= AG_SUMMARY_VERSION_COMPACT) {
    if (ag_rep_sum_function_v4(r, out, &linkage, &flags))
      return -1;
  } else if (ag_rep_uleb_below(r, r->string_count, "function symbol string",
                               &out->symbol) ||
             ag_rep_uleb_below(r, r->string_count, "function display string",
                               &out->display) ||
             ag_rep_uleb_below(r, AG_SUMMARY_LINKAGE_COUNT,
                               "function linkage", &linkage) ||
             ag_rep_uleb_below(r, r->version == 1
                                      ? AG_REP_FN_FLAGS_V1 + 1
                                      : (AG_REP_FN_FLAGS_V1 | AG_REP_FN_KB) + 1,
                               "function flags", &flags) ||
             ag_rep_opt_index(r, r->string_count, "function file string",
                              &out->file) ||
             ag_rep_uleb_below(r, UINT32_MAX, "function line", &out->line)) {
    return -1;
  }
  if (r->strings[out->symbol].len == 0)
    return ag_rep_sum_bad(r, "function has an empty symbol");
  out->linkage = (uint8_t)linkage;
  out->flags = (uint8_t)flags;
  r->fn_state[r->functions_read++] = (uint8_t)linkage;
  return 0;
}

/* Version 4's call state at the first call: no group open, the delta
 * bases at the unit's source and line 0. */
static void ag_rep_sum_calls_reset(struct ag_rep_sum_reader *r) {
  r->group_caller = AG_REP_NONE;
  r->group_left = 0;
  r->call_file = r->source + 1;
  r->call_line = 0;
}

int ag_rep_sum_begin_calls(struct ag_rep_sum_reader *r) {
  if (r->functions_read != r->function_count)
    return ag_rep_sum_bad(r, "calls read before all functions");
  /* The functions' columns end with the functions (version 6 leaves the
   * symbol column empty); a second read skips them (ag_rep_sum_resume). */
  for (int c = AG_COL_FN_HEAD; r->inflated && c <= AG_COL_FN_LINE; ++c) {
    ag_rep_use(r, c);
    if (r->pos != r->end)
      return ag_rep_sum_bad(r, "trailing bytes in the column");
  }
  ag_rep_sum_calls_reset(r);
  /* In version 5 each call takes at least a byte of the head column. */
  unsigned min_call = r->version >= AG_SUMMARY_VERSION_COMPACT ? AG_REP_MIN_CALL_V4 : AG_REP_MIN_CALL;
  uint64_t most = r->inflated ? ag_rep_room(r, AG_COL_CALL_HEAD)
                              : ag_rep_room(r, AG_COL_MAIN) / min_call;
  ag_rep_use(r, AG_COL_MAIN);
  return ag_rep_uleb_below(r, most + 1, "call count", &r->call_count);
}

/* Versions 1 to 3: seven ulebs. */
static int ag_rep_sum_call_v12(struct ag_rep_sum_reader *r,
                               struct ag_rep_sum_call *out, uint32_t *kind) {
  return ag_rep_uleb_below(r, r->function_count, ag_rep_field_names[0],
                           &out->caller) ||
         ag_rep_uleb_below(r, AG_REP_KIND_COUNT, "call kind", kind) ||
         ag_rep_opt_index(r, r->function_count, ag_rep_field_names[1],
                          &out->callee) ||
         ag_rep_opt_index(r, r->string_count, ag_rep_field_names[2],
                          &out->file) ||
         ag_rep_uleb_below(r, UINT32_MAX, "call line", &out->line) ||
         ag_rep_uleb_below(r, UINT32_MAX, "call column", &out->column) ||
         ag_rep_opt_index(r, r->string_count, ag_rep_field_names[3],
                          &out->why)
             ? -1
             : 0;
}

/* Version 4: a group header when the last group is used up (the caller
 * as a delta from the one before, the group's call count), then the
 * call's head, [callee delta], [why], [file], [line delta, column];
 * version 5 the same, each from its column (the keys too, which the
 * caller reads after); version 6 with the callee as an index and each
 * group's first line as a delta from its caller's. */
static int ag_rep_sum_call_v4(struct ag_rep_sum_reader *r,
                              struct ag_rep_sum_call *out, uint32_t *kind) {
  if (!r->group_left) {
    uint32_t delta, n;
    uint64_t next =
        r->group_caller == AG_REP_NONE ? 0 : (uint64_t)r->group_caller + 1;
    uint64_t room = r->function_count > next ? r->function_count - next : 0;
    ag_rep_use(r, AG_COL_CALL_GROUP);
    if (ag_rep_uleb_below(r, room, "caller delta", &delta) ||
        ag_rep_uleb_below(r, (uint64_t)(r->call_count - r->calls_read) + 1,
                          "calls of a caller", &n))
      return -1;
    if (!n)
      return ag_rep_sum_bad(r, "caller with no calls");
    r->group_caller = (uint32_t)(next + delta);
    r->group_left = n;
    if (r->fn_lines)
      r->call_line = r->fn_lines[r->group_caller];
  }
  uint32_t head;
  ag_rep_use(r, AG_COL_CALL_HEAD);
  if (ag_rep_uleb_below(r, AG_SUMMARY_V4_CALL_HEAD_LIMIT, "call head", &head))
    return -1;
  *kind = head & AG_SUMMARY_V4_CALL_KIND_MASK;
  if (*kind >= AG_REP_KIND_COUNT)
    return ag_rep_sum_bad(r, "call kind is out of range");
  out->caller = r->group_caller;
  out->callee = out->why = out->file = AG_REP_NONE;
  out->line = out->column = 0;
  ag_rep_use(r, AG_COL_CALL_CALLEE);
  if (*kind != AG_REP_KIND_INDIRECT && *kind != AG_REP_KIND_VIRTUAL &&
      (r->version >= AG_SUMMARY_VERSION_IMPLIED
           ? ag_rep_uleb_below(r, r->function_count, ag_rep_field_names[1],
                               &out->callee)
           : ag_rep_delta(r, out->caller, r->function_count,
                          ag_rep_field_names[1], &out->callee)))
    return -1;
  ag_rep_use(r, AG_COL_MAIN);
  if ((head & AG_SUMMARY_V4_CALL_WHY) &&
      ag_rep_uleb_below(r, r->string_count, ag_rep_field_names[3], &out->why))
    return -1;
  if (head & AG_SUMMARY_V4_CALL_NOLOC) {
    if (head & AG_SUMMARY_V4_CALL_FILE)
      return ag_rep_sum_bad(r, "call has no location and a file");
  } else {
    if ((head & AG_SUMMARY_V4_CALL_FILE) &&
        ag_rep_uleb_below(r, (uint64_t)r->string_count + 1,
                          ag_rep_field_names[2], &r->call_file))
      return -1;
    ag_rep_use(r, AG_COL_CALL_LINE);
    if (ag_rep_delta(r, r->call_line, UINT32_MAX, "call line", &out->line))
      return -1;
    ag_rep_use(r, AG_COL_CALL_COLUMN);
    if (ag_rep_uleb_below(r, UINT32_MAX, "call column", &out->column))
      return -1;
    r->call_line = out->line;
    out->file = r->call_file ? r->call_file - 1 : AG_REP_NONE;
  }
  r->group_left--;
  return 0;
}

int ag_rep_sum_call(struct ag_rep_sum_reader *r, struct ag_rep_sum_call *out) {
  uint32_t kind;
  if (r->calls_read >= r->call_count)
    return ag_rep_sum_bad(r, "more calls read than counted");
  const uint8_t *start = r->pos;
  if (r->version >= AG_SUMMARY_VERSION_COMPACT ? ag_rep_sum_call_v4(r, out, &kind)
                      : ag_rep_sum_call_v12(r, out, &kind))
    return -1;
  out->kind = (uint8_t)kind;
  int needs_callee = kind != AG_REP_KIND_INDIRECT && kind != AG_REP_KIND_VIRTUAL;
  out->type_key = out->field_key = AG_REP_NONE;
  ag_rep_use(r, AG_COL_CALL_KEYS);
  if (!needs_callee && r->version >= 2 &&
      (ag_rep_uleb_below(r, r->string_count, "call type key string",
                         &out->type_key) ||
       ag_rep_opt_index(r, r->string_count, "call field key string",
                        &out->field_key)))
    return -1;
  r->calls_read++;
  uint8_t state = r->fn_state[out->caller];
  const char *problem = NULL;
  if ((state & 0x7f) == AG_REP_LINK_DECLARATION)
    problem = "call from a function the record only declares";
  else if (state & 0x80)
    problem = "calls of one caller are not grouped together";
  else if (needs_callee != (out->callee != AG_REP_NONE))
    problem = needs_callee ? "call of this kind has no callee"
                           : "indirect or virtual call names a callee";
  if (problem && r->inflated) { /* at the call's head, one byte */
    ag_rep_use(r, AG_COL_CALL_HEAD);
    return ag_rep_sum_bad_at(r, r->pos - 1, problem);
  }
  if (problem) {
    r->pos = start;
    return ag_rep_sum_bad(r, problem);
  }
  if (r->last_caller != out->caller && r->last_caller != AG_REP_NONE)
    r->fn_state[r->last_caller] |= 0x80;
  r->last_caller = out->caller;
  return 0;
}

void ag_rep_sum_resume(struct ag_rep_sum_reader *r, const uint8_t *fn_linkage,
                       size_t calls_at, uint32_t call_count) {
  /* Version 6's calls need their callers' lines: the functions again
   * (a trusted record, read once before). */
  struct ag_rep_sum_function fn;
  while (r->fn_lines && r->functions_read < r->function_count &&
         !ag_rep_sum_function(r, &fn))
    ;
  memcpy(r->fn_state, fn_linkage, r->function_count);
  r->functions_read = r->function_count;
  ag_rep_use(r, AG_COL_MAIN); /* version 5: the calls' columns are unread */
  r->pos = r->record + calls_at;
  for (int c = AG_COL_FN_HEAD; r->inflated && c <= AG_COL_FN_LINE; ++c)
    r->col[c].pos = r->col[c].end; /* the functions were read before */
  r->call_count = call_count;
  ag_rep_sum_calls_reset(r);
}

/* Tables after the calls: each begins once the one before is read out.
 * A version 1 record ends after its calls, so its tables are empty. */
static int ag_rep_sum_begin_table(struct ag_rep_sum_reader *r, uint8_t table,
                                  unsigned min_size, const char *what) {
  if (table == 1 ? r->calls_read != r->call_count
                 : r->table != table - 1 || r->table_read != r->table_count)
    return ag_rep_sum_bad(r, table == 1 ? "fewer calls read than counted"
                                        : "table read before the one before it");
  r->table = table;
  r->table_read = 0;
  r->table_count = 0;
  ag_rep_use(r, AG_COL_MAIN);
  if (r->version < 2)
    return 0;
  if (r->pos == r->end)
    return ag_rep_sum_bad(r, table == 1 ? "record ends after its calls "
                          "(version 2 has targets, flows and names next)"
                          : "record ends before its flows or names");
  return ag_rep_uleb_below(r, (uint64_t)(r->end - r->pos) / min_size + 1, what,
                           &r->table_count);
}

static int ag_rep_sum_entry(struct ag_rep_sum_reader *r, uint8_t table,
                            const char *what) {
  if (r->table != table || r->table_read >= r->table_count)
    return ag_rep_sum_bad(r, what);
  r->table_read++;
  return 0;
}

int ag_rep_sum_begin_targets(struct ag_rep_sum_reader *r) {
  return ag_rep_sum_begin_table(r, 1, AG_REP_MIN_TARGET, "target count");
}

int ag_rep_sum_target(struct ag_rep_sum_reader *r,
                      struct ag_rep_sum_target *out) {
  if (ag_rep_sum_entry(r, 1, "more targets read than counted") ||
      ag_rep_uleb_below(r, r->function_count, "target function",
                        &out->function) ||
      ag_rep_uleb_below(r, r->string_count, "target type key string",
                        &out->type_key) ||
      ag_rep_opt_index(r, r->string_count, "target field key string",
                       &out->field_key))
    return -1;
  return 0;
}

int ag_rep_sum_begin_flows(struct ag_rep_sum_reader *r) {
  return ag_rep_sum_begin_table(r, 2, AG_REP_MIN_FLOW, "flow count");
}

int ag_rep_sum_flow(struct ag_rep_sum_reader *r, struct ag_rep_sum_flow *out) {
  if (ag_rep_sum_entry(r, 2, "more flows read than counted") ||
      ag_rep_uleb_below(r, r->string_count, "flow field key string",
                        &out->field_key) ||
      ag_rep_opt_index(r, r->string_count, "flow source key string",
                       &out->source_key))
    return -1;
  return 0;
}

int ag_rep_sum_begin_names(struct ag_rep_sum_reader *r) {
  return ag_rep_sum_begin_table(r, 3, AG_REP_MIN_NAME, "name count");
}

int ag_rep_sum_name(struct ag_rep_sum_reader *r, struct ag_rep_sum_name *out) {
  if (ag_rep_sum_entry(r, 3, "more names read than counted") ||
      ag_rep_uleb_below(r, r->string_count, "name key string", &out->key) ||
      ag_rep_uleb_below(r, r->string_count, "name display string",
                        &out->display))
    return -1;
  return 0;
}

int ag_rep_sum_skip_tables(struct ag_rep_sum_reader *r) {
  struct ag_rep_sum_target t;
  struct ag_rep_sum_flow f;
  struct ag_rep_sum_name n;
  int status = ag_rep_sum_begin_targets(r);
  while (!status && r->table_read < r->table_count)
    status = ag_rep_sum_target(r, &t);
  if (!status)
    status = ag_rep_sum_begin_flows(r);
  while (!status && r->table_read < r->table_count)
    status = ag_rep_sum_flow(r, &f);
  if (!status)
    status = ag_rep_sum_begin_names(r);
  while (!status && r->table_read < r->table_count)
    status = ag_rep_sum_name(r, &n);
  return status;
}

int ag_rep_sum_finish(struct ag_rep_sum_reader *r) {
  if (r->calls_read != r->call_count)
    return ag_rep_sum_bad(r, "fewer calls read than counted");
  if (r->version >= 2 && (r->table != 3 || r->table_read != r->table_count))
    return ag_rep_sum_bad(r, "record ends before its targets, flows and "
                          "names are read");
  ag_rep_use(r, AG_COL_MAIN);
  if (r->pos != r->end)
    return ag_rep_sum_bad(r, r->version >= 2 ? "trailing bytes after the "
                          "last name" : "trailing bytes after the last call");
  for (int c = 0; r->inflated && c < AG_SUMMARY_V5_COLUMN_COUNT; ++c) {
    ag_rep_use(r, c);
    if (r->pos != r->end)
      return ag_rep_sum_bad(r, "trailing bytes in the column");
  }
  return 0;
}

void ag_rep_sum_close(struct ag_rep_sum_reader *r) {
  free(r->strings);
  free(r->fn_state);
  free(r->fn_lines);
  free(r->string_bytes);
  if (!r->keep)
    free(r->inflated);
  r->strings = NULL;
  r->fn_state = NULL;
  r->fn_lines = NULL;
  r->string_bytes = NULL;
  r->inflated = NULL;
}

void ag_rep_sum_columns_free(struct ag_rep_sum_columns *c) {
  free(c->inflated);
  memset(c, 0, sizeof(*c));
}

int ag_rep_sum_validate(const uint8_t *rec, size_t rec_size,
                        const char *context, size_t base_offset,
                        struct ag_rep_error *err) {
  struct ag_rep_sum_reader r;
  int status = ag_rep_sum_open(&r, rec, rec_size, context, base_offset, 0, err);
  struct ag_rep_sum_function fn;
  struct ag_rep_sum_call call;
  while (!status && r.functions_read < r.function_count)
    status = ag_rep_sum_function(&r, &fn);
  if (!status)
    status = ag_rep_sum_begin_calls(&r);
  while (!status && r.calls_read < r.call_count)
    status = ag_rep_sum_call(&r, &call);
  if (!status)
    status = ag_rep_sum_skip_tables(&r);
  if (!status)
    status = ag_rep_sum_finish(&r);
  ag_rep_sum_close(&r);
  return status;
}
