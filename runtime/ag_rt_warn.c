/* ag_rt_warn.c - one-shot warnings about API misuse (unbalanced permits,
 * stacks too deep): printed once per process whatever the mode, because a
 * misused API is worth knowing about but not worth a crash.
 */
#include "ag_rt_allow.h"

#include "ag_rt_report.h"

void ag_rt_warn_once(int *once, const char *text) {
  struct ag_rt_line l;
  if (__atomic_exchange_n(once, 1, __ATOMIC_RELAXED))
    return;
  if (!ag_rt_report_enter())
    return;
  ag_rt_line_init(&l);
  ag_rt_line_pid(&l);
  ag_rt_line_str(&l, "WARNING: allocguard: ");
  ag_rt_line_str(&l, text);
  ag_rt_line_emit(&l);
  ag_rt_report_leave();
}
