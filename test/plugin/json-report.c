// RUN: rm -rf %t.dir && mkdir -p %t.dir
// RUN: %clang -g %agload -mllvm -allocguard-json=%t.dir/report.json -c %s -o /dev/null 2>/dev/null
// RUN: %python %S/Inputs/check_tu_report.py %t.dir/report.json | FileCheck %s
// RUN: %clang -g %agload -mllvm -allocguard-json=%t.dir/ -c %s -o /dev/null 2>/dev/null
// RUN: %python %S/Inputs/check_tu_report.py %t.dir/json-report.c.allocguard.json | FileCheck %s
// RUN: not %clang -g %agload -mllvm -allocguard-json=%t.dir/no/such/dir/r.json -c %s -o /dev/null 2>&1 | FileCheck --check-prefix=BADPATH %s
// The per-TU JSON report follows the documented schema (version 1), has
// every finding with its whole path, and can be written into a directory.
#include <allocguard.h>
#include <stdlib.h>
#include <string.h>

static char *copy(const char *s) { return strdup(s); }
void quiet(void) {}

ALLOCGUARD_ALLOC_FREE void root(const char *s, void (*hook)(void)) {
  free(copy(s));
  hook();
  quiet();
}
// Breadth-first: the root's own calls, then one call deeper.
// CHECK: deallocation root=root callee=free path=root@{{.*}}json-report.c:17:3
// CHECK-NEXT: indirect root=root callee=None path=root@{{.*}}json-report.c:18:3
// CHECK-NEXT: allocation root=root callee=strdup path=root@{{.*}}json-report.c:17:8 -> copy@{{.*}}json-report.c:13:43
// CHECK: roots=root:3
// BADPATH: error: allocguard: cannot write -allocguard-json file '{{.*}}no/such/dir/r.json': No such file or directory
