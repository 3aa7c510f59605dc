// count_calls.h - included (last) by the end-to-end tests that read the
// allocation counts: counting is off by default (docs/runtime.md,
// Statistics), so turn it on before main. The tests of counting itself
// (count_stats.c) use ALLOCGUARD_OPTIONS=stats=1 instead.
#include <allocguard.h>

__attribute__((constructor)) static void count_calls(void) {
  allocguard_stats_enable();
}
