// RUN: rm -rf %t && mkdir -p %t && cd %S
// RUN: %clang -g -O1 %agload -DUNIT_ZUTIL -c icall-plugin-units.c -o %t/zutil.o 2>/dev/null
// RUN: %clang -g -O1 %agload -DUNIT_DEFLATE -c icall-plugin-units.c -o %t/deflate.o 2>/dev/null
// RUN: %clang -g -O1 %agload -DUNIT_APP -c icall-plugin-units.c -o %t/app.o 2>&1 | FileCheck --check-prefix=UNIT %s
// RUN: cd %t && not %agreport --source-root=%S app.o deflate.o zutil.o | FileCheck %s
// Intent: summaries written by the plugin let allocguard-report follow a
// call through a struct field into another unit (zlib: deflate.c calls
// strm->zalloc, set to zcalloc, defined in zutil.c, which calls calloc),
// and a hook holding a knowledge-base allocator; the unit alone can only
// say where the pointer leads.
#include <allocguard.h>
#include <stdlib.h>

typedef void *(*alloc_func)(void *opaque, unsigned items, unsigned size);
typedef struct z_stream_s {
  alloc_func zalloc;
  void *opaque;
  void *state;
} z_stream;
void *zcalloc(void *opaque, unsigned items, unsigned size);
int deflateInit(z_stream *strm);
extern void *(*app_hook)(size_t);

#ifdef UNIT_ZUTIL
void *zcalloc(void *opaque, unsigned items, unsigned size) {
  return calloc(items, size);
}
void *(*app_hook)(size_t) = malloc;
#endif

#ifdef UNIT_DEFLATE
int deflateInit(z_stream *strm) {
  if (!strm->zalloc)
    strm->zalloc = zcalloc;
  strm->state = strm->zalloc(strm->opaque, 1, 64);
  return strm->state != 0;
}
#endif

#ifdef UNIT_APP
ALLOCGUARD_ALLOC_FREE int start(z_stream *strm) {
  void *scratch = app_hook(16);
  return deflateInit(strm) + (scratch != 0);
}
#endif
// The unit alone: the hook's value and deflateInit live elsewhere.
// UNIT: icall-plugin-units.c:42:19: warning: alloc_free function 'start' makes an indirect call that allocguard cannot follow (nothing is stored in 'app_hook', and no function of type 'ptr (i64)' has its address taken in this translation unit) [-Wallocguard-unknown]
// UNIT: icall-plugin-units.c:43:10: warning: alloc_free function 'start' calls 'deflateInit', which allocguard cannot see into

// The program: both paths, each hop through a pointer named.
// CHECK: icall-plugin-units.c:42:19: warning: alloc_free function 'start' calls 'malloc' through 'app_hook', which allocates [-Wallocguard]
// CHECK: icall-plugin-units.c:43:10: warning: alloc_free function 'start' may allocate: call to 'deflateInit' reaches 'calloc' [-Wallocguard]
// CHECK-NEXT: icall-plugin-units.c:35:17: note: 'deflateInit' calls 'zcalloc' through 'z_stream.zalloc'
// CHECK-NEXT: icall-plugin-units.c:26:10: note: 'zcalloc' calls 'calloc', which allocates
// CHECK-NEXT: allocguard-report: 1 alloc_free root, 1 reaches the heap: 2 allocations; 0 calls could not be followed
