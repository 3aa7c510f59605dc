/* ag_rep_asm.h - the summary inside LLVM bitcode.
 *
 * With -flto the object is bitcode and the plugin's summary is module
 * assembly: a `.pushsection .allocguard.summary` block of `.ascii`
 * strings (plugin/ag_summary.c). This decodes such blocks back into the
 * section's bytes. Pure C: fuzzed on its own.
 */
#ifndef ALLOCGUARD_AG_REP_ASM_H
#define ALLOCGUARD_AG_REP_ASM_H

#include "ag_rep_util.h"

#include <stddef.h>
#include <stdint.h>

/* Concatenates the bytes of every summary block in `text`. On success
 * returns 0 and a heap buffer in *out (NULL when there is no block) that
 * the caller frees; never more than `len` bytes. */
int ag_rep_asm_extract(const char *text, size_t len, uint8_t **out,
                       size_t *out_size, const char *context,
                       struct ag_rep_error *err);

#endif /* ALLOCGUARD_AG_REP_ASM_H */
