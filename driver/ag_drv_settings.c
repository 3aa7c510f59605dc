/* ag_drv_settings.c - ALLOCGUARD_NAME variables and --allocguard-NAME
 * options, one per row of the plugin's table (plugin/ag_options.def), into
 * -mllvm -allocguard-NAME=VALUE (ag_drv.h).
 *
 * For -allocguard-roots-file the variable is ALLOCGUARD_ROOTS_FILE: the
 * option's name without "allocguard-", upper case, '-' as '_'. The command
 * line wins over the environment, where an empty variable counts as unset;
 * for a list (roots, allocators) both
 * count, and each repeated option adds to it. -mllvm -allocguard-NAME=V
 * given to the driver is read the same way, so clang never sees an option
 * twice (it would refuse).
 */
#include "ag_drv.h"

#include "ag_option_table.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define AG_DRV_PREFIX "allocguard-"
/* ALLOCGUARD_ variables that are not plugin options: the runtime's. */
static const char *const ag_drv_other_vars[] = {"ALLOCGUARD_OPTIONS"};

extern char **environ;

static const char *ag_drv_values[AG_OPTION_COUNT]; /* NULL: not given */
static const char *ag_drv_tool = "allocguard-clang";

/* "roots-file" -> "ALLOCGUARD_ROOTS_FILE", into a static buffer. */
static const char *ag_drv_var_name(const struct ag_option_info *option) {
  static char name[128];
  const char *from = option->name + strlen(AG_DRV_PREFIX);
  size_t n = snprintf(name, sizeof name, "ALLOCGUARD_");
  for (; *from && n + 1 < sizeof name; ++from)
    name[n++] = *from == '-' ? '_' : (char)(*from >= 'a' && *from <= 'z'
                                               ? *from - 'a' + 'A'
                                               : *from);
  name[n] = '\0';
  return name;
}

static void ag_drv_usage_exit(void) {
  fprintf(stderr, "%s: '%s --allocguard-help' lists the settings\n",
          ag_drv_tool, ag_drv_tool);
  exit(AG_DRV_EXIT_USAGE);
}

/* Checks one value of `option` given as `where`; exits on a bad one. */
static void ag_drv_check(const struct ag_option_info *option,
                         const char *value, const char *where) {
  if (option->kind == AG_OPT_CHOICE && ag_option_choice(option, value) < 0) {
    fprintf(stderr,
            "%s: error: invalid value '%s' for %s (valid: %s; default %s)\n",
            ag_drv_tool, value, where, option->choices,
            option->default_value);
    ag_drv_usage_exit();
  }
  if ((option->kind == AG_OPT_PATH || option->kind == AG_OPT_TEXT) &&
      !*value) {
    fprintf(stderr, "%s: error: %s needs a value (%s)\n", ag_drv_tool, where,
            option->metavar);
    ag_drv_usage_exit();
  }
}

/* Records a value: a list adds to what is there, anything else replaces. */
static void ag_drv_set(const struct ag_option_info *option,
                       const char *value) {
  int id = (int)(option - ag_option_table);
  if (option->kind == AG_OPT_TEXT && ag_drv_values[id])
    value = ag_drv_concat(ag_drv_values[id], ",", value);
  ag_drv_values[id] = value;
}

static void ag_drv_read_environment(void) {
  for (char **env = environ; *env; ++env) {
    if (strncmp(*env, "ALLOCGUARD_", 11) != 0)
      continue;
    size_t len = strcspn(*env, "=");
    int known = 0;
    for (size_t i = 0; i < sizeof ag_drv_other_vars / sizeof *ag_drv_other_vars;
         ++i)
      known |= strlen(ag_drv_other_vars[i]) == len &&
               strncmp(*env, ag_drv_other_vars[i], len) == 0;
    for (int i = 0; i < AG_OPTION_COUNT && !known; ++i) {
      const char *var = ag_drv_var_name(&ag_option_table[i]);
      if (strlen(var) != len || strncmp(*env, var, len) != 0)
        continue;
      known = 1;
      const char *value = (*env)[len] ? *env + len + 1 : "";
      if (!*value)
        continue; /* VAR= is VAR unset */
      ag_drv_check(&ag_option_table[i], value, var);
      ag_drv_set(&ag_option_table[i], value);
    }
    if (!known) {
      fprintf(stderr,
              "%s: error: unknown setting %.*s in the environment; unset it, "
              "or name one of:",
              ag_drv_tool, (int)len, *env);
      for (int i = 0; i < AG_OPTION_COUNT; ++i)
        fprintf(stderr, " %s", ag_drv_var_name(&ag_option_table[i]));
      fprintf(stderr, " (ALLOCGUARD_OPTIONS is the runtime's)\n");
      ag_drv_usage_exit();
    }
  }
}

/* "allocguard-NAME=VALUE" (after "--" or "-mllvm -"): records it or exits
 * naming what is wrong. `spelled` is how the user wrote it. */
static void ag_drv_read_option(const char *text, const char *spelled) {
  size_t len = strcspn(text, "=");
  const struct ag_option_info *option = ag_option_find(text, len);
  if (!option) {
    fprintf(stderr, "%s: error: unknown option '%.*s'; the options are:",
            ag_drv_tool, (int)(strlen(spelled) - strlen(text) + len),
            spelled);
    for (int i = 0; i < AG_OPTION_COUNT; ++i)
      fprintf(stderr, " --%s", ag_option_table[i].name);
    fprintf(stderr, "\n");
    ag_drv_usage_exit();
  }
  if (!text[len]) {
    fprintf(stderr, "%s: error: '%s' needs a value: %s=%s\n", ag_drv_tool,
            spelled, spelled,
            *option->metavar ? option->metavar : option->choices);
    ag_drv_usage_exit();
  }
  char where[160];
  snprintf(where, sizeof where, "%.*s", (int)(strlen(spelled) -
                                              strlen(text) + len), spelled);
  ag_drv_check(option, text + len + 1, where);
  ag_drv_set(option, text + len + 1);
}

static void ag_drv_help(void) {
  printf("usage: %s [clang options] [--allocguard-NAME=VALUE...] files...\n\n"
         "Runs clang with the allocguard plugin, the include directory of "
         "<allocguard.h>,\nand the runtime when it links. Settings, as "
         "--allocguard-NAME=VALUE or in the\nenvironment as ALLOCGUARD_NAME "
         "(the option wins; lists add up):\n\n",
         ag_drv_tool);
  for (int i = 0; i < AG_OPTION_COUNT; ++i) {
    const struct ag_option_info *o = &ag_option_table[i];
    printf("  --%s=%s  (%s)\n      %s\n", o->name,
           *o->metavar ? o->metavar : o->choices, ag_drv_var_name(o),
           o->help);
  }
  printf("\n  --allocguard-help      this text\n"
         "  --allocguard-identity  what a compile depends on besides its "
         "arguments, for\n"
         "                         ccache's compiler_check\n\n"
         "-mllvm -allocguard-NAME=VALUE is read as --allocguard-NAME=VALUE. "
         "Exit status:\nclang's, or %d for a bad setting. See "
         "docs/build-integration.md.\n",
         AG_DRV_EXIT_USAGE);
}

void ag_drv_settings_read(const char *tool, int argc, char **argv,
                          struct ag_drv_argv *rest) {
  ag_drv_tool = tool;
  ag_drv_read_environment();
  ag_drv_push(rest, argv[0]);
  for (int i = 1; i < argc; ++i) {
    const char *arg = argv[i];
    if (strcmp(arg, "--allocguard-help") == 0) {
      ag_drv_help();
      exit(0);
    }
    if (strcmp(arg, "--allocguard-identity") == 0) {
      ag_drv_push(rest, arg); /* ag_drv_main.c answers it */
      continue;
    }
    if (strncmp(arg, "--" AG_DRV_PREFIX, 2 + strlen(AG_DRV_PREFIX)) == 0) {
      ag_drv_read_option(arg + 2, arg);
      continue;
    }
    if (strcmp(arg, "-mllvm") == 0 && i + 1 < argc &&
        strncmp(argv[i + 1], "-" AG_DRV_PREFIX, 1 + strlen(AG_DRV_PREFIX)) ==
            0) {
      ag_drv_read_option(argv[i + 1] + 1, argv[i + 1]);
      ++i;
      continue;
    }
    ag_drv_push(rest, arg);
  }
}

void ag_drv_settings_mllvm(struct ag_drv_argv *out) {
  for (int i = 0; i < AG_OPTION_COUNT; ++i) {
    if (!ag_drv_values[i])
      continue;
    ag_drv_push(out, "-mllvm");
    ag_drv_push(out, ag_drv_concat("-", ag_option_table[i].name,
                                   ag_drv_concat("=", ag_drv_values[i], "")));
  }
}
