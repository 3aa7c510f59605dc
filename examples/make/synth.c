/* The real-time entry point: render() is called once per audio block. */
#include <allocguard.h>
#include <stdio.h>

void mix(float *out, int frames);

ALLOCGUARD_ALLOC_FREE
void render(float *out, int frames) { mix(out, frames); }

int main(void) {
  static float block[64];
  render(block, 64);
  printf("rendered %g\n", block[0]);
  return 0;
}
