/* ag_icall_names.c - how keys are shown to users (ag_icall.h).
 *
 * Type keys of calls are shown as LLVM prints types, `ptr (ptr, i32)`.
 * `struct:struct.z_stream_s#8` is shown as `z_stream.zalloc`: the IR
 * field's byte offset matched against debug info's members of the record
 * clang named the type after (ag_shim_debug_members). Without debug info
 * it is `z_stream_s field 8`; global and static keys show their symbol,
 * `vslot:6Effect:2` its class, `Effect`.
 */
#include "ag_icall.h"

#include "ag_icall_rules.h"

#include "ag_names.h"
#include "ag_shim.h"
#include "ag_summary_format.h"

#include <stdlib.h>
#include <string.h>

struct ag_wanted {
  struct ag_strtab records; /* the IR records of `where`, once each */
  struct ag_strtab where;  /* "<record>@<offset>", in key order */
  const char **keys;       /* the struct key of each `where` entry */
  char **shown;            /* its display from debug info, or NULL */
  size_t count;
};

static void ag_take_member(void *context, const char *record,
                           const char *shown, unsigned long long offset,
                           const char *member) {
  struct ag_wanted *wanted = context;
  char *where = ag_xasprintf("%s@%llu", record, offset);
  size_t i = ag_strtab_intern(&wanted->where, where);
  free(where);
  if (i < wanted->count && !wanted->shown[i])
    wanted->shown[i] = ag_xasprintf("%s.%s", shown, member);
}

static void ag_add_name(struct ag_icall *icall, const char *key,
                        const char *display) {
  struct ag_icall_name name = {key, ag_strtab_get(&icall->keys, display)};
  AG_PUSH(icall->names, icall->name_count, icall->name_cap, name);
}

/* Every key a reader may show: those of the unit's targets and calls, and
 * what flows into them, once, in first-mention order. The open marks of
 * the unit's other pointer fields go unnamed: the unit that calls through
 * such a field names it. */
static void ag_collect_keys(const struct ag_icall *icall,
                            const struct ag_graph *graph,
                            struct ag_strlist *out) {
  struct ag_ptrmap seen = {0};
  const char **all = NULL;
  size_t count = 0, cap = 0;
  for (size_t i = 0; i < icall->target_count; ++i)
    AG_PUSH(all, count, cap, icall->targets[i].field_key);
  for (size_t c = 0; c < graph->call_count; ++c)
    AG_PUSH(all, count, cap, icall->sites[c].field_key);
  for (size_t i = 0; i < count; ++i)
    if (all[i])
      ag_ptrmap_put(&seen, all[i], 0);
  for (size_t i = 0; i < icall->flow_count; ++i)
    if (ag_ptrmap_get(&seen, icall->flows[i].field_key) >= 0 &&
        icall->flows[i].source_key)
      AG_PUSH(all, count, cap, icall->flows[i].source_key);
  for (size_t i = 0; i < count; ++i)
    if (all[i] && ag_ptrmap_get(&seen, all[i]) < 1) {
      ag_ptrmap_put(&seen, all[i], 1);
      AG_PUSH(out->items, out->count, out->cap, (char *)all[i]);
    }
  free(all);
  ag_ptrmap_free(&seen);
}

void ag_icall_names_fill(struct ag_icall *icall, const struct ag_graph *graph) {
  struct ag_strlist keys = {0}; /* borrowed strings: not freed one by one */
  ag_collect_keys(icall, graph, &keys);
  LLVMContextRef context = LLVMGetModuleContext(graph->module);
  LLVMTargetDataRef layout = LLVMGetModuleDataLayout(graph->module);
  size_t struct_len = strlen(AG_SUMMARY_FIELD_STRUCT);

  struct ag_wanted wanted = {0};
  wanted.keys = ag_xcalloc(keys.count + 1, sizeof(*wanted.keys));
  for (size_t i = 0; i < keys.count; ++i) {
    const char *key = keys.items[i];
    const char *hash = strrchr(key, '#');
    if (strncmp(key, AG_SUMMARY_FIELD_STRUCT, struct_len) != 0 || !hash)
      continue;
    char *record = ag_xstrndup(key + struct_len, (size_t)(hash - key - struct_len));
    LLVMTypeRef type = LLVMGetTypeByName2(context, record);
    unsigned index = (unsigned)strtoul(hash + 1, NULL, 10);
    if (type && !LLVMIsOpaqueStruct(type) &&
        index < LLVMCountStructElementTypes(type)) {
      char *where = ag_xasprintf("%s@%llu", record,
                                 LLVMOffsetOfElement(layout, type, index));
      size_t at = ag_strtab_intern(&wanted.where, where);
      if (at == wanted.count) {
        wanted.keys[wanted.count++] = key;
        ag_strtab_intern(&wanted.records, record);
      }
      free(where);
    }
    free(record);
  }
  wanted.shown = ag_xcalloc(wanted.count + 1, sizeof(char *));
  if (wanted.count)
    ag_shim_debug_members(graph->module,
                          (const char *const *)wanted.records.strings.items,
                          wanted.records.strings.count, ag_take_member,
                          &wanted);

  for (size_t i = 0; i < keys.count; ++i) {
    const char *key = keys.items[i];
    const char *display = NULL;
    char *made = NULL;
    for (size_t w = 0; w < wanted.count && !display; ++w)
      if (wanted.keys[w] == key)
        display = wanted.shown[w];
    if (!display && strncmp(key, AG_SUMMARY_FIELD_STRUCT, struct_len) == 0) {
      const char *record = key + struct_len;
      const char *dot = strchr(record, '.');
      const char *hash = strrchr(record, '#');
      if (dot && hash && dot < hash)
        record = dot + 1;
      made = ag_xasprintf("%.*s field %s", (int)(hash ? hash - record : 0),
                          record, hash ? hash + 1 : "?");
      display = made;
    } else if (!display &&
               strncmp(key, AG_SUMMARY_FIELD_GLOBAL,
                       strlen(AG_SUMMARY_FIELD_GLOBAL)) == 0) {
      display = made = ag_demangle(key + strlen(AG_SUMMARY_FIELD_GLOBAL));
    } else if (!display && ag_icall_vslot_has_class(key)) {
      made = ag_icall_key_shown(key, NULL);
      /* vslot:<class>:<n> is shown as the class: "a virtual call on
       * 'Effect'". */
      char *symbol = ag_xasprintf("_ZTS%s", made);
      char *name = ag_demangle(symbol);
      const char *prefix = "typeinfo name for ";
      free(made);
      made = strncmp(name, prefix, strlen(prefix)) == 0
                 ? ag_xstrdup(name + strlen(prefix))
                 : ag_xstrdup(symbol + 4);
      display = made;
      free(name);
      free(symbol);
    } else if (!display &&
               strncmp(key, AG_SUMMARY_FIELD_STATIC,
                       strlen(AG_SUMMARY_FIELD_STATIC)) == 0) {
      const char *symbol = key + strlen(AG_SUMMARY_FIELD_STATIC) +
                           strlen(icall->unit ? icall->unit : "") + 1;
      display = made = ag_demangle(symbol);
    }
    if (display)
      ag_add_name(icall, key, display);
    free(made);
  }
  /* Type keys of calls, as LLVM prints types: a reader shows them in its
   * notes ("through a pointer of type 'ptr (ptr, i32, i32)'"). */
  struct ag_ptrmap seen_types = {0};
  for (size_t c = 0; c < graph->call_count; ++c) {
    const char *type = icall->sites[c].type_key;
    if (!type || ag_ptrmap_get(&seen_types, type) >= 0)
      continue;
    ag_ptrmap_put(&seen_types, type, 1);
    char *text = ag_icall_type_text(type);
    ag_add_name(icall, type, text);
    free(text);
  }
  ag_ptrmap_free(&seen_types);
  for (size_t w = 0; w < wanted.count; ++w)
    free(wanted.shown[w]);
  free(wanted.shown);
  free(wanted.keys);
  ag_strtab_free(&wanted.where);
  ag_strtab_free(&wanted.records);
  free(keys.items);
}
