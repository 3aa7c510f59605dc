/* ag_diag.h - findings as clang-style diagnostics on stderr.
 *
 * `file:line:col: warning: ... [-Wallocguard]` at the call inside the root,
 * then `file:line:col: note: ...` at each hop down to the allocating call,
 * each followed by its source line and a caret (ag_source.h), so editors,
 * CI log parsers, review bots and people read them like clang's own.
 */
#ifndef ALLOCGUARD_AG_DIAG_H
#define ALLOCGUARD_AG_DIAG_H

#include "ag_analysis.h"

#include <stdio.h>

/* Prints every finding to `out`: each allocation and deallocation with
 * its path, calls allocguard cannot follow one warning per call in the root
 * that leads to them. Returns the number of allocation and deallocation
 * diagnostics printed as errors; *unknown_errors gets the number of
 * unknown-call diagnostics printed as errors (-allocguard-unknown=error). */
size_t ag_diag_print(FILE *out, const struct ag_graph *graph,
                     const struct ag_config *config,
                     const struct ag_findings *findings,
                     size_t *unknown_errors);

#endif /* ALLOCGUARD_AG_DIAG_H */
