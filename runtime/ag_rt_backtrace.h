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

/* For `pc` in a module built without the plugin (libc's fclose freeing
 * its FILE), the first frame above `after` (pc's return address) in one
 * built with it, or in the module `root_in` lies in: the program's call
 * that led there. NULL for a `pc` in such a module, or when no frame of
 * the first few is. */
const void *ag_rt_backtrace_user_frame(const void *pc, const void *after,
                                       const void *root_in) AG_RT_HIDDEN;

/* The frames after a report's line, one line each, to stderr (call with
 * the output lock held): symbolized when a symbolizer runs,
 * "    #N 0xADDR in FUNCTION FILE:LINE:COL", one line per inlined call,
 * and the first frame in user code (a module built with the plugin, or
 * the one `root_in` lies in; a file outside system headers) ends in
 * " <- user code"; without one, "    #N 0xADDR in SYM+0xOFF
 * (MODULE+0xOFF)". `all`: every frame, else up to the user's (up to the
 * first in an instrumented module without a symbolizer). */
void ag_rt_backtrace_print(const void *const *frames, unsigned n,
                           const void *root_in, int all) AG_RT_HIDDEN;

#endif /* ALLOCGUARD_AG_RT_BACKTRACE_H */
