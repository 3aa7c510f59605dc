// REQUIRES: dh-view
// RUN: %clang -g %agload %s %rt_static -lpthread -o %t 2>/dev/null
// RUN: env ALLOCGUARD_OPTIONS=mode=count:dhat=%t.json %t
// RUN: %node %S/Inputs/dh_view_render.js %dh_view %t.json | FileCheck %s
// Intent: valgrind's own viewer (dh_view.js, run headless under node by
// dh_view_render.js) accepts the file and shows what a user should see: the
// command, the totals, one program point per site grouped under its callee,
// the site with its location and violations, no lifetime lines (bklt is
// false). dhat_output.c checks the same file format without the viewer.

#include <allocguard.h>
#include <stdlib.h>

ALLOCGUARD_ALLOC_FREE void render(int big) {
  void *a = malloc(big ? 300 : 100);
  void *b = malloc(50);
  void *c = calloc(2, 10);
  free(c);
  free(b);
  free(a);
}

int main(void) {
  render(1);
  render(0);
  render(0);
  return 0;
}

// CHECK:      Invocation {
// CHECK-NEXT:   Mode:    heap
// CHECK-NEXT:   Command: {{.*}}dhat_viewer.c.tmp{{$}}
// CHECK-NEXT:   PID:     {{[0-9]+}}
// CHECK-NEXT: }
// CHECK:      Times {
// CHECK-NEXT:   t-end:  {{[0-9,]+}} µs
// CHECK-NEXT: }
// CHECK-NOT:  t-gmax
// CHECK-NOT:  lifetime
// CHECK:      ▼ PP 1/1 (2 children) {
// CHECK-NEXT:     Total:     710 bytes (100%, {{.*}}/s) in 9 blocks (100%, {{.*}}/s), avg size 78.89 bytes
// CHECK-NEXT:     Allocated at {
// CHECK-NEXT:       #0: [root]
// CHECK-NEXT:     }
// CHECK-NEXT:   }
// CHECK-NEXT:   ├─▼ PP 1.1/2 (2 children) {
// CHECK-NEXT:   │     Total:     650 bytes (91.55%, {{.*}}/s) in 6 blocks (66.67%, {{.*}}/s), avg size 108.33 bytes
// CHECK-NEXT:   │     Allocated at {
// CHECK-NEXT:   │       #1: malloc
// CHECK-NEXT:   │     }
// CHECK-NEXT:   │   }
// CHECK-NEXT:   │   ├── PP 1.1.1/2 {
// CHECK-NEXT:   │   │     Total:     500 bytes (70.42%, {{.*}}/s) in 3 blocks (33.33%, {{.*}}/s), avg size 166.67 bytes
// CHECK-NEXT:   │   │     Allocated at {
// CHECK-NEXT:   │   │       ^1: malloc
// CHECK-NEXT:   │   │       #2: render ({{.*}}dhat_viewer.c:15:13) [3 violations]
// CHECK-NEXT:   │   │     }
// CHECK-NEXT:   │   │   }
// CHECK-NEXT:   │   └── PP 1.1.2/2 {
// CHECK-NEXT:   │         Total:     150 bytes (21.13%, {{.*}}/s) in 3 blocks (33.33%, {{.*}}/s), avg size 50 bytes
// CHECK-NEXT:   │         Allocated at {
// CHECK-NEXT:   │           ^1: malloc
// CHECK-NEXT:   │           #2: render ({{.*}}dhat_viewer.c:16:13) [3 violations]
// CHECK-NEXT:   │         }
// CHECK-NEXT:   │       }
// CHECK-NEXT:   └── PP 1.2/2 {
// CHECK-NEXT:         Total:     60 bytes (8.45%, {{.*}}/s) in 3 blocks (33.33%, {{.*}}/s), avg size 20 bytes
// CHECK-NEXT:         Allocated at {
// CHECK-NEXT:           #1: calloc
// CHECK-NEXT:           #2: render ({{.*}}dhat_viewer.c:17:13) [3 violations]
// CHECK-NEXT:         }
// CHECK-NEXT:       }
