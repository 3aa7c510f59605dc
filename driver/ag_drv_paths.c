/* ag_drv_paths.c - where the driver finds clang, the plugin, allocguard.h
 * and the runtime (ag_drv.h).
 *
 * Like clang finding its resource directory, the driver starts from its own
 * file (/proc/self/exe, symlinks resolved): run from the build tree it
 * uses the tree's plugin, runtime and source include directory; installed,
 * the same files relative to its bin directory (../lib, ../include as
 * GNUInstallDirs laid them out), so an installed prefix can move. clang is
 * the one of the LLVM major the plugin was built for, as configured.
 */
#include "ag_drv.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* The directory of the running driver, resolved; NULL if unknown. */
static char *ag_drv_self_dir(void) {
  char *self = realpath("/proc/self/exe", NULL);
  if (!self)
    return NULL;
  char *slash = strrchr(self, '/');
  if (slash)
    *slash = '\0';
  return self;
}

static int ag_drv_same_dir(const char *a, const char *b) {
  char *ra = realpath(a, NULL), *rb = realpath(b, NULL);
  int same = ra && rb && strcmp(ra, rb) == 0;
  free(ra);
  free(rb);
  return same;
}

void ag_drv_find_paths(int cxx, struct ag_drv_paths *out) {
  out->clang = cxx ? AG_DRV_CLANG_DIR "/clang++" : AG_DRV_CLANG_DIR "/clang";
  char *self = ag_drv_self_dir();
  if (!self || ag_drv_same_dir(self, AG_DRV_BUILD_DIR)) {
    out->plugin = AG_DRV_BUILD_PLUGIN;
    out->include = AG_DRV_BUILD_INCLUDE;
    out->rt_static = AG_DRV_BUILD_RT_STATIC;
    out->rt_shared = AG_DRV_BUILD_RT_SHARED;
  } else {
    const char *lib = ag_drv_concat(self, "/", AG_DRV_REL_LIBDIR);
    out->plugin = ag_drv_concat(lib, "/", AG_DRV_PLUGIN_NAME);
    out->include = ag_drv_concat(self, "/", AG_DRV_REL_INCLUDEDIR);
    out->rt_static = ag_drv_concat(lib, "/", "liballocguard_rt.a");
    out->rt_shared = ag_drv_concat(lib, "/", "liballocguard_rt.so");
  }
  char *dir = ag_drv_concat(out->rt_shared, "", "");
  *strrchr(dir, '/') = '\0';
  out->rt_dir = dir;
}
