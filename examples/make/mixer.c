/* One file below the root: mixes the voices and labels the bus. */
const char *bus_name(int bus);

void mix(float *out, int frames) {
  const char *name = bus_name(0);
  for (int i = 0; i < frames; ++i)
    out[i] = name[0] == 'm' ? 1.0f : 0.5f;
}
