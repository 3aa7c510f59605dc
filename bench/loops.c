/* loops.c - the loops bench/run.sh times: a malloc+free pair, and a call
 * to a tiny noinline function (a root, a nonblocking function, or neither),
 * twice: once where the plain build ends the function with a tail call, and
 * once where no build can (an empty asm after the call), which separates
 * the cost of the scope from the cost of losing the tail call.
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

/* The same, but no build may turn the call into a jump. */
HOT_ATTR __attribute__((noinline)) void hot_no_tail(void) HOT_EFFECT {
  bench_tick();
  __asm__ volatile("");
}

__attribute__((noinline)) static void call_loop(long n) {
  for (long i = 0; i < n; ++i)
    hot();
}

__attribute__((noinline)) static void call_no_tail_loop(long n) {
  for (long i = 0; i < n; ++i)
    hot_no_tail();
}

/* The thread's CPU clock, not the wall clock: on a shared machine the time
 * this process spends descheduled is not the cost of the loop. */
static double now_ns(void) {
  struct timespec ts;
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec * 1e9 + ts.tv_nsec;
}

int main(int argc, char **argv) {
  static const struct {
    const char *name;
    void (*loop)(long);
  } loops[] = {{"malloc", malloc_loop},
               {"call", call_loop},
               {"call-no-tail", call_no_tail_loop}};
  void (*loop)(long) = 0;
  for (size_t i = 0; argc == 3 && i < sizeof loops / sizeof loops[0]; ++i)
    if (strcmp(argv[1], loops[i].name) == 0)
      loop = loops[i].loop;
  if (!loop) {
    fprintf(stderr, "usage: %s malloc|call|call-no-tail ITERATIONS\n",
            argv[0]);
    return 2;
  }
  long n = atol(argv[2]);
  loop(1000); /* warm the allocator; too short to show in a process time */
  double start = now_ns();
  loop(n);
  double elapsed = now_ns() - start;
  printf("%s %.3f\n", argv[1], elapsed / (double)n);
  return 0;
}
