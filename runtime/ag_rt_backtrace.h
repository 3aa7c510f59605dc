/* ag_rt_backtrace.h - backtrace=1: the call stack of a violation, taken
 * with libgcc's unwinder and named with dladdr(), neither of which
 * allocates (both are warmed up at load time, see ag_rt_backtrace.c).
 */
#ifndef ALLOCGUARD_AG_RT_BACKTRACE_H
#define ALLOCGUARD_AG_RT_BACKTRACE_H

#include <stdint.h>

#include "ag_rt_common.h"

/* Frames a report shows at most. */
#define AG_RT_BT_MAX 32

/* Fill `frames` with up to `max` return addresses (each minus one, so it
 * points into the call instruction), starting with the frame after the
 * one whose return address is `after` (a wrapper's: the first frame is
 * then the wrapper's caller); all frames when `after` is not met. Returns
 * the count. */
unsigned ag_rt_backtrace_capture(const void **frames, unsigned max,
                                 const void *after) AG_RT_HIDDEN
    __attribute__((noinline));

/* One line per frame, "    #N 0xADDR in SYM+0xOFF (MODULE+0xOFF)" ("in
 * SYM+0xOFF " only when the dynamic symbol table names it), to stderr. */
void ag_rt_backtrace_print(const void *const *frames,
                           unsigned n) AG_RT_HIDDEN;

#endif /* ALLOCGUARD_AG_RT_BACKTRACE_H */
