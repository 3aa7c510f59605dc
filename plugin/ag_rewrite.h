/* ag_rewrite.h - turn allocation calls into checked calls.
 *
 * Each direct call to a wrapped allocation function (ag_kb.def) inside a
 * root (or, with -allocguard-instrument=all, anywhere) becomes `__allocguard_<callee>(site, args...)`; a call to a user
 * allocator gets `__allocguard_check_site(site, 0)` in front of it. Each
 * site's constant descriptor goes into section AG_SITE_SECTION, and one
 * comdat'd constructor per object registers the section with the runtime
 * (the SanitizerCoverage pattern).
 */
#ifndef ALLOCGUARD_AG_REWRITE_H
#define ALLOCGUARD_AG_REWRITE_H

#include "ag_analysis.h"

/* Returns the number of call sites rewritten. */
size_t ag_rewrite_calls(struct ag_graph *graph, const struct ag_config *config);

#endif /* ALLOCGUARD_AG_REWRITE_H */
