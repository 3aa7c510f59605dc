/* fx.cpp - two overriders: Reverb's allocates, Gain's does not. */
#include "effect.h"
struct Reverb : Effect {
  float *tail = nullptr;
  void process(float *buf) override {
    tail = new float[64];
    tail[0] = buf[0];
  }
};
struct Gain : Effect {
  void process(float *buf) override { buf[0] *= 0.5f; }
};
Effect *make_reverb() { return new Reverb; }
Effect *make_gain() { return new Gain; }
