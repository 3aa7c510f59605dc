/* zs.h - a zlib-shaped stream whose allocator lives in function-pointer
 * fields, set by one unit (zinit.c) and called by another (zdeflate.c);
 * for test/report/icall-e2e.c. */
#include <stddef.h>
typedef void *(*alloc_func)(void *opaque, unsigned items, unsigned size);
typedef void (*free_func)(void *opaque, void *address);
typedef struct z_stream_s {
  const char *next_in;
  alloc_func zalloc;
  free_func zfree;
  void *opaque;
} z_stream;
/* A table of the same function type stored elsewhere: its functions are
 * not candidates for z_stream's fields. */
struct pool_ops {
  alloc_func get;
};
int z_init(z_stream *s);
int z_deflate(z_stream *s);
extern void *(*alloc_hook)(size_t);
extern struct pool_ops pool;
