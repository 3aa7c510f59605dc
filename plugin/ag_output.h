/* ag_output.h - write a report file the way build systems need it.
 *
 * A path naming a directory (existing, or ending in '/') gets
 * <dir>/<base name of the source><suffix>, so one option serves a whole
 * build. Content goes to a temporary file renamed into place: parallel
 * compiles and readers never see half a file.
 */
#ifndef ALLOCGUARD_AG_OUTPUT_H
#define ALLOCGUARD_AG_OUTPUT_H

#include <stdio.h>

/* Calls `write_body(out, context)` (which returns 0 on success) and puts
 * the result at the target. Returns NULL, or a heap message naming
 * `option` and the target. */
char *ag_output_write(const char *path, const char *source,
                      const char *suffix, const char *option,
                      int (*write_body)(FILE *out, void *context),
                      void *context);

#endif /* ALLOCGUARD_AG_OUTPUT_H */
