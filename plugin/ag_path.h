/* ag_path.h - the path a summary records for a source file.
 *
 * Debug info splits a location into a file name and the compile directory
 * it is relative to (both after -ffile-prefix-map). Summaries join them,
 * so a unit compiled as `cc -c ../src/a.c` in a build tree and one compiled
 * as `cc -c a.c` in src/ both name /checkout/src/a.c, which the report tool
 * shows relative to its --source-root: the report no longer depends on the
 * directory each compile ran in.
 */
#ifndef ALLOCGUARD_AG_PATH_H
#define ALLOCGUARD_AG_PATH_H

#include <stddef.h>

/* `file` if it is absolute or `dir` is empty, else dir/file; either way
 * with "." segments, empty segments and "x/.." pairs taken out (lexically,
 * as clang's own path printing does). A heap string the caller frees. */
char *ag_path_join(const char *dir, size_t dir_len, const char *file,
                   size_t file_len);

#endif /* ALLOCGUARD_AG_PATH_H */
