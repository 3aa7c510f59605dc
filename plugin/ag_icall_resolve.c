/* ag_icall_resolve.c - the candidates of each indirect and virtual call in
 * the unit (ag_icall.h), by the rules of docs/summary-format.md that
 * allocguard-report applies to the whole program:
 *
 *   a call loaded from field k may call exactly F(k), the functions stored
 *   into k or into a field k receives copies of, unless one of those fields
 *   is open (receives values the unit cannot trace) or F(k) is empty; then,
 *   and for calls through any other pointer, every address-taken function
 *   of the call's type (the first layer); a virtual call, the functions in
 *   its vtable slot with its type.
 */
#include "ag_icall.h"

#include "ag_summary_format.h"

#include <stdlib.h>
#include <string.h>

static void ag_add_candidate(struct ag_icall *icall, const struct ag_graph *graph,
                             const struct ag_kb *kb,
                             struct ag_icall_resolution *res, size_t fn) {
  for (size_t i = res->first; i < res->first + res->count; ++i)
    if (icall->candidates[i].fn == fn)
      return;
  struct ag_icall_candidate candidate = {fn, AG_CALL_IGNORED, NULL};
  candidate.kind = ag_graph_classify(graph, kb, fn, &candidate.kb);
  AG_PUSH(icall->candidates, icall->candidate_count, icall->candidate_cap,
          candidate);
  res->count++;
}

/* F(key) into `res`; returns nonzero when some field on the way is open. */
static int ag_field_targets(struct ag_icall *icall, const struct ag_graph *graph,
                            const struct ag_kb *kb, const char *key,
                            struct ag_icall_resolution *res) {
  struct ag_ptrmap seen = {0};
  const char **stack = NULL;
  size_t depth = 0, cap = 0;
  int open = 0;
  AG_PUSH(stack, depth, cap, key);
  ag_ptrmap_put(&seen, key, 1);
  while (depth) {
    const char *field = stack[--depth];
    for (size_t i = 0; i < icall->target_count; ++i)
      if (icall->targets[i].field_key == field)
        ag_add_candidate(icall, graph, kb, res, icall->targets[i].fn);
    for (size_t i = 0; i < icall->flow_count; ++i) {
      const struct ag_icall_flow *flow = &icall->flows[i];
      if (flow->field_key != field)
        continue;
      if (!flow->source_key)
        open = 1;
      else if (ag_ptrmap_get(&seen, flow->source_key) < 0) {
        ag_ptrmap_put(&seen, flow->source_key, 1);
        AG_PUSH(stack, depth, cap, flow->source_key);
      }
    }
  }
  free(stack);
  ag_ptrmap_free(&seen);
  return open;
}

static void ag_typed_targets(struct ag_icall *icall, const struct ag_graph *graph,
                             const struct ag_kb *kb, const char *type,
                             const char *field, struct ag_icall_resolution *res) {
  for (size_t i = 0; i < icall->target_count; ++i)
    if (icall->targets[i].type_key == type &&
        (!field || icall->targets[i].field_key == field))
      ag_add_candidate(icall, graph, kb, res, icall->targets[i].fn);
}

void ag_icall_resolve(struct ag_icall *icall, const struct ag_graph *graph,
                      const struct ag_kb *kb) {
  for (size_t c = 0; c < graph->call_count; ++c) {
    const struct ag_icall_site *site = &icall->sites[c];
    struct ag_icall_resolution *res = &icall->resolutions[c];
    if (!site->type_key)
      continue;
    res->first = icall->candidate_count;
    res->count = 0;
    if (graph->calls[c].kind == AG_CALL_VIRTUAL) {
      if (site->field_key)
        ag_typed_targets(icall, graph, kb, site->type_key, site->field_key, res);
      res->how = res->count ? AG_ICALL_VSLOT : AG_ICALL_NONE;
      continue;
    }
    if (site->field_key) {
      res->field_open = ag_field_targets(icall, graph, kb, site->field_key, res);
      if (res->count && !res->field_open) {
        res->how = AG_ICALL_FIELD;
        continue;
      }
      icall->candidate_count -= res->count; /* drop them: layer 1 instead */
      res->count = 0;
    }
    ag_typed_targets(icall, graph, kb, site->type_key, NULL, res);
    res->how = res->count ? AG_ICALL_TYPE : AG_ICALL_NONE;
  }
}

/* The same words as allocguard-report's notes, so a user reads one
 * vocabulary. */
char *ag_icall_how_text(const struct ag_icall *icall, size_t c) {
  const struct ag_icall_site *site = &icall->sites[c];
  const struct ag_icall_resolution *res = &icall->resolutions[c];
  if (!site->type_key)
    return NULL;
  const char *type = site->type_shown
                         ? site->type_shown
                         : ag_icall_key_display(icall, site->type_key);
  const char *field =
      site->field_key ? ag_icall_key_display(icall, site->field_key) : "";
  switch (res->how) {
  case AG_ICALL_FIELD:
    return ag_xasprintf("through '%s'", field);
  case AG_ICALL_VSLOT:
    return ag_xstrdup("through a virtual call");
  case AG_ICALL_TYPE:
    if (!site->field_key)
      return ag_xasprintf("through a pointer of type '%s'", type);
    if (res->field_open)
      return ag_xasprintf("through a pointer of type '%s' ('%s' also holds "
                          "pointers allocguard cannot trace)",
                          type, field);
    return ag_xasprintf("through a pointer of type '%s' (allocguard saw "
                        "nothing stored in '%s')",
                        type, field);
  case AG_ICALL_NONE:
    break;
  }
  if (site->is_virtual)
    return site->field_key
               ? ag_xasprintf("no function of type '%s' is in vtable slot %s "
                              "of this translation unit",
                              type,
                              site->field_key + strlen(AG_SUMMARY_FIELD_VSLOT))
               : ag_xstrdup("no vtable slot is recorded for it");
  return ag_xasprintf("no function of type '%s' has its address taken in "
                      "this translation unit",
                      type);
}

void ag_icall_free(struct ag_icall *icall) {
  ag_strtab_free(&icall->keys);
  free(icall->targets);
  free(icall->flows);
  free(icall->names);
  free(icall->sites);
  free(icall->resolutions);
  free(icall->candidates);
  memset(icall, 0, sizeof(*icall));
}
