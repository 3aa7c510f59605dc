// The strong definition of pool_get: it replaces the weak ones.
#include <stddef.h>

static char pool[256];

void *pool_get(size_t n) { return n <= sizeof(pool) ? pool : NULL; }
