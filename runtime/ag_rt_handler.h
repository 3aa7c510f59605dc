/* ag_rt_handler.h - a violation as the public struct allocguard_violation,
 * and the line every report prints for it.
 */
#ifndef ALLOCGUARD_AG_RT_HANDLER_H
#define ALLOCGUARD_AG_RT_HANDLER_H

#include <stddef.h>

#include "ag_abi.h"
#include "ag_rt_common.h"
#include "ag_rt_report.h"
#include "allocguard.h"

/* Fill *v from the site (frames none, will_abort 0, depths of this
 * thread). */
void ag_rt_violation_describe(struct allocguard_violation *v,
                              const struct __allocguard_site *site,
                              enum ag_rt_kind kind, size_t bytes,
                              int has_size) AG_RT_HIDDEN;

/* Append the standard line: "==PID==ERROR: allocguard: <what>: <callee>
 * [(<n> bytes)] at <loc> in <function>". */
void ag_rt_line_violation(struct ag_rt_line *l,
                          const struct allocguard_violation *v) AG_RT_HIDDEN;

#endif /* ALLOCGUARD_AG_RT_HANDLER_H */
