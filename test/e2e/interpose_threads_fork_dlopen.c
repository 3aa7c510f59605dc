// RUN: rm -rf %t.dir && mkdir -p %t.dir
// RUN: %clang -g -shared -fPIC %S/Inputs/preload_lib.c -o %t.dir/libpreload_lib.so
// RUN: %clang -g -O2 %agload %s %rt_static -lpthread -ldl -o %t 2>/dev/null
// RUN: env ALLOCGUARD_OPTIONS=mode=log %t %t.dir/libpreload_lib.so 2>&1 | FileCheck %s
// RUN: %clang -g -O2 %agload %s %rt_shared -Wl,-rpath,%rt_dir -lpthread -ldl -o %t.shared 2>/dev/null
// RUN: env ALLOCGUARD_OPTIONS=mode=log %t.shared %t.dir/libpreload_lib.so 2>&1 | FileCheck %s
// Intent: the interposers the runtime links into the program keep threads,
// fork and dlopen working and checked: threads allocating outside any scope
// through a pointer to malloc are never reported while one thread's root
// is (the depth is per thread); a child forked inside a root inherits the
// scope, and one forked outside does not; a library loaded with dlopen
// binds its malloc to the program's interposer, so its allocation below a
// root is caught and named after it.

#include <allocguard.h>
#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

void *(*volatile alloc_fn)(size_t) = malloc;
void (*volatile free_fn)(void *) = free;
static void *(*lib_make)(size_t);

static void *churn(void *arg) {
  (void)arg;
  for (int i = 0; i < 100000; ++i)
    free_fn(alloc_fn(32));
  return 0;
}

ALLOCGUARD_ALLOC_FREE void in_root(int what) {
  if (what == 0) {
    free_fn(alloc_fn(24));
  } else if (what == 1) {
    pid_t pid = fork();
    if (pid == 0) {
      free_fn(alloc_fn(16)); // the child is in the scope too
      _exit(0);
    }
    waitpid(pid, 0, 0);
  } else {
    free_fn(lib_make(40));
  }
}

int main(int argc, char **argv) {
  pthread_t t[4];
  for (int i = 0; i < 4; ++i)
    pthread_create(&t[i], 0, churn, 0);
  in_root(0);
  for (int i = 0; i < 4; ++i)
    pthread_join(t[i], 0);
  fprintf(stderr, "threads joined\n");

  in_root(1);
  pid_t pid = fork();
  if (pid == 0) {
    free_fn(alloc_fn(16)); // outside any scope: fine
    _exit(0);
  }
  waitpid(pid, 0, 0);
  fprintf(stderr, "forked\n");

  void *lib = argc > 1 ? dlopen(argv[1], RTLD_NOW) : 0;
  if (!lib) {
    fprintf(stderr, "dlopen failed\n");
    return 1;
  }
  lib_make = (void *(*)(size_t))dlsym(lib, "lib_make");
  in_root(2);
  fprintf(stderr, "done\n");
  return 0;
}

// Each intercepted report is followed by the frames up to the user's code.
// CHECK-NOT: ERROR
// CHECK: ERROR: allocguard: allocation in alloc_free scope: malloc(24 bytes) called from {{.*}}+0x{{[0-9a-f]+}}; root in_root at {{.*}}interpose_threads_fork_dlopen.c:34{{$}}
// CHECK: ERROR: allocguard: deallocation in alloc_free scope: free called from {{.*}}+0x{{[0-9a-f]+}}; root in_root at
// CHECK-NOT: ERROR
// CHECK: threads joined
// CHECK-NEXT: ERROR: allocguard: allocation in alloc_free scope: malloc(16 bytes) called from {{.*}}+0x{{[0-9a-f]+}}; root in_root at
// CHECK: ERROR: allocguard: deallocation in alloc_free scope: free called from {{.*}}+0x{{[0-9a-f]+}}; root in_root at
// CHECK-NOT: ERROR
// CHECK: forked
// CHECK-NEXT: ERROR: allocguard: allocation in alloc_free scope: malloc(40 bytes) called from libpreload_lib.so+0x{{[0-9a-f]+}} (lib_make); root in_root at
// CHECK: ERROR: allocguard: deallocation in alloc_free scope: free called from {{.*}}+0x{{[0-9a-f]+}}; root in_root at
// CHECK-NOT: ERROR
// CHECK: done
// CHECK-NOT: {{.}}
