/* app.c - what a malloc+free pair made by an uninstrumented library
 * costs (bench/intercept/run.sh): outside any scope, inside a root's
 * scope under a permit, and inside one as a violation (run it with
 * ALLOCGUARD_OPTIONS=mode=count). Prints ns per pair, the best of 5
 * rounds.
 *
 *   ./app outside|permitted|violation N
 */
#include <allocguard.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

void bench_lib_alloc(void);

static long n;

__attribute__((noinline)) static void outside(void) {
  for (long i = 0; i < n; ++i)
    bench_lib_alloc();
}

__attribute__((noinline)) ALLOCGUARD_ALLOC_FREE void permitted(void) {
  allocguard_permit_begin();
  for (long i = 0; i < n; ++i)
    bench_lib_alloc();
  allocguard_permit_end();
}

__attribute__((noinline)) ALLOCGUARD_ALLOC_FREE void violation(void) {
  for (long i = 0; i < n; ++i)
    bench_lib_alloc();
}

static double now_ns(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return t.tv_sec * 1e9 + t.tv_nsec;
}

int main(int argc, char **argv) {
  void (*loop)(void) = 0;
  if (argc == 3 && !strcmp(argv[1], "outside"))
    loop = outside;
  else if (argc == 3 && !strcmp(argv[1], "permitted"))
    loop = permitted;
  else if (argc == 3 && !strcmp(argv[1], "violation"))
    loop = violation;
  if (!loop) {
    fprintf(stderr, "usage: app outside|permitted|violation N\n");
    return 2;
  }
  n = atol(argv[2]);
  double best = 0;
  for (int r = 0; r < 5; ++r) {
    double t0 = now_ns();
    loop();
    double ns = (now_ns() - t0) / (double)n;
    if (r == 0 || ns < best)
      best = ns;
  }
  printf("%s %.1f\n", argv[1], best);
  return 0;
}
