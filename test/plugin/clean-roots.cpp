// RUN: %clangxx -std=c++17 -w -g -O0 %agload -c %s -o /dev/null 2>&1 | count 0
// RUN: %clangxx -std=c++17 -w -g -O2 %agload -c %s -o /dev/null 2>&1 | count 0
// Roots that never reach the heap give no finding at all: stack arrays,
// alloca, VLAs (C99 extension), memcpy/memset, math, placement new into a
// static buffer, and helpers that do the same.
#include <allocguard.h>
#include <alloca.h>
#include <cmath>
#include <cstring>
#include <new>

struct Voice {
  float phase = 0, step = 0.01f;
};
alignas(Voice) static unsigned char storage[sizeof(Voice) * 4];

static float mix(const float *a, const float *b, int n) {
  float acc = 0;
  for (int i = 0; i < n; ++i)
    acc += a[i] * b[i];
  return acc;
}

ALLOCGUARD_ALLOC_FREE float process(const float *in, float *out, int n) {
  float scratch[64];
  float *tmp = static_cast<float *>(alloca(sizeof(float) * 16));
  float vla[n > 0 ? n : 1];
  std::memset(scratch, 0, sizeof(scratch));
  std::memcpy(tmp, in, sizeof(float) * 16);
  std::memcpy(vla, in, sizeof(float) * (n > 0 ? n : 1));
  Voice *v = new (storage) Voice();
  v->phase += std::sin(v->step) + std::sqrt(2.0f);
  out[0] = mix(tmp, scratch, 16) + vla[0] + v->phase;
  return out[0];
}
