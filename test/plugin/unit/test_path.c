/* test_path.c - ag_path_join(), the path a summary records for a file.
 * Intent: relative names join their compile directory; ".", "" and "x/.."
 * segments go, ".." above the root of an absolute path stays at the root,
 * leading ".." of a relative path stay; absolute names ignore the
 * directory. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ag_path.h"

static int failures;

static void expect(const char *dir, const char *file, const char *want) {
  char *got = ag_path_join(dir, strlen(dir), file, strlen(file));
  if (strcmp(got, want) != 0) {
    fprintf(stderr, "ag_path_join(\"%s\", \"%s\") = \"%s\", want \"%s\"\n",
            dir, file, got, want);
    failures++;
  }
  free(got);
}

int main(void) {
  expect("/co/build", "../src/a.c", "/co/src/a.c");
  expect("/co/src", "./a.c", "/co/src/a.c");
  expect("/co/src", "a.c", "/co/src/a.c");
  expect("/co", "src//lib/./../a.c", "/co/src/a.c");
  expect("/co/build", "/abs/src/a.c", "/abs/src/a.c");
  expect("/", "../../a.c", "/a.c");
  expect("/co/", "a.c", "/co/a.c");
  expect("", "src/a.c", "src/a.c");
  expect(".", "src/a.c", "src/a.c");         /* -ffile-prefix-map=/co=. */
  expect(".", "../other/a.c", "../other/a.c"); /* outside the mapped root */
  expect("./build", "../../x/a.c", "../x/a.c");
  expect("a", "../..", "..");
  expect("a", "..", ".");
  expect("/co", "", "/co");
  return failures != 0;
}
