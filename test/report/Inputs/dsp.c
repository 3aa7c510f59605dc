// The middle unit of the three-unit example.
char *make_label(const char *name);

void mix(float *out, int frames) {
  for (int i = 0; i < frames; ++i)
    out[i] *= 0.5f;
  make_label("mix");
}
