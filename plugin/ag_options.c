/* ag_options.c - validate -mllvm -allocguard-* values (ag_options.h). */
#include "ag_options.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Maps `value` to the index of the matching choice; "" gives the default
 * (index 0). Returns -1 and sets *error when nothing matches; keeps the
 * first error when one is already set. */
static int ag_pick(const char *option, const char *value,
                   const char *const choices[], int count, char **error) {
  if (!value || !*value || *error)
    return 0;
  for (int i = 0; i < count; ++i)
    if (strcmp(value, choices[i]) == 0)
      return i;
  size_t len = 0;
  char valid[256] = "";
  for (int i = 0; i < count; ++i)
    len += (size_t)snprintf(valid + len, sizeof(valid) - len, "%s%s",
                            i ? ", " : "", choices[i]);
  *error = ag_xasprintf("invalid value '%s' for -%s (valid: %s)", value,
                        option, valid);
  return -1;
}

/* Reads one name per line; '#' starts a comment. */
static char *ag_read_list_file(const char *option, const char *path,
                               struct ag_strlist *out) {
  FILE *file = fopen(path, "r");
  if (!file)
    return ag_xasprintf("cannot read -%s file '%s': %s", option, path,
                        strerror(errno));
  char line[4096];
  while (fgets(line, sizeof(line), file)) {
    char *hash = strchr(line, '#');
    if (hash)
      *hash = '\0';
    ag_strlist_add(out, line, strlen(line));
  }
  fclose(file);
  return NULL;
}

char *ag_config_parse(const struct ag_raw_options *raw,
                      struct ag_config *config) {
  static const char *const severities[] = {"warning", "error"};
  static const char *const report_ignore[] = {"report", "ignore"};
  /* Same order as enum ag_instrument; the first is the default. */
  static const char *const instrument_modes[] = {"all", "roots", "off"};
  static const char *const on_off[] = {"on", "off"};
  static const char *const color_modes[] = {"auto", "always", "never"};
  char *error = NULL;
  memset(config, 0, sizeof(*config));

  ag_strlist_add_csv(&config->roots, raw->roots);
  ag_strlist_add_csv(&config->allocators, raw->allocators);
  if (raw->roots_file && *raw->roots_file &&
      (error = ag_read_list_file("allocguard-roots-file", raw->roots_file,
                                 &config->roots)))
    return error;

  int severity = ag_pick("allocguard-severity", raw->severity, severities, 2,
                         &error);
  int dealloc = ag_pick("allocguard-dealloc", raw->dealloc, report_ignore, 2,
                        &error);
  static const char *const unknown_modes[] = {"report", "ignore", "error"};
  int unknown = ag_pick("allocguard-unknown", raw->unknown, unknown_modes, 3,
                        &error);
  int instrument = ag_pick("allocguard-instrument", raw->instrument,
                           instrument_modes, 3, &error);
  int caret = ag_pick("allocguard-caret", raw->caret, on_off, 2, &error);
  int color = ag_pick("allocguard-color", raw->color, color_modes, 3, &error);
  if (error)
    return error;
  config->show_caret = caret == 0;
  config->color = (enum ag_color)color;
  config->severity = severity ? AG_SEVERITY_ERROR : AG_SEVERITY_WARNING;
  config->report_dealloc = dealloc == 0;
  config->report_unknown = unknown != 1;
  config->unknown_error = unknown == 2;
  config->instrument = (enum ag_instrument)instrument;
  config->kb_file = raw->kb_file && *raw->kb_file ? raw->kb_file : NULL;
  config->json_path = raw->json && *raw->json ? raw->json : NULL;
  /* "embed" and "off" are words; anything else names a side file. */
  const char *summary = raw->summary ? raw->summary : "";
  config->summary_embed = !*summary || strcmp(summary, "embed") == 0;
  config->summary_path = *summary && !config->summary_embed &&
                                 strcmp(summary, "off") != 0
                             ? summary
                             : NULL;
  return NULL;
}

void ag_config_free(struct ag_config *config) {
  ag_strlist_free(&config->roots);
  ag_strlist_free(&config->allocators);
}
