/* app.c - the roots: one through the stream, one through the hook, one
 * through a pointer nothing of its type is ever stored into. */
#include <allocguard.h>
#include "zs.h"
ALLOCGUARD_ALLOC_FREE int process(z_stream *s) { return z_deflate(s); }
ALLOCGUARD_ALLOC_FREE void *grab(size_t n) { return alloc_hook(n); }
ALLOCGUARD_ALLOC_FREE void call_anything(double (*f)(double)) { f(1.0); }
