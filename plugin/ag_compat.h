/* ag_compat.h - the one place LLVM major-version differences live.
 *
 * AG_LLVM_MAJOR is set by the build from the LLVM it was configured with.
 * Use AG_LLVM_VERSION_GE(major) instead of scattered version #ifs.
 */
#ifndef ALLOCGUARD_AG_COMPAT_H
#define ALLOCGUARD_AG_COMPAT_H

#ifndef AG_LLVM_MAJOR
#error "AG_LLVM_MAJOR must be defined by the build (see plugin/CMakeLists.txt)"
#endif

#define AG_LLVM_VERSION_GE(major) (AG_LLVM_MAJOR >= (major))

/* allocalign (LLVM 15, with allockind, allocptr and "alloc-family"; see
 * ag_wrapper_attrs.c for why only allocalign is used). */
#define AG_HAS_ALLOCALIGN AG_LLVM_VERSION_GE(15)

/* memory(...) (LLVM 16) replaced inaccessiblememonly and
 * inaccessiblemem_or_argmemonly. Its value has two bits per memory
 * location: ArgMem, InaccessibleMem, then Other (16-20); ErrnoMem before
 * Other (21); two target locations after it (22). */
#define AG_HAS_MEMORY_ATTR AG_LLVM_VERSION_GE(16)
#if AG_LLVM_VERSION_GE(22)
#define AG_MEMORY_LOCATIONS 6
#elif AG_LLVM_VERSION_GE(21)
#define AG_MEMORY_LOCATIONS 4
#else
#define AG_MEMORY_LOCATIONS 3
#endif

/* Typed pointers (LLVM 14): the rewriter needs no macro (it bitcasts
 * every pointer it builds to i8*, which folds away with opaque pointers),
 * but a virtual call's object pointer names its class only there
 * (ag_icall_class.c). */
#define AG_TYPED_POINTERS (!AG_LLVM_VERSION_GE(15))

/* Clang's nonblocking/nonallocating function effects (clang 19) need no
 * macro: CMake builds the frontend part that reads them, ag_effects.cpp,
 * only for LLVM ALLOCGUARD_EFFECTS_MIN_LLVM and newer, and its clang API
 * is the same from 19 to 22. */

/* Variables' declarations: LLVM 19 keeps them as debug records
 * (DbgVariableRecord) or, in modules still converted, as dbg.declare
 * calls; LLVM 22 has only the records; LLVM 14 only the calls. */
#define AG_HAS_DEBUG_RECORDS AG_LLVM_VERSION_GE(19)
#define AG_HAS_DBG_DECLARE_CALLS (!AG_LLVM_VERSION_GE(22))

/* LLVM 22 moved PassPlugin.h from llvm/Passes/ to llvm/Plugins/. */
#if AG_LLVM_VERSION_GE(22)
#define AG_PASS_PLUGIN_HEADER "llvm/Plugins/PassPlugin.h"
#else
#define AG_PASS_PLUGIN_HEADER "llvm/Passes/PassPlugin.h"
#endif

#endif /* ALLOCGUARD_AG_COMPAT_H */
