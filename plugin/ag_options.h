/* ag_options.h - validated plugin configuration.
 *
 * Built from the raw -mllvm strings (ag_shim.h), one per row of
 * ag_options.def. Invalid values produce a
 * message naming the option and its valid values; the pass then fails the
 * compile instead of guessing.
 */
#ifndef ALLOCGUARD_AG_OPTIONS_H
#define ALLOCGUARD_AG_OPTIONS_H

#include "ag_shim.h"
#include "ag_util.h"

/* Enumerators in the order of their words in ag_options.def's choices. */
enum ag_severity { AG_SEVERITY_WARNING, AG_SEVERITY_ERROR };
enum ag_color { AG_COLOR_AUTO, AG_COLOR_ALWAYS, AG_COLOR_NEVER };

/* Which allocation calls become checked calls. Roots are always
 * instrumented to open their scope unless this is OFF. ALL is the default:
 * a call is caught whenever it runs below a root, in whichever function or
 * unit it is written. */
enum ag_instrument {
  AG_INSTRUMENT_ALL,   /* calls in every function of the unit */
  AG_INSTRUMENT_ROOTS, /* calls written inside roots (cheaper, not transitive) */
  AG_INSTRUMENT_OFF,   /* report only */
};

struct ag_config {
  struct ag_strlist roots;      /* names from -allocguard-roots(-file) */
  struct ag_strlist allocators; /* names from -allocguard-allocators */
  const char *kb_file;          /* NULL when not given */
  enum ag_severity severity;
  int report_dealloc;           /* 1 unless -allocguard-dealloc=ignore */
  int report_unknown;           /* 1 unless -allocguard-unknown=ignore */
  int unknown_error;            /* -allocguard-unknown=error: they fail
                                   the compile */
  const char *json_path;        /* NULL when not given */
  enum ag_instrument instrument;
  int summary_embed;            /* 1 unless -allocguard-summary=off|PATH */
  const char *summary_path;     /* side file, or NULL */
  int show_caret;               /* 1 unless -allocguard-caret=off */
  enum ag_color color;          /* -allocguard-color */
  int effect_roots;             /* 1 unless -allocguard-effects=off:
                                   clang's nonblocking and nonallocating
                                   functions are roots */
};

/* Fills *config. On bad input returns a heap message (caller frees) that
 * names the option and the fix; returns NULL on success. */
char *ag_config_parse(const struct ag_raw_options *raw,
                      struct ag_config *config);
void ag_config_free(struct ag_config *config);

#endif /* ALLOCGUARD_AG_OPTIONS_H */
