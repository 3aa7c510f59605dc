/* ag_scope.c - enter/leave instrumentation of roots (ag_scope.h). */
#include "ag_scope.h"

#include "ag_abi.h"
#include "ag_shim.h"

#include <llvm-c/DebugInfo.h>
#include <string.h>

/* depth += delta: one memory read-modify-write, no register live across
 * the root's body. Only this thread writes its depth; a signal handler that
 * opens a scope in between closes it again before returning. */
static void ag_bump_depth(LLVMBuilderRef at, LLVMValueRef depth, int delta) {
  LLVMTypeRef i32 = LLVMGlobalGetValueType(depth);
  LLVMValueRef old = LLVMBuildLoad2(at, i32, depth, "");
  LLVMValueRef bumped =
      LLVMBuildAdd(at, old, LLVMConstInt(i32, (unsigned long long)delta, 1), "");
  LLVMBuildStore(at, bumped, depth);
}

static void ag_leave_at_exit(LLVMBuilderRef at, void *depth) {
  ag_bump_depth(at, depth, -1);
}

static LLVMValueRef ag_depth_global(LLVMModuleRef module) {
  LLVMValueRef depth = LLVMGetNamedGlobal(module, AG_SCOPE_DEPTH_VAR);
  if (!depth) {
    LLVMTypeRef i32 = LLVMInt32TypeInContext(LLVMGetModuleContext(module));
    depth = LLVMAddGlobal(module, i32, AG_SCOPE_DEPTH_VAR);
    /* Initial-exec, as the sanitizers do: no __tls_get_addr call in shared
     * objects. The runtime defining it is loaded at startup (or linked
     * statically), so its TLS is in the static block. */
    LLVMSetThreadLocal(depth, 1);
    LLVMSetThreadLocalMode(depth, LLVMInitialExecTLSModel);
  }
  return depth;
}

static void ag_instrument_root(LLVMModuleRef module, LLVMValueRef fn) {
  LLVMContextRef ctx = LLVMGetModuleContext(module);
  LLVMBuilderRef builder = LLVMCreateBuilderInContext(ctx);
  LLVMValueRef depth = ag_depth_global(module);

  /* After the entry block's allocas, which must stay together. */
  LLVMValueRef first = LLVMGetFirstInstruction(LLVMGetEntryBasicBlock(fn));
  while (LLVMIsAAllocaInst(first))
    first = LLVMGetNextInstruction(first);
  LLVMPositionBuilderBefore(builder, first);
  ag_bump_depth(builder, depth, +1);
  LLVMDisposeBuilder(builder);

  ag_shim_for_each_exit(fn, ag_leave_at_exit, depth);
}

static int ag_has_fn_attribute(LLVMValueRef fn, const char *name) {
  unsigned kind = LLVMGetEnumAttributeKindForName(name, strlen(name));
  return kind && LLVMGetEnumAttributeAtIndex(fn, LLVMAttributeFunctionIndex,
                                             kind) != NULL;
}

int ag_scope_instrumentable(const struct ag_function *fn) {
  return fn->defined && strncmp(fn->symbol, "__allocguard", 12) != 0 &&
         strncmp(fn->symbol, "allocguard_", 11) != 0 &&
         !ag_has_fn_attribute(fn->fn, "naked");
}

static int ag_returns_twice(LLVMValueRef call) {
  unsigned kind = LLVMGetEnumAttributeKindForName("returns_twice", 13);
  if (LLVMGetCallSiteEnumAttribute(call, LLVMAttributeFunctionIndex, kind))
    return 1;
  LLVMValueRef callee = LLVMGetCalledValue(call);
  return LLVMIsAFunction(callee) &&
         LLVMGetEnumAttributeAtIndex(callee, LLVMAttributeFunctionIndex,
                                     kind) != NULL;
}

/* longjmp skips the restores at a root's exits. A setjmp-style call
 * returns a second time exactly where the jump lands, so storing back the
 * depth it saw on its first return closes every scope the jump left. */
static size_t ag_restore_after_setjmp(LLVMModuleRef module, LLVMValueRef fn) {
  size_t count = 0;
  LLVMContextRef ctx = LLVMGetModuleContext(module);
  LLVMTypeRef i32 = LLVMInt32TypeInContext(ctx);
  LLVMBuilderRef builder = LLVMCreateBuilderInContext(ctx);
  for (LLVMBasicBlockRef bb = LLVMGetFirstBasicBlock(fn); bb;
       bb = LLVMGetNextBasicBlock(bb))
    for (LLVMValueRef inst = LLVMGetFirstInstruction(bb); inst;
         inst = LLVMGetNextInstruction(inst)) {
      if (!LLVMIsACallInst(inst) || !ag_returns_twice(inst))
        continue;
      LLVMValueRef depth = ag_depth_global(module);
      LLVMPositionBuilderBefore(builder, inst);
      LLVMValueRef saved = LLVMBuildLoad2(builder, i32, depth, "");
      LLVMPositionBuilderBefore(builder, LLVMGetNextInstruction(inst));
      inst = LLVMBuildStore(builder, saved, depth);
      ++count;
    }
  LLVMDisposeBuilder(builder);
  return count;
}

size_t ag_scope_restore_after_setjmp(struct ag_graph *graph) {
  size_t count = 0;
  for (size_t f = 0; f < graph->func_count; ++f)
    if (ag_scope_instrumentable(&graph->funcs[f]))
      count += ag_restore_after_setjmp(graph->module, graph->funcs[f].fn);
  return count;
}

size_t ag_scope_instrument_roots(struct ag_graph *graph) {
  size_t count = 0;
  for (size_t f = 0; f < graph->func_count; ++f) {
    const struct ag_function *fn = &graph->funcs[f];
    if (fn->is_root && ag_scope_instrumentable(fn)) {
      ag_instrument_root(graph->module, fn->fn);
      ++count;
    }
  }
  return count;
}
