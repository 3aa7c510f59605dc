/* ag_rep_paths.h - source paths as reports show them.
 *
 * Absolute paths under the source root (--source-root, default: the
 * current directory) are shown relative to it in every format, so reports
 * from two checkouts are byte-identical; SARIF gets them as URIs relative
 * to the `SRCROOT` base.
 */
#ifndef ALLOCGUARD_AG_REP_PATHS_H
#define ALLOCGUARD_AG_REP_PATHS_H

#include "ag_rep_util.h"
#include "ag_rep_writer.h"

struct ag_rep_paths {
  char *root;      /* absolute, ends with '/' */
  size_t root_len;
};

/* `source_root` NULL means the current directory. */
int ag_rep_paths_init(struct ag_rep_paths *p, const char *source_root,
                      struct ag_rep_error *err);
void ag_rep_paths_free(struct ag_rep_paths *p);

/* `path` relative to the root when it lies under it, else `path` itself
 * (a suffix of it: nothing is allocated). */
const char *ag_rep_paths_show(const struct ag_rep_paths *p, const char *path);

/* Writes a percent-encoded URI for `path` (as shown by
 * ag_rep_paths_show): relative ones are relative to SRCROOT, absolute
 * ones become file:// URIs. Returns 1 when relative. */
int ag_rep_paths_uri(struct ag_rep_out *o, const char *shown);
/* The SRCROOT base URI: file:///.../ */
void ag_rep_paths_root_uri(struct ag_rep_out *o, const struct ag_rep_paths *p);

#endif /* ALLOCGUARD_AG_REP_PATHS_H */
