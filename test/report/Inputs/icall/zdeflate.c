/* zdeflate.c - calls the allocator the stream holds, never naming it. */
#include "zs.h"
int z_deflate(z_stream *s) {
  void *window = s->zalloc(s->opaque, 1, 64);
  if (!window)
    return -1;
  s->zfree(s->opaque, window);
  return 0;
}
