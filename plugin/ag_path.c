/* ag_path.c - join and normalize a debug-info path (ag_path.h). */
#include "ag_path.h"

#include <string.h>

#include "ag_util.h"

/* Appends segment [s, s+n) to the normalized path out[0..*len), which is
 * absolute when it starts with '/'. */
static void ag_path_push(char *out, size_t *len, const char *s, size_t n) {
  int absolute = *len > 0 && out[0] == '/';
  size_t root = absolute ? 1 : 0;
  if (n == 0 || (n == 1 && s[0] == '.'))
    return;
  if (n == 2 && s[0] == '.' && s[1] == '.') {
    size_t start = *len;
    while (start > root && out[start - 1] != '/')
      --start;
    int last_is_dotdot = *len - start == 2 && out[start] == '.' &&
                         out[start + 1] == '.';
    if (*len > root && !last_is_dotdot) {
      *len = start > root ? start - 1 : root; /* drop "/seg" or "seg" */
      return;
    }
    if (absolute) /* "/.." is "/" */
      return;
  }
  if (*len > root)
    out[(*len)++] = '/';
  memcpy(out + *len, s, n);
  *len += n;
}

static void ag_path_push_all(char *out, size_t *len, const char *p,
                             size_t n) {
  size_t i = 0;
  while (i < n) {
    size_t j = i;
    while (j < n && p[j] != '/')
      ++j;
    ag_path_push(out, len, p + i, j - i);
    i = j + 1;
  }
}

char *ag_path_join(const char *dir, size_t dir_len, const char *file,
                   size_t file_len) {
  char *out = ag_xmalloc(dir_len + file_len + 3);
  size_t len = 0;
  int file_absolute = file_len > 0 && file[0] == '/';
  if (file_absolute || dir_len == 0) {
    dir = "";
    dir_len = 0;
  }
  if ((dir_len ? dir[0] : file_len ? file[0] : 0) == '/')
    out[len++] = '/';
  ag_path_push_all(out, &len, dir, dir_len);
  ag_path_push_all(out, &len, file, file_len);
  if (len == 0)
    out[len++] = '.';
  out[len] = '\0';
  return out;
}
