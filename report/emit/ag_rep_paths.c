/* ag_rep_paths.c - relative paths and URIs (ag_rep_paths.h). */
#include "ag_rep_paths.h"

#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int ag_rep_paths_init(struct ag_rep_paths *p, const char *source_root,
                      struct ag_rep_error *err) {
  char cwd[PATH_MAX];
  p->root = NULL;
  if (!source_root || source_root[0] != '/') {
    if (!getcwd(cwd, sizeof(cwd)))
      return ag_rep_fail(err, "cannot get the current directory: %s",
                         strerror(errno));
  }
  if (!source_root)
    p->root = ag_xasprintf("%s/", cwd);
  else if (source_root[0] == '/')
    p->root = ag_xasprintf("%s/", source_root);
  else
    p->root = ag_xasprintf("%s/%s/", cwd, source_root);
  /* "/a/b//" -> "/a/b/"; "/a/./" -> "/a/" */
  size_t len = strlen(p->root);
  while (len > 1 && p->root[len - 2] == '/')
    p->root[--len] = '\0';
  while (len > 3 && strcmp(p->root + len - 3, "/./") == 0)
    p->root[(len -= 2)] = '\0';
  p->root_len = len;
  return 0;
}

void ag_rep_paths_free(struct ag_rep_paths *p) {
  free(p->root);
  p->root = NULL;
}

const char *ag_rep_paths_show(const struct ag_rep_paths *p, const char *path) {
  if (!path)
    return NULL;
  if (path[0] == '/' && strncmp(path, p->root, p->root_len) == 0 &&
      path[p->root_len])
    return path + p->root_len;
  while (path[0] == '.' && path[1] == '/' && path[2])
    path += 2;
  return path;
}

static void ag_rep_uri_encode(struct ag_rep_out *o, const char *s) {
  static const char hex[] = "0123456789ABCDEF";
  const char *run = s;
  for (; *s; ++s) {
    unsigned char c = (unsigned char)*s;
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
        (c >= '0' && c <= '9') || strchr("-._~/", c))
      continue;
    ag_rep_putn(o, run, (size_t)(s - run));
    char esc[3] = {'%', hex[c >> 4], hex[c & 15]};
    ag_rep_putn(o, esc, 3);
    run = s + 1;
  }
  ag_rep_putn(o, run, (size_t)(s - run));
}

int ag_rep_paths_uri(struct ag_rep_out *o, const char *shown) {
  if (shown[0] == '/') {
    ag_rep_put(o, "file://");
    ag_rep_uri_encode(o, shown);
    return 0;
  }
  ag_rep_uri_encode(o, shown);
  return 1;
}

void ag_rep_paths_root_uri(struct ag_rep_out *o, const struct ag_rep_paths *p) {
  ag_rep_put(o, "file://");
  ag_rep_uri_encode(o, p->root);
}
