// A program around the three-unit example (for linked inputs).
void audio_callback(float *out, int frames);

int main(void) {
  float buffer[4] = {0};
  audio_callback(buffer, 4);
  return 0;
}
