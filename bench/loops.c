/* loops.c - the two loops bench/run.sh times: a malloc+free pair, and a call
 * to a tiny noinline function (a root, a nonblocking function, or neither).
 *
 *   bench/run.sh            # builds this three ways and prints the table
 *   ./loops malloc 50000000 # prints "malloc <ns per iteration>"
 *
 * HOT_ATTR (a compile-time define) is what makes hot() a root
 * (ALLOCGUARD_ALLOC_FREE) or a RealtimeSanitizer nonblocking function. The
 * malloc loop is never a root: it measures the cost of a checked call
 * outside any scope, or of rtsan's malloc interceptor outside any
 * nonblocking function.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <allocguard.h>

#ifndef HOT_ATTR
#define HOT_ATTR
#endif
#ifndef HOT_EFFECT
#define HOT_EFFECT
#endif

/* Storing the pointer to a volatile makes it escape, so clang cannot elide
 * the malloc/free pair (it does at -O1 and above otherwise); no
 * -fno-builtin-malloc needed, and every build pays the same store. */
static void *volatile sink;
static volatile size_t request = 64;

void bench_tick(void); /* tick.c */

__attribute__((noinline)) static void malloc_loop(long n) {
  size_t size = request;
  for (long i = 0; i < n; ++i) {
    void *p = malloc(size);
    sink = p;
    free(p);
  }
}

/* Empty-ish: one call out, which keeps the root's scope (see tick.c). */
HOT_ATTR __attribute__((noinline)) void hot(void) HOT_EFFECT { bench_tick(); }

__attribute__((noinline)) static void call_loop(long n) {
  for (long i = 0; i < n; ++i)
    hot();
}

/* The thread's CPU clock, not the wall clock: on a shared machine the time
 * this process spends descheduled is not the cost of the loop. */
static double now_ns(void) {
  struct timespec ts;
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec * 1e9 + ts.tv_nsec;
}

int main(int argc, char **argv) {
  int is_malloc = argc > 1 && strcmp(argv[1], "malloc") == 0;
  if (argc != 3 || (!is_malloc && strcmp(argv[1], "call") != 0)) {
    fprintf(stderr, "usage: %s malloc|call ITERATIONS\n", argv[0]);
    return 2;
  }
  long n = atol(argv[2]);
  void (*loop)(long) = is_malloc ? malloc_loop : call_loop;
  loop(1000); /* warm the allocator; too short to show in a process time */
  double start = now_ns();
  loop(n);
  double elapsed = now_ns() - start;
  printf("%s %.3f\n", argv[1], elapsed / (double)n);
  return 0;
}
