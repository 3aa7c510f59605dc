/* ag_summary.c - encode and place the TU summary (ag_summary.h). */
#include "ag_summary.h"

#include "ag_icall.h"
#include "ag_output.h"
#include "ag_summary_format.h"
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
  ag_grow((void **)&b->data, &b->cap, b->size + n, 1);
  memcpy(b->data + b->size, data, n);
  b->size += n;
}

static void ag_put_uleb(struct ag_bytes *b, uint64_t value) {
  unsigned char byte;
  do {
    byte = value & 0x7f;
    value >>= 7;
    if (value)
      byte |= 0x80;
    ag_put(b, &byte, 1);
  } while (value);
}

static void ag_put_u32le(struct ag_bytes *b, uint32_t v) {
  unsigned char le[4] = {v & 0xff, (v >> 8) & 0xff, (v >> 16) & 0xff,
                         (v >> 24) & 0xff};
  ag_put(b, le, 4);
}

static uint64_t ag_intern(struct ag_strtab *t, const char *s) {
  return ag_strtab_intern(t, s);
}

static uint64_t ag_intern_opt(struct ag_strtab *t, const char *s) {
  return s && *s ? ag_intern(t, s) + 1 : 0;
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
  if (!fn->defined)
    return AG_LINK_DECLARATION;
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

/* Functions worth recording: definitions the pruning keeps, the callees
 * of recorded calls and address-taken functions. `index` maps graph
 * function -> record function, or -1. */
static size_t ag_number_functions(const struct ag_graph *graph,
                                  const unsigned char *keep_call,
                                  const unsigned char *drop_function,
                                  long *index) {
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
  for (size_t f = 0; f < graph->func_count; ++f)
    if ((graph->funcs[f].defined && !drop_function[f]) || index[f] == 0)
      index[f] = (long)count++;
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

/* Version 2's tables: targets, flows and names (docs/summary-format.md). */
static void ag_put_icall_tables(struct ag_bytes *tables,
                                struct ag_strtab *strtab,
                                const struct ag_icall *icall,
                                const long *index) {
  if (!icall) {
    ag_put_uleb(tables, 0);
    ag_put_uleb(tables, 0);
    ag_put_uleb(tables, 0);
    return;
  }
  ag_put_uleb(tables, icall->target_count);
  for (size_t t = 0; t < icall->target_count; ++t) {
    const struct ag_icall_target *target = &icall->targets[t];
    ag_put_uleb(tables, (uint64_t)index[target->fn]);
    ag_put_uleb(tables, ag_intern(strtab, target->type_key));
    ag_put_uleb(tables, ag_intern_opt(strtab, target->field_key));
  }
  ag_put_uleb(tables, icall->flow_count);
  for (size_t i = 0; i < icall->flow_count; ++i) {
    ag_put_uleb(tables, ag_intern(strtab, icall->flows[i].field_key));
    ag_put_uleb(tables, ag_intern_opt(strtab, icall->flows[i].source_key));
  }
  ag_put_uleb(tables, icall->name_count);
  for (size_t i = 0; i < icall->name_count; ++i) {
    ag_put_uleb(tables, ag_intern(strtab, icall->names[i].key));
    ag_put_uleb(tables, ag_intern(strtab, icall->names[i].display));
  }
}

void ag_summary_encode(const struct ag_graph *graph, const struct ag_kb *kb,
                       struct ag_summary_record *out) {
  struct ag_strtab strtab = {0};
  struct ag_bytes body = {0};
  size_t n = graph->func_count ? graph->func_count : 1;
  long *index = ag_xcalloc(n, sizeof(long));
  unsigned char *keep_call = ag_xcalloc(graph->call_count ? graph->call_count : 1, 1);
  unsigned char *drop_function = ag_xcalloc(n, 1);
  ag_summary_prune(graph, keep_call, drop_function);
  size_t function_count =
      ag_number_functions(graph, keep_call, drop_function, index);

  /* Encode functions and calls first: they fill the string table. */
  struct ag_bytes tables = {0};
  ag_put_uleb(&tables, ag_intern(&strtab, ag_summary_unit_name(graph)));
  ag_put_uleb(&tables, graph->has_debug_info ? 1 : 0);
  ag_put_uleb(&tables, function_count);
  for (size_t f = 0; f < graph->func_count; ++f) {
    const struct ag_function *fn = &graph->funcs[f];
    if (index[f] < 0)
      continue;
    ag_put_uleb(&tables, ag_intern(&strtab, fn->symbol));
    ag_put_uleb(&tables, ag_intern(&strtab, fn->display));
    ag_put_uleb(&tables, ag_linkage_of(fn));
    ag_put_uleb(&tables, ag_function_flags(graph, kb, f));
    ag_put_uleb(&tables, ag_intern_opt(&strtab, fn->loc.path));
    ag_put_uleb(&tables, fn->loc.line);
  }
  size_t call_count = 0;
  for (size_t c = 0; c < graph->call_count; ++c)
    call_count += keep_call[c];
  ag_put_uleb(&tables, call_count);
  for (size_t c = 0; c < graph->call_count; ++c) {
    const struct ag_call *call = &graph->calls[c];
    if (!keep_call[c])
      continue;
    ag_put_uleb(&tables, (uint64_t)index[call->caller]);
    ag_put_uleb(&tables, ag_call_kind_code(call->kind));
    ag_put_uleb(&tables, call->callee >= 0 ? (uint64_t)index[call->callee] + 1 : 0);
    ag_put_uleb(&tables, ag_intern_opt(&strtab, call->loc.path));
    ag_put_uleb(&tables, call->loc.line);
    ag_put_uleb(&tables, call->loc.column);
    ag_put_uleb(&tables, ag_intern_opt(&strtab, call->kb ? call->kb->why : NULL));
    if (call->kind == AG_CALL_INDIRECT || call->kind == AG_CALL_VIRTUAL) {
      const struct ag_icall_site *site =
          graph->icall ? &graph->icall->sites[c] : NULL;
      ag_put_uleb(&tables, ag_intern(&strtab, site && site->type_key
                                                  ? site->type_key
                                                  : ""));
      ag_put_uleb(&tables, ag_intern_opt(&strtab, site ? site->field_key : NULL));
    }
  }
  ag_put_icall_tables(&tables, &strtab, graph->icall, index);

  ag_put_uleb(&body, strtab.strings.count);
  for (size_t i = 0; i < strtab.strings.count; ++i) {
    size_t len = strlen(strtab.strings.items[i]);
    ag_put_uleb(&body, len);
    ag_put(&body, strtab.strings.items[i], len);
  }
  ag_put(&body, tables.data, tables.size);

  struct ag_bytes record = {0};
  ag_put(&record, AG_SUMMARY_MAGIC, AG_SUMMARY_MAGIC_SIZE);
  ag_put_u32le(&record, AG_SUMMARY_VERSION);
  ag_put_u32le(&record, (uint32_t)body.size);
  ag_put(&record, body.data, body.size);
  out->bytes = record.data;
  out->size = record.size;

  free(tables.data);
  free(body.data);
  free(index);
  free(keep_call);
  free(drop_function);
  ag_strtab_free(&strtab);
}

/* ---- placement ---------------------------------------------------------- */

/* Module assembly rather than a global: a global would be SHF_ALLOC and
 * loaded at run time; this section is flagged "" and only read by tools. */
int ag_summary_embed(LLVMModuleRef module,
                     const struct ag_summary_record *record) {
  const char *triple = LLVMGetTarget(module);
  if (strstr(triple, "apple") || strstr(triple, "darwin") ||
      strstr(triple, "windows"))
    return 0;
  struct ag_bytes text = {0};
  const char *open = "\t.pushsection " AG_SUMMARY_SECTION ",\"\",@progbits\n";
  ag_put(&text, open, strlen(open));
  for (size_t i = 0; i < record->size; ++i) {
    if (i % 2048 == 0)
      ag_put(&text, i ? "\"\n\t.ascii \"" : "\t.ascii \"", i ? 11 : 9);
    unsigned char c = record->bytes[i];
    char escaped[5];
    /* Octal escapes always take three digits, so a following digit is
     * never read as part of them. */
    if (c >= 0x20 && c < 0x7f && c != '"' && c != '\\')
      ag_put(&text, &c, 1);
    else {
      snprintf(escaped, sizeof(escaped), "\\%03o", c);
      ag_put(&text, escaped, 4);
    }
  }
  const char *close = "\"\n\t.popsection\n";
  ag_put(&text, close, strlen(close));
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
