/* ag_rt_symbolize.h - function and file:line for the frames of a report,
 * from an external symbolizer, as the sanitizers do.
 *
 * After a violation's line is written, its frames are named by running
 * llvm-symbolizer (or addr2line) on the modules they lie in: a child
 * process started with vfork+execve, fed and read through a socket pair,
 * waited for. The runtime's own code allocates nothing for it (static
 * buffers, used under the output lock); the symbolizer is another process.
 * Which symbolizer: symbolizer=PATH, else llvm-symbolizer, then the
 * highest llvm-symbolizer-NN, on PATH, then llvm-symbolizer next to a
 * clang on PATH, then addr2line on PATH; none found, or symbolize=0:
 * frames stay module+offset (said once).
 */
#ifndef ALLOCGUARD_AG_RT_SYMBOLIZE_H
#define ALLOCGUARD_AG_RT_SYMBOLIZE_H

#include <stdint.h>

#include "ag_rt_common.h"

/* One source-level frame. A return address gives one, or several when
 * calls were inlined there (innermost first, as the symbolizer prints
 * them). The strings live in a static buffer until the next call. */
struct ag_rt_sym {
  unsigned frame;       /* index of the return address it belongs to */
  const char *function; /* demangled; "" when unknown */
  const char *file;     /* "" when unknown */
  unsigned line, column; /* 0 when unknown */
};

/* Most source frames one report holds. */
#define AG_RT_SYM_MAX 256

/* Name frames[0..n) into out[0..AG_RT_SYM_MAX); returns how many, or -1
 * when there is no symbolizer to run (symbolize=0, none found, or it
 * could not be started: a note says so once). Call with the output lock
 * held (ag_rt_output_begin): the buffers are shared. */
int ag_rt_symbolize(const void *const *frames, unsigned n,
                    struct ag_rt_sym *out) AG_RT_HIDDEN;

/* The file a frame lies in: the program's own path for the main program
 * (not argv[0]), else the path the loader used; and the frame's offset
 * from the module's load bias (what addr2line -e MODULE takes). 0 when
 * no loaded module maps the address. */
const char *ag_rt_module_of(const void *pc, uintptr_t *offset) AG_RT_HIDDEN;

#endif /* ALLOCGUARD_AG_RT_SYMBOLIZE_H */
