/* ag_rep_options.h - allocguard-report's command line (table:
 * ag_rep_options.inc). */
#ifndef ALLOCGUARD_AG_REP_OPTIONS_H
#define ALLOCGUARD_AG_REP_OPTIONS_H

#include "ag_rep_util.h"

#include <stddef.h>
#include <stdint.h>

enum ag_rep_format {
  AG_REP_FORMAT_TEXT,
  AG_REP_FORMAT_JSON,
  AG_REP_FORMAT_SARIF,
  AG_REP_FORMAT_MARKDOWN,
  AG_REP_FORMAT_DOT,
  AG_REP_FORMAT_COUNT
};

enum ag_rep_fail_on { AG_REP_FAIL_ANY, AG_REP_FAIL_NEW, AG_REP_FAIL_NONE };
enum ag_rep_unused { AG_REP_UNUSED_WARN, AG_REP_UNUSED_ERROR,
                     AG_REP_UNUSED_IGNORE };

struct ag_rep_strings {
  char **items;
  size_t count, cap;
};

struct ag_rep_config {
  enum ag_rep_format format;
  const char *output;                     /* NULL: stdout */
  const char *extra[AG_REP_FORMAT_COUNT]; /* --json=FILE, ... */
  struct ag_rep_strings roots;            /* owned copies */
  struct ag_rep_strings roots_files, suppressions, inputs;
  int dealloc, unknown;
  enum ag_rep_fail_on fail_on;
  int fail_unknown;                       /* --fail-on-unknown */
  enum ag_rep_unused unused;
  const char *baseline, *write_baseline, *source_root;
  int help, version, stats;
  unsigned jobs;                          /* 0: one per online CPU */
  /* SARIF's limits (--sarif-max-*); 0: none. */
  uint64_t sarif_max_results, sarif_max_gzip, sarif_max_paths;
  struct ag_rep_strings owned; /* arguments read from @FILEs */
};

/* Parses argv (with @FILE response files: one argument per line).
 * Returns 0, or -1 with a usage error in *err. */
int ag_rep_options_parse(struct ag_rep_config *cfg, int argc, char **argv,
                         struct ag_rep_error *err);
void ag_rep_options_help(const char *argv0);
void ag_rep_options_free(struct ag_rep_config *cfg);

extern const char *const ag_rep_format_names[AG_REP_FORMAT_COUNT];
extern const char *const ag_rep_fail_on_names[3];

#endif /* ALLOCGUARD_AG_REP_OPTIONS_H */
