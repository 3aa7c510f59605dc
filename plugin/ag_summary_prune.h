/* ag_summary_prune.h - what a unit's summary can leave out without
 * changing any report: calls to functions of this unit that reach nothing
 * (no allocation, deallocation, unknown, indirect or virtual call, nor a
 * call into another unit, transitively) that only this unit can call,
 * repeated calls from one function
 * to the same function of this unit, and the internal functions nothing
 * recorded mentions any more. About a quarter of SQLite's calls.
 */
#ifndef ALLOCGUARD_AG_SUMMARY_PRUNE_H
#define ALLOCGUARD_AG_SUMMARY_PRUNE_H

#include "ag_graph.h"

/* Fills keep_call[c] (one per graph call) and drop_function[f] (one per
 * graph function) with 0 or 1. Calls the graph already ignores are not
 * kept. */
void ag_summary_prune(const struct ag_graph *graph, unsigned char *keep_call,
                      unsigned char *drop_function);

#endif /* ALLOCGUARD_AG_SUMMARY_PRUNE_H */
