/* ag_output.c - directory-aware, atomic output files (ag_output.h). */
#include "ag_output.h"

#include "ag_util.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static char *ag_output_target(const char *path, const char *source,
                              const char *suffix) {
  struct stat st;
  size_t len = strlen(path);
  int ends_in_slash = len && path[len - 1] == '/';
  if (!ends_in_slash && !(stat(path, &st) == 0 && S_ISDIR(st.st_mode)))
    return ag_xstrdup(path);
  const char *base = strrchr(source, '/');
  base = base ? base + 1 : source;
  return ag_xasprintf("%s%s%s%s", path, ends_in_slash ? "" : "/", base,
                      suffix);
}

char *ag_output_write(const char *path, const char *source,
                      const char *suffix, const char *option,
                      int (*write_body)(FILE *out, void *context),
                      void *context) {
  char *target = ag_output_target(path, source, suffix);
  char *temp = ag_xasprintf("%s.tmp.%ld", target, (long)getpid());
  FILE *out = fopen(temp, "wb");
  int ok = out != NULL;
  if (out) {
    ok = write_body(out, context) == 0;
    ok = fclose(out) == 0 && ok;
  }
  ok = ok && rename(temp, target) == 0;
  char *error = ok ? NULL
                   : ag_xasprintf("cannot write -%s file '%s': %s", option,
                                  target, strerror(errno));
  if (!ok)
    remove(temp);
  free(temp);
  free(target);
  return error;
}
