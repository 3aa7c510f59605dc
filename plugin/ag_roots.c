/* ag_roots.c - roots from annotations and options (ag_roots.h). */
#include "ag_roots.h"

#include "ag_names.h"

#include <string.h>

/* Annotation operands are wrapped in bitcasts (typed pointers) and GEPs
 * (string constants) depending on the LLVM version; look through both. */
static LLVMValueRef ag_strip_constant(LLVMValueRef value) {
  for (int depth = 0; depth < 8 && value && LLVMIsAConstantExpr(value);
       ++depth) {
    LLVMOpcode op = LLVMGetConstOpcode(value);
    if (op != LLVMBitCast && op != LLVMGetElementPtr &&
        op != LLVMAddrSpaceCast)
      break;
    value = LLVMGetOperand(value, 0);
  }
  return value;
}

/* The annotation string of one @llvm.global.annotations entry, or NULL. */
static const char *ag_annotation_text(LLVMValueRef entry, size_t *len) {
  LLVMValueRef str = ag_strip_constant(LLVMGetOperand(entry, 1));
  if (!str || !LLVMIsAGlobalVariable(str))
    return NULL;
  LLVMValueRef data = LLVMGetInitializer(str);
  if (!data || !LLVMIsAConstantDataSequential(data))
    return NULL;
  const char *text = LLVMGetAsString(data, len);
  while (*len && text[*len - 1] == '\0')
    --*len;
  return text;
}

static int ag_text_is(const char *text, size_t len, const char *want) {
  return text && len == strlen(want) && memcmp(text, want, len) == 0;
}

static void ag_mark_annotated(struct ag_graph *graph,
                              const struct ag_config *config) {
  LLVMValueRef annotations =
      LLVMGetNamedGlobal(graph->module, "llvm.global.annotations");
  LLVMValueRef array = annotations ? LLVMGetInitializer(annotations) : NULL;
  if (!array)
    return;
  int count = LLVMGetNumOperands(array);
  for (int i = 0; i < count; ++i) {
    LLVMValueRef entry = LLVMGetOperand(array, (unsigned)i);
    if (LLVMGetNumOperands(entry) < 2)
      continue;
    LLVMValueRef target = ag_strip_constant(LLVMGetOperand(entry, 0));
    int index = ag_ptrmap_get(&graph->index, target);
    if (index < 0)
      continue; /* annotates a variable, not a function */
    size_t len = 0;
    const char *text = ag_annotation_text(entry, &len);
    if (ag_text_is(text, len, AG_ANNOTATION_ROOT) ||
        (config->effect_roots &&
         ag_text_is(text, len, AG_ANNOTATION_EFFECT_ROOT)))
      graph->funcs[index].is_root = graph->funcs[index].defined;
    else if (ag_text_is(text, len, AG_ANNOTATION_ALLOCATOR))
      graph->funcs[index].is_allocator = 1;
  }
}

static int ag_any_matches(const struct ag_strlist *names,
                          const struct ag_function *fn) {
  for (size_t i = 0; i < names->count; ++i)
    if (ag_name_matches(names->items[i], fn->symbol, fn->display))
      return 1;
  return 0;
}

size_t ag_roots_mark(struct ag_graph *graph, const struct ag_config *config) {
  ag_mark_annotated(graph, config);
  size_t roots = 0;
  for (size_t f = 0; f < graph->func_count; ++f) {
    struct ag_function *fn = &graph->funcs[f];
    if (fn->defined && !fn->is_root && ag_any_matches(&config->roots, fn))
      fn->is_root = 1;
    if (!fn->is_allocator && ag_any_matches(&config->allocators, fn))
      fn->is_allocator = 1;
    roots += fn->is_root != 0;
  }
  return roots;
}
