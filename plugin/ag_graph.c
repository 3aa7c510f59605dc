/* ag_graph.c - build and classify the module's call graph (ag_graph.h). */
#include "ag_graph.h"

#include "ag_names.h"
#include "ag_path.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* File names repeat across thousands of calls; keep one copy of each. */
static const char *ag_intern_file(struct ag_strlist *files, const char *name,
                                  unsigned len) {
  if (!name || !len)
    return NULL;
  for (size_t i = files->count; i-- > 0;)
    if (strlen(files->items[i]) == len &&
        memcmp(files->items[i], name, len) == 0)
      return files->items[i];
  ag_strlist_add(files, name, len);
  return files->items[files->count - 1];
}

/* Location of an instruction, or of a function's definition. */
static struct ag_loc ag_loc_of(struct ag_graph *graph, LLVMValueRef value) {
  struct ag_loc loc = {0};
  unsigned len = 0;
  const char *file = LLVMGetDebugLocFilename(value, &len);
  loc.file = ag_intern_file(&graph->files, file, len);
  if (loc.file) {
    unsigned dir_len = 0;
    const char *dir = LLVMGetDebugLocDirectory(value, &dir_len);
    if (file != graph->last_file || dir != graph->last_dir) {
      char *path = ag_path_join(dir, dir ? dir_len : 0, file, len);
      graph->last_path =
          ag_intern_file(&graph->files, path, (unsigned)strlen(path));
      graph->last_file = file;
      graph->last_dir = dir;
      free(path);
    }
    loc.path = graph->last_path;
    loc.line = LLVMGetDebugLocLine(value);
    loc.column = LLVMIsAFunction(value) ? 0 : LLVMGetDebugLocColumn(value);
  }
  return loc;
}

void ag_graph_init(struct ag_graph *graph, LLVMModuleRef module) {
  memset(graph, 0, sizeof(*graph));
  graph->module = module;
  size_t len = 0;
  graph->source_file = LLVMGetSourceFileName(module, &len);
  unsigned unnamed = 0;
  for (LLVMValueRef fn = LLVMGetFirstFunction(module); fn;
       fn = LLVMGetNextFunction(fn)) {
    struct ag_function node = {0};
    size_t name_len = 0;
    const char *name = LLVMGetValueName2(fn, &name_len);
    node.fn = fn;
    if (name_len) {
      node.symbol = ag_xstrndup(name, name_len);
    } else {
      /* IR may leave a function unnamed (@0); code generation calls it
       * __unnamed_N, and so do diagnostics and the summary, which needs a
       * distinct name for each (ag_summary.c records it as internal): one
       * no function of the module has. */
      char buf[32];
      do
        snprintf(buf, sizeof buf, "__unnamed_%u", ++unnamed);
      while (LLVMGetNamedFunction(module, buf));
      node.symbol = ag_xstrndup(buf, strlen(buf));
    }
    node.display = ag_demangle(node.symbol);
    /* available_externally bodies exist only at -O1 and up; treating them
     * as declarations keeps findings independent of -O. */
    node.defined = !LLVMIsDeclaration(fn) &&
                   LLVMGetLinkage(fn) != LLVMAvailableExternallyLinkage;
    node.loc = ag_loc_of(graph, fn);
    ag_ptrmap_put(&graph->index, fn, (int)graph->func_count);
    AG_PUSH(graph->funcs, graph->func_count, graph->func_cap, node);
  }
  graph->classified = ag_xcalloc(graph->func_count ? graph->func_count : 1,
                                 sizeof(*graph->classified));
}

/* Looks through bitcasts and aliases to the function actually called. */
static LLVMValueRef ag_strip_callee(LLVMValueRef value) {
  for (int depth = 0; depth < 16; ++depth) {
    if (LLVMIsAConstantExpr(value)) {
      LLVMOpcode op = LLVMGetConstOpcode(value);
      if (op != LLVMBitCast && op != LLVMAddrSpaceCast)
        return value;
      value = LLVMGetOperand(value, 0);
    } else if (LLVMIsAGlobalAlias(value)) {
      value = LLVMAliasGetAliasee(value);
    } else {
      return value;
    }
  }
  return value;
}

static LLVMValueRef ag_strip_bitcast_inst(LLVMValueRef value) {
  while (value && LLVMIsABitCastInst(value))
    value = LLVMGetOperand(value, 0);
  return value;
}

/* Clang lowers `obj->f()` for a virtual f to: load the vtable from the
 * object, index it, load the slot, call it with the object as `this`
 * (argument 0, or 1 after an sret pointer). */
static int ag_is_virtual_call(LLVMValueRef call, LLVMValueRef callee) {
  if (!LLVMIsALoadInst(callee))
    return 0;
  LLVMValueRef slot = ag_strip_bitcast_inst(LLVMGetOperand(callee, 0));
  if (LLVMIsAGetElementPtrInst(slot))
    slot = ag_strip_bitcast_inst(LLVMGetOperand(slot, 0));
  if (!LLVMIsALoadInst(slot))
    return 0;
  LLVMValueRef object = ag_strip_bitcast_inst(LLVMGetOperand(slot, 0));
  unsigned args = LLVMGetNumArgOperands(call);
  for (unsigned i = 0; i < args && i < 2; ++i)
    if (ag_strip_bitcast_inst(LLVMGetOperand(call, i)) == object)
      return 1;
  return 0;
}

static enum ag_call_kind ag_classify_uncached(const struct ag_graph *graph,
                                              const struct ag_kb *kb,
                                              size_t index,
                                              const struct ag_kb_entry **row) {
  const struct ag_function *fn = &graph->funcs[index];
  *row = NULL;
  if (LLVMGetIntrinsicID(fn->fn) != 0)
    return AG_CALL_IGNORED;
  if (fn->is_allocator)
    return AG_CALL_ALLOC;
  if (strncmp(fn->symbol, "__allocguard_", 13) == 0)
    return AG_CALL_IGNORED; /* already instrumented */
  *row = ag_kb_lookup(kb, fn->symbol, fn->display);
  if (*row) {
    switch ((*row)->effect) {
    case AG_EFFECT_ALLOCATES:
      return AG_CALL_ALLOC;
    case AG_EFFECT_DEALLOCATES:
      return AG_CALL_DEALLOC;
    case AG_EFFECT_ALLOC_FREE:
    case AG_EFFECT_TERMINATES:
      return AG_CALL_IGNORED;
    }
  }
  return fn->defined ? AG_CALL_DEFINED : AG_CALL_EXTERNAL;
}

/* The memo of function `index`, filled on first use. The graph is const
 * to callers; the memo is a cache only. */
static const struct ag_classified *ag_classified_of(const struct ag_graph *graph,
                                                   const struct ag_kb *kb,
                                                   size_t index) {
  struct ag_classified *memo = &graph->classified[index];
  if (!memo->known || graph->classified_kb != kb) {
    if (graph->classified_kb != kb) {
      struct ag_graph *mutable_graph = (struct ag_graph *)graph;
      memset(graph->classified, 0,
             graph->func_count * sizeof(*graph->classified));
      mutable_graph->classified_kb = kb;
    }
    memo->kind = ag_classify_uncached(graph, kb, index, &memo->row);
    memo->callback_args = ag_kb_callback_args(graph->funcs[index].symbol);
    memo->known = 1;
  }
  return memo;
}

enum ag_call_kind ag_graph_classify(const struct ag_graph *graph,
                                   const struct ag_kb *kb, size_t index,
                                   const struct ag_kb_entry **row) {
  const struct ag_classified *memo = ag_classified_of(graph, kb, index);
  *row = memo->row;
  return memo->kind;
}

static void ag_classify_direct(struct ag_graph *graph, const struct ag_kb *kb,
                               struct ag_call *call, LLVMValueRef target) {
  call->callee = ag_ptrmap_get(&graph->index, target);
  if (call->callee < 0) {
    call->kind = AG_CALL_IGNORED;
    return;
  }
  call->kind = ag_graph_classify(graph, kb, (size_t)call->callee, &call->kb);
}

/* A library function that calls what it is passed (bsearch's comparator,
 * pthread_once's init routine) gets an edge at the same location to each
 * function passed there, or, when the argument is not a function
 * allocguard can name, an indirect call (ag_icall_scan.c gives it the
 * table's type and the field the pointer came from). */
static void ag_add_callbacks(struct ag_graph *graph, const struct ag_kb *kb,
                             size_t index) {
  /* A copy: pushing edges may move graph->calls. */
  const struct ag_call call = graph->calls[index];
  unsigned mask = ag_classified_of(graph, kb, (size_t)call.callee)->callback_args;
  unsigned args = LLVMGetNumArgOperands(call.inst);
  for (unsigned i = 0; mask && i < args && i < 32; ++i) {
    if (!(mask & (1u << i)))
      continue;
    LLVMValueRef arg = ag_strip_callee(LLVMGetOperand(call.inst, i));
    if (LLVMIsAConstantPointerNull(arg))
      continue;
    struct ag_call edge = call;
    edge.callback_arg = i + 1;
    edge.callback_type =
        ag_kb_callback_type(graph->funcs[call.callee].symbol, i);
    edge.kb = NULL;
    edge.callee = LLVMIsAFunction(arg) ? ag_ptrmap_get(&graph->index, arg) : -1;
    edge.kind = edge.callee >= 0 ? ag_graph_classify(graph, kb,
                                                     (size_t)edge.callee,
                                                     &edge.kb)
                                 : AG_CALL_INDIRECT;
    /* An allocator passed as a callback is left to the run-time check: a
     * site record would make the rewriter replace the library call. */
    if (edge.kind == AG_CALL_DEFINED || edge.kind == AG_CALL_EXTERNAL ||
        edge.kind == AG_CALL_INDIRECT)
      AG_PUSH(graph->calls, graph->call_count, graph->call_cap, edge);
  }
}

int ag_call_returns_twice(LLVMValueRef call, unsigned kind) {
  if (LLVMGetCallSiteEnumAttribute(call, LLVMAttributeFunctionIndex, kind))
    return 1;
  LLVMValueRef callee = LLVMGetCalledValue(call);
  return LLVMIsAFunction(callee) &&
         LLVMGetEnumAttributeAtIndex(callee, LLVMAttributeFunctionIndex,
                                     kind) != NULL;
}

static void ag_add_call(struct ag_graph *graph, const struct ag_kb *kb,
                        size_t caller, LLVMValueRef inst, int is_cxx) {
  struct ag_call call = {0};
  call.inst = inst;
  call.caller = caller;
  call.callee = -1;
  call.loc = ag_loc_of(graph, inst);
  if (call.loc.file)
    graph->has_debug_info = 1;
  LLVMValueRef target = ag_strip_callee(LLVMGetCalledValue(inst));
  if (LLVMIsAFunction(target))
    ag_classify_direct(graph, kb, &call, target);
  else if (LLVMIsAInlineAsm(target))
    call.kind = AG_CALL_IGNORED;
  else if (is_cxx && ag_is_virtual_call(inst, target))
    call.kind = AG_CALL_VIRTUAL;
  else
    call.kind = AG_CALL_INDIRECT;
  size_t first = graph->call_count;
  AG_PUSH(graph->calls, graph->call_count, graph->call_cap, call);
  if (call.callee >= 0)
    ag_add_callbacks(graph, kb, first);
}

void ag_graph_add_calls(struct ag_graph *graph, const struct ag_kb *kb) {
  /* C symbols cannot start with _Z, so a mangled name means C++ code. */
  int is_cxx = 0;
  for (size_t f = 0; f < graph->func_count && !is_cxx; ++f)
    is_cxx = strncmp(graph->funcs[f].symbol, "_Z", 2) == 0;

  unsigned returns_twice = LLVMGetEnumAttributeKindForName("returns_twice", 13);
  for (size_t f = 0; f < graph->func_count; ++f) {
    struct ag_function *fn = &graph->funcs[f];
    fn->first_call = graph->call_count;
    if (!fn->defined)
      continue;
    for (LLVMBasicBlockRef bb = LLVMGetFirstBasicBlock(fn->fn); bb;
         bb = LLVMGetNextBasicBlock(bb))
      for (LLVMValueRef inst = LLVMGetFirstInstruction(bb); inst;
           inst = LLVMGetNextInstruction(inst)) {
        int call = LLVMIsACallInst(inst) != NULL;
        if (!call && !LLVMIsAInvokeInst(inst))
          continue;
        ag_add_call(graph, kb, f, inst, is_cxx);
        if (call && !fn->calls_twice)
          fn->calls_twice = ag_call_returns_twice(inst, returns_twice);
      }
    fn->call_count = graph->call_count - fn->first_call;
  }
}

void ag_graph_free(struct ag_graph *graph) {
  for (size_t f = 0; f < graph->func_count; ++f) {
    free(graph->funcs[f].symbol);
    free(graph->funcs[f].display);
  }
  free(graph->funcs);
  free(graph->classified);
  free(graph->calls);
  ag_ptrmap_free(&graph->index);
  ag_strlist_free(&graph->files);
  memset(graph, 0, sizeof(*graph));
}
