/* ag_effects_load.c - load the frontend part (ag_effects.cpp) when the
 * plugin is loaded into clang.
 *
 * Run:  clang -fplugin=allocguard-llvm<N>.so -fpass-plugin=allocguard-llvm<N>.so -c f.c
 *       (opt -load-pass-plugin=allocguard-llvm<N>.so loads only the pass)
 *
 * The frontend part derives from clang's classes, so its file needs
 * clang's symbols the moment it is loaded. `opt -load-pass-plugin` has
 * none, and linking libclang-cpp into the plugin does not help: that
 * library defines command-line options opt defines too, and LLVM aborts on
 * the second definition. So the frontend part is its own file beside this
 * one (allocguard-effects-llvm<N>.so), and this constructor loads it only
 * where clang's frontend-plugin registry already is. Clang loads the pass
 * plugin before it builds the frontend action (clang 22 even for
 * -fpass-plugin alone), so the frontend part registers in time.
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE /* dladdr */
#endif
#include <dlfcn.h>
#include <stdio.h>
#include <string.h>

#ifndef AG_EFFECTS_FILE
#error "AG_EFFECTS_FILE must name the frontend part (see plugin/CMakeLists.txt)"
#endif

/* llvm::Registry<clang::PluginASTAction>::Head: clang's list of frontend
 * plugins, present exactly when clang's frontend is in the process. */
#define AG_CLANG_PLUGIN_REGISTRY "_ZN4llvm8RegistryIN5clang15PluginASTActionEE4HeadE"

__attribute__((constructor)) static void ag_effects_load(void) {
  if (!dlsym(RTLD_DEFAULT, AG_CLANG_PLUGIN_REGISTRY))
    return; /* opt, or another host without clang's frontend */
  Dl_info self;
  if (!dladdr((void *)&ag_effects_load, &self) || !self.dli_fname)
    return;
  const char *slash = strrchr(self.dli_fname, '/');
  size_t dir = slash ? (size_t)(slash - self.dli_fname) + 1 : 0;
  char path[4096];
  if (dir + sizeof(AG_EFFECTS_FILE) > sizeof(path))
    return;
  memcpy(path, self.dli_fname, dir);
  memcpy(path + dir, AG_EFFECTS_FILE, sizeof(AG_EFFECTS_FILE));
  /* Never closed: it registers itself with clang for the whole process. */
  if (!dlopen(path, RTLD_NOW | RTLD_LOCAL))
    fprintf(stderr,
            "allocguard: warning: %s; nonblocking and nonallocating "
            "functions are not roots\n",
            dlerror());
}
