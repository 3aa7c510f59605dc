/* ag_rt_intercept.c - links the interposers into every program that links
 * liballocguard_rt (.a or .so), so allocations made by code built without
 * the plugin are checked too: prebuilt shared libraries (libstdc++'s
 * std::string, libc's strdup, qsort and fopen), and calls through pointers
 * holding malloc itself.
 *
 * Every object the plugin changed calls AG_LINK_FN from its constructor.
 * Defined here, it pulls this member out of liballocguard_rt.a, and the
 * references below pull the interposers (ag_rt_preload.c for malloc & co.,
 * ag_rt_preload_cxx.c for operator new/delete). The program then defines
 * malloc itself; since libc.so defines it too, the linker exports the
 * program's definition, and the dynamic linker binds every library's
 * malloc (libc's own internal calls included) to it. The shared
 * liballocguard_rt.so carries the same interposers, and binds the same
 * way when it is loaded before libc (it is: the link line names it first).
 *
 * The interposers are weak, so a program that defines malloc or operator
 * new itself, a sanitizer runtime, and libc.a under -static all win over
 * them without a link error. liballocguard_rt_nointercept.a has
 * ag_rt_nointercept.c instead: the same runtime, nothing interposed.
 */
#include <stddef.h>

#include "ag_rt_common.h"

extern void *malloc(size_t size);
extern void *_Znwm(size_t size); /* operator new(unsigned long) */

AG_RT_EXPORT void __allocguard_link_with_liballocguard_rt(void) {
  /* Referenced from code that runs, so --gc-sections keeps the references
   * too; the addresses are only made, never called here. */
  __asm__ volatile("" ::"r"(&malloc), "r"(&_Znwm));
}
