/* ag_abi_types.h - the LLVM types of the runtime's descriptors, expanded
 * from the X-macro tables their C structs are expanded from (ag_abi.h), so
 * what the plugin emits and what the runtime reads are one layout.
 */
#ifndef ALLOCGUARD_AG_ABI_TYPES_H
#define ALLOCGUARD_AG_ABI_TYPES_H

#include "ag_abi.h"

#include <llvm-c/Core.h>

static inline LLVMTypeRef ag_abi_type_U32(LLVMContextRef ctx) {
  return LLVMInt32TypeInContext(ctx);
}
static inline LLVMTypeRef ag_abi_type_U64(LLVMContextRef ctx) {
  return LLVMInt64TypeInContext(ctx);
}
static inline LLVMTypeRef ag_abi_type_PTR(LLVMContextRef ctx) {
  return LLVMPointerType(LLVMInt8TypeInContext(ctx), 0);
}

#define AG_ABI_LLVM_FIELD(kind, c_type, name) ag_abi_type_##kind(ctx),

static inline LLVMTypeRef ag_abi_counters_type(LLVMContextRef ctx) {
  LLVMTypeRef fields[] = {AG_COUNTERS_FIELDS(AG_ABI_LLVM_FIELD)};
  return LLVMStructTypeInContext(ctx, fields, AG_COUNTERS_FIELD_COUNT, 0);
}
static inline LLVMTypeRef ag_abi_site_type(LLVMContextRef ctx) {
  LLVMTypeRef fields[] = {AG_SITE_FIELDS(AG_ABI_LLVM_FIELD)};
  return LLVMStructTypeInContext(ctx, fields, AG_SITE_FIELD_COUNT, 0);
}
static inline LLVMTypeRef ag_abi_root_type(LLVMContextRef ctx) {
  LLVMTypeRef fields[] = {AG_ROOT_FIELDS(AG_ABI_LLVM_FIELD)};
  return LLVMStructTypeInContext(ctx, fields, AG_ROOT_FIELD_COUNT, 0);
}

#undef AG_ABI_LLVM_FIELD

#endif /* ALLOCGUARD_AG_ABI_TYPES_H */
