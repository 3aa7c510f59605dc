/* ag_names.c - demangling, display names and name matching (ag_names.h). */
#include "ag_names.h"

#include "ag_name_match.h"
#include "ag_names_short.h"
#include "ag_shim.h"
#include "ag_util.h"

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

int ag_name_matches(const char *pattern, const char *symbol,
                    const char *display) {
  int hit = ag_name_match(pattern, symbol, display);
  if (hit < 0) { /* as ag_x* do on running out */
    fputs("allocguard: out of memory\n", stderr);
    abort();
  }
  return hit;
}
