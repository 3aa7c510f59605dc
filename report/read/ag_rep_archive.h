/* ag_rep_archive.h - walk the members of an `ar` archive.
 *
 * LLVM-C opens objects but cannot iterate archive members, so the
 * container is read here: GNU and BSD long names, the symbol tables
 * (skipped), and thin archives, whose members are files named relative
 * to the archive. Pure C with no globals: fuzzed on its own.
 */
#ifndef ALLOCGUARD_AG_REP_ARCHIVE_H
#define ALLOCGUARD_AG_REP_ARCHIVE_H

#include "ag_rep_util.h"

#include <stddef.h>
#include <stdint.h>

#define AG_REP_AR_NAME_MAX 4096

enum { AG_REP_AR_NONE, AG_REP_AR_REGULAR, AG_REP_AR_THIN };

struct ag_rep_ar_member {
  char name[AG_REP_AR_NAME_MAX]; /* member name, NUL-terminated */
  const uint8_t *data;           /* NULL for a thin member */
  size_t size;                   /* bytes (of the external file if thin) */
  size_t offset;                 /* of the member's header */
};

/* Returns 0 to go on, -1 (with *err set) to stop the walk. */
typedef int (*ag_rep_ar_cb)(void *ctx, const struct ag_rep_ar_member *member,
                            struct ag_rep_error *err);

/* AG_REP_AR_REGULAR or AG_REP_AR_THIN by the magic, else AG_REP_AR_NONE. */
int ag_rep_ar_kind(const uint8_t *data, size_t size);

/* Calls `cb` for each member that is not a symbol table or name table, in
 * archive order. Returns 0, or -1 with *err naming the offset. */
int ag_rep_ar_walk(const uint8_t *data, size_t size, const char *context,
                   ag_rep_ar_cb cb, void *ctx, struct ag_rep_error *err);

#endif /* ALLOCGUARD_AG_REP_ARCHIVE_H */
