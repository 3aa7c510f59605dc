/* zinit.c - the stream's defaults: zcalloc through a static initializer
 * and a struct copy, zcfree by a store; malloc kept in a hook. */
#include "zs.h"
#include <stdlib.h>
static void *zcalloc(void *opaque, unsigned items, unsigned size) {
  (void)opaque;
  return calloc(items, size);
}
static void zcfree(void *opaque, void *p) {
  (void)opaque;
  free(p);
}
static const z_stream defaults = {0, zcalloc, 0, 0};
int z_init(z_stream *s) {
  *s = defaults;
  s->zfree = zcfree;
  return 0;
}
void *(*alloc_hook)(size_t) = malloc;
