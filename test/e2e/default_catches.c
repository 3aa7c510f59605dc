// RUN: %clang -g -O0 %agload %s %rt_static -lpthread -o %t.O0 2>/dev/null
// RUN: env ALLOCGUARD_OPTIONS=mode=log:dealloc=0 %t.O0 2>&1 | FileCheck %s
// RUN: %clang -g -O2 %agload %s %rt_static -lpthread -o %t.O2 2>/dev/null
// RUN: env ALLOCGUARD_OPTIONS=mode=log:dealloc=0 %t.O2 2>&1 | FileCheck %s
// RUN: %clang -g -O2 %agload %s %rt_shared -Wl,-rpath,%rt_dir -lpthread -o %t.shared 2>/dev/null
// RUN: env ALLOCGUARD_OPTIONS=mode=log:dealloc=0 %t.shared 2>&1 | FileCheck %s
// RUN: not --crash %t.O2 fnptr 2>&1 | FileCheck %s --check-prefix=ABORT
// Intent: built the documented way (the plugin's defaults, the runtime
// linked, no LD_PRELOAD), every allocation that runs while a root is
// active is a violation, at -O0 and -O2, with the static and the shared
// runtime: a helper three calls down (checked wrapper, named at its line);
// malloc called through a pointer that holds libc's malloc, strdup called
// through a pointer (libc's own malloc inside it), qsort's and fopen's
// buffers inside libc (the interposers linked from the runtime, named by
// the caller's module and offset). Nothing is reported twice, and nothing
// outside a root is reported.

#define _GNU_SOURCE
#include <allocguard.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void *volatile sink;

__attribute__((noinline)) void *level3(size_t n) { return malloc(n); }
__attribute__((noinline)) void *level2(size_t n) { return level3(n); }
__attribute__((noinline)) void *level1(size_t n) { return level2(n); }

void *(*volatile alloc_fn)(size_t) = malloc;
char *(*volatile dup_fn)(const char *) = strdup;

static int cmp(const void *a, const void *b) {
  return *(const int *)a - *(const int *)b;
}
static int numbers[4096]; // 16 KiB: glibc's qsort takes a malloc'd buffer

ALLOCGUARD_ALLOC_FREE void root(const char *which) {
  if (strcmp(which, "helper3") == 0) {
    sink = level1(24);
    free(sink);
  } else if (strcmp(which, "fnptr") == 0) {
    sink = alloc_fn(40);
    free(sink);
  } else if (strcmp(which, "strdup") == 0) {
    sink = dup_fn("twelve bytes");
    free(sink);
  } else if (strcmp(which, "qsort") == 0) {
    qsort(numbers, 4096, sizeof(int), cmp);
  } else if (strcmp(which, "fopen") == 0) {
    FILE *f = fopen("/dev/null", "r");
    if (f)
      fclose(f);
  }
}

int main(int argc, char **argv) {
  static const char *const cases[] = {"helper3", "fnptr", "strdup", "qsort",
                                      "fopen"};
  for (int i = 0; i < 4096; ++i)
    numbers[i] = (i * 7919) % 4096;
  // The same calls outside any root: checked, never violations.
  free(level1(8));
  free(alloc_fn(8));
  free(dup_fn("x"));
  if (argc > 1) {
    root(argv[1]);
    return 0;
  }
  for (unsigned i = 0; i < sizeof cases / sizeof *cases; ++i) {
    fprintf(stderr, "case %s\n", cases[i]);
    root(cases[i]);
  }
  fprintf(stderr, "done\n");
  return 0;
}

// Each report names the root; an intercepted call is followed by the
// frames up to the line in the root that led there (user code).
// CHECK-NOT: ERROR
// CHECK-LABEL: case helper3
// CHECK-NEXT: ERROR: allocguard: allocation in alloc_free scope: malloc(24 bytes) at {{.*}}default_catches.c:26:59 in level3; root root at {{.*}}default_catches.c:38{{$}}
// CHECK-LABEL: case fnptr
// CHECK-NEXT: ERROR: allocguard: allocation in alloc_free scope: malloc(40 bytes) called from {{.*}}+0x{{[0-9a-f]+}}; root root at {{.*}}default_catches.c:38{{$}}
// CHECK: in root {{.*}}default_catches.c:43:{{[0-9]+}} <- user code
// CHECK-LABEL: case strdup
// CHECK-NEXT: ERROR: allocguard: allocation in alloc_free scope: malloc(13 bytes) called from libc.so.6+0x{{[0-9a-f]+}}{{.*}}; root root at {{.*}}default_catches.c:38{{$}}
// CHECK: in root {{.*}}default_catches.c:46:{{[0-9]+}} <- user code
// CHECK-LABEL: case qsort
// CHECK-NEXT: ERROR: allocguard: allocation in alloc_free scope: malloc(16384 bytes) called from libc.so.6+0x{{[0-9a-f]+}}{{.*}}; root root at {{.*}}default_catches.c:38{{$}}
// CHECK: in root {{.*}}default_catches.c:49:{{[0-9]+}} <- user code
// CHECK-LABEL: case fopen
// CHECK-NEXT: ERROR: allocguard: allocation in alloc_free scope: malloc({{[0-9]+}} bytes) called from libc.so.6+0x{{[0-9a-f]+}}{{.*}}; root root at {{.*}}default_catches.c:38{{$}}
// CHECK: in root {{.*}}default_catches.c:51:{{[0-9]+}} <- user code
// CHECK-NOT: ERROR
// CHECK: done
// CHECK-NOT: {{.}}

// ABORT: ERROR: allocguard: allocation in alloc_free scope: malloc(40 bytes) called from
// ABORT-NOT: ERROR
