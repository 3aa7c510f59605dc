/* ag_rt_nointercept.c - AG_LINK_FN for liballocguard_rt_nointercept.a, the
 * runtime without interposers: for statically linked or embedded programs
 * (no dynamic linker to bind libraries to the program's malloc; a libc that
 * is not glibc), and for programs whose malloc comes from a shared library
 * of their own (jemalloc, tcmalloc) that the interposers, which call
 * glibc's allocator, would bypass. Only calls the plugin rewrote are
 * checked. (ag_rt_intercept.c is the default.)
 *
 *   clang ... app.o -L lib -lallocguard_rt_nointercept -lpthread
 */
#include "ag_rt_common.h"

AG_RT_EXPORT void __allocguard_link_with_liballocguard_rt(void) {}
