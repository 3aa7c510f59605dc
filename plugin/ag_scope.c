/* ag_scope.c - enter/leave instrumentation of roots (ag_scope.h). */
#include "ag_scope.h"

#include "ag_abi_types.h"
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

static LLVMValueRef ag_tls_global(LLVMModuleRef module, LLVMTypeRef type,
                                  const char *name) {
  LLVMValueRef global = LLVMGetNamedGlobal(module, name);
  if (!global) {
    global = LLVMAddGlobal(module, type, name);
    /* Initial-exec, as the sanitizers do: no __tls_get_addr call in shared
     * objects. The runtime defining it is loaded at startup (or linked
     * statically), so its TLS is in the static block. */
    LLVMSetThreadLocal(global, 1);
    LLVMSetThreadLocalMode(global, LLVMInitialExecTLSModel);
  }
  return global;
}

static LLVMValueRef ag_depth_global(LLVMModuleRef module) {
  LLVMTypeRef i32 = LLVMInt32TypeInContext(LLVMGetModuleContext(module));
  return ag_tls_global(module, i32, AG_SCOPE_DEPTH_VAR);
}

static LLVMTypeRef ag_i8ptr(LLVMContextRef ctx) {
  return LLVMPointerType(LLVMInt8TypeInContext(ctx), 0);
}

static LLVMValueRef ag_cstring(LLVMModuleRef module, const char *s) {
  LLVMContextRef ctx = LLVMGetModuleContext(module);
  LLVMValueRef init = LLVMConstStringInContext(ctx, s, strlen(s), 0);
  LLVMValueRef global =
      LLVMAddGlobal(module, LLVMTypeOf(init), "__allocguard_str");
  LLVMSetInitializer(global, init);
  LLVMSetLinkage(global, LLVMPrivateLinkage);
  LLVMSetGlobalConstant(global, 1);
  LLVMSetUnnamedAddress(global, LLVMGlobalUnnamedAddr);
  LLVMSetAlignment(global, 1);
  return LLVMConstBitCast(global, ag_i8ptr(ctx));
}

/* The root's constant descriptor (struct __allocguard_root), private to
 * the object: its references stay inside this module wherever the inliner
 * copies the scope entry, and a copy per object that emits an inline root
 * costs a few bytes. */
static LLVMValueRef ag_root_descriptor(LLVMModuleRef module,
                                       const struct ag_function *fn,
                                       const char *source_file) {
  LLVMContextRef ctx = LLVMGetModuleContext(module);
  LLVMTypeRef i32 = LLVMInt32TypeInContext(ctx), i8ptr = ag_i8ptr(ctx);
  LLVMTypeRef type = ag_abi_root_type(ctx);
  const char *file = fn->loc.file, *slash;
  if (!file) { /* no -g: the unit's name, without the build directory */
    slash = strrchr(source_file, '/');
    file = slash ? slash + 1 : source_file;
  }
  LLVMValueRef fields[AG_ROOT_FIELD_COUNT];
  fields[AG_ROOT_F_abi_version] = LLVMConstInt(i32, AG_SITE_ABI_VERSION, 0);
  fields[AG_ROOT_F_line] = LLVMConstInt(i32, fn->loc.file ? fn->loc.line : 0, 0);
  fields[AG_ROOT_F_file] = ag_cstring(module, file);
  fields[AG_ROOT_F_function] = ag_cstring(module, fn->display);
  LLVMValueRef global = LLVMAddGlobal(module, type, "__allocguard_root");
  LLVMSetInitializer(global, LLVMConstNamedStruct(type, fields,
                                                  AG_ROOT_FIELD_COUNT));
  LLVMSetGlobalConstant(global, 1);
  LLVMSetAlignment(global, 8);
  LLVMSetLinkage(global, LLVMPrivateLinkage);
  return LLVMConstBitCast(global, i8ptr);
}

/* depth += 1, then roots[depth & mask] = root. In that order: a signal
 * handler that opens a scope between the two stores writes the slot above
 * and leaves this one alone, while the other order would let it overwrite
 * this root's slot for the whole body. Only a violation in a handler that
 * interrupts exactly between the two stores sees the slot's previous root. */
static void ag_enter(LLVMBuilderRef at, LLVMModuleRef module,
                     LLVMValueRef depth, LLVMValueRef root) {
  LLVMContextRef ctx = LLVMGetModuleContext(module);
  LLVMTypeRef i32 = LLVMInt32TypeInContext(ctx);
  LLVMTypeRef i64 = LLVMInt64TypeInContext(ctx);
  LLVMTypeRef slots = LLVMArrayType(ag_i8ptr(ctx), AG_SCOPE_ROOTS_MAX);
  LLVMValueRef roots = ag_tls_global(module, slots, AG_SCOPE_ROOTS_VAR);
  LLVMValueRef old = LLVMBuildLoad2(at, i32, depth, "");
  LLVMValueRef raised = LLVMBuildAdd(at, old, LLVMConstInt(i32, 1, 0), "");
  LLVMBuildStore(at, raised, depth);
  LLVMValueRef slot = LLVMBuildAnd(
      at, raised, LLVMConstInt(i32, AG_SCOPE_ROOTS_MAX - 1, 0), "");
  LLVMValueRef index[] = {LLVMConstInt(i64, 0, 0),
                          LLVMBuildZExt(at, slot, i64, "")};
  LLVMValueRef at_slot = LLVMBuildInBoundsGEP2(at, slots, roots, index, 2, "");
  LLVMBuildStore(at, root, at_slot);
}

static void ag_instrument_root(struct ag_graph *graph,
                               const struct ag_function *fn) {
  LLVMModuleRef module = graph->module;
  LLVMContextRef ctx = LLVMGetModuleContext(module);
  LLVMBuilderRef builder = LLVMCreateBuilderInContext(ctx);
  LLVMValueRef depth = ag_depth_global(module);
  LLVMValueRef root = ag_root_descriptor(module, fn, graph->source_file);

  /* After the entry block's allocas, which must stay together. */
  LLVMValueRef first = LLVMGetFirstInstruction(LLVMGetEntryBasicBlock(fn->fn));
  while (LLVMIsAAllocaInst(first))
    first = LLVMGetNextInstruction(first);
  LLVMPositionBuilderBefore(builder, first);
  ag_enter(builder, module, depth, root);
  LLVMDisposeBuilder(builder);

  ag_shim_for_each_exit(fn->fn, ag_leave_at_exit, depth);
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

/* longjmp skips the restores at a root's exits. A setjmp-style call
 * returns a second time exactly where the jump lands, so storing back the
 * depth it saw on its first return closes every scope the jump left. */
static size_t ag_restore_after_setjmp(LLVMModuleRef module, LLVMValueRef fn,
                                      unsigned returns_twice) {
  size_t count = 0;
  LLVMContextRef ctx = LLVMGetModuleContext(module);
  LLVMTypeRef i32 = LLVMInt32TypeInContext(ctx);
  LLVMBuilderRef builder = NULL; /* made at the first such call */
  for (LLVMBasicBlockRef bb = LLVMGetFirstBasicBlock(fn); bb;
       bb = LLVMGetNextBasicBlock(bb))
    for (LLVMValueRef inst = LLVMGetFirstInstruction(bb); inst;
         inst = LLVMGetNextInstruction(inst)) {
      if (!LLVMIsACallInst(inst) || !ag_call_returns_twice(inst, returns_twice))
        continue;
      if (!builder)
        builder = LLVMCreateBuilderInContext(ctx);
      LLVMValueRef depth = ag_depth_global(module);
      LLVMPositionBuilderBefore(builder, inst);
      LLVMValueRef saved = LLVMBuildLoad2(builder, i32, depth, "");
      LLVMPositionBuilderBefore(builder, LLVMGetNextInstruction(inst));
      inst = LLVMBuildStore(builder, saved, depth);
      ++count;
    }
  if (builder)
    LLVMDisposeBuilder(builder);
  return count;
}

size_t ag_scope_restore_after_setjmp(struct ag_graph *graph) {
  size_t count = 0;
  unsigned returns_twice = LLVMGetEnumAttributeKindForName("returns_twice", 13);
  /* Only functions the graph saw call one: what the pass adds before this
   * (rewritten allocation calls, a root's scope) calls no such function. */
  for (size_t f = 0; f < graph->func_count; ++f)
    if (graph->funcs[f].calls_twice &&
        ag_scope_instrumentable(&graph->funcs[f]))
      count += ag_restore_after_setjmp(graph->module, graph->funcs[f].fn,
                                       returns_twice);
  return count;
}

size_t ag_scope_instrument_roots(struct ag_graph *graph) {
  size_t count = 0;
  for (size_t f = 0; f < graph->func_count; ++f) {
    const struct ag_function *fn = &graph->funcs[f];
    if (fn->is_root && ag_scope_instrumentable(fn)) {
      ag_instrument_root(graph, fn);
      ++count;
    }
  }
  return count;
}
