// RUN: %clang -g %agload %s %rt_shared -Wl,-rpath,%rt_dir -lpthread -o %t 2>/dev/null
// RUN: env ALLOCGUARD_OPTIONS=mode=log %t 2>&1 | FileCheck %s
// RUN: %clang -g %agload %s %rt_nointercept -lpthread -o %t.noint 2>/dev/null
// RUN: env ALLOCGUARD_OPTIONS=mode=log %t.noint 2>&1 | FileCheck %s --check-prefix=NONE
// RUN: env LD_PRELOAD=%rt_dir/liballocguard_preload.so ALLOCGUARD_OPTIONS=mode=log %t 2>&1 | FileCheck %s
// Intent: allocations libc makes on its own inside a root, which the plugin
// reports statically but cannot rewrite (qsort's merge buffer, fopen's FILE,
// opendir's DIR, strdup called through a pointer), are caught at run time
// by the interposers of the linked runtime (the same with
// liballocguard_preload.so preloaded; not with
// liballocguard_rt_nointercept.a), each named after its caller in
// libc.so.6 and by the root, and followed by the frames that lead to the
// line in the root that called libc (marked as user code); the
// deallocations in fclose and closedir too.

#include <allocguard.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int ints[512]; // 2 KiB: glibc's qsort mallocs a merge buffer

static int cmp(const void *a, const void *b) {
  return *(const int *)a - *(const int *)b;
}

ALLOCGUARD_ALLOC_FREE void sort_block(void) {
  qsort(ints, 512, sizeof ints[0], cmp);
}

ALLOCGUARD_ALLOC_FREE int open_file(void) {
  FILE *f = fopen("/dev/null", "r");
  return f ? fclose(f) : -1;
}

ALLOCGUARD_ALLOC_FREE int list_dir(void) {
  DIR *d = opendir("/");
  return d ? closedir(d) : -1;
}

char *(*volatile dup_fn)(const char *) = strdup;

ALLOCGUARD_ALLOC_FREE char *copy_name(const char *s) { return dup_fn(s); }

int main(void) {
  for (int i = 0; i < 512; ++i)
    ints[i] = 512 - i;
  fprintf(stderr, "qsort\n");
  sort_block();
  fprintf(stderr, "fopen\n");
  open_file();
  fprintf(stderr, "opendir\n");
  list_dir();
  fprintf(stderr, "strdup\n");
  char *s = copy_name("hello");
  fprintf(stderr, "done: sorted=%d copied=%s\n", ints[0] == 1, s);
  free(s);
  return 0;
}

// NONE:      qsort
// NONE-NEXT: fopen
// NONE-NEXT: opendir
// NONE-NEXT: strdup
// NONE-NEXT: done: sorted=1 copied=hello
// NONE-NOT:  {{.}}

// CHECK:      qsort
// CHECK-NEXT: =={{[0-9]+}}==ERROR: allocguard: allocation in alloc_free scope: malloc(2048 bytes) called from libc.so.6+0x{{[0-9a-f]+}}{{( \(.*\))?}}; root sort_block at {{.*}}preload_libc.c:{{[0-9]+}}{{$}}
// CHECK:      #{{[0-9]+}} 0x{{[0-9a-f]+}} in sort_block {{.*}}preload_libc.c:29:{{[0-9]+}} <- user code
// CHECK-NEXT: =={{[0-9]+}}==ERROR: allocguard: deallocation in alloc_free scope: free called from libc.so.6+0x{{[0-9a-f]+}}{{( \(.*\))?}}; root sort_block at {{.*}}preload_libc.c:{{[0-9]+}}{{$}}
// CHECK:      #{{[0-9]+}} 0x{{[0-9a-f]+}} in sort_block {{.*}}preload_libc.c:29:{{[0-9]+}} <- user code
// CHECK-NEXT: fopen
// CHECK-NEXT: =={{[0-9]+}}==ERROR: allocguard: allocation in alloc_free scope: malloc({{[0-9]+}} bytes) called from libc.so.6+0x{{[0-9a-f]+}}{{( \(.*\))?}}; root open_file at {{.*}}preload_libc.c:{{[0-9]+}}{{$}}
// CHECK:      #{{[0-9]+}} 0x{{[0-9a-f]+}} in open_file {{.*}}preload_libc.c:33:{{[0-9]+}} <- user code
// CHECK-NEXT: =={{[0-9]+}}==ERROR: allocguard: deallocation in alloc_free scope: free called from libc.so.6+0x{{[0-9a-f]+}}{{( \(.*\))?}}; root open_file at {{.*}}preload_libc.c:{{[0-9]+}}{{$}}
// CHECK:      #{{[0-9]+}} 0x{{[0-9a-f]+}} in open_file {{.*}}preload_libc.c:34:{{[0-9]+}} <- user code
// CHECK-NEXT: opendir
// CHECK-NEXT: =={{[0-9]+}}==ERROR: allocguard: allocation in alloc_free scope: malloc({{[0-9]+}} bytes) called from libc.so.6+0x{{[0-9a-f]+}}{{( \(.*\))?}}; root list_dir at {{.*}}preload_libc.c:{{[0-9]+}}{{$}}
// CHECK:      #{{[0-9]+}} 0x{{[0-9a-f]+}} in list_dir {{.*}}preload_libc.c:38:{{[0-9]+}} <- user code
// CHECK-NEXT: =={{[0-9]+}}==ERROR: allocguard: deallocation in alloc_free scope: free called from libc.so.6+0x{{[0-9a-f]+}}{{( \(.*\))?}}; root list_dir at {{.*}}preload_libc.c:{{[0-9]+}}{{$}}
// CHECK:      #{{[0-9]+}} 0x{{[0-9a-f]+}} in list_dir {{.*}}preload_libc.c:39:{{[0-9]+}} <- user code
// CHECK-NEXT: strdup
// CHECK-NEXT: =={{[0-9]+}}==ERROR: allocguard: allocation in alloc_free scope: malloc(6 bytes) called from libc.so.6+0x{{[0-9a-f]+}} ({{(__)?}}strdup); root copy_name at {{.*}}preload_libc.c:44{{$}}
// CHECK:      #{{[0-9]+}} 0x{{[0-9a-f]+}} in copy_name {{.*}}preload_libc.c:44:{{[0-9]+}} <- user code
// CHECK-NEXT: done: sorted=1 copied=hello
// CHECK-NOT:  {{.}}
