/* ag_rep_stats.h - --stats: wall and CPU time per phase, sizes and peak
 * memory on stderr, for benchmarks (docs/benchmarks.md) and for users
 * wondering where the time goes.
 */
#ifndef ALLOCGUARD_AG_REP_STATS_H
#define ALLOCGUARD_AG_REP_STATS_H

struct ag_rep_stats {
  int enabled;
  double wall, cpu; /* at the end of the previous phase */
};

void ag_rep_stats_start(struct ag_rep_stats *s, int enabled);
/* Ends a phase: prints its times and `fmt` (details), if enabled. */
void ag_rep_stats_phase(struct ag_rep_stats *s, const char *phase,
                        const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

#endif /* ALLOCGUARD_AG_REP_STATS_H */
