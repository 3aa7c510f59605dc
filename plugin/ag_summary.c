/* ag_summary.c - encode and place the TU summary (ag_summary.h). */
#include "ag_summary.h"

#include "ag_icall.h"
#include "ag_leb128.h"
#include "ag_output.h"
#include "ag_summary_format.h"
#include "ag_summary_pack.h"
#include "ag_summary_prune.h"
#include "ag_util.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- byte buffer and string table ------------------------------------ */

struct ag_bytes {
  unsigned char *data;
  size_t size, cap;
};

static void ag_put(struct ag_bytes *b, const void *data, size_t n) {
  if (b->size + n > b->cap)
    ag_grow((void **)&b->data, &b->cap, b->size + n, 1);
  memcpy(b->data + b->size, data, n);
  b->size += n;
}

static void ag_put_uleb(struct ag_bytes *b, uint64_t value) {
  uint8_t bytes[AG_ULEB_MAX_BYTES];
  ag_put(b, bytes, ag_uleb_put(bytes, value));
}

static void ag_put_zigzag(struct ag_bytes *b, int64_t value) {
  ag_put_uleb(b, ag_zigzag(value));
}

/* Version 5's columns (ag_summary_format.h), as version 6 uses them:
 * each field is put in its own, in version 4's order. */
#define AG_X(name, value, text) AG_COL_##name = value,
enum { AG_SUMMARY_V5_COLUMNS(AG_X) };
#undef AG_X

/* The encoder's string references. The record's string table holds the
 * function symbols first, in function order (version 6 implies them),
 * then the other strings sorted (neighbours share prefixes: the table is
 * front-coded), which is known only once every string is interned: the
 * tables are encoded twice, first to intern (remap NULL, collecting the
 * symbols' interned indices in `symbols`), then with `remap` from
 * interning order to the table's. */
struct ag_enc {
  struct ag_bytes col[AG_SUMMARY_V5_COLUMN_COUNT];
  struct ag_strtab strtab;
  const uint32_t *remap;
  uint32_t *symbols; /* per record function, its symbol's interned index */
  /* String pointer -> strtab index. The encoder's strings are the graph's
   * and the knowledge base's, none changed or freed while it runs, and the
   * same few (file names, keys) come back thousands of times: a pointer
   * probe instead of hashing and comparing the text. */
  struct ag_ptrmap seen;
};

#define AG_COL(e, name) (&(e)->col[AG_COL_##name])

static uint64_t ag_intern(struct ag_enc *e, const char *s) {
  int known = ag_ptrmap_get(&e->seen, s);
  size_t index = known >= 0 ? (size_t)known : ag_strtab_intern(&e->strtab, s);
  if (known < 0)
    ag_ptrmap_put(&e->seen, s, (int)index);
  return e->remap ? e->remap[index] : index;
}

static uint64_t ag_intern_opt(struct ag_enc *e, const char *s) {
  return s && *s ? ag_intern(e, s) + 1 : 0;
}

/* ---- the record -------------------------------------------------------- */

/* The format's codes, from its one definition. */
#define AG_X(name, value, text) AG_LINK_##name = value,
enum { AG_SUMMARY_LINKAGES(AG_X) };
#undef AG_X
#define AG_X(name, value, text) AG_KIND_##name = value,
enum { AG_SUMMARY_CALL_KINDS(AG_X) };
#undef AG_X
#define AG_X(name, value, text) AG_FN_##name = value,
enum { AG_SUMMARY_FN_FLAGS(AG_X) };
#undef AG_X

static unsigned ag_linkage_of(const struct ag_function *fn) {
  size_t name_len = 0;
  if (!fn->defined)
    return AG_LINK_DECLARATION;
  /* No other unit can name it, whatever its IR linkage (ag_graph.c). */
  LLVMGetValueName2(fn->fn, &name_len);
  if (!name_len)
    return AG_LINK_INTERNAL;
  switch (LLVMGetLinkage(fn->fn)) {
  case LLVMInternalLinkage:
  case LLVMPrivateLinkage:
    return AG_LINK_INTERNAL;
  case LLVMLinkOnceAnyLinkage:
  case LLVMLinkOnceODRLinkage:
  case LLVMWeakAnyLinkage:
  case LLVMWeakODRLinkage:
  case LLVMCommonLinkage:
    return AG_LINK_WEAK;
  default:
    return AG_LINK_EXTERNAL;
  }
}

static unsigned ag_call_kind_code(enum ag_call_kind kind) {
  switch (kind) {
  case AG_CALL_DEFINED:
    return AG_KIND_CALL;
  case AG_CALL_ALLOC:
    return AG_KIND_ALLOC;
  case AG_CALL_DEALLOC:
    return AG_KIND_DEALLOC;
  case AG_CALL_INDIRECT:
    return AG_KIND_INDIRECT;
  case AG_CALL_VIRTUAL:
    return AG_KIND_VIRTUAL;
  case AG_CALL_EXTERNAL:
    return AG_KIND_EXTERNAL;
  case AG_CALL_IGNORED:
    break;
  }
  return AG_KIND_CALL;
}

/* Flags of a recorded function: root and allocator marks, and for a
 * declaration what the knowledge base says it does, so a reader can
 * classify it when it is reached through a pointer (a hook holding
 * malloc). */
static unsigned ag_function_flags(const struct ag_graph *graph,
                                  const struct ag_kb *kb, size_t f) {
  const struct ag_function *fn = &graph->funcs[f];
  unsigned flags = (fn->is_root ? AG_FN_ROOT : 0u) |
                   (fn->is_allocator ? AG_FN_ALLOCATOR : 0u);
  const struct ag_kb_entry *row = NULL;
  if (!fn->defined && !fn->is_allocator && kb &&
      (row = ag_kb_lookup(kb, fn->symbol, fn->display))) {
    switch (row->effect) {
    case AG_EFFECT_ALLOCATES:
      flags |= AG_FN_KB_ALLOCATES;
      break;
    case AG_EFFECT_DEALLOCATES:
      flags |= AG_FN_KB_DEALLOCATES;
      break;
    case AG_EFFECT_ALLOC_FREE:
      flags |= AG_FN_KB_ALLOC_FREE;
      break;
    case AG_EFFECT_TERMINATES:
      break;
    }
  }
  return flags;
}

/* A recorded function's place in the record: definitions with a
 * location by file and line (version 6 codes lines as deltas, a call
 * group's from its caller's), then those without one, then declarations
 * by name (their symbols lead the string table, front-coded). Ties keep
 * module order. */
struct ag_record_key {
  int rank; /* 0 located definition, 1 other definition, 2 declaration */
  const char *text; /* the file, or a declaration's name */
  unsigned line;
  size_t graph_index;
};

static int ag_cmp_record_key(const void *a, const void *b) {
  const struct ag_record_key *x = a, *y = b;
  if (x->rank != y->rank)
    return x->rank < y->rank ? -1 : 1;
  int c = strcmp(x->text, y->text);
  if (c)
    return c;
  if (x->line != y->line)
    return x->line < y->line ? -1 : 1;
  return x->graph_index < y->graph_index ? -1 : x->graph_index > y->graph_index;
}

/* Functions worth recording: definitions the pruning keeps, the callees
 * of recorded calls and address-taken functions, in record order into
 * `order` (graph indices). `index` maps graph function -> record
 * function, or -1. */
static size_t ag_number_functions(const struct ag_graph *graph,
                                  const unsigned char *keep_call,
                                  const unsigned char *drop_function,
                                  long *index, size_t *order) {
  for (size_t f = 0; f < graph->func_count; ++f)
    index[f] = -1;
  for (size_t c = 0; c < graph->call_count; ++c) {
    const struct ag_call *call = &graph->calls[c];
    if (keep_call[c] && call->callee >= 0)
      index[call->callee] = 0;
  }
  if (graph->icall)
    for (size_t t = 0; t < graph->icall->target_count; ++t)
      index[graph->icall->targets[t].fn] = 0;
  size_t count = 0;
  struct ag_record_key *keys =
      ag_xcalloc(graph->func_count ? graph->func_count : 1, sizeof *keys);
  for (size_t f = 0; f < graph->func_count; ++f) {
    const struct ag_function *fn = &graph->funcs[f];
    if (!((fn->defined && !drop_function[f]) || index[f] == 0))
      continue;
    int located = fn->loc.path || fn->loc.line;
    keys[count++] = (struct ag_record_key){
        fn->defined ? !located : 2,
        !fn->defined ? fn->symbol : located && fn->loc.path ? fn->loc.path : "",
        fn->loc.line, f};
  }
  qsort(keys, count, sizeof *keys, ag_cmp_record_key);
  for (size_t i = 0; i < count; ++i) {
    order[i] = keys[i].graph_index;
    index[order[i]] = (long)i;
  }
  free(keys);
  return count;
}

/* The unit's path as debug info gives it (ag_path.h), i.e. after
 * -ffile-prefix-map. Without debug info, the base name. */
const char *ag_summary_unit_name(const struct ag_graph *graph) {
  const char *slash = strrchr(graph->source_file, '/');
  const char *base = slash ? slash + 1 : graph->source_file;
  for (size_t f = 0; f < graph->func_count; ++f) {
    const char *file = graph->funcs[f].loc.path;
    if (!file)
      continue;
    const char *file_slash = strrchr(file, '/');
    if (strcmp(file_slash ? file_slash + 1 : file, base) == 0)
      return file;
  }
  return base;
}

/* The tables after the calls, as in version 2: targets, flows and names
 * (docs/summary-format.md). */
static void ag_put_icall_tables(struct ag_enc *e, const struct ag_icall *icall,
                                const long *index) {
  struct ag_bytes *out = AG_COL(e, MAIN);
  if (!icall) {
    ag_put_uleb(out, 0);
    ag_put_uleb(out, 0);
    ag_put_uleb(out, 0);
    return;
  }
  ag_put_uleb(out, icall->target_count);
  for (size_t t = 0; t < icall->target_count; ++t) {
    const struct ag_icall_target *target = &icall->targets[t];
    ag_put_uleb(out, (uint64_t)index[target->fn]);
    ag_put_uleb(out, ag_intern(e, target->type_key));
    ag_put_uleb(out, ag_intern_opt(e, target->field_key));
  }
  ag_put_uleb(out, icall->flow_count);
  for (size_t i = 0; i < icall->flow_count; ++i) {
    ag_put_uleb(out, ag_intern(e, icall->flows[i].field_key));
    ag_put_uleb(out, ag_intern_opt(e, icall->flows[i].source_key));
  }
  ag_put_uleb(out, icall->name_count);
  for (size_t i = 0; i < icall->name_count; ++i) {
    ag_put_uleb(out, ag_intern(e, icall->names[i].key));
    ag_put_uleb(out, ag_intern(e, icall->names[i].display));
  }
}

/* What the function and call tables are encoded from: the pruning's
 * verdicts and the record's numbering of functions. */
struct ag_enc_plan {
  const struct ag_graph *graph;
  const struct ag_kb *kb;
  const unsigned char *keep_call;
  const long *index;
  const size_t *order; /* record function -> graph function */
  size_t function_count, call_count;
};

/* Version 6's function table: a head (linkage, flags, which fields
 * follow), the display name when it differs from the symbol (which the
 * function's index implies), the file when it changes, the line as a
 * delta from the function before. */
static void ag_put_functions(struct ag_enc *e, const struct ag_enc_plan *plan,
                             uint64_t unit_file) {
  const struct ag_graph *graph = plan->graph;
  uint64_t base_file = unit_file + 1;
  int64_t base_line = 0;
  ag_put_uleb(AG_COL(e, MAIN), plan->function_count);
  for (size_t i = 0; i < plan->function_count; ++i) {
    size_t f = plan->order[i];
    const struct ag_function *fn = &graph->funcs[f];
    uint64_t symbol = ag_intern(e, fn->symbol);
    if (!e->remap)
      e->symbols[i] = (uint32_t)symbol;
    uint64_t display = ag_intern(e, fn->display);
    uint64_t file = ag_intern_opt(e, fn->loc.path);
    uint64_t head = ag_linkage_of(fn) |
                    (uint64_t)ag_function_flags(graph, plan->kb, f)
                        << AG_SUMMARY_V4_FN_FLAGS_SHIFT;
    int noloc = !file && !fn->loc.line;
    if (display != symbol)
      head |= AG_SUMMARY_V4_FN_DISPLAY;
    if (noloc)
      head |= AG_SUMMARY_V4_FN_NOLOC;
    else if (file != base_file)
      head |= AG_SUMMARY_V4_FN_FILE;
    ag_put_uleb(AG_COL(e, FN_HEAD), head);
    if (display != symbol)
      ag_put_uleb(AG_COL(e, MAIN), display);
    if (noloc)
      continue;
    if (file != base_file)
      ag_put_uleb(AG_COL(e, MAIN), base_file = file);
    ag_put_zigzag(AG_COL(e, FN_LINE), (int64_t)fn->loc.line - base_line);
    base_line = fn->loc.line;
  }
}

/* Version 6's calls: one group per caller (callers ascending, as a delta
 * from the one before), then each call's head (kind, which fields
 * follow), its callee's index, its reason, its file when it changes, its
 * line as a delta from the call before (a group's first from its
 * caller's line), its column, and an indirect or virtual call's keys. */
static void ag_put_calls(struct ag_enc *e, const struct ag_enc_plan *plan,
                         uint64_t unit_file) {
  const struct ag_graph *graph = plan->graph;
  const long *index = plan->index;
  uint64_t base_file = unit_file + 1;
  int64_t base_line = 0;
  long last_caller = -1;
  ag_put_uleb(AG_COL(e, MAIN), plan->call_count);
  for (size_t i = 0; i < plan->function_count; ++i) {
    size_t f = plan->order[i];
    const struct ag_function *fn = &graph->funcs[f];
    size_t end = fn->first_call + fn->call_count, kept = 0;
    for (size_t c = fn->first_call; c < end; ++c)
      kept += plan->keep_call[c];
    if (!kept)
      continue;
    long caller = index[f];
    ag_put_uleb(AG_COL(e, CALL_GROUP), (uint64_t)(caller - last_caller - 1));
    ag_put_uleb(AG_COL(e, CALL_GROUP), kept);
    last_caller = caller;
    base_line = fn->loc.line;
    for (size_t c = fn->first_call; c < end; ++c) {
      const struct ag_call *call = &graph->calls[c];
      if (!plan->keep_call[c])
        continue;
      uint64_t file = ag_intern_opt(e, call->loc.path);
      const char *why = call->kb ? call->kb->why : NULL;
      uint64_t head = ag_call_kind_code(call->kind);
      int noloc = !file && !call->loc.line && !call->loc.column;
      if (why && *why)
        head |= AG_SUMMARY_V4_CALL_WHY;
      if (noloc)
        head |= AG_SUMMARY_V4_CALL_NOLOC;
      else if (file != base_file)
        head |= AG_SUMMARY_V4_CALL_FILE;
      ag_put_uleb(AG_COL(e, CALL_HEAD), head);
      if (call->callee >= 0)
        ag_put_uleb(AG_COL(e, CALL_CALLEE), (uint64_t)index[call->callee]);
      if (why && *why)
        ag_put_uleb(AG_COL(e, MAIN), ag_intern(e, why));
      if (!noloc) {
        if (file != base_file)
          ag_put_uleb(AG_COL(e, MAIN), base_file = file);
        ag_put_zigzag(AG_COL(e, CALL_LINE),
                      (int64_t)call->loc.line - base_line);
        base_line = call->loc.line;
        ag_put_uleb(AG_COL(e, CALL_COLUMN), call->loc.column);
      }
      if (call->kind == AG_CALL_INDIRECT || call->kind == AG_CALL_VIRTUAL) {
        const struct ag_icall_site *site =
            graph->icall ? &graph->icall->sites[c] : NULL;
        ag_put_uleb(AG_COL(e, CALL_KEYS),
                    ag_intern(e, site && site->type_key ? site->type_key : ""));
        ag_put_uleb(AG_COL(e, CALL_KEYS),
                    ag_intern_opt(e, site ? site->field_key : NULL));
      }
    }
  }
}

/* Everything after the string table. */
static void ag_put_tables(struct ag_enc *e, const struct ag_enc_plan *plan) {
  const struct ag_graph *graph = plan->graph;
  uint64_t unit_file = ag_intern(e, ag_summary_unit_name(graph));
  ag_put_uleb(AG_COL(e, MAIN), unit_file);
  ag_put_uleb(AG_COL(e, MAIN), graph->has_debug_info ? 1 : 0);
  ag_put_functions(e, plan, unit_file);
  ag_put_calls(e, plan, unit_file);
  ag_put_icall_tables(e, graph->icall, plan->index);
}

static const char *const *ag_sort_strings;

static int ag_cmp_string_index(const void *a, const void *b) {
  return strcmp(ag_sort_strings[*(const uint32_t *)a],
                ag_sort_strings[*(const uint32_t *)b]);
}

/* The string table, front-coded: each string as the length of the prefix
 * it shares with the one before, then the rest; the `leading` strings
 * (the function symbols, by interned index) first and in their order,
 * then the others sorted. Sets remap (interning order -> position). A
 * string is written whole when sharing would let the table expand past
 * what readers accept. */
static void ag_put_strings(struct ag_bytes *out, const struct ag_strtab *t,
                           const uint32_t *leading, size_t leading_count,
                           uint32_t *remap) {
  size_t n = t->strings.count;
  uint32_t *order = ag_xcalloc(n ? n : 1, sizeof(uint32_t));
  unsigned char *led = ag_xcalloc(n ? n : 1, 1);
  for (size_t i = 0; i < leading_count; ++i) {
    order[i] = leading[i];
    led[leading[i]] = 1; /* distinct: symbols are unique in a module */
  }
  for (size_t i = 0, k = leading_count; i < n; ++i)
    if (!led[i])
      order[k++] = (uint32_t)i;
  free(led);
  ag_sort_strings = (const char *const *)t->strings.items;
  qsort(order + leading_count, n - leading_count, sizeof(uint32_t),
        ag_cmp_string_index);
  size_t start = out->size, expanded = 0;
  ag_put_uleb(out, n);
  const char *prev = "";
  for (size_t i = 0; i < n; ++i) {
    const char *s = t->strings.items[order[i]];
    remap[order[i]] = (uint32_t)i;
    size_t len = strlen(s), shared = 0;
    while (prev[shared] && prev[shared] == s[shared])
      ++shared;
    expanded += len;
    if (shared &&
        expanded > (out->size - start + len - shared + 2) *
                           AG_SUMMARY_V4_STRING_EXPANSION +
                       AG_SUMMARY_V4_STRING_SLACK)
      shared = 0;
    ag_put_uleb(out, shared);
    ag_put_uleb(out, len - shared);
    ag_put(out, s + shared, len - shared);
    prev = s;
  }
  free(order);
}

void ag_summary_encode(const struct ag_graph *graph, const struct ag_kb *kb,
                       struct ag_summary_record *out) {
  size_t n = graph->func_count ? graph->func_count : 1;
  long *index = ag_xcalloc(n, sizeof(long));
  size_t *order = ag_xcalloc(n, sizeof(size_t));
  unsigned char *keep_call = ag_xcalloc(graph->call_count ? graph->call_count : 1, 1);
  unsigned char *drop_function = ag_xcalloc(n, 1);
  ag_summary_prune(graph, keep_call, drop_function);
  struct ag_enc_plan plan = {graph, kb, keep_call, index, order, 0, 0};
  plan.function_count =
      ag_number_functions(graph, keep_call, drop_function, index, order);
  for (size_t c = 0; c < graph->call_count; ++c)
    plan.call_count += keep_call[c];

  /* First pass: intern every string; then the sorted table, first in
   * the main column; then the tables again, referring to it. */
  struct ag_enc enc;
  memset(&enc, 0, sizeof enc);
  enc.symbols = ag_xcalloc(n, sizeof(uint32_t));
  ag_put_tables(&enc, &plan);
  size_t string_count = enc.strtab.strings.count;
  uint32_t *remap = ag_xcalloc(string_count ? string_count : 1, sizeof(uint32_t));
  for (int c = 0; c < AG_SUMMARY_V5_COLUMN_COUNT; ++c)
    enc.col[c].size = 0;
  ag_put_strings(AG_COL(&enc, MAIN), &enc.strtab, enc.symbols,
                 plan.function_count, remap);
  enc.remap = remap;
  ag_put_tables(&enc, &plan);

  struct ag_summary_span columns[AG_SUMMARY_V5_COLUMN_COUNT];
  for (int c = 0; c < AG_SUMMARY_V5_COLUMN_COUNT; ++c)
    columns[c] = (struct ag_summary_span){enc.col[c].data, enc.col[c].size};
  out->bytes = ag_summary_pack(columns, &out->size);

  for (int c = 0; c < AG_SUMMARY_V5_COLUMN_COUNT; ++c)
    free(enc.col[c].data);
  free(remap);
  free(enc.symbols);
  free(order);
  free(index);
  free(keep_call);
  free(drop_function);
  ag_strtab_free(&enc.strtab);
  ag_ptrmap_free(&enc.seen);
}

/* ---- placement ---------------------------------------------------------- */

/* Module assembly rather than a global: a global would be SHF_ALLOC and
 * loaded at run time; this section is flagged "" and only read by tools. */
int ag_summary_embed(LLVMModuleRef module,
                     const struct ag_summary_record *record) {
  if (!ag_triple_is_elf(LLVMGetTarget(module)))
    return 0;
  static const char open[] = "\t.pushsection " AG_SUMMARY_SECTION
                              ",\"\",@progbits\n";
  static const char close[] = "\"\n\t.popsection\n";
  /* Each byte as itself or a four-byte octal escape, a line per 2048
   * bytes: sized once, written in place. */
  size_t cap = sizeof open + 4 * record->size +
               (record->size / 2048 + 1) * 12 + sizeof close;
  struct ag_bytes text = {ag_xmalloc(cap), 0, cap};
  char *out = (char *)text.data;
  memcpy(out, open, sizeof open - 1);
  out += sizeof open - 1;
  for (size_t i = 0; i < record->size; ++i) {
    if (i % 2048 == 0) {
      const char *line = i ? "\"\n\t.ascii \"" : "\t.ascii \"";
      size_t n = i ? 11 : 9;
      memcpy(out, line, n);
      out += n;
    }
    unsigned char c = record->bytes[i];
    /* Octal escapes always take three digits, so a following digit is
     * never read as part of them. */
    if (c >= 0x20 && c < 0x7f && c != '"' && c != '\\') {
      *out++ = (char)c;
    } else {
      out[0] = '\\';
      out[1] = (char)('0' + (c >> 6));
      out[2] = (char)('0' + ((c >> 3) & 7));
      out[3] = (char)('0' + (c & 7));
      out += 4;
    }
  }
  memcpy(out, close, sizeof close - 1);
  out += sizeof close - 1;
  text.size = (size_t)(out - (char *)text.data);
  LLVMAppendModuleInlineAsm(module, (const char *)text.data, text.size);
  free(text.data);
  return 1;
}

static int ag_summary_body(FILE *out, void *context) {
  const struct ag_summary_record *record = context;
  return fwrite(record->bytes, 1, record->size, out) == record->size ? 0 : -1;
}

char *ag_summary_write_file(const char *path, const char *source,
                            const struct ag_summary_record *record) {
  return ag_output_write(path, source, ".allocguard.sum",
                         "allocguard-summary", ag_summary_body,
                         (void *)record);
}
