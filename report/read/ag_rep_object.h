/* ag_rep_object.h - find summaries in object files with LLVM's Object
 * library (through LLVM-C): relocatable objects, executables, shared
 * libraries and -flto bitcode.
 */
#ifndef ALLOCGUARD_AG_REP_OBJECT_H
#define ALLOCGUARD_AG_REP_OBJECT_H

#include "ag_rep_util.h"

#include <stddef.h>
#include <stdint.h>

/* Receives the bytes of one summary section. `owned` is NULL when `data`
 * points into the caller's buffer, else a heap block holding it that the
 * callee now owns. Returns 0, or -1 with *err set. */
typedef int (*ag_rep_section_cb)(void *ctx, const uint8_t *data, size_t size,
                                 uint8_t *owned, struct ag_rep_error *err);

/* Once per process: LLVM's fatal errors (a corrupt section table) end the
 * tool with a message naming the input and exit status 2. */
void ag_rep_object_init(void);

/* Is `data` LLVM bitcode (raw or in its wrapper)? */
int ag_rep_object_is_bitcode(const uint8_t *data, size_t size);

/* Calls `cb` for each .allocguard.summary section of the object in
 * `data` (for bitcode: the summary block of its module assembly). Returns
 * 0 (also when there is none), or -1 when LLVM cannot read the file. */
int ag_rep_object_read(const char *name, const uint8_t *data, size_t size,
                       ag_rep_section_cb cb, void *ctx,
                       struct ag_rep_error *err);

#endif /* ALLOCGUARD_AG_REP_OBJECT_H */
