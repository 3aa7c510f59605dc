// RUN: %clang -g -O0 %agload -mllvm -allocguard-caret=off -I%S/../../include %s %rt_static -lpthread -o %t 2>&1 | FileCheck %s
// RUN: %clang -g -O2 %agload -mllvm -allocguard-caret=off -I%S/../../include -c %s -o %t.o 2>&1 | FileCheck %s
// RUN: not %agreport --source-root=%S %t.o | FileCheck --check-prefix=REPORT %s
// RUN: env ALLOCGUARD_OPTIONS=mode=log %t 2>&1 | FileCheck --check-prefix=RUNTIME %s
// Intent: library functions that call what they are passed
// (plugin/ag_kb_callbacks.def) lead to the callback: pthread_once's init
// routine and bsearch's comparator run below the root, so what they
// allocate is reached from it, at compile time, in the whole-program
// report and at run time alike. A comparator passed through a global is
// an indirect call of the comparator's type, resolved through that global;
// one passed through a local is resolved by its type.
#include <allocguard.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

static pthread_once_t table_once = PTHREAD_ONCE_INIT;
static char *table;

static void build_table(void) { table = malloc(256); }

static int by_key(const void *a, const void *b) {
  char *copy = strdup((const char *)a);
  int r = strcmp(copy, *(char *const *)b);
  free(copy);
  return r;
}

static const char *names[] = {"a", "b", "c"};
int (*chosen)(const void *, const void *) = by_key;

// CHECK-DAG: kb-callbacks.c:[[@LINE+3]]:3: warning: alloc_free function 'lookup' may allocate: call to 'build_table' reaches 'malloc'
// CHECK-DAG: kb-callbacks.c:[[@LINE+3]]:10: warning: alloc_free function 'lookup' may allocate: call to 'by_key' reaches 'strdup'
ALLOCGUARD_ALLOC_FREE int lookup(const char *key) {
  pthread_once(&table_once, build_table);
  return bsearch(key, names, 3, sizeof names[0], by_key) != NULL;
}

// CHECK-DAG: kb-callbacks.c:[[@LINE+2]]:10: warning: alloc_free function 'lookup_chosen' may allocate: call to 'by_key' through 'chosen' reaches 'strdup'
ALLOCGUARD_ALLOC_FREE int lookup_chosen(const char *key) {
  return bsearch(key, names, 3, sizeof names[0], chosen) != NULL;
}

// CHECK-DAG: kb-callbacks.c:[[@LINE+3]]:10: warning: alloc_free function 'lookup_local' may allocate: call to 'by_key' through a pointer of type 'int (*)(const void *, const void *)' reaches 'strdup'
ALLOCGUARD_ALLOC_FREE int lookup_local(const char *key) {
  int (*compare)(const void *, const void *) = by_key;
  return bsearch(key, names, 3, sizeof names[0], compare) != NULL;
}

// REPORT-DAG: warning: alloc_free function 'lookup' may allocate: call to 'build_table' reaches 'malloc'
// REPORT-DAG: warning: alloc_free function 'lookup' may allocate: call to 'by_key' reaches 'strdup'
// REPORT-DAG: warning: alloc_free function 'lookup_chosen' may allocate: call to 'by_key' through 'chosen' reaches 'strdup'
// REPORT: allocguard-report: 3 alloc_free roots, 3 reach the heap

// RUNTIME: malloc(256 bytes) at {{.*}}kb-callbacks.c:20:{{[0-9]+}} in build_table; root lookup
// RUNTIME: strdup(2 bytes) at {{.*}}kb-callbacks.c:23:{{[0-9]+}} in by_key; root lookup
int main(void) {
  return lookup("b") + lookup_chosen("b") + lookup_local("b") == 3 ? 0 : 1;
}
