/* ag_rewrite.c - checked wrappers and site descriptors (ag_rewrite.h). */
#include "ag_rewrite.h"

#include "ag_abi_types.h"
#include "ag_scope.h"
#include "ag_shim.h"
#include "ag_system_path.h"
#include "ag_wrapper_attrs.h"

#include <llvm-c/Comdat.h>
#include <llvm-c/DebugInfo.h>
#include <llvm-c/Target.h>
#include <stdlib.h>
#include <string.h>

#define AG_CTOR_NAME "allocguard.module_ctor"
#define AG_CTOR_PRIORITY 2
#define AG_START_SYMBOL "__start_" AG_SITE_SECTION
#define AG_STOP_SYMBOL "__stop_" AG_SITE_SECTION

struct ag_rewriter {
  struct ag_graph *graph;
  LLVMModuleRef module;
  LLVMContextRef ctx;
  LLVMBuilderRef builder;
  int elf; /* comdats keyed by any name (ag_triple_is_elf) */
  LLVMTypeRef i8ptr, i32, i64, size_type, site_type, counters_type;
  LLVMValueRef *sites; /* descriptors, for llvm.compiler.used */
  size_t site_count, site_cap;
  struct ag_strlist strings; /* cached C strings ... */
  LLVMValueRef *string_values; /* ... and their globals, same index */
  size_t string_cap;
};

/* Every pointer we build is i8*: with typed pointers (LLVM 14) this
 * bitcasts, with opaque pointers it folds away. */
static LLVMValueRef ag_ptr(struct ag_rewriter *rw, LLVMValueRef value) {
  return LLVMConstBitCast(value, rw->i8ptr);
}

static LLVMValueRef ag_cstring(struct ag_rewriter *rw, const char *s) {
  for (size_t i = 0; i < rw->strings.count; ++i)
    if (strcmp(rw->strings.items[i], s) == 0)
      return rw->string_values[i];
  LLVMValueRef init = LLVMConstStringInContext(rw->ctx, s, strlen(s), 0);
  LLVMValueRef global =
      LLVMAddGlobal(rw->module, LLVMTypeOf(init), "__allocguard_str");
  LLVMSetInitializer(global, init);
  LLVMSetLinkage(global, LLVMPrivateLinkage);
  LLVMSetGlobalConstant(global, 1);
  LLVMSetUnnamedAddress(global, LLVMGlobalUnnamedAddr);
  LLVMSetAlignment(global, 1);
  AG_PUSH(rw->strings.items, rw->strings.count, rw->strings.cap,
          ag_xstrdup(s));
  ag_grow((void **)&rw->string_values, &rw->string_cap, rw->strings.count,
          sizeof(LLVMValueRef));
  rw->string_values[rw->strings.count - 1] = ag_ptr(rw, global);
  return rw->string_values[rw->strings.count - 1];
}

static void ag_rewriter_init(struct ag_rewriter *rw, struct ag_graph *graph) {
  memset(rw, 0, sizeof(*rw));
  rw->graph = graph;
  rw->module = graph->module;
  rw->ctx = LLVMGetModuleContext(graph->module);
  rw->builder = LLVMCreateBuilderInContext(rw->ctx);
  rw->elf = ag_triple_is_elf(LLVMGetTarget(rw->module));
  rw->i8ptr = LLVMPointerType(LLVMInt8TypeInContext(rw->ctx), 0);
  rw->i32 = LLVMInt32TypeInContext(rw->ctx);
  rw->i64 = LLVMInt64TypeInContext(rw->ctx);
  rw->size_type =
      LLVMIntPtrTypeInContext(rw->ctx, LLVMGetModuleDataLayout(rw->module));
  rw->counters_type = ag_abi_counters_type(rw->ctx);
  rw->site_type = ag_abi_site_type(rw->ctx);
}

static void ag_rewriter_dispose(struct ag_rewriter *rw) {
  LLVMDisposeBuilder(rw->builder);
  free(rw->sites);
  free(rw->string_values);
  ag_strlist_free(&rw->strings);
}

/* Where a site's globals live. Sites of an ordinary function are private to
 * the object. Sites of a comdat function (inline, template) are not: the
 * inliner, which runs after this pass, copies their calls into functions
 * outside that comdat, and a reference into a comdat the linker discards is
 * an error. So each gets a comdat of its own, keyed by a name that is the
 * same in every object emitting that function, and the linker keeps one
 * copy. */
struct ag_site_home {
  const char *comdat_prefix; /* "<root symbol>" when shared, NULL when private */
  unsigned index;            /* ordinal of the site within its root */
};

static LLVMValueRef ag_site_global(struct ag_rewriter *rw, LLVMTypeRef type,
                                   const char *kind, LLVMValueRef init,
                                   const struct ag_site_home *home) {
  char *name = home->comdat_prefix
                   ? ag_xasprintf("__allocguard_%s.%s.%u", kind,
                                  home->comdat_prefix, home->index)
                   : ag_xasprintf("__allocguard_%s", kind);
  LLVMValueRef global = LLVMAddGlobal(rw->module, type, name);
  LLVMSetInitializer(global, init);
  LLVMSetAlignment(global, 8);
  if (home->comdat_prefix) {
    LLVMSetLinkage(global, LLVMLinkOnceODRLinkage);
    LLVMSetVisibility(global, LLVMHiddenVisibility);
    LLVMSetComdat(global, LLVMGetOrInsertComdat(rw->module, name));
  } else {
    LLVMSetLinkage(global, LLVMPrivateLinkage);
  }
  free(name);
  return global;
}

/* Without debug info there is no -ffile-prefix-map'ed name to embed, and
 * the raw path would leak the build directory into the binary. */
static const char *ag_basename(const char *path) {
  const char *slash = strrchr(path, '/');
  return slash ? slash + 1 : path;
}

/* One constant descriptor (and its zeroed counters) per rewritten call. */
static LLVMValueRef ag_make_site(struct ag_rewriter *rw,
                                 const struct ag_call *call, unsigned flags,
                                 unsigned index) {
  struct ag_graph *graph = rw->graph;
  const struct ag_function *caller = &graph->funcs[call->caller];
  const struct ag_function *callee = &graph->funcs[call->callee];
  struct ag_site_home home = {NULL, index};
  if (LLVMGetComdat(caller->fn) && rw->elf)
    home.comdat_prefix = caller->symbol;
  LLVMValueRef counters =
      ag_site_global(rw, rw->counters_type, "counters",
                     LLVMConstNull(rw->counters_type), &home);
  LLVMValueRef fields[AG_SITE_FIELD_COUNT];
  fields[AG_SITE_F_abi_version] = LLVMConstInt(rw->i32, AG_SITE_ABI_VERSION, 0);
  fields[AG_SITE_F_flags] = LLVMConstInt(rw->i32, flags, 0);
  fields[AG_SITE_F_line] = LLVMConstInt(rw->i32, call->loc.line, 0);
  fields[AG_SITE_F_column] = LLVMConstInt(rw->i32, call->loc.column, 0);
  fields[AG_SITE_F_file] = ag_cstring(
      rw, call->loc.file ? call->loc.file : ag_basename(graph->source_file));
  fields[AG_SITE_F_function] = ag_cstring(rw, caller->display);
  fields[AG_SITE_F_callee] = ag_cstring(rw, callee->display);
  fields[AG_SITE_F_counters] = ag_ptr(rw, counters);
  LLVMValueRef init =
      LLVMConstNamedStruct(rw->site_type, fields, AG_SITE_FIELD_COUNT);
  LLVMValueRef site = ag_site_global(rw, rw->site_type, "site", init, &home);
  LLVMSetGlobalConstant(site, 1);
  LLVMSetSection(site, AG_SITE_SECTION);
  AG_PUSH(rw->sites, rw->site_count, rw->site_cap, site);
  return ag_ptr(rw, site);
}

/* A declaration of `name` with type `type`, as a callable value. */
static LLVMValueRef ag_runtime_fn(struct ag_rewriter *rw, const char *name,
                                  LLVMTypeRef type) {
  LLVMValueRef fn = LLVMGetNamedFunction(rw->module, name);
  if (!fn)
    return LLVMAddFunction(rw->module, name, type);
  if (LLVMGlobalGetValueType(fn) != type) /* typed pointers only */
    return LLVMConstBitCast(fn, LLVMPointerType(type, 0));
  return fn;
}

/* Whether the original call cannot throw, by its own attributes or its
 * callee's (clang marks libc functions nounwind). */
static LLVMAttributeRef ag_nounwind_of(LLVMValueRef call, LLVMValueRef callee) {
  unsigned kind = LLVMGetEnumAttributeKindForName("nounwind", 8);
  LLVMAttributeRef attr =
      LLVMGetCallSiteEnumAttribute(call, LLVMAttributeFunctionIndex, kind);
  if (!attr && LLVMIsAFunction(callee))
    attr = LLVMGetEnumAttributeAtIndex(callee, LLVMAttributeFunctionIndex, kind);
  return attr;
}

/* Copies return and parameter attributes, shifting parameters by the
 * inserted site argument, nounwind, so that no cleanup pad is made for
 * a wrapper that cannot throw, and allocsize, shifted. Other function
 * attributes (builtin) name the original callee and are dropped. */
static void ag_copy_call_attributes(LLVMValueRef from, LLVMValueRef to,
                                    unsigned params) {
  LLVMAttributeRef nounwind = ag_nounwind_of(from, LLVMGetCalledValue(from));
  if (nounwind)
    LLVMAddCallSiteAttribute(to, LLVMAttributeFunctionIndex, nounwind);
  ag_wrapper_attrs_copy_call(from, to);
  for (unsigned idx = 0; idx <= params; ++idx) {
    unsigned count = LLVMGetCallSiteAttributeCount(from, idx);
    if (!count)
      continue;
    LLVMAttributeRef *attrs = ag_xcalloc(count, sizeof(*attrs));
    LLVMGetCallSiteAttributes(from, idx, attrs);
    for (unsigned i = 0; i < count; ++i)
      LLVMAddCallSiteAttribute(to, idx == 0 ? 0 : idx + 1, attrs[i]);
    free(attrs);
  }
}

static void ag_wrap_call(struct ag_rewriter *rw, struct ag_call *call,
                         LLVMValueRef site) {
  LLVMValueRef inst = call->inst;
  LLVMTypeRef orig_type = LLVMGetCalledFunctionType(inst);
  unsigned params = LLVMCountParamTypes(orig_type);
  LLVMTypeRef *types = ag_xcalloc(params + 1, sizeof(LLVMTypeRef));
  types[0] = rw->i8ptr;
  LLVMGetParamTypes(orig_type, types + 1);
  LLVMTypeRef wrapper_type =
      LLVMFunctionType(LLVMGetReturnType(orig_type), types, params + 1,
                       LLVMIsFunctionVarArg(orig_type));
  const char *symbol = rw->graph->funcs[call->callee].symbol;
  char *name = ag_xasprintf(AG_WRAPPER_PREFIX "%s", symbol);
  int declared = LLVMGetNamedFunction(rw->module, name) != NULL;
  LLVMValueRef wrapper = ag_runtime_fn(rw, name, wrapper_type);
  if (!declared) /* the first call to it in this module */
    ag_wrapper_attrs_copy(rw->graph->funcs[call->callee].fn, symbol, wrapper);

  unsigned args = LLVMGetNumArgOperands(inst);
  LLVMValueRef *values = ag_xcalloc(args + 1, sizeof(LLVMValueRef));
  values[0] = site;
  for (unsigned i = 0; i < args; ++i)
    values[i + 1] = LLVMGetOperand(inst, i);

  LLVMPositionBuilderBefore(rw->builder, inst);
  LLVMValueRef replacement =
      LLVMIsAInvokeInst(inst)
          ? LLVMBuildInvoke2(rw->builder, wrapper_type, wrapper, values,
                             args + 1, LLVMGetNormalDest(inst),
                             LLVMGetUnwindDest(inst), "")
          : LLVMBuildCall2(rw->builder, wrapper_type, wrapper, values,
                           args + 1, "");
  LLVMSetInstructionCallConv(replacement, LLVMGetInstructionCallConv(inst));
  ag_copy_call_attributes(inst, replacement, params);
  LLVMMetadataRef loc = LLVMInstructionGetDebugLoc(inst);
  if (loc)
    LLVMInstructionSetDebugLoc(replacement, loc);
  if (LLVMGetTypeKind(LLVMGetReturnType(orig_type)) != LLVMVoidTypeKind)
    LLVMReplaceAllUsesWith(inst, replacement);
  LLVMInstructionEraseFromParent(inst);
  call->inst = replacement;
  free(name);
  free(values);
  free(types);
}

static void ag_insert_check(struct ag_rewriter *rw, struct ag_call *call,
                            LLVMValueRef site) {
  LLVMTypeRef params[] = {rw->i8ptr, rw->size_type};
  LLVMTypeRef type =
      LLVMFunctionType(LLVMVoidTypeInContext(rw->ctx), params, 2, 0);
  LLVMValueRef hook = ag_runtime_fn(rw, AG_CHECK_SITE_FN, type);
  LLVMValueRef args[] = {site, LLVMConstInt(rw->size_type, 0, 0)};
  LLVMPositionBuilderBefore(rw->builder, call->inst);
  LLVMValueRef check = LLVMBuildCall2(rw->builder, type, hook, args, 2, "");
  LLVMMetadataRef loc = LLVMInstructionGetDebugLoc(call->inst);
  if (loc)
    LLVMInstructionSetDebugLoc(check, loc);
}


static LLVMValueRef ag_section_bound(struct ag_rewriter *rw, const char *name) {
  LLVMValueRef bound = LLVMGetNamedGlobal(rw->module, name);
  if (!bound) {
    bound = LLVMAddGlobal(rw->module, rw->site_type, name);
    /* Weak: an empty section is no link error. Hidden: each DSO sees only
     * its own descriptors. */
    LLVMSetLinkage(bound, LLVMExternalWeakLinkage);
    LLVMSetVisibility(bound, LLVMHiddenVisibility);
  }
  return ag_ptr(rw, bound);
}

/* The unit's target attributes, from its first definition that has them,
 * on a function the plugin adds: code generation builds a subtarget per
 * distinct set (about 4 M instructions each at -O2, both in the
 * optimiser's target analysis and in instruction selection), so a
 * function without them costs more than its code. */
static void ag_copy_target_attributes(LLVMModuleRef module, LLVMValueRef to) {
  /* What X86's and AArch64's subtarget caches are keyed on. */
  static const char *const keys[] = {
      "target-cpu", "target-features", "tune-cpu", "min-legal-vector-width",
      "prefer-vector-width"};
  for (LLVMValueRef fn = LLVMGetFirstFunction(module); fn;
       fn = LLVMGetNextFunction(fn)) {
    if (fn == to || LLVMIsDeclaration(fn) ||
        !LLVMGetStringAttributeAtIndex(fn, LLVMAttributeFunctionIndex, keys[0],
                                       (unsigned)strlen(keys[0])))
      continue;
    for (size_t i = 0; i < sizeof keys / sizeof *keys; ++i) {
      LLVMAttributeRef attr = LLVMGetStringAttributeAtIndex(
          fn, LLVMAttributeFunctionIndex, keys[i], (unsigned)strlen(keys[i]));
      if (attr)
        LLVMAddAttributeAtIndex(to, LLVMAttributeFunctionIndex, attr);
    }
    return;
  }
}

/* One constructor per object, deduplicated by comdat at link time, hands
 * the section bounds to the runtime (null when the DSO has no sites) and
 * calls AG_LINK_FN, whose only job is to be an undefined reference that
 * names the fix when the runtime is not linked. */
static void ag_emit_module_ctor(struct ag_rewriter *rw) {
  LLVMTypeRef void_type = LLVMVoidTypeInContext(rw->ctx);
  LLVMTypeRef ctor_type = LLVMFunctionType(void_type, NULL, 0, 0);
  LLVMValueRef ctor = LLVMAddFunction(rw->module, AG_CTOR_NAME, ctor_type);
  LLVMSetLinkage(ctor, LLVMInternalLinkage);
  ag_copy_target_attributes(rw->module, ctor);
  if (rw->elf)
    LLVMSetComdat(ctor, LLVMGetOrInsertComdat(rw->module, AG_CTOR_NAME));

  LLVMTypeRef params[] = {rw->i8ptr, rw->i8ptr};
  LLVMTypeRef register_type = LLVMFunctionType(void_type, params, 2, 0);
  LLVMValueRef register_fn =
      ag_runtime_fn(rw, AG_REGISTER_FN, register_type);
  LLVMValueRef link_fn = ag_runtime_fn(rw, AG_LINK_FN, ctor_type);
  LLVMValueRef args[] = {ag_section_bound(rw, AG_START_SYMBOL),
                         ag_section_bound(rw, AG_STOP_SYMBOL)};
  LLVMPositionBuilderAtEnd(rw->builder,
                           LLVMAppendBasicBlockInContext(rw->ctx, ctor, ""));
  /* Positioning before a call above left that call's location in the
   * builder; the constructor has no debug scope of its own. */
  LLVMSetCurrentDebugLocation2(rw->builder, NULL);
  LLVMBuildCall2(rw->builder, ctor_type, link_fn, NULL, 0, "");
  LLVMBuildCall2(rw->builder, register_type, register_fn, args, 2, "");
  LLVMBuildRetVoid(rw->builder);
  ag_shim_append_global_ctor(rw->module, ctor, AG_CTOR_PRIORITY, ctor);
}

void ag_rewrite_emit_ctor(struct ag_graph *graph) {
  struct ag_rewriter rw;
  if (LLVMGetNamedFunction(graph->module, AG_CTOR_NAME))
    return;
  ag_rewriter_init(&rw, graph);
  ag_emit_module_ctor(&rw);
  ag_rewriter_dispose(&rw);
}

size_t ag_rewrite_calls(struct ag_graph *graph,
                        const struct ag_config *config) {
  struct ag_rewriter rw;
  ag_rewriter_init(&rw, graph);
  for (size_t f = 0; f < graph->func_count; ++f) {
    const struct ag_function *fn = &graph->funcs[f];
    int wanted = config->instrument == AG_INSTRUMENT_ALL ||
                 (config->instrument == AG_INSTRUMENT_ROOTS && fn->is_root);
    if (!wanted || !ag_scope_instrumentable(fn))
      continue;
    unsigned index = 0;
    for (size_t c = fn->first_call; c < fn->first_call + fn->call_count; ++c) {
      struct ag_call *call = &graph->calls[c];
      int dealloc = call->kind == AG_CALL_DEALLOC;
      if ((call->kind != AG_CALL_ALLOC && !dealloc) ||
          (dealloc && !config->report_dealloc))
        continue;
      int user = graph->funcs[call->callee].is_allocator;
      if (!user && !(call->kb && call->kb->wrapped))
        continue; /* reported statically; no run-time wrapper exists */
      unsigned flags = (fn->is_root ? AG_SITE_IN_ROOT : 0) |
                       (dealloc ? AG_SITE_DEALLOC : 0) |
                       (user ? AG_SITE_USER_ALLOCATOR : 0) |
                       (ag_is_system_path(call->loc.path) ? AG_SITE_SYSTEM : 0);
      LLVMValueRef site = ag_make_site(&rw, call, flags, index++);
      if (user)
        ag_insert_check(&rw, call, site);
      else
        ag_wrap_call(&rw, call, site);
    }
  }
  size_t rewritten = rw.site_count;
  if (rewritten)
    ag_shim_append_compiler_used(graph->module, rw.sites,
                                 (unsigned)rw.site_count);
  ag_rewriter_dispose(&rw);
  return rewritten;
}
