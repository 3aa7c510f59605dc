/* ag_rep_stats.c - phase timings (ag_rep_stats.h). */
#include "ag_rep_stats.h"

#include <stdarg.h>
#include <stdio.h>
#include <sys/resource.h>
#include <time.h>

static double ag_rep_clock(clockid_t id) {
  struct timespec ts;
  clock_gettime(id, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

void ag_rep_stats_start(struct ag_rep_stats *s, int enabled) {
  s->enabled = enabled;
  s->wall = ag_rep_clock(CLOCK_MONOTONIC);
  s->cpu = ag_rep_clock(CLOCK_PROCESS_CPUTIME_ID);
}

void ag_rep_stats_phase(struct ag_rep_stats *s, const char *phase,
                        const char *fmt, ...) {
  double wall = ag_rep_clock(CLOCK_MONOTONIC);
  double cpu = ag_rep_clock(CLOCK_PROCESS_CPUTIME_ID);
  if (s->enabled) {
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    fprintf(stderr, "allocguard-report: stats: %-8s wall %7.3f s, cpu %7.3f s, "
            "peak rss %6ld MiB: ", phase, wall - s->wall, cpu - s->cpu,
            ru.ru_maxrss / 1024);
    va_list ap;
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
  }
  s->wall = wall;
  s->cpu = cpu;
}
