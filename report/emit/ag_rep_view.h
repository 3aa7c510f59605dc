/* ag_rep_view.h - building a finding's view (struct ag_rep_view in
 * ag_rep_report.h): the pass does it for every finding it shows, and SARIF
 * for the findings it regroups by site. Private to the report tool's
 * outputs.
 */
#ifndef ALLOCGUARD_AG_REP_VIEW_H
#define ALLOCGUARD_AG_REP_VIEW_H

#include "ag_rep_report.h"

/* Text built for a view: notes and the message, NUL-separated. */
struct ag_rep_textbuf {
  char *data;
  size_t len, cap;
};

/* Scratch reused from view to view: a view is valid until the next
 * ag_rep_view_build with the same viewer. Zero-initialise it. */
struct ag_rep_viewer {
  struct ag_rep_textbuf buf, also_buf;
  uint32_t *calls, *callees;
  struct ag_rep_hop *hops, also[AG_REP_ALSO_SHOWN];
  size_t *offsets, cap;
};

/* Fills v's hops, notes, message and `also` from what the caller set:
 * f, index, root, members and member_count (1 for a finding alone), clash,
 * is_worst and justification. */
void ag_rep_view_build(struct ag_rep_viewer *vw,
                       const struct ag_rep_report *rep, struct ag_rep_view *v);
void ag_rep_viewer_free(struct ag_rep_viewer *vw);

#endif /* ALLOCGUARD_AG_REP_VIEW_H */
