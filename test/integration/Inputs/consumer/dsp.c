/* One unit below the root: the gain stage asks util.c for a label. */
const char *util_label(int channel);
float vendor_gain(int channel);

void dsp_process(float *buf, int n) {
  const char *label = util_label(0);
  for (int i = 0; i < n; ++i)
#ifdef SEED_UNKNOWN
    buf[i] += vendor_gain(label[0] == 'c');
#else
    buf[i] += label[0] == 'c' ? 0.5f : 0.25f;
#endif
}
