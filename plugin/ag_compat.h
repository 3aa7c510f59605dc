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

/* Typed pointers (LLVM 14) need no macro: the rewriter bitcasts every
 * pointer it builds to i8*, which folds away with opaque pointers. */

/* LLVM 22 moved PassPlugin.h from llvm/Passes/ to llvm/Plugins/. */
#if AG_LLVM_VERSION_GE(22)
#define AG_PASS_PLUGIN_HEADER "llvm/Plugins/PassPlugin.h"
#else
#define AG_PASS_PLUGIN_HEADER "llvm/Passes/PassPlugin.h"
#endif

#endif /* ALLOCGUARD_AG_COMPAT_H */
