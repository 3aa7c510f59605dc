/* ag_drv.h - allocguard-clang and allocguard-clang++: drop-in compiler
 * drivers that run the clang of the LLVM major allocguard was built for,
 * with the plugin, the include directory, the -mllvm options the
 * ALLOCGUARD_* variables and --allocguard-* options ask for, and the
 * runtime when they link.
 *
 *   CC=allocguard-clang ALLOCGUARD_ROOTS=audio_callback make
 *
 * One file per job: ag_drv_args.c reads what clang will do,
 * ag_drv_settings.c turns settings into -mllvm options (the plugin's table,
 * plugin/ag_options.def), ag_drv_paths.c finds clang, the plugin and the
 * runtime, ag_drv_main.c puts the command together and runs it.
 */
#ifndef ALLOCGUARD_AG_DRV_H
#define ALLOCGUARD_AG_DRV_H

#include <stddef.h>

/* Exit status for bad settings (an unknown --allocguard- option or
 * ALLOCGUARD_ variable, a value the option does not take), as
 * allocguard-report and the runtime use for bad usage. */
#define AG_DRV_EXIT_USAGE 2

/* A growable argv, NULL-terminated. Strings are not owned. */
struct ag_drv_argv {
  const char **items;
  size_t count, cap;
};
void ag_drv_push(struct ag_drv_argv *argv, const char *arg);
/* Exits with a message when memory runs out: the driver has nothing to
 * give back. */
void *ag_drv_xmalloc(size_t size);
char *ag_drv_concat(const char *a, const char *b, const char *c);

/* What clang is asked to do, read from its arguments (ag_drv_args.c). */
struct ag_drv_invocation {
  int inputs;    /* files (and "-") clang is given */
  int sources;   /* of those, what clang compiles or preprocesses */
  int no_link;   /* -c, -S, -E, -M, -MM, -fsyntax-only, -r, ... */
  int no_codegen; /* -E, -M, -MM, -fsyntax-only: nothing for the plugin */
  int shared;    /* -shared: a shared library gets the shared runtime */
  int no_libs;   /* -nostdlib, -nodefaultlibs: the user names every library */
};
void ag_drv_read_args(int argc, char **argv, struct ag_drv_invocation *out);

/* Settings (ag_drv_settings.c). ag_drv_settings_read takes the
 * ALLOCGUARD_* variables, then the --allocguard-NAME=VALUE and
 * -mllvm -allocguard-NAME=VALUE arguments (which win), validates them
 * against the plugin's table, and copies every other argument to `rest`.
 * On a bad setting it prints what is wrong and how to fix it, and exits
 * with AG_DRV_EXIT_USAGE. --allocguard-help prints the settings and exits
 * 0. */
void ag_drv_settings_read(const char *tool, int argc, char **argv,
                          struct ag_drv_argv *rest);
/* Appends "-mllvm -allocguard-NAME=VALUE" for every setting given. */
void ag_drv_settings_mllvm(struct ag_drv_argv *out);

/* Where things are (ag_drv_paths.c): the build tree when the driver runs
 * from it, else the installed layout next to the driver's own file. */
struct ag_drv_paths {
  const char *clang;      /* the clang (or clang++) to run */
  const char *plugin;     /* allocguard-llvm<NN>.so */
  const char *include;    /* the directory holding allocguard.h */
  const char *rt_static;  /* liballocguard_rt.a */
  const char *rt_shared;  /* liballocguard_rt.so */
  const char *rt_dir;     /* its directory, for the rpath */
};
void ag_drv_find_paths(int cxx, struct ag_drv_paths *out);

#endif /* ALLOCGUARD_AG_DRV_H */
