// RUN: rm -rf %t.d && mkdir -p %t.d/static %t.d/shared %t.d/none
// RUN: %clang -g %agload %s %rt_static -lpthread -o %t.d/prog 2>/dev/null
// RUN: env ALLOCGUARD_OPTIONS=mode=count:dhat=%t.d/static/out.%%p.json %t.d/prog one 'two words' | FileCheck %s --check-prefix=OUT
// RUN: %python %S/Inputs/dhat_check.py %t.d/static --pid-from-name | FileCheck %s
// RUN: %clang -g %agload %s %rt_shared -Wl,-rpath,%rt_dir -lpthread -o %t.d/prog_shared 2>/dev/null
// RUN: env ALLOCGUARD_OPTIONS=mode=log:dhat=%t.d/shared/out.%%p.json %t.d/prog_shared one 'two words' 2>/dev/null | FileCheck %s --check-prefix=OUT
// RUN: %python %S/Inputs/dhat_check.py %t.d/shared --pid-from-name | FileCheck %s
// Without dhat=, or when a later dhat= is empty, no file appears.
// RUN: cd %t.d/none && env ALLOCGUARD_OPTIONS=mode=count %t.d/prog
// RUN: env ALLOCGUARD_OPTIONS=mode=count:dhat=%t.d/none/x.json:dhat= %t.d/prog
// RUN: ls %t.d/none | count 0
// Intent: dhat=PATH writes, at exit, one DHAT program point per allocation
// site that ran (callee frame, then the site frame with its violations),
// with bytes and calls; deallocation sites and sites that never ran are no
// program points; %p is the pid; strings are JSON-escaped (quote,
// backslash, control character) and bytes that are not UTF-8 become U+FFFD.
// The file passes every check valgrind's viewer makes (dhat_check.py).

#include <allocguard.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

// OUT: done

// CHECK: header: mode=heap verb=Allocated bklt=false bkacc=false tu=µs Mtu=s
// CHECK-NEXT: cmd: {{.*}}/prog{{(_shared)?}} one two words{{$}}
// CHECK-NEXT: totals: 273 bytes in 8 blocks at 4 program points

static void setup(void) {
  for (int i = 0; i < 4; ++i)
    free(calloc(4, 8));
  // CHECK-DAG: pp: calloc | setup ({{.*}}dhat_output.c:[[@LINE-1]]:10): 128 bytes in 4 blocks{{$}}
}

ALLOCGUARD_ALLOC_FREE void process(int n) {
  char *p = malloc(64);
  // CHECK-DAG: pp: malloc | process ({{.*}}dhat_output.c:[[@LINE-1]]:13) [2 violations]: 128 bytes in 2 blocks{{$}}
  if (n > 100)
    p = realloc(p, 1); // never runs: no program point
  free(p);             // a deallocation: no program point
}

static char *name(void) {
  return strdup("hello");
  // CHECK-DAG: pp: strdup | name ({{.*}}dhat_output.c:[[@LINE-1]]:10): 6 bytes in 1 blocks{{$}}
}

// A file name that needs escaping: '"', '\', U+0001 and a stray 0xff byte.
#line 900 "we\"ird\\dir/\xff\x01name.c"
ALLOCGUARD_ALLOC_FREE void odd(void) { free(malloc(11)); }
// CHECK-DAG: pp: malloc | odd (we"ird\dir/\ufffd\u0001name.c:900:45) [1 violation]: 11 bytes in 1 blocks{{$}}

int main(void) {
  setup();
  process(1);
  process(2);
  char *s = name();
  free(s);
  odd();
  printf("done\n");
  return 0;
}
