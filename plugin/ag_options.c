/* ag_options.c - validate -mllvm -allocguard-* values (ag_options.h)
 * against their rows in ag_options.def, and say what each means. */
#include "ag_options.h"

#include "ag_option_table.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Checks every choice option of the table, in table order; returns the
 * first bad one's message (heap), or NULL with each option's choice index
 * (its default's when not given) in picks[]. */
static char *ag_pick_all(const struct ag_raw_options *raw,
                         int picks[AG_OPTION_COUNT]) {
  const char *values[AG_OPTION_COUNT] = {
#define AG_OPTION(id, ...) raw->id,
#include "ag_options.def"
  };
  for (int i = 0; i < AG_OPTION_COUNT; ++i) {
    const struct ag_option_info *option = &ag_option_table[i];
    picks[i] = option->kind == AG_OPT_CHOICE ||
                       option->kind == AG_OPT_CHOICE_OR_PATH
                   ? ag_option_choice(option, values[i])
                   : 0;
    if (picks[i] < 0 && option->kind == AG_OPT_CHOICE)
      return ag_xasprintf("invalid value '%s' for -%s (valid: %s)", values[i],
                          option->name, option->choices);
  }
  return NULL;
}

/* Reads one name per line; '#' starts a comment (ag_strlist_add_lines). */
static char *ag_read_list_file(const char *option, const char *path,
                               struct ag_strlist *out) {
  size_t len = 0;
  char *text = ag_read_file(path, &len);
  if (!text)
    return ag_xasprintf("cannot read -%s file '%s': %s", option, path,
                        strerror(errno));
  ag_strlist_add_lines(out, text, len);
  free(text);
  return NULL;
}

char *ag_config_parse(const struct ag_raw_options *raw,
                      struct ag_config *config) {
  char *error = NULL;
  int picks[AG_OPTION_COUNT];
  memset(config, 0, sizeof(*config));

  ag_strlist_add_csv(&config->roots, raw->roots);
  ag_strlist_add_csv(&config->allocators, raw->allocators);
  if (raw->roots_file && *raw->roots_file &&
      (error = ag_read_list_file(ag_option_table[AG_OPTION_roots_file].name,
                                 raw->roots_file, &config->roots)))
    return error;
  if ((error = ag_pick_all(raw, picks)))
    return error;

  /* Each index is the position of the word in the row's choices. */
  config->severity = picks[AG_OPTION_severity] ? AG_SEVERITY_ERROR
                                               : AG_SEVERITY_WARNING;
  config->report_dealloc = picks[AG_OPTION_dealloc] == 0;  /* report */
  config->report_unknown = picks[AG_OPTION_unknown] != 1;  /* not ignore */
  config->unknown_error = picks[AG_OPTION_unknown] == 2;   /* error */
  config->instrument = (enum ag_instrument)picks[AG_OPTION_instrument];
  config->show_caret = picks[AG_OPTION_caret] == 0;        /* on */
  config->color = (enum ag_color)picks[AG_OPTION_color];
  config->effect_roots = picks[AG_OPTION_effects] == 0;    /* roots */
  config->kb_file = raw->kb_file && *raw->kb_file ? raw->kb_file : NULL;
  config->json_path = raw->json && *raw->json ? raw->json : NULL;
  /* "embed" (0) and "off" (1) are words; anything else names a side file. */
  config->summary_embed = picks[AG_OPTION_summary] == 0;
  config->summary_path = picks[AG_OPTION_summary] < 0 ? raw->summary : NULL;
  return NULL;
}

void ag_config_free(struct ag_config *config) {
  ag_strlist_free(&config->roots);
  ag_strlist_free(&config->allocators);
}
