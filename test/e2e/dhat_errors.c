// RUN: rm -rf %t.d && mkdir -p %t.d/isdir
// RUN: %clang -g %agload %s %rt_static -lpthread -o %t 2>/dev/null
// RUN: env ALLOCGUARD_OPTIONS=mode=count:dhat=%t.d/missing/out.json %t > %t.out 2> %t.err
// RUN: FileCheck %s --check-prefix=OUT < %t.out
// RUN: FileCheck %s --check-prefix=NOENT -DDIR=%t.d < %t.err
// RUN: env ALLOCGUARD_OPTIONS=mode=count:dhat=%t.d/isdir %t > %t.out 2> %t.err
// RUN: FileCheck %s --check-prefix=OUT < %t.out
// RUN: FileCheck %s --check-prefix=ISDIR -DDIR=%t.d < %t.err
// RUN: env ALLOCGUARD_OPTIONS=mode=count:dhat=/dev/full %t > %t.out 2> %t.err
// RUN: FileCheck %s --check-prefix=OUT < %t.out
// RUN: FileCheck %s --check-prefix=FULL < %t.err
// RUN: env ALLOCGUARD_OPTIONS=mode=count:help=1:dhat=%t.d/x.json %t 2>&1 | FileCheck %s --check-prefix=HELP -DDIR=%t.d
// Intent: a DHAT file that cannot be written costs one line naming the
// path, the reason and errno; the program runs to its end and exits 0
// (lit fails a RUN line that exits otherwise). help=1 lists the option.

#include <allocguard.h>
#include <stdio.h>
#include <stdlib.h>

ALLOCGUARD_ALLOC_FREE void process(void) { free(malloc(16)); }

int main(void) {
  process();
  struct allocguard_stats s;
  allocguard_stats_get(&s);
  printf("done: violations=%llu\n", (unsigned long long)s.violations);
  return 0;
}

// OUT: done: violations=2
// OUT-NOT: {{.}}

// NOENT: =={{[0-9]+}}==ERROR: allocguard: dhat: cannot open '[[DIR]]/missing/out.json': No such file or directory (errno 2); no DHAT file written{{$}}
// NOENT-NOT: {{.}}
// ISDIR: =={{[0-9]+}}==ERROR: allocguard: dhat: cannot open '[[DIR]]/isdir': Is a directory (errno 21); no DHAT file written{{$}}
// ISDIR-NOT: {{.}}
// FULL: =={{[0-9]+}}==ERROR: allocguard: dhat: cannot write '/dev/full': No space left on device (errno 28); no DHAT file written{{$}}
// FULL-NOT: {{.}}

// HELP: dhat=[[DIR]]/x.json (default ""; valid: a path without ':' ',' or blanks; empty: unset): at exit, write the per-site counts to this file as DHAT JSON (%p: the pid)
