// RUN: %clang -g -O0 %agload %s %rt_static -lpthread -o %t 2>/dev/null
// RUN: env ALLOCGUARD_OPTIONS=mode=log %t 2>&1 | FileCheck %s
// RUN: %clang -g -O2 -fno-optimize-sibling-calls %agload %s %rt_shared -Wl,-rpath,%rt_dir -lpthread -o %t.shared 2>/dev/null
// RUN: env ALLOCGUARD_OPTIONS=mode=log %t.shared 2>&1 | FileCheck %s
// RUN: env ALLOCGUARD_OPTIONS=mode=log %t.shared repeat 2>&1 | FileCheck %s --check-prefix=REPEAT
// Intent: libc allocates and frees a stream from one place (fopen's
// malloc, fclose's free), whichever line of the program opens or closes
// it. In log mode, which reports a site once, each of the program's lines
// that leads there is a site of its own: a user fixing the first one
// reported must see the second, as RealtimeSanitizer shows both stacks.
// The same line run again is still one site. (No tail calls at -O2, so
// that fclose keeps the frame of the line that called it.)

#include <allocguard.h>
#include <stdio.h>
#include <string.h>

__attribute__((noinline)) static void read_config(void) {
  FILE *f = fopen("/dev/null", "r"); // first open
  if (f)
    fclose(f); // first close
}

__attribute__((noinline)) static void read_presets(void) {
  FILE *f = fopen("/dev/null", "r"); // second open
  if (f)
    fclose(f); // second close
}

ALLOCGUARD_ALLOC_FREE void setup(int repeat) {
  read_config();
  if (repeat)
    read_config();
  else
    read_presets();
}

int main(int argc, char **argv) {
  setup(argc > 1 && strcmp(argv[1], "repeat") == 0);
  fprintf(stderr, "done\n");
  return 0;
}

// CHECK: ERROR: allocguard: allocation in alloc_free scope: malloc({{[0-9]+}} bytes) called from libc.so.6+0x{{[0-9a-f]+}}{{.*}}; root setup at
// CHECK: in read_config {{.*}}intercepted_per_line.c:19:{{[0-9]+}} <- user code
// CHECK: ERROR: allocguard: deallocation in alloc_free scope: free called from libc.so.6+0x{{[0-9a-f]+}}{{.*}}; root setup at
// CHECK: in read_config {{.*}}intercepted_per_line.c:21:{{[0-9]+}} <- user code
// CHECK: ERROR: allocguard: allocation in alloc_free scope: malloc({{[0-9]+}} bytes) called from libc.so.6+0x{{[0-9a-f]+}}{{.*}}; root setup at
// CHECK: in read_presets {{.*}}intercepted_per_line.c:25:{{[0-9]+}} <- user code
// CHECK: ERROR: allocguard: deallocation in alloc_free scope: free called from libc.so.6+0x{{[0-9a-f]+}}{{.*}}; root setup at
// CHECK: in read_presets {{.*}}intercepted_per_line.c:27:{{[0-9]+}} <- user code
// CHECK-NOT: ERROR
// CHECK: done

// REPEAT-COUNT-2: ERROR: allocguard:
// REPEAT-NOT: ERROR
// REPEAT: done
