/* ag_rewrite.h - turn allocation calls into checked calls.
 *
 * Each direct call to a wrapped allocation function (ag_kb.def) in any
 * function (with -allocguard-instrument=roots, only inside a root) becomes
 * `__allocguard_<callee>(site, args...)`; a call to a user allocator gets
 * `__allocguard_check_site(site, 0)` in front of it. Each site's constant
 * descriptor goes into section AG_SITE_SECTION, and one comdat'd
 * constructor per object registers the section with the runtime (the
 * SanitizerCoverage pattern).
 */
#ifndef ALLOCGUARD_AG_REWRITE_H
#define ALLOCGUARD_AG_REWRITE_H

#include "ag_analysis.h"

/* Returns the number of call sites rewritten. */
size_t ag_rewrite_calls(struct ag_graph *graph, const struct ag_config *config);

/* Emits the module constructor (once): it registers the object's sites
 * and references the runtime's AG_LINK_FN. Called whenever the pass made
 * the object depend on the runtime (sites, roots, setjmp restores). */
void ag_rewrite_emit_ctor(struct ag_graph *graph);

#endif /* ALLOCGUARD_AG_REWRITE_H */
