// Another weak definition of pool_get (calloc) and a root using it.
#include <allocguard.h>
#include <stdlib.h>

__attribute__((weak)) void *pool_get(size_t n) { return calloc(1, n); }

ALLOCGUARD_ALLOC_FREE void render_b(void) { pool_get(32); }
