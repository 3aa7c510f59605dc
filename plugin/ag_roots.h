/* ag_roots.h - find alloc_free roots and user allocators.
 *
 * Sources: clang's `annotate` attribute (recorded in
 * @llvm.global.annotations) and names given in options, matched against the
 * symbol or its demangled form.
 */
#ifndef ALLOCGUARD_AG_ROOTS_H
#define ALLOCGUARD_AG_ROOTS_H

#include "ag_graph.h"
#include "ag_options.h"

#define AG_ANNOTATION_ROOT "alloc_free"
#define AG_ANNOTATION_ALLOCATOR "allocguard_allocator"

/* Sets is_root and is_allocator on graph nodes; returns the root count. */
size_t ag_roots_mark(struct ag_graph *graph, const struct ag_config *config);

#endif /* ALLOCGUARD_AG_ROOTS_H */
