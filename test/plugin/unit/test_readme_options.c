/* test_readme_options.c - README.md's table of plugin options says exactly
 * what plugin/ag_options.def says: the same options in the same order, with
 * the same metavars, defaults and meanings.
 *
 *   ag_test_readme_options README.md   # compare; exit 1 naming each drift
 *   ag_test_readme_options --print     # the rows README should hold
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define AG_TABLE_HEADER "| option | default | meaning |"

/* The README row of each option, built from its table row. */
static char *row_for(const char *name, const char *metavar, const char *def,
                     const char *readme) {
  static char rows[64][2048];
  static int used;
  char *row = rows[used++];
  char defcell[64] = " ";
  if (*def)
    snprintf(defcell, sizeof defcell, " `%s` ", def);
  snprintf(row, sizeof rows[0], "| `-%s=%s` |%s| %s |", name, metavar,
           defcell, readme);
  return row;
}

static const char *expected[] = {
#define AG_OPTION(id, name, metavar, kind, def, choices, help, readme)        \
  NULL,
#include "ag_options.def"
};
#define AG_ROWS (sizeof expected / sizeof expected[0])

static void fill_expected(void) {
  size_t i = 0;
#define AG_OPTION(id, name, metavar, kind, def, choices, help, readme)        \
  expected[i++] = row_for(name, metavar, def, readme);
#include "ag_options.def"
}

/* Reads the table under AG_TABLE_HEADER into rows[]; returns its length,
 * or -1 when README has no such table. */
static int read_readme_rows(FILE *file, char rows[][2048], int max) {
  char line[2048];
  int in_table = 0, count = 0;
  while (fgets(line, sizeof line, file)) {
    line[strcspn(line, "\n")] = '\0';
    if (!in_table) {
      in_table = strcmp(line, AG_TABLE_HEADER) == 0;
      continue;
    }
    if (strncmp(line, "|---", 4) == 0)
      continue;
    if (line[0] != '|')
      break;
    if (count < max)
      strcpy(rows[count], line);
    ++count;
  }
  return in_table ? count : -1;
}

int main(int argc, char **argv) {
  fill_expected();
  if (argc == 2 && strcmp(argv[1], "--print") == 0) {
    printf("%s\n|---|---|---|\n", AG_TABLE_HEADER);
    for (size_t i = 0; i < AG_ROWS; ++i)
      printf("%s\n", expected[i]);
    return 0;
  }
  if (argc != 2) {
    fprintf(stderr, "usage: %s README.md | --print\n", argv[0]);
    return 2;
  }
  FILE *file = fopen(argv[1], "r");
  if (!file) {
    perror(argv[1]);
    return 2;
  }
  static char rows[64][2048];
  int count = read_readme_rows(file, rows, 64);
  fclose(file);
  if (count < 0) {
    fprintf(stderr, "%s: no table headed '%s'\n", argv[1], AG_TABLE_HEADER);
    return 1;
  }
  int failures = 0;
  for (size_t i = 0; i < AG_ROWS || (int)i < count; ++i) {
    const char *want = i < AG_ROWS ? expected[i] : "(no row)";
    const char *have = (int)i < count ? rows[i] : "(no row)";
    if (strcmp(want, have) != 0) {
      fprintf(stderr,
              "README.md option row %zu differs from plugin/ag_options.def\n"
              "  README:  %s\n  table:   %s\n",
              i + 1, have, want);
      ++failures;
    }
  }
  if (failures)
    fprintf(stderr, "%d rows differ; '%s --print' writes the rows the table "
                    "gives\n", failures, argv[0]);
  else
    printf("README.md lists the %zu options of plugin/ag_options.def\n",
           AG_ROWS);
  return failures != 0;
}
