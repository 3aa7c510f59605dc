// RUN: %clang -g -fPIC -shared -DPART_LIB %agload %s %rt_shared -Wl,-rpath,%rt_dir -o %t.lib.so 2>/dev/null
// RUN: %clang -g -c -DPART_C %agload %s -o %t.c.o 2>/dev/null
// RUN: %clang -g -c -DPART_B %agload %s -o %t.b.o 2>/dev/null
// RUN: %clang -g -c -DPART_A %agload %s -o %t.a.o 2>/dev/null
// RUN: %clang -rdynamic %t.a.o %t.b.o %t.c.o %t.lib.so %rt_shared -Wl,-rpath,%rt_dir -o %t
// RUN: not --crash %t 2>&1 | FileCheck %s --check-prefix=ABORT
// RUN: env ALLOCGUARD_OPTIONS=mode=log:backtrace=1 %t 2>&1 | FileCheck %s --check-prefix=TRACE
// RUN: env ALLOCGUARD_OPTIONS=mode=log:backtrace=1:symbolize=0 %t 2>&1 | FileCheck %s --check-prefix=RAW
// Intent: a root in one unit calls through two more units into a shared
// library, all compiled with -allocguard-instrument=all; the library's
// malloc is caught at run time below the root, the report names the site
// in the library, and backtrace=1 shows the chain, innermost first, each
// frame with its function and file:line (llvm-symbolizer from PATH), the
// first one in user code marked; with symbolize=0 as module+offset and the
// exported symbol.

#include <allocguard.h>
#include <stdio.h>
#include <stdlib.h>

#ifdef PART_LIB
void *lib_alloc(size_t n) {
  return malloc(n);
}
#endif

#ifdef PART_C
void *lib_alloc(size_t n);
void *stage_c(size_t n) { return lib_alloc(n * 2); }
#endif

#ifdef PART_B
void *stage_c(size_t n);
void *stage_b(size_t n) { return stage_c(n + 10); }
#endif

#ifdef PART_A
void *stage_b(size_t n);

ALLOCGUARD_ALLOC_FREE void *render(void) { return stage_b(10); }

void *lib_alloc(size_t n);

int main(void) {
  free(lib_alloc(16)); /* below no root: fine */
  free(render());
  fprintf(stderr, "done\n");
  return 0;
}
#endif

// ABORT: =={{[0-9]+}}==ERROR: allocguard: allocation in alloc_free scope: malloc(40 bytes) at {{.*}}scope_chain_dso.c:23:10 in lib_alloc; root {{.+}}{{$}}
// ABORT-NOT: done

// TRACE: =={{[0-9]+}}==ERROR: allocguard: allocation in alloc_free scope: malloc(40 bytes) at {{.*}}scope_chain_dso.c:23:10 in lib_alloc; root render at {{.*}}scope_chain_dso.c:[[#ROOT:]]{{$}}
// TRACE-NEXT: {{^}}    #0 0x{{[0-9a-f]+}} in lib_alloc {{.*}}scope_chain_dso.c:23:10 <- user code{{$}}
// TRACE-NEXT: {{^}}    #1 0x{{[0-9a-f]+}} in stage_c {{.*}}scope_chain_dso.c:{{[0-9]+}}:{{[0-9]+}}{{$}}
// TRACE-NEXT: {{^}}    #2 0x{{[0-9a-f]+}} in stage_b {{.*}}scope_chain_dso.c:{{[0-9]+}}:{{[0-9]+}}{{$}}
// TRACE-NEXT: {{^}}    #3 0x{{[0-9a-f]+}} in render {{.*}}scope_chain_dso.c:[[#ROOT]]:{{[0-9]+}}{{$}}
// TRACE-NEXT: {{^}}    #4 0x{{[0-9a-f]+}} in main {{.*}}scope_chain_dso.c:{{[0-9]+}}:{{[0-9]+}}{{$}}
// TRACE: done
// RAW: =={{[0-9]+}}==ERROR: allocguard: allocation in alloc_free scope: malloc(40 bytes) at {{.*}}scope_chain_dso.c:23:10 in lib_alloc; root {{.+}}{{$}}
// RAW-NEXT: {{^}}    #0 0x{{[0-9a-f]+}} in lib_alloc+0x{{[0-9a-f]+}} ({{.*}}scope_chain_dso.c.tmp.lib.so+0x{{[0-9a-f]+}}){{$}}
// RAW-NEXT: {{^}}    #1 0x{{[0-9a-f]+}} in stage_c+0x{{[0-9a-f]+}} ({{.*}}scope_chain_dso.c.tmp+0x{{[0-9a-f]+}}){{$}}
// RAW-NEXT: {{^}}    #2 0x{{[0-9a-f]+}} in stage_b+0x{{[0-9a-f]+}} ({{.*}}scope_chain_dso.c.tmp+0x{{[0-9a-f]+}}){{$}}
// RAW-NEXT: {{^}}    #3 0x{{[0-9a-f]+}} in render+0x{{[0-9a-f]+}} ({{.*}}scope_chain_dso.c.tmp+0x{{[0-9a-f]+}}){{$}}
// RAW-NEXT: {{^}}    #4 0x{{[0-9a-f]+}} in main+0x{{[0-9a-f]+}} ({{.*}}scope_chain_dso.c.tmp+0x{{[0-9a-f]+}}){{$}}
// RAW: done
