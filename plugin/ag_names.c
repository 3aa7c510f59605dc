/* ag_names.c - demangling, display names and name matching (ag_names.h). */
#include "ag_names.h"

#include "ag_names_short.h"
#include "ag_shim.h"
#include "ag_util.h"

#include <fnmatch.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The C++ runtime's demangler, present in every process that loads the
 * plugin (clang links libstdc++); it has a stable C ABI. */
char *__cxa_demangle(const char *mangled, char *buffer, size_t *length,
                     int *status);

/* ag_name_short() in memory the plugin owns (ag_x* aborts when out). */
static char *ag_short_copy(const char *name) {
  char *short_name = ag_name_short(name);
  if (!short_name) {
    fputs("allocguard: out of memory\n", stderr);
    abort();
  }
  return short_name;
}

char *ag_demangle(const char *symbol) {
  if (strncmp(symbol, "_Z", 2) != 0)
    return ag_xstrdup(symbol);
  int status = 0;
  char *demangled = __cxa_demangle(symbol, NULL, NULL, &status);
  if (status != 0 || !demangled) {
    free(demangled);
    demangled = ag_shim_demangle(symbol);
  }
  if (!demangled)
    return ag_xstrdup(symbol);
  char *owned = ag_short_copy(demangled);
  free(demangled);
  return owned;
}

size_t ag_name_without_params(const char *demangled) {
  size_t len = strlen(demangled);
  /* Drop trailing cv/ref qualifiers of member functions, then the
   * balanced "(...)" that ends the name. */
  static const char *const suffixes[] = {" const", " volatile", " &&", " &"};
  for (int changed = 1; changed;) {
    changed = 0;
    for (size_t i = 0; i < sizeof(suffixes) / sizeof(*suffixes); ++i) {
      size_t n = strlen(suffixes[i]);
      if (len > n && strncmp(demangled + len - n, suffixes[i], n) == 0) {
        len -= n;
        changed = 1;
      }
    }
  }
  if (!len || demangled[len - 1] != ')')
    return strlen(demangled);
  int depth = 0;
  for (size_t i = len; i-- > 0;) {
    if (demangled[i] == ')')
      ++depth;
    else if (demangled[i] == '(' && --depth == 0)
      return i;
  }
  return strlen(demangled);
}

/* A pattern with '*' or '?' is a shell glob over the symbol, the display
 * name and the display name without its parameters, as allocguard-report
 * reads --root and suppressions (report/analyse/ag_rep_names.c): `*` makes
 * every defined function a root, `dsp::*::process` every DSP stage. */
static int ag_name_glob(const char *pattern, const char *symbol,
                        const char *display) {
  if (fnmatch(pattern, symbol, FNM_NOESCAPE) == 0 ||
      fnmatch(pattern, display, FNM_NOESCAPE) == 0)
    return 1;
  char *base = ag_xstrndup(display, ag_name_without_params(display));
  int hit = fnmatch(pattern, base, FNM_NOESCAPE) == 0;
  free(base);
  return hit;
}

static int ag_name_matches_one(const char *pattern, const char *symbol,
                               const char *display) {
  if (strcmp(pattern, symbol) == 0 || strcmp(pattern, display) == 0)
    return 1;
  if (strpbrk(pattern, "*?"))
    return ag_name_glob(pattern, symbol, display);
  size_t base = ag_name_without_params(display);
  return strlen(pattern) == base && strncmp(pattern, display, base) == 0;
}

int ag_name_matches(const char *pattern, const char *symbol,
                    const char *display) {
  if (ag_name_matches_one(pattern, symbol, display))
    return 1;
  /* A pattern in the long spelling (std::__cxx11::basic_string<char, ...>)
   * names what the display name shortens. */
  if (!strchr(pattern, '<') && !strstr(pattern, "std::__"))
    return 0;
  const char *short_pattern = ag_name_short_pattern(pattern);
  if (!short_pattern) {
    fputs("allocguard: out of memory\n", stderr);
    abort();
  }
  int hit = strcmp(short_pattern, pattern) != 0 &&
            ag_name_matches_one(short_pattern, symbol, display);
  return hit;
}
