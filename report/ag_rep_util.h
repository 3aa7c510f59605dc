/* ag_rep_util.h - allocation, growable arrays, hashing and error text for
 * allocguard-report.
 *
 * Allocation failure ends the tool with exit status 2 (bad input): every
 * size the readers allocate is bounded by the size of the input, so only
 * an input too large for the machine gets there.
 */
#ifndef ALLOCGUARD_AG_REP_UTIL_H
#define ALLOCGUARD_AG_REP_UTIL_H

#include "ag_alloc.h"

#include <stddef.h>
#include <stdint.h>

#define AG_REP_NONE UINT32_MAX

/* Allocation and growable arrays (ag_xmalloc, AG_PUSH, ...) are
 * common/ag_alloc.h's, shared with the plugin; ag_out_of_memory is
 * ag_rep_util.c's. */

/* Large flat arrays (calls, per-function scratch): aligned to 2 MiB and
 * marked for transparent huge pages, so filling hundreds of MiB takes a
 * few hundred page faults, not a hundred thousand. free() releases them. */
void *ag_rep_xbig(size_t size);

/* Hash for in-memory tables (not persisted): fast, 8 bytes at a time. */
uint64_t ag_rep_hash_bytes(const void *data, size_t len);


/* An error message with a fixed buffer: readers fill it and return -1, so
 * library code never prints or exits. */
struct ag_rep_error {
  char text[768];
};
int ag_rep_fail(struct ag_rep_error *err, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

#endif /* ALLOCGUARD_AG_REP_UTIL_H */
