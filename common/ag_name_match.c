/* ag_name_match.c - user-written names against functions
 * (ag_name_match.h). */
#include "ag_name_match.h"

#include "ag_names_short.h"

#include <fnmatch.h>
#include <stdlib.h>
#include <string.h>

size_t ag_name_base_len(const char *display) {
  size_t len = strlen(display);
  /* Drop trailing cv/ref qualifiers of member functions, then the
   * balanced "(...)" that ends the name. */
  static const char *const suffixes[] = {" const", " volatile", " &&", " &"};
  for (int changed = 1; changed;) {
    changed = 0;
    for (size_t i = 0; i < sizeof(suffixes) / sizeof(*suffixes); ++i) {
      size_t n = strlen(suffixes[i]);
      if (len > n && strncmp(display + len - n, suffixes[i], n) == 0) {
        len -= n;
        changed = 1;
      }
    }
  }
  if (!len || display[len - 1] != ')')
    return strlen(display);
  int depth = 0;
  for (size_t i = len; i-- > 0;) {
    if (display[i] == ')')
      ++depth;
    else if (display[i] == '(' && --depth == 0)
      return i;
  }
  return strlen(display);
}

/* A glob over the symbol, the display name and its base; -1 when out of
 * memory. */
static int ag_name_glob(const char *pattern, const char *symbol,
                        const char *display, size_t base) {
  if (fnmatch(pattern, symbol, FNM_NOESCAPE) == 0 ||
      fnmatch(pattern, display, FNM_NOESCAPE) == 0)
    return 1;
  char *base_name = malloc(base + 1);
  if (!base_name)
    return -1;
  memcpy(base_name, display, base);
  base_name[base] = '\0';
  int hit = fnmatch(pattern, base_name, FNM_NOESCAPE) == 0;
  free(base_name);
  return hit;
}

static int ag_name_match_one(const char *pattern, const char *symbol,
                             const char *display) {
  if (strcmp(pattern, symbol) == 0 || strcmp(pattern, display) == 0)
    return 1;
  if (strpbrk(pattern, "*?"))
    return ag_name_glob(pattern, symbol, display, ag_name_base_len(display));
  /* The base name: the display name must start with the pattern, which
   * most do not, before its base is worth measuring. */
  size_t len = strlen(pattern);
  return strncmp(pattern, display, len) == 0 &&
         ag_name_base_len(display) == len;
}

int ag_name_match(const char *pattern, const char *symbol,
                  const char *display) {
  int hit = ag_name_match_one(pattern, symbol, display);
  if (hit)
    return hit;
  /* Display names are short (std::string); a pattern in the long spelling
   * (std::__cxx11::basic_string<char, ...>) matches as its short form. */
  if (!strchr(pattern, '<') && !strstr(pattern, "std::__"))
    return 0;
  const char *short_pattern = ag_name_short_pattern(pattern);
  if (!short_pattern)
    return -1;
  if (strcmp(short_pattern, pattern) == 0)
    return 0;
  return ag_name_match_one(short_pattern, symbol, display);
}
