/* ag_rep_names.c - matching user-written names (ag_rep_names.h). */
#include "ag_rep_names.h"

#include "ag_names_short.h"
#include "ag_rep_util.h"

#include <fnmatch.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

size_t ag_rep_name_base_len(const char *display) {
  size_t len = strlen(display);
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

static int ag_rep_glob(const char *pattern, const char *symbol,
                       const char *display, size_t base) {
  if (fnmatch(pattern, symbol, FNM_NOESCAPE) == 0 ||
      fnmatch(pattern, display, FNM_NOESCAPE) == 0)
    return 1;
  char *short_name = ag_rep_xstrndup(display, base);
  int hit = fnmatch(pattern, short_name, FNM_NOESCAPE) == 0;
  free(short_name);
  return hit;
}

static int ag_rep_name_matches_one(const char *pattern, const char *symbol,
                                   const char *display) {
  if (strcmp(pattern, symbol) == 0 || strcmp(pattern, display) == 0)
    return 1;
  size_t base = ag_rep_name_base_len(display);
  if (strpbrk(pattern, "*?"))
    return ag_rep_glob(pattern, symbol, display, base);
  return strlen(pattern) == base && strncmp(pattern, display, base) == 0;
}

int ag_rep_name_matches(const char *pattern, const char *symbol,
                        const char *display) {
  if (ag_rep_name_matches_one(pattern, symbol, display))
    return 1;
  /* Display names are short (std::string); a pattern in the long spelling
   * (std::__cxx11::basic_string<char, ...>) matches as its short form. */
  if (!strchr(pattern, '<') && !strstr(pattern, "std::__"))
    return 0;
  const char *short_pattern = ag_name_short_pattern(pattern);
  if (!short_pattern) { /* as ag_rep_util.h does on running out */
    fputs("allocguard-report: error: out of memory\n", stderr);
    exit(2);
  }
  int hit = strcmp(short_pattern, pattern) != 0 &&
            ag_rep_name_matches_one(short_pattern, symbol, display);
  return hit;
}
