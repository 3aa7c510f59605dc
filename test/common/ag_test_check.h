/* ag_test_check.h - what the unit tests of common/ that link ag_alloc.c
 * share: CHECK, which counts a failed condition in `failures` and names
 * it, and the out-of-memory hook ag_alloc.c calls (abort). Included once,
 * by the test's own file. */
#ifndef ALLOCGUARD_AG_TEST_CHECK_H
#define ALLOCGUARD_AG_TEST_CHECK_H

#include <stdio.h>
#include <stdlib.h>

void ag_out_of_memory(size_t size) {
  fprintf(stderr, "out of memory (%zu bytes)\n", size);
  abort();
}

static int failures;
#define CHECK(cond)                                                            \
  do {                                                                         \
    if (!(cond)) {                                                             \
      fprintf(stderr, "%s:%d: CHECK failed: %s\n", __FILE__, __LINE__, #cond); \
      failures++;                                                              \
    }                                                                          \
  } while (0)

#endif /* ALLOCGUARD_AG_TEST_CHECK_H */
