// RUN: %clang -g %agload %s %rt_static -lpthread -o %t 2>/dev/null
// RUN: not --crash %t > %t.out 2> %t.err
// RUN: FileCheck %s < %t.out
// RUN: FileCheck %s --check-prefix=ERR --allow-empty < %t.err
// RUN: %clang -g %agload %s %rt_shared -Wl,-rpath,%rt_dir -lpthread -o %t.shared 2>/dev/null
// RUN: not --crash %t.shared > %t.out 2> %t.err
// RUN: FileCheck %s < %t.out
// RUN: FileCheck %s --check-prefix=ERR --allow-empty < %t.err
// Intent: a program's own __allocguard_on_violation replaces the runtime's
// weak default (static and shared runtime): it gets the fields of the
// violation, the root among them, nothing reaches stderr, and mode=abort still aborts after it.

#include <allocguard.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

/* What a board without stderr might do: format into its own buffer and
 * hand it to a UART driver (here: stdout). */
void __allocguard_on_violation(const struct allocguard_violation *v) {
  char line[256], out[512];
  int n;
  allocguard_format_violation(v, line, sizeof line);
  n = snprintf(out, sizeof out,
               "handler: kind=%u callee=%s function=%s line=%u bytes=%llu "
               "abort=%u root=%s root_file=%s root_line=%u system=%u\n"
               "handler: %s\n",
               v->kind, v->callee, v->function, v->line,
               (unsigned long long)v->bytes, v->will_abort, v->root_function,
               v->root_file, v->root_line, v->system_site, line);
  write(1, out, (size_t)n);
}

ALLOCGUARD_ALLOC_FREE void process(void) {
  free(malloc(64));
}

int main(void) {
  process();
  puts("not reached");
  return 0;
}

// CHECK: handler: kind=0 callee=malloc function=process line=35 bytes=64 abort=1 root=process root_file={{.*}}handler_custom.c root_line=34 system=0
// CHECK-NEXT: handler: =={{[0-9]+}}==ERROR: allocguard: allocation in alloc_free scope: malloc(64 bytes) at {{.*}}handler_custom.c:35:8 in process; root process at {{.*}}handler_custom.c:34{{$}}
// CHECK-NOT: not reached
// ERR-NOT: allocguard
