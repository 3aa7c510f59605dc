/* ag_summary_prune.c - calls and functions a summary can leave out
 * (ag_summary_prune.h). */
#include "ag_summary_prune.h"

#include "ag_icall.h"

#include <stdlib.h>
#include <string.h>

/* Defined here with one definition program-wide: the report cannot pick
 * another unit's body for it (weak and inline functions it can). */
static int ag_body_is_final(const struct ag_function *fn) {
  if (!fn->defined)
    return 0;
  switch (LLVMGetLinkage(fn->fn)) {
  case LLVMInternalLinkage:
  case LLVMPrivateLinkage:
  case LLVMExternalLinkage:
    return 1;
  default:
    return 0;
  }
}

/* Only this unit can call it, so no other unit's definition can stand in
 * for it in the report's merge (a second strong definition of an external
 * function is reported and may be the one kept). */
static int ag_is_internal(const struct ag_function *fn) {
  if (!fn->defined)
    return 0;
  LLVMLinkage linkage = LLVMGetLinkage(fn->fn);
  return linkage == LLVMInternalLinkage || linkage == LLVMPrivateLinkage;
}

/* clean[f]: f is internal and every call it makes is a call to a clean
 * function (so never to an external one, whose definition in another unit
 * may be the one the report keeps). Dirtiness flows from callee to
 * caller until it stops. */
static void ag_find_clean(const struct ag_graph *graph, unsigned char *clean) {
  for (size_t f = 0; f < graph->func_count; ++f) {
    const struct ag_function *fn = &graph->funcs[f];
    clean[f] = (unsigned char)ag_is_internal(fn);
    size_t end = fn->first_call + fn->call_count;
    for (size_t c = fn->first_call; clean[f] && c < end; ++c) {
      enum ag_call_kind kind = graph->calls[c].kind;
      clean[f] = kind == AG_CALL_IGNORED || kind == AG_CALL_DEFINED;
    }
  }
  for (int changed = 1; changed;) {
    changed = 0;
    for (size_t c = 0; c < graph->call_count; ++c) {
      const struct ag_call *call = &graph->calls[c];
      if (call->kind == AG_CALL_DEFINED && clean[call->caller] &&
          !clean[call->callee]) {
        clean[call->caller] = 0;
        changed = 1;
      }
    }
  }
}

void ag_summary_prune(const struct ag_graph *graph, unsigned char *keep_call,
                      unsigned char *drop_function) {
  size_t n = graph->func_count ? graph->func_count : 1;
  unsigned char *clean = calloc(n, 1);
  unsigned char *mentioned = calloc(n, 1);
  ag_find_clean(graph, clean);
  /* The final callees a caller already has a kept call to: a repeat adds
   * only another line for the same hop. */
  struct ag_ptrmap seen;
  for (size_t f = 0; f < graph->func_count; ++f) {
    const struct ag_function *fn = &graph->funcs[f];
    memset(&seen, 0, sizeof seen);
    for (size_t c = fn->first_call; c < fn->first_call + fn->call_count; ++c) {
      const struct ag_call *call = &graph->calls[c];
      keep_call[c] = call->kind != AG_CALL_IGNORED;
      if (call->kind == AG_CALL_DEFINED &&
          ag_body_is_final(&graph->funcs[call->callee])) {
        const void *key = graph->funcs[call->callee].fn;
        if (clean[call->callee] || ag_ptrmap_get(&seen, key) >= 0)
          keep_call[c] = 0;
        else
          ag_ptrmap_put(&seen, key, 1);
      }
      if (keep_call[c]) {
        mentioned[call->caller] = 1;
        if (call->callee >= 0)
          mentioned[call->callee] = 1;
      }
    }
    ag_ptrmap_free(&seen);
  }
  if (graph->icall)
    for (size_t t = 0; t < graph->icall->target_count; ++t)
      mentioned[graph->icall->targets[t].fn] = 1;
  for (size_t f = 0; f < graph->func_count; ++f) {
    const struct ag_function *fn = &graph->funcs[f];
    drop_function[f] = clean[f] && !mentioned[f] && !fn->is_root &&
                       !fn->is_allocator && ag_is_internal(fn);
  }
  free(mentioned);
  free(clean);
}
