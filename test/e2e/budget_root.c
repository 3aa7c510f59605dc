// RUN: %clang -g %agload %s %rt_static -lpthread -o %t 2>/dev/null
// RUN: env ALLOCGUARD_OPTIONS=mode=log %t 2>&1 | FileCheck %s --check-prefix=NONE
// RUN: env ALLOCGUARD_OPTIONS=mode=log:root_budget_calls=2 %t 2>&1 | FileCheck %s --check-prefix=CALLS
// RUN: env ALLOCGUARD_OPTIONS=mode=log:root_budget_bytes=4096 %t 2>&1 | FileCheck %s --check-prefix=BYTES
// Intent: root_budget_calls / root_budget_bytes let a thread's first
// allocations in root scopes through (a callback's lazy warm-up), counted
// as budgeted; later ones, and the first over the budget, are violations.

#include <allocguard.h>
#include <stdio.h>
#include <stdlib.h>

static float *delay_line;
static char *label;

__attribute__((noinline)) static void ensure_buffers(void) {
  if (!delay_line)
    delay_line = calloc(512, sizeof *delay_line); /* 2048 bytes, once */
  if (!label)
    label = malloc(1000); /* once */
}

ALLOCGUARD_ALLOC_FREE __attribute__((noinline)) void audio_callback(int n) {
  ensure_buffers();
  if (n == 3)
    free(malloc(2000)); /* a bug in the third period */
}

int main(void) {
  struct allocguard_stats s;
  for (int i = 1; i <= 4; i++)
    audio_callback(i);
  allocguard_stats_get(&s);
  printf("violations %llu, budgeted %llu\n", (unsigned long long)s.violations,
         (unsigned long long)s.budgeted);
  return 0;
}

// NONE: ERROR: allocguard: allocation in alloc_free scope: calloc(2048 bytes) at {{.*}}budget_root.c:18:18 in ensure_buffers; root {{.+}}{{$}}
// NONE-NEXT: ERROR: allocguard: allocation in alloc_free scope: malloc(1000 bytes) at {{.*}}budget_root.c:20:13 in ensure_buffers; root {{.+}}{{$}}
// NONE-NEXT: ERROR: allocguard: allocation in alloc_free scope: malloc(2000 bytes) at {{.*}}budget_root.c:26:10 in audio_callback; root {{.+}}{{$}}
// NONE-NEXT: ERROR: allocguard: deallocation in alloc_free scope: free at {{.*}}budget_root.c:26:5 in audio_callback; root {{.+}}{{$}}
// NONE-NEXT: violations 4, budgeted 0

// CALLS: ERROR: allocguard: allocation in alloc_free scope: malloc(2000 bytes) at {{.*}}budget_root.c:26:10 in audio_callback; root {{.+}}{{$}}
// CALLS-NEXT: ERROR: allocguard: deallocation in alloc_free scope: free at {{.*}}budget_root.c:26:5 in audio_callback; root {{.+}}{{$}}
// CALLS-NEXT: violations 2, budgeted 2

// 2048 + 1000 fit in 4096; the 2000 of the third period do not.
// BYTES: ERROR: allocguard: allocation in alloc_free scope: malloc(2000 bytes) at {{.*}}budget_root.c:26:10 in audio_callback; root {{.+}}{{$}}
// BYTES-NEXT: ERROR: allocguard: deallocation in alloc_free scope: free at {{.*}}budget_root.c:26:5 in audio_callback; root {{.+}}{{$}}
// BYTES-NEXT: violations 2, budgeted 2

#include "Inputs/count_calls.h" // the checks read the counts
