// An "uninstrumented" shared library for the preload_*.c and interpose_*.c
// tests: compiled without the plugin, so its allocations are invisible to
// the checked wrappers and only the interposers (of the linked runtime, or
// of liballocguard_preload.so) can see them.
#include <stdlib.h>
#include <string.h>

void *lib_make(size_t n) { return malloc(n); }

void lib_drop(void *p) { free(p); }

char *lib_copy(const char *s) {
  char *p = calloc(1, strlen(s) + 1);
  if (p)
    strcpy(p, s);
  return p;
}
