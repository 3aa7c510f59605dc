/* labels.c - helpers defined apart from their real-time callers. */
#include <stdio.h>
#include <string.h>

#include "labels.h"

static const char *const names[12] = {"C", "C#", "D", "D#", "E", "F",
                                      "F#", "G", "G#", "A", "A#", "B"};

char *make_label(int note) { return strdup(names[note % 12]); }

/* Declared nonblocking only where engine.c calls it. */
char *cached_label(int note) { return strdup(names[(note + 1) % 12]); }

void apply_gain(float *out, int frames, float gain) {
  for (int i = 0; i < frames; ++i)
    out[i] *= gain;
}

char *(*label_hook)(int note);
