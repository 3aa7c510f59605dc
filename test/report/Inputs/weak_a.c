// A weak definition of pool_get (allocates with malloc) and a root using it.
#include <allocguard.h>
#include <stdlib.h>

__attribute__((weak)) void *pool_get(size_t n) { return malloc(n); }

ALLOCGUARD_ALLOC_FREE void render_a(void) { pool_get(16); }
