/* ag_scope.h - roots open an alloc_free scope while they run.
 *
 * On entry a root raises the thread-local depth AG_SCOPE_DEPTH_VAR by one
 * and records its descriptor (name, file:line) in the thread's slot for the
 * new depth (AG_SCOPE_ROOTS_VAR), so a report can name it; on every exit (returns, and unwinding through a cleanup pad) it lowers it
 * again, so checked allocations anywhere below it on that thread see the
 * scope. longjmp out of a root skips those exits;
 * instead, every setjmp-style call in code built with the plugin restores
 * the depth it saw when it returns the second time.
 */
#ifndef ALLOCGUARD_AG_SCOPE_H
#define ALLOCGUARD_AG_SCOPE_H

#include "ag_graph.h"

/* Returns the number of roots instrumented. */
size_t ag_scope_instrument_roots(struct ag_graph *graph);

/* Instruments every returns_twice call (setjmp, sigsetjmp, ...) in the
 * unit; returns how many. */
size_t ag_scope_restore_after_setjmp(struct ag_graph *graph);

/* Roots and functions we may instrument: not the runtime itself, not
 * naked functions (no prologue to run code in). */
int ag_scope_instrumentable(const struct ag_function *fn);

#endif /* ALLOCGUARD_AG_SCOPE_H */
