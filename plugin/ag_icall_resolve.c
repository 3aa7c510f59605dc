/* ag_icall_resolve.c - the candidates of each indirect and virtual call in
 * the unit (ag_icall.h), by the rules of docs/summary-format.md that
 * allocguard-report applies to the whole program:
 *
 *   a call loaded from field k may call exactly F(k), the functions stored
 *   into k or into a field k receives copies of, unless one of those fields
 *   is open (receives values the unit cannot trace) or F(k) is empty; then,
 *   and for calls through any other pointer, every address-taken function
 *   of the call's type (the first layer); a virtual call on class C at
 *   slot n, the functions of its type stored into slot n of C's vtables or
 *   of a subclass's (F(vslot:C:n): subclasses flow into their bases) and
 *   into slot n of every vtable without RTTI; when F(vslot:C:n) is empty
 *   (no vtable names C or a subclass, or the key is wrong), or the call's
 *   class is not known, slot n of every vtable (F(vslot:n)).
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

static void ag_typed_targets(struct ag_icall *icall, const struct ag_graph *graph,
                             const struct ag_kb *kb, const char *type,
                             const char *field, struct ag_icall_resolution *res);

/* F(key) into `res`, only functions of type `type` when it is not NULL;
 * returns nonzero when some field on the way is open. */
static int ag_field_targets(struct ag_icall *icall, const struct ag_graph *graph,
                            const struct ag_kb *kb, const char *key,
                            const char *type, struct ag_icall_resolution *res) {
  struct ag_ptrmap seen = {0};
  const char **stack = NULL;
  size_t depth = 0, cap = 0;
  int open = 0;
  AG_PUSH(stack, depth, cap, key);
  ag_ptrmap_put(&seen, key, 1);
  while (depth) {
    const char *field = stack[--depth];
    for (size_t i = 0; i < icall->target_count; ++i)
      if (icall->targets[i].field_key == field &&
          (!type || icall->targets[i].type_key == type))
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

/* A virtual call's candidates (the header's rule). */
static void ag_virtual_targets(struct ag_icall *icall,
                               const struct ag_graph *graph,
                               const struct ag_kb *kb,
                               const struct ag_icall_site *site,
                               struct ag_icall_resolution *res) {
  const char *any = ag_icall_vslot_any(icall, site->field_key);
  res->how = AG_ICALL_VSLOT_ANY;
  if (any && any != site->field_key) {
    ag_field_targets(icall, graph, kb, site->field_key, site->type_key, res);
    size_t classed = res->count;
    if (classed) {
      ag_typed_targets(icall, graph, kb, site->type_key, any, res);
      res->how = res->count > classed ? AG_ICALL_VSLOT_NORTTI : AG_ICALL_VSLOT;
      return;
    }
  }
  if (any)
    ag_field_targets(icall, graph, kb, any, site->type_key, res);
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
      ag_virtual_targets(icall, graph, kb, site, res);
      if (!res->count)
        res->how = AG_ICALL_NONE;
      continue;
    }
    if (site->field_key) {
      res->field_open =
          ag_field_targets(icall, graph, kb, site->field_key, NULL, res);
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
  char *cls = ag_icall_vslot_class(site->field_key);
  const char *slot = site->field_key ? strrchr(site->field_key, ':') + 1 : "";
  char *text = NULL;
  switch (res->how) {
  case AG_ICALL_FIELD:
    text = ag_xasprintf("through '%s'", field);
    break;
  case AG_ICALL_VSLOT:
    text = ag_xasprintf("through a virtual call on '%s'", field);
    break;
  case AG_ICALL_VSLOT_NORTTI:
    text = ag_xasprintf("through a virtual call on '%s' (or slot %s of a "
                        "vtable built without RTTI)", field, slot);
    break;
  case AG_ICALL_VSLOT_ANY:
    text = cls ? ag_xasprintf("through a virtual call on '%s' (slot %s of "
                              "any vtable: none with RTTI in this "
                              "translation unit is of '%s' or a subclass)",
                              field, slot, field)
               : ag_xasprintf("through a virtual call (slot %s of any "
                              "vtable: allocguard cannot tell the object's "
                              "class)", slot);
    break;
  case AG_ICALL_TYPE:
    if (!site->field_key)
      text = ag_xasprintf("through a pointer of type '%s'", type);
    else if (res->field_open)
      text = ag_xasprintf("through a pointer of type '%s' ('%s' also holds "
                          "pointers allocguard cannot trace)",
                          type, field);
    else
      text = ag_xasprintf("through a pointer of type '%s' (allocguard saw "
                          "nothing stored in '%s')",
                          type, field);
    break;
  case AG_ICALL_NONE:
    if (site->is_virtual)
      text = !site->field_key
                 ? ag_xstrdup("no vtable slot is recorded for it")
                 : ag_xasprintf("no function of type '%s' is in vtable slot "
                                "%s of this translation unit",
                                type, slot);
    else
      text = ag_xasprintf("no function of type '%s' has its address taken in "
                          "this translation unit",
                          type);
    break;
  }
  free(cls);
  return text;
}

void ag_icall_free(struct ag_icall *icall) {
  ag_strtab_free(&icall->keys);
  free(icall->targets);
  free(icall->flows);
  free(icall->names);
  free(icall->sites);
  free(icall->resolutions);
  free(icall->candidates);
  ag_strtab_free(&icall->class_where);
  free(icall->class_of);
  memset(icall, 0, sizeof(*icall));
}
