/* The program: one alloc_free root, render(), called once per block. */
#include <allocguard.h>
#include <stdio.h>
#include <stdlib.h>

void dsp_process(float *buf, int n);

/* The attribute macro on its own line: distcc compiles the preprocessed
 * text, where an expanded macro shifts the columns after it on its line. */
ALLOCGUARD_ALLOC_FREE
void render(float *buf, int n) { dsp_process(buf, n); }

int main(void) {
  float *buf = calloc(64, sizeof *buf); /* outside the root: allowed */
  for (int block = 0; block < 4; ++block)
    render(buf, 64);
  printf("rendered %.1f\n", buf[0]);
  free(buf);
  return 0;
}
