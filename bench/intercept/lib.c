/* lib.c - a library built without the plugin: its malloc and free reach
 * allocguard only through the runtime's interposers (bench/intercept). */
#include <stdlib.h>

void *volatile bench_lib_sink;

void bench_lib_alloc(void) {
  bench_lib_sink = malloc(64);
  free(bench_lib_sink);
}
