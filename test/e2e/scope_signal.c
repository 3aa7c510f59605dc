// RUN: %clang -g %agload %s %rt_static -lpthread -o %t 2>/dev/null
// RUN: env ALLOCGUARD_OPTIONS=mode=log %t 2>&1 | FileCheck %s
// RUN: not --crash %t 2>&1 | FileCheck %s --check-prefix=ABORT
// Intent: a signal handler that interrupts a root runs on the root's
// thread, inside its alloc_free scope: an allocation in the handler
// (compiled with -allocguard-instrument=all) is caught and names the
// handler; the same signal outside the root allocates freely.

#include <allocguard.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>

static volatile sig_atomic_t handled;

static void on_alarm(int sig) {
  (void)sig;
  free(malloc(32));
  handled++;
}

ALLOCGUARD_ALLOC_FREE void control_step(void) {
  raise(SIGUSR1); /* stands in for a timer firing mid-step */
}

int main(void) {
  struct allocguard_stats s;
  signal(SIGUSR1, on_alarm);
  control_step();
  raise(SIGUSR1);
  allocguard_stats_get(&s);
  fprintf(stderr, "handled %d, violations %llu\n", (int)handled,
          (unsigned long long)s.violations);
  return 0;
}

// CHECK: =={{[0-9]+}}==ERROR: allocguard: allocation in alloc_free scope: malloc(32 bytes) at {{.*}}scope_signal.c:18:8 in on_alarm; root {{.+}}{{$}}
// free is a violation too, reported on its own line.
// CHECK-NEXT: =={{[0-9]+}}==ERROR: allocguard: deallocation in alloc_free scope: free at {{.*}}scope_signal.c:18:3 in on_alarm; root {{.+}}{{$}}
// CHECK-NEXT: handled 2, violations 2
// CHECK-NOT: {{.}}
// ABORT: ERROR: allocguard: allocation in alloc_free scope: malloc(32 bytes) at {{.*}}scope_signal.c:18:8 in on_alarm; root {{.+}}{{$}}
// ABORT-NOT: handled

#include "Inputs/count_calls.h" // the checks read the counts
