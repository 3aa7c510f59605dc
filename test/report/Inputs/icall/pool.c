/* pool.c - a function of alloc_func's type stored into another struct:
 * it allocates, but z_stream's fields never hold it. */
#include "zs.h"
#include <stdlib.h>
static void *pool_get(void *opaque, unsigned items, unsigned size) {
  (void)opaque;
  return malloc((size_t)items * size);
}
struct pool_ops pool = {pool_get};
