// RUN: %clang -g %agload -c %s -o /dev/null 2>&1 | FileCheck --strict-whitespace --match-full-lines --check-prefixes=CHECK,%snippet %s
// RUN: %clang -g %agload -mllvm -allocguard-caret=off -c %s -o /dev/null 2>&1 | FileCheck --strict-whitespace --match-full-lines --check-prefix=OFF %s
// RUN: not %clang %agload -mllvm -allocguard-caret=maybe -c %s -o /dev/null 2>&1 | FileCheck --check-prefix=BAD %s
// RUN: %clang -g %agload -mllvm -allocguard-color=always -c %s -o /dev/null 2>&1 | tr '\033' E | FileCheck --check-prefix=COLOR %s
// RUN: not %clang %agload -mllvm -allocguard-color=sometimes -c %s -o /dev/null 2>&1 | FileCheck --check-prefix=BADCOLOR %s
// Intent: each diagnostic is followed by its source line and a caret under
// the column, as clang prints its own (with the line-number gutter from
// clang 17 on, tabs expanded to a tab stop of 8); a location whose file
// cannot be read (here a #line name) shows no snippet, as in clang;
// -allocguard-caret=off leaves the snippets out; -allocguard-color=always
// paints them in clang's colours (auto, the default, only on a terminal:
// none in the other runs here); bad values fail.
#include <allocguard.h>
#include <stdlib.h>

static void *helper(size_t n) {
	return	malloc(n);
}

ALLOCGUARD_ALLOC_FREE void render(int big) {
  void *a = helper(big ? 300 : 100);
#line 7 "not-on-disk.c"
  free(a);
}

// Findings come in file order: the #line file's first.
// CHECK:{{.*}}not-on-disk.c:7:3: warning: alloc_free function 'render' calls 'free', which deallocates [-Wallocguard-dealloc]
// CHECK-NEXT:{{.*}}caret.c:21:13: warning: alloc_free function 'render' may allocate: call to 'helper' reaches 'malloc' [-Wallocguard]
// GUTTER-NEXT:   21 |   void *a = helper(big ? 300 : 100);
// GUTTER-NEXT:      |             ^
// PLAIN-NEXT:  void *a = helper(big ? 300 : 100);
// PLAIN-NEXT:            ^
// CHECK-NEXT:{{.*}}caret.c:17:9: note: 'helper' calls 'malloc', which allocates
// GUTTER-NEXT:   17 |         return  malloc(n);
// GUTTER-NEXT:      |                 ^
// PLAIN-NEXT:        return  malloc(n);
// PLAIN-NEXT:                ^
// CHECK-NOT:{{.}}

// OFF:{{.*}}not-on-disk.c:7:3: warning: alloc_free function 'render' calls 'free', which deallocates [-Wallocguard-dealloc]
// OFF-NEXT:{{.*}}caret.c:21:13: warning: alloc_free function 'render' may allocate: call to 'helper' reaches 'malloc' [-Wallocguard]
// OFF-NEXT:{{.*}}caret.c:17:9: note: 'helper' calls 'malloc', which allocates
// OFF-NOT:{{.}}

// BAD: invalid value 'maybe' for -allocguard-caret (valid: on, off)

// COLOR: E[1m{{.*}}not-on-disk.c:7:3: E[0;1;35mwarning: E[0mE[1malloc_free function 'render' calls 'free', which deallocates [-Wallocguard-dealloc]E[0m
// COLOR: E[1m{{.*}}caret.c:17:9: E[0;1;30mnote: E[0m'helper' calls 'malloc', which allocatesE[0m
// COLOR-NEXT: {{.*}}return  malloc(n);
// COLOR-NEXT: {{.*}}E[0;1;32m{{ +}}^E[0m
// BADCOLOR: invalid value 'sometimes' for -allocguard-color (valid: auto, always, never)
