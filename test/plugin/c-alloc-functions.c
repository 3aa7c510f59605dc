// RUN: %clang -g -O0 %agload -mllvm -allocguard-caret=off -c %s -o /dev/null 2>&1 | FileCheck %s
// RUN: %clang -g -O2 %agload -mllvm -allocguard-caret=off -c %s -o /dev/null 2>&1 | FileCheck %s
// Every C allocation function allocguard knows is found when a root calls it.
#define _GNU_SOURCE
#include <allocguard.h>
#include <malloc.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

ALLOCGUARD_ALLOC_FREE void root(size_t n, const char *s, FILE *in, void **out,
                                va_list ap) {
  char *line = NULL;
  size_t cap = 0;
  out[0] = malloc(n);
  // CHECK: c-alloc-functions.c:[[@LINE-1]]:12: warning: alloc_free function 'root' calls 'malloc', which allocates [-Wallocguard]
  out[1] = calloc(n, 4);
  // CHECK-NEXT: c-alloc-functions.c:[[@LINE-1]]:12: warning: alloc_free function 'root' calls 'calloc', which allocates [-Wallocguard]
  out[2] = realloc(out[2], n);
  // CHECK-NEXT: c-alloc-functions.c:[[@LINE-1]]:12: warning: {{.*}} calls 'realloc', which allocates
  out[3] = reallocarray(out[3], n, 8);
  // CHECK-NEXT: c-alloc-functions.c:[[@LINE-1]]:12: warning: {{.*}} calls 'reallocarray', which allocates
  out[4] = aligned_alloc(64, n);
  // CHECK-NEXT: c-alloc-functions.c:[[@LINE-1]]:12: warning: {{.*}} calls 'aligned_alloc', which allocates
  posix_memalign(&out[5], 64, n);
  // CHECK-NEXT: c-alloc-functions.c:[[@LINE-1]]:3: warning: {{.*}} calls 'posix_memalign', which allocates
  out[6] = memalign(64, n);
  // CHECK-NEXT: c-alloc-functions.c:[[@LINE-1]]:12: warning: {{.*}} calls 'memalign', which allocates
  out[7] = valloc(n);
  // CHECK-NEXT: c-alloc-functions.c:[[@LINE-1]]:12: warning: {{.*}} calls 'valloc', which allocates
  out[8] = pvalloc(n);
  // CHECK-NEXT: c-alloc-functions.c:[[@LINE-1]]:12: warning: {{.*}} calls 'pvalloc', which allocates
  out[9] = strdup(s);
  // CHECK-NEXT: c-alloc-functions.c:[[@LINE-1]]:12: warning: {{.*}} calls 'strdup', which allocates
  out[10] = strndup(s, n);
  // CHECK-NEXT: c-alloc-functions.c:[[@LINE-1]]:13: warning: {{.*}} calls 'strndup', which allocates
  asprintf((char **)&out[11], "%s", s);
  // CHECK-NEXT: c-alloc-functions.c:[[@LINE-1]]:3: warning: {{.*}} calls 'asprintf', which allocates
  vasprintf((char **)&out[12], s, ap);
  // CHECK-NEXT: c-alloc-functions.c:[[@LINE-1]]:3: warning: {{.*}} calls 'vasprintf', which allocates
  getline(&line, &cap, in);
  // CHECK-NEXT: c-alloc-functions.c:[[@LINE-1]]:3: warning: {{.*}} calls 'getline', which allocates (grows *lineptr with realloc)
  getdelim(&line, &cap, ';', in);
  // CHECK-NEXT: c-alloc-functions.c:[[@LINE-1]]:3: warning: {{.*}} calls 'getdelim', which allocates
  out[13] = open_memstream(&line, &cap);
  // CHECK-NEXT: c-alloc-functions.c:[[@LINE-1]]:13: warning: {{.*}} calls 'open_memstream', which allocates
  free(line);
  // CHECK-NEXT: c-alloc-functions.c:[[@LINE-1]]:3: warning: alloc_free function 'root' calls 'free', which deallocates [-Wallocguard-dealloc]
}
// CHECK-NOT: warning
