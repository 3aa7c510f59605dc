/* ag_wrapper_attrs.h - the attributes of a checked wrapper's declaration.
 *
 * A wrapper `__allocguard_<f>(site, args...)` stands where a call to `f`
 * was, so the optimizer should know of it what it knows of `f`: clang's
 * attributes on f's declaration (allocsize, noalias result, nobuiltin,
 * nounwind, ...), and some of what LLVM infers for f by name later in the
 * pipeline, which a wrapper's name never gets: the alignment parameter and
 * the memory it touches (not the allocation kind: ag_wrapper_attrs.c).
 * Every parameter index is shifted by the site argument in front.
 *   clang -O2 -fpass-plugin=allocguard.so -S -emit-llvm f.c  (test/plugin/wrapper-attrs.c)
 */
#ifndef ALLOCGUARD_AG_WRAPPER_ATTRS_H
#define ALLOCGUARD_AG_WRAPPER_ATTRS_H

#include <llvm-c/Core.h>

/* Gives the new declaration `wrapper` the attributes of `callee` (a
 * function declaration or definition named `symbol`), shifted by one
 * parameter, plus the inferred ones for the allocation functions LLVM
 * knows. */
void ag_wrapper_attrs_copy(LLVMValueRef callee, const char *symbol,
                           LLVMValueRef wrapper);

/* The call-site form: allocsize from the original call, shifted. */
void ag_wrapper_attrs_copy_call(LLVMValueRef from, LLVMValueRef to);

#endif /* ALLOCGUARD_AG_WRAPPER_ATTRS_H */
