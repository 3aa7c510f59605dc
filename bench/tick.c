/* tick.c - the work a benchmarked root does, in its own translation unit.
 *
 * Compiled once, without the plugin or a sanitizer, and linked into every
 * build of loops.c. Being opaque to the optimizer matters: a root whose body
 * calls nothing cannot let a checked call observe the scope depth, so at -O2
 * its save/raise/restore is deleted and it costs nothing; calling an external
 * function keeps the scope (as any real root that calls something does).
 */
volatile unsigned bench_ticks;

void bench_tick(void) { bench_ticks = bench_ticks + 1; }
