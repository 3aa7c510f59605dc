// RUN: %clang -g -c -DROOT_TU %agload %s -o %t.root.o 2>/dev/null
// RUN: %clang -g -c -DLIB_TU %agload %s -o %t.all.o 2>/dev/null
// RUN: %clang %t.root.o %t.all.o %rt_static -lpthread -o %t
// RUN: env ALLOCGUARD_OPTIONS=mode=log %t 2>&1 | FileCheck %s --check-prefix=ALL
// RUN: %clang -g -c -DLIB_TU %agload -mllvm -allocguard-instrument=roots %s -o %t.roots.o 2>/dev/null
// RUN: %clang %t.root.o %t.roots.o %rt_nointercept -lpthread -o %t.roots
// RUN: env ALLOCGUARD_OPTIONS=mode=log %t.roots 2>&1 | FileCheck %s --check-prefix=ROOTS
// RUN: %clang %t.root.o %t.roots.o %rt_static -lpthread -o %t.roots.int
// RUN: env ALLOCGUARD_OPTIONS=mode=log %t.roots.int 2>&1 | FileCheck %s --check-prefix=INTERPOSED
// RUN: %clang -g -c -DLIB_TU %agload %s -fPIC -o %t.pic.o 2>/dev/null
// RUN: %clang -shared %t.pic.o %rt_shared -Wl,-rpath,%rt_dir -o %t.lib.so
// RUN: %clang %t.root.o %t.lib.so %rt_shared -Wl,-rpath,%rt_dir -o %t.dso
// RUN: env ALLOCGUARD_OPTIONS=mode=log %t.dso 2>&1 | FileCheck %s --check-prefix=ALL
// Intent: the scope a root opens reaches helpers in other objects and shared
// libraries built with the plugin's default (-allocguard-instrument=all);
// helpers built with -allocguard-instrument=roots are not checked at run
// time by a wrapper: their malloc is caught by the interposer the default
// runtime links in (named by the caller's module and offset), and not at
// all with liballocguard_rt_nointercept.a.

#include <allocguard.h>
#include <stdio.h>
#include <stdlib.h>

#ifdef LIB_TU
char *lib_format(int v) {
  char *s = malloc(12);
  snprintf(s, 12, "v=%d", v);
  return s;
}
#endif

#ifdef ROOT_TU
char *lib_format(int v);

ALLOCGUARD_ALLOC_FREE char *render(int v) {
  return lib_format(v);
}

int main(void) {
  char *a = lib_format(1);
  char *b = render(2);
  fprintf(stderr, "%s %s\n", a, b);
  return 0;
}
#endif

// ALL: ERROR: allocguard: allocation in alloc_free scope: malloc(12 bytes) at {{.*}}scope_cross_tu.c:[[@LINE-21]]:13 in lib_format; root {{.+}}{{$}}
// ALL-NEXT: v=1 v=2
// ALL-NOT: {{.}}

// INTERPOSED: ERROR: allocguard: allocation in alloc_free scope: malloc(12 bytes) called from {{.*}}+0x{{[0-9a-f]+}}
// INTERPOSED-NEXT: {{.*}} in lib_format {{.*}}scope_cross_tu.c:{{[0-9]+}}:13 <- user code{{$}}
// INTERPOSED-NEXT: v=1 v=2
// INTERPOSED-NOT: {{.}}

// ROOTS-NOT: allocguard
// ROOTS: v=1 v=2
