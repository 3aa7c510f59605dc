/* ag_option_table.c - the rows of ag_options.def as an array, and the
 * lookups the plugin and the drivers share (ag_option_table.h). Plain C,
 * no LLVM, no allocation.
 */
#include "ag_option_table.h"

#include <string.h>

const struct ag_option_info ag_option_table[AG_OPTION_COUNT] = {
#define AG_OPTION(id, name, metavar, kind, def, choices, help, readme)        \
  {name, metavar, kind, def, choices, help},
#include "ag_options.def"
};

int ag_option_choice(const struct ag_option_info *option, const char *value) {
  if (!value || !*value)
    value = option->default_value;
  size_t len = strlen(value);
  int index = 0;
  for (const char *word = option->choices; *word; ++index) {
    const char *end = strstr(word, ", ");
    size_t n = end ? (size_t)(end - word) : strlen(word);
    if (n == len && memcmp(word, value, len) == 0)
      return index;
    word += n;
    if (end)
      word += 2;
  }
  return -1;
}

const struct ag_option_info *ag_option_find(const char *name, size_t len) {
  for (int i = 0; i < AG_OPTION_COUNT; ++i)
    if (strlen(ag_option_table[i].name) == len &&
        memcmp(ag_option_table[i].name, name, len) == 0)
      return &ag_option_table[i];
  return NULL;
}
