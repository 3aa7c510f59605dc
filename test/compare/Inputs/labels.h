/* labels.h - helpers engine.c calls, defined in labels.c. */
#ifndef LABELS_H
#define LABELS_H

char *make_label(int note);
void apply_gain(float *out, int frames, float gain);
extern char *(*label_hook)(int note);

#endif
