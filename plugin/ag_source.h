/* ag_source.h - the source line under a diagnostic, as clang shows it.
 *
 *   t.c:4:13: warning: alloc_free function 'render' calls 'malloc' ...
 *       4 |   void *a = malloc(big ? 300 : 100);
 *         |             ^
 *
 * (clang 17 and newer; older clang prints the line and the caret without
 * the line-number gutter, and so does the plugin built for it). Files are
 * read and their lines indexed once per module (SQLite's 8.6 MB
 * amalgamation gets hundreds of snippets), from where clang found them (the name is relative
 * to the compile's directory, as in clang's own diagnostics); a file that
 * cannot be read shows no snippet, as in clang.
 */
#ifndef ALLOCGUARD_AG_SOURCE_H
#define ALLOCGUARD_AG_SOURCE_H

#include <stddef.h>
#include <stdio.h>

struct ag_source_file {
  char *name;
  char *text; /* NULL: could not be read */
  size_t len;
  size_t *line_starts; /* offset of each line in text, line 1 first */
  size_t line_count;
};

struct ag_source_cache {
  struct ag_source_file *files;
  size_t count, cap;
};

/* Prints line `line` of `file` with tabs expanded (tab stop 8) and a caret
 * under byte column `column` (1-based; 0: no caret line), green when
 * `color`. Prints nothing when the file or the line is not there. */
void ag_source_print_snippet(FILE *out, struct ag_source_cache *cache,
                             const char *file, unsigned line, unsigned column,
                             int color);

void ag_source_cache_free(struct ag_source_cache *cache);

#endif /* ALLOCGUARD_AG_SOURCE_H */
