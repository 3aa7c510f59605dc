/* ag_wrapper_attrs.c - the attributes of a checked wrapper's declaration
 * (ag_wrapper_attrs.h). */
#include "ag_wrapper_attrs.h"

#include "ag_compat.h"
#include "ag_util.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* What LLVM's library-call inference (BuildLibCalls.cpp) adds to these
 * functions by name, and the wrapper needs said: the parameter holding the
 * alignment (allocalign; -1 for none), and the memory it touches besides
 * its own state (MEM_ARG_RW when it also writes through its pointer
 * arguments). One row per function; the others get clang's attributes
 * only.
 *
 * Not given: allockind, allocptr and "alloc-family". With them LLVM 15
 * and later delete a checked malloc/free pair whose block is unused, as
 * they delete the plain pair; the run-time checks would then depend on
 * the optimization level (test/e2e/opt_levels.c: a root's malloc is
 * caught at -O0 to -O3 alike). Everything else that makes instrumented
 * code optimize as plain code is here. */
enum { MEM_ARGS_READ, MEM_ARG_RW };

static const struct ag_alloc_row {
  const char *symbol;
  int allocalign;
  int memory;
} ag_alloc_rows[] = {
    {"malloc", -1, MEM_ARGS_READ},
    {"calloc", -1, MEM_ARGS_READ},
    {"realloc", -1, MEM_ARG_RW},
    {"reallocarray", -1, MEM_ARG_RW},
    {"aligned_alloc", 0, MEM_ARGS_READ},
    {"memalign", 0, MEM_ARGS_READ},
    {"valloc", -1, MEM_ARGS_READ},
    {"pvalloc", -1, MEM_ARGS_READ},
    {"free", -1, MEM_ARG_RW},
};

static unsigned ag_kind(const char *name) {
  return LLVMGetEnumAttributeKindForName(name, strlen(name));
}

static inline void ag_add_enum(LLVMValueRef fn, LLVMAttributeIndex idx,
                        const char *name, uint64_t value) {
  unsigned kind = ag_kind(name);
  if (!kind) /* not in this LLVM */
    return;
  LLVMContextRef ctx = LLVMGetTypeContext(LLVMTypeOf(fn));
  LLVMAddAttributeAtIndex(fn, idx, LLVMCreateEnumAttribute(ctx, kind, value));
}

/* allocsize(elem[, num]) packs elem in the high 32 bits and num (or
 * 0xffffffff for none) in the low ones; both name parameters. */
static uint64_t ag_shift_allocsize(uint64_t packed) {
  uint64_t elem = (packed >> 32) + 1, num = packed & 0xffffffffu;
  return elem << 32 | (num == 0xffffffffu ? num : num + 1);
}

/* `attr`, moved one parameter to the right when it names parameters. */
static LLVMAttributeRef ag_shifted(LLVMContextRef ctx, LLVMAttributeRef attr) {
  if (LLVMIsEnumAttribute(attr) &&
      LLVMGetEnumAttributeKind(attr) == ag_kind("allocsize"))
    return LLVMCreateEnumAttribute(
        ctx, ag_kind("allocsize"),
        ag_shift_allocsize(LLVMGetEnumAttributeValue(attr)));
  return attr;
}

/* Copies the enum attributes of `from` at `from_idx` to `to_idx` of `to`
 * (string ones describe a body: target, frame pointer). */
static void ag_copy_index(LLVMValueRef from, LLVMAttributeIndex from_idx,
                          LLVMValueRef to, LLVMAttributeIndex to_idx) {
  LLVMContextRef ctx = LLVMGetTypeContext(LLVMTypeOf(to));
  unsigned count = LLVMGetAttributeCountAtIndex(from, from_idx);
  if (!count)
    return;
  LLVMAttributeRef *attrs = ag_xcalloc(count, sizeof(*attrs));
  LLVMGetAttributesAtIndex(from, from_idx, attrs);
  for (unsigned i = 0; i < count; ++i)
    if (!LLVMIsStringAttribute(attrs[i]))
      LLVMAddAttributeAtIndex(to, to_idx, ag_shifted(ctx, attrs[i]));
  free(attrs);
}

static const struct ag_alloc_row *ag_alloc_row(const char *symbol) {
  for (size_t i = 0; i < sizeof ag_alloc_rows / sizeof *ag_alloc_rows; ++i)
    if (strcmp(ag_alloc_rows[i].symbol, symbol) == 0)
      return &ag_alloc_rows[i];
  return NULL;
}

/* What the wrapper touches: malloc's own (inaccessible) state, read and
 * written; its pointer arguments as the function does (and the site,
 * read); and it READS memory the module can see: the thread's scope
 * depth and root slots, which the root stores just before the call. A
 * wrapper claiming to read nothing else would let the optimizer delete
 * the root's raise of the depth as a dead store. The site's counters and
 * the runtime's state, written on the slow path, are read by no code of
 * the module: inaccessible to it. Before LLVM 16 no attribute can say
 * "reads anything, writes only inaccessible memory": none is added. */
static void ag_add_memory(LLVMValueRef wrapper, int memory) {
#if AG_HAS_MEMORY_ATTR
  /* MemoryEffects: two ModRef bits per location (ag_compat.h), ArgMem
   * and InaccessibleMem first in every LLVM with the attribute. */
  enum { REF = 1, MODREF = 3, ARGMEM = 0, INACCESSIBLE = 1 };
  uint64_t effects = 0;
  for (unsigned loc = 0; loc < AG_MEMORY_LOCATIONS; ++loc)
    effects |= (uint64_t)REF << (2 * loc);
  effects |= (uint64_t)MODREF << (2 * INACCESSIBLE);
  if (memory == MEM_ARG_RW)
    effects |= (uint64_t)MODREF << (2 * ARGMEM);
  ag_add_enum(wrapper, LLVMAttributeFunctionIndex, "memory", effects);
#else
  (void)memory;
#endif
}

void ag_wrapper_attrs_copy(LLVMValueRef callee, const char *symbol,
                           LLVMValueRef wrapper) {
  if (LLVMIsAFunction(callee)) {
    unsigned params = LLVMCountParams(callee);
    ag_copy_index(callee, LLVMAttributeFunctionIndex, wrapper,
                  LLVMAttributeFunctionIndex);
    ag_copy_index(callee, LLVMAttributeReturnIndex, wrapper,
                  LLVMAttributeReturnIndex);
    for (unsigned p = 1; p <= params; ++p)
      ag_copy_index(callee, p, wrapper, p + 1);
  }
  const struct ag_alloc_row *row = ag_alloc_row(symbol);
  if (!row)
    return;
  ag_add_memory(wrapper, row->memory);
#if AG_HAS_ALLOCALIGN
  /* Parameter p of f is parameter p + 1 of the wrapper: LLVM-C index p + 2. */
  if (row->allocalign >= 0)
    ag_add_enum(wrapper, (LLVMAttributeIndex)row->allocalign + 2, "allocalign",
                0);
#endif
}

void ag_wrapper_attrs_copy_call(LLVMValueRef from, LLVMValueRef to) {
  unsigned kind = ag_kind("allocsize");
  LLVMAttributeRef attr =
      LLVMGetCallSiteEnumAttribute(from, LLVMAttributeFunctionIndex, kind);
  if (attr)
    LLVMAddCallSiteAttribute(
        to, LLVMAttributeFunctionIndex,
        ag_shifted(LLVMGetTypeContext(LLVMTypeOf(to)), attr));
}
