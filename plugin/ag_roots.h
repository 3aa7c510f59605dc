/* ag_roots.h - find alloc_free roots and user allocators.
 *
 * Sources: clang's `annotate` attribute (recorded in
 * @llvm.global.annotations), clang's nonblocking and nonallocating function
 * effects (which ag_effects.cpp turns into an annotation), and names given
 * in options, matched against the symbol or its demangled form.
 */
#ifndef ALLOCGUARD_AG_ROOTS_H
#define ALLOCGUARD_AG_ROOTS_H

#include "ag_graph.h"
#include "ag_options.h"

#define AG_ANNOTATION_ROOT "alloc_free"
#define AG_ANNOTATION_ALLOCATOR "allocguard_allocator"
/* What the frontend plugin (ag_effects.cpp) annotates a function with when
 * its type is [[clang::nonblocking]] or [[clang::nonallocating]]: a root
 * unless -allocguard-effects=off. */
#define AG_ANNOTATION_EFFECT_ROOT "allocguard_effect_root"

/* Sets is_root and is_allocator on graph nodes; returns the root count. */
size_t ag_roots_mark(struct ag_graph *graph, const struct ag_config *config);

#endif /* ALLOCGUARD_AG_ROOTS_H */
