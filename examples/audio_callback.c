/* audio_callback.c - an audio callback that must never touch the heap.
 *
 * Run:  cmake --workflow --preset demo
 * or by hand:
 *   clang -g -I include -fpass-plugin=build/demo/plugin/allocguard.so \
 *     examples/audio_callback.c build/demo/runtime/liballocguard_rt.a -lpthread
 *
 * Two bugs a reviewer would miss: a scratch buffer taken from malloc on
 * every callback, and a voice label made with strdup two calls down.
 */
#include <allocguard.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { MAX_VOICES = 8, FRAMES = 64 };

struct voice {
  float phase, step;
  char *label;
};

static struct voice voices[MAX_VOICES];
static int voice_count;

static char *label_for(int note) {
  char text[16];
  snprintf(text, sizeof(text), "note-%d", note);
  return strdup(text);
}

static void start_voice(int note) {
  if (voice_count == MAX_VOICES)
    return;
  struct voice *v = &voices[voice_count++];
  v->phase = 0.0f;
  v->step = (float)note / 1024.0f;
  v->label = label_for(note);
}

ALLOCGUARD_ALLOC_FREE
void audio_callback(float *out, int frames, int note_on) {
  if (note_on >= 0)
    start_voice(note_on);
  float *scratch = malloc((size_t)frames * sizeof(float));
  memset(scratch, 0, (size_t)frames * sizeof(float));
  for (int v = 0; v < voice_count; ++v)
    for (int i = 0; i < frames; ++i) {
      voices[v].phase += voices[v].step;
      scratch[i] += voices[v].phase;
    }
  memcpy(out, scratch, (size_t)frames * sizeof(float));
  free(scratch);
}

int main(void) {
  float block[FRAMES];
  audio_callback(block, FRAMES, 60);
  printf("rendered one block: first sample %f\n", block[0]);
  return 0;
}
