/* ag_rep_input.h - read input files into summary records.
 *
 * Inputs are any mix of objects, archives (regular and thin), executables,
 * shared libraries, -flto bitcode and side files (`AGSUMMRY` magic). Files
 * are mapped, not copied; records point into the mappings, which live
 * until ag_rep_inputs_free.
 */
#ifndef ALLOCGUARD_AG_REP_INPUT_H
#define ALLOCGUARD_AG_REP_INPUT_H

#include "ag_rep_util.h"

#include <stddef.h>
#include <stdint.h>

/* One summary record, header included, and where it was found. */
struct ag_rep_record {
  const uint8_t *data;
  size_t size;
  uint32_t origin; /* index into ag_rep_inputs.origins */
  size_t offset;   /* of the record in its section or side file */
};

struct ag_rep_origin {
  char *name;       /* "util.o", "libdsp.a(dsp.o)", "util.sum" */
  int in_section;   /* found in a .allocguard.summary section */
};

struct ag_rep_inputs {
  struct ag_rep_origin *origins;
  size_t origin_count, origin_cap;
  struct ag_rep_record *records;
  size_t count, cap;
  struct ag_rep_mapping *maps; /* files mapped so far */
  size_t map_count, map_cap;
  uint8_t **owned;             /* heap blocks records point into */
  size_t owned_count, owned_cap;
};

/* Reads every summary record of the file at `path`. Returns the number
 * found (0 is not an error), or -1 with *err naming the file and what is
 * wrong: missing, unreadable, not an object, corrupt container. */
long ag_rep_inputs_add(struct ag_rep_inputs *in, const char *path,
                       struct ag_rep_error *err);

/* "util.o: section .allocguard.summary" or "util.sum": the prefix of a
 * record's error messages. The caller frees it. (Inline: the merge and
 * its fuzz target use it without the file readers.) */
static inline char *ag_rep_inputs_context(const struct ag_rep_inputs *in,
                                          uint32_t origin) {
  const struct ag_rep_origin *o = &in->origins[origin];
  return o->in_section
             ? ag_xasprintf("%s: section .allocguard.summary", o->name)
             : ag_xstrdup(o->name);
}

void ag_rep_inputs_free(struct ag_rep_inputs *in);

#endif /* ALLOCGUARD_AG_REP_INPUT_H */
