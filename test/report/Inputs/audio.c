// The root of the three-unit example: audio.c -> dsp.c -> util.c -> strdup.
#include <allocguard.h>

void mix(float *out, int frames);

ALLOCGUARD_ALLOC_FREE void audio_callback(float *out, int frames) {
  mix(out, frames);
}
