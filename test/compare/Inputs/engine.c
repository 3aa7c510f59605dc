/* engine.c - the comparison's real-time side: each case_* function is
 * declared [[clang::nonblocking]] (one [[clang::nonallocating]]); main()
 * runs the case its argument names, as an audio thread would. run.py
 * builds it with clang's -Wfunction-effects, with -fsanitize=realtime and
 * with allocguard, and tabulates what each finds (docs/comparison.md). The
 * `row:` comment above each case is its row's first cell.
 */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "labels.h"

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
/* What the cases allocate: main() frees it, so no case calls free(). */
static float *buffer;
static char *label;

static char *copy_name(const char *name) { return strdup(name); }

/* The helper is declared nonblocking here, where it is called, to quiet
 * -Wfunction-effects; labels.c defines it without the attribute. */
char *cached_label(int note) [[clang::nonblocking]];

/* row: `malloc` in the function */
void case_direct(int frames) [[clang::nonblocking]] {
  buffer = malloc((size_t)frames * sizeof(float));
}

/* row: `strdup` in a helper in the same unit */
void case_same_unit_helper(void) [[clang::nonblocking]] {
  label = copy_name("voice");
}

/* row: `strdup` in a helper in another unit */
void case_other_unit_helper(int note) [[clang::nonblocking]] {
  label = make_label(note);
}

/* row: the same, the helper declared `nonblocking` where it is called */
void case_other_unit_trusted(int note) [[clang::nonblocking]] {
  label = cached_label(note);
}

/* row: a helper in another unit that does not allocate */
void case_other_unit_clean(float *out, int frames) [[clang::nonblocking]] {
  apply_gain(out, frames, 0.5f);
}

/* row: `realloc` on a path the run does not take */
void case_rare_path(int frames) [[clang::nonblocking]] {
  if (frames > 4096)
    buffer = realloc(buffer, (size_t)frames * sizeof(float));
}

/* row: `strdup` behind a function pointer (a global hook) */
void case_function_pointer(int note) [[clang::nonblocking]] {
  label = label_hook(note);
}

/* row: `calloc` in a `nonallocating` function */
void case_nonallocating(int frames) [[clang::nonallocating]] {
  buffer = calloc((size_t)frames, sizeof(float));
}

/* row: a mutex (blocks, does not allocate) */
void case_blocking(void) [[clang::nonblocking]] {
  pthread_mutex_lock(&lock);
  pthread_mutex_unlock(&lock);
}

int main(int argc, char **argv) {
  float out[64] = {0};
  const char *which = argc > 1 ? argv[1] : "";
  label_hook = make_label;
  if (!strcmp(which, "case_direct"))
    case_direct(64);
  else if (!strcmp(which, "case_same_unit_helper"))
    case_same_unit_helper();
  else if (!strcmp(which, "case_other_unit_helper"))
    case_other_unit_helper(60);
  else if (!strcmp(which, "case_other_unit_trusted"))
    case_other_unit_trusted(61);
  else if (!strcmp(which, "case_other_unit_clean"))
    case_other_unit_clean(out, 64);
  else if (!strcmp(which, "case_rare_path"))
    case_rare_path(64);
  else if (!strcmp(which, "case_function_pointer"))
    case_function_pointer(62);
  else if (!strcmp(which, "case_nonallocating"))
    case_nonallocating(64);
  else if (!strcmp(which, "case_blocking"))
    case_blocking();
  else
    return 2;
  free(buffer);
  free(label);
  return 0;
}
