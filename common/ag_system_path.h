/* ag_system_path.h - is a source file a system header? One answer for the
 * plugin (which marks sites in such files AG_SITE_SYSTEM) and the runtime
 * (which skips such frames when it looks for the user's line).
 *
 * Debug info does not say whether clang found a file through a system
 * include directory, so the test is on the path: the places where
 * compilers, C and C++ libraries and distributions install headers. A
 * relative path is never a system header (clang names system headers by
 * absolute path). Header-only; no allocation.
 */
#ifndef ALLOCGUARD_AG_SYSTEM_PATH_H
#define ALLOCGUARD_AG_SYSTEM_PATH_H

#include <string.h>

/* Prefixes of system header directories: /usr/include (glibc, libstdc++
 * under c++/<v>), /usr/lib (gcc's and clang's own headers,
 * /usr/lib/llvm-NN/...), /usr/local/include, /opt/homebrew,
 * /Library/Developer and /Applications/Xcode.app (macOS SDKs). */
#define AG_SYSTEM_PATH_PREFIXES(X)                                             \
  X("/usr/include/")                                                           \
  X("/usr/lib/")                                                               \
  X("/usr/lib64/")                                                             \
  X("/usr/local/include/")                                                     \
  X("/opt/homebrew/")                                                          \
  X("/Library/Developer/")                                                     \
  X("/Applications/Xcode")

static inline int ag_is_system_path(const char *path) {
  if (!path || path[0] != '/')
    return 0;
#define AG_SYSTEM_PATH_TEST(prefix)                                            \
  if (strncmp(path, prefix, sizeof(prefix) - 1) == 0)                          \
    return 1;
  AG_SYSTEM_PATH_PREFIXES(AG_SYSTEM_PATH_TEST)
#undef AG_SYSTEM_PATH_TEST
  /* A toolchain installed elsewhere (/opt/gcc-13/include/c++/13/...). */
  return strstr(path, "/include/c++/") != NULL;
}

#endif /* ALLOCGUARD_AG_SYSTEM_PATH_H */
