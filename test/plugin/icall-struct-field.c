// RUN: %clang -g -O0 %agload -mllvm -allocguard-caret=off -c %s -o %t.o 2>&1 | FileCheck %s
// RUN: %clang -g -O2 %agload -mllvm -allocguard-caret=off -c %s -o %t.o 2>&1 | FileCheck %s
// RUN: llvm-objcopy --dump-section=.allocguard.summary=%t.sum %t.o
// RUN: %python %S/Inputs/decode_summary.py %t.sum | FileCheck --check-prefix=SUM %s
// RUN: %clang -O0 %agload -mllvm -allocguard-caret=off -c %s -o %t.nodebug.o 2>&1 | FileCheck --check-prefix=NODEBUG %s
// RUN: %clang -g -O0 %agload -mllvm -allocguard-json=%t.json -c %s -o /dev/null 2>/dev/null
// RUN: %python %S/Inputs/check_tu_report.py %t.json | FileCheck --check-prefix=JSON %s
// Intent: a call through a struct field (zlib's strm->zalloc, set to
// zcalloc by the init function when the user gives none) reaches exactly
// the functions stored into that field; a function of the same type stored
// into another field is no candidate.
#include <allocguard.h>
#include <stdlib.h>

typedef void *(*alloc_func)(void *opaque, unsigned items, unsigned size);
typedef void (*free_func)(void *opaque, void *address);
typedef struct z_stream_s {
  const unsigned char *next_in;
  unsigned avail_in;
  alloc_func zalloc;
  free_func zfree;
  void *opaque;
  alloc_func zpeek; /* same type as zalloc, other field */
  void *state;
} z_stream;

static void *zcalloc(void *opaque, unsigned items, unsigned size) {
  return calloc(items, size);
}
static void zcfree(void *opaque, void *ptr) { free(ptr); }
static void *peek_only(void *opaque, unsigned items, unsigned size) {
  return malloc(items);
}

int deflateInit(z_stream *strm) {
  if (strm->zalloc == 0) {
    strm->zalloc = zcalloc;
    strm->opaque = 0;
  }
  if (strm->zfree == 0)
    strm->zfree = zcfree;
  strm->zpeek = peek_only;
  strm->state = strm->zalloc(strm->opaque, 1, 64);
  return strm->state == 0;
}

ALLOCGUARD_ALLOC_FREE int start(z_stream *strm) { return deflateInit(strm); }
// CHECK: icall-struct-field.c:[[@LINE-1]]:58: warning: alloc_free function 'start' may allocate: call to 'deflateInit' reaches 'calloc' [-Wallocguard]
// CHECK-NEXT: icall-struct-field.c:43:17: note: 'deflateInit' calls 'zcalloc' through 'z_stream.zalloc'
// CHECK-NEXT: icall-struct-field.c:28:10: note: 'zcalloc' calls 'calloc', which allocates
// CHECK-NOT: peek_only
// CHECK-NOT: warning

// SUM: call deflateInit indirect - {{.*}}icall-struct-field.c:43:17 type=p(p,i32,i32) field=struct:struct.z_stream_s#2
// SUM-DAG: target zcalloc p(p,i32,i32) struct:struct.z_stream_s#2
// SUM-DAG: target zcfree void(p,p) struct:struct.z_stream_s#3
// SUM-DAG: target peek_only p(p,i32,i32) struct:struct.z_stream_s#5
// SUM-DAG: name struct:struct.z_stream_s#2 = z_stream.zalloc
// SUM-DAG: name struct:struct.z_stream_s#5 = z_stream.zpeek
// SUM-NOT: flow

// Without debug info the field is named from the IR type.
// NODEBUG: warning: alloc_free function 'start' may allocate: call to 'deflateInit' reaches 'calloc' [-Wallocguard]
// NODEBUG-NEXT: note: 'deflateInit' calls 'zcalloc' through 'z_stream_s field 2'

// The JSON report says how each hop was followed.
// JSON: allocation root=start callee=calloc path=start@{{.*}}icall-struct-field.c:47:58 -> deflateInit@{{.*}}icall-struct-field.c:43:17 through 'z_stream.zalloc' -> zcalloc@{{.*}}icall-struct-field.c:28:10
