/* ag_drv_main.c - allocguard-clang[++][-NN]: put the clang command
 * together and run it (ag_drv.h).
 *
 *   allocguard-clang -g --allocguard-roots=audio_callback app.c -o app
 *   => clang -fplugin=P -fpass-plugin=P -mllvm -allocguard-roots=audio_callback
 *            -I<include> -g app.c -o app liballocguard_rt.a -lpthread
 *
 * Added only where clang uses it: the plugin and its -mllvm options when
 * something is compiled to code; the include directory when something is
 * compiled or preprocessed; the runtime when clang links (the shared one
 * into a -shared library, so a process has one runtime state; none with
 * -nostdlib or -nodefaultlibs). Every other argument goes through as given.
 */
#include "ag_drv.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

void *ag_drv_xmalloc(size_t size) {
  void *p = malloc(size);
  if (!p) {
    fprintf(stderr, "allocguard-clang: out of memory\n");
    exit(1);
  }
  return p;
}

void ag_drv_push(struct ag_drv_argv *argv, const char *arg) {
  if (argv->count + 2 > argv->cap) {
    argv->cap = argv->cap ? 2 * argv->cap : 64;
    const char **items = ag_drv_xmalloc(argv->cap * sizeof *items);
    if (argv->count)
      memcpy(items, argv->items, argv->count * sizeof *items);
    free(argv->items);
    argv->items = items;
  }
  argv->items[argv->count++] = arg;
  argv->items[argv->count] = NULL;
}

char *ag_drv_concat(const char *a, const char *b, const char *c) {
  size_t la = strlen(a), lb = strlen(b), lc = strlen(c);
  char *s = ag_drv_xmalloc(la + lb + lc + 1);
  memcpy(s, a, la);
  memcpy(s + la, b, lb);
  memcpy(s + la + lb, c, lc + 1);
  return s;
}

/* Exits when a file the command needs is missing: clang's own message
 * would name a path the user never wrote. */
static void ag_drv_need(const char *tool, const char *path, const char *what) {
  if (access(path, R_OK) == 0)
    return;
  fprintf(stderr, "%s: error: cannot find %s at '%s' (%s); reinstall "
          "allocguard or run the driver from its build or install tree\n",
          tool, what, path, strerror(errno));
  exit(1);
}

/* One line per thing a compile's result depends on besides its command
 * line and sources: this driver, the clang it runs, the plugin (size and
 * modification time, as ccache hashes a compiler) and the settings taken
 * from the environment. ccache's compiler_check runs it
 * (docs/build-integration.md), so changing any of them is a miss. */
static int ag_drv_identity(const struct ag_drv_paths *paths) {
  const char *files[] = {"/proc/self/exe", paths->clang, paths->plugin};
  printf("allocguard %s, LLVM %d\n", AG_DRV_VERSION, AG_DRV_MAJOR);
  for (size_t i = 0; i < sizeof files / sizeof *files; ++i) {
    struct stat st;
    if (stat(files[i], &st) != 0) {
      printf("%s: missing\n", files[i]);
      continue;
    }
    printf("%s: %lld bytes, modified %lld.%09ld\n", files[i],
           (long long)st.st_size, (long long)st.st_mtim.tv_sec,
           st.st_mtim.tv_nsec);
  }
  struct ag_drv_argv settings = {0};
  ag_drv_settings_mllvm(&settings);
  for (size_t i = 0; i + 1 < settings.count; i += 2)
    printf("%s %s\n", settings.items[i], settings.items[i + 1]);
  return 0;
}

int main(int argc, char **argv) {
  const char *tool = AG_DRV_CXX ? "allocguard-clang++" : "allocguard-clang";
  struct ag_drv_argv user = {0}, cmd = {0};
  ag_drv_settings_read(tool, argc, argv, &user);

  struct ag_drv_invocation inv;
  ag_drv_read_args((int)user.count, (char **)user.items, &inv);
  struct ag_drv_paths paths;
  ag_drv_find_paths(AG_DRV_CXX, &paths);
  for (size_t i = 1; i < user.count; ++i)
    if (strcmp(user.items[i], "--allocguard-identity") == 0)
      return ag_drv_identity(&paths);

  ag_drv_push(&cmd, paths.clang);
  if (inv.sources && !inv.no_codegen) {
    ag_drv_need(tool, paths.plugin, "the allocguard plugin");
    /* Up to LLVM 19, clang parses -mllvm before it loads -fpass-plugin:
     * -fplugin loads the same file first so the options exist. */
    if (AG_DRV_MAJOR <= 19)
      ag_drv_push(&cmd, ag_drv_concat("-fplugin=", paths.plugin, ""));
    ag_drv_push(&cmd, ag_drv_concat("-fpass-plugin=", paths.plugin, ""));
    ag_drv_settings_mllvm(&cmd);
  }
  if (inv.sources)
    ag_drv_push(&cmd, ag_drv_concat("-I", paths.include, ""));
  for (size_t i = 1; i < user.count; ++i)
    ag_drv_push(&cmd, user.items[i]);
  if (inv.inputs && !inv.no_link && !inv.no_libs) {
    if (inv.shared) {
      ag_drv_need(tool, paths.rt_shared, "the allocguard runtime");
      ag_drv_push(&cmd, paths.rt_shared);
      ag_drv_push(&cmd, ag_drv_concat("-Wl,-rpath,", paths.rt_dir, ""));
    } else {
      ag_drv_need(tool, paths.rt_static, "the allocguard runtime");
      ag_drv_push(&cmd, paths.rt_static);
    }
    ag_drv_push(&cmd, "-lpthread");
  }

  execv(paths.clang, (char *const *)cmd.items);
  fprintf(stderr, "%s: error: cannot run '%s': %s (allocguard was built for "
          "LLVM %d: install clang-%d)\n",
          tool, paths.clang, strerror(errno), AG_DRV_MAJOR, AG_DRV_MAJOR);
  return 127;
}
