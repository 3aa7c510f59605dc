// RUN: rm -rf %t && mkdir -p %t && cd %S
// RUN: %clang -g -O0 %agload -mllvm -allocguard-instrument=off -c icall-stats-layers.c -o %t/mixer.o 2>/dev/null
// RUN: cd %t && not %agreport --stats --source-root=%S mixer.o 2>&1 >/dev/null | FileCheck %s
// Intent: --stats sets the candidates the field layer gives beside those
// the type alone would give, so the benchmarks can show what each layer
// buys. `voice.render` holds one function; three of its type have their
// address taken, one called through a pointer with no field.
// CHECK: stats: merge {{.*}}(2 indirect or virtual, 2 resolved: 2 candidate sets, 4 call-candidate pairs, 6 by type alone)
#include <allocguard.h>
#include <stdlib.h>

typedef void (*render_fn)(float *);
struct voice { render_fn render; };

static void sine(float *out) { out[0] = 0; }
static void noise(float *out) { out[0] = (float)rand(); }
static void sample(float *out) { free(malloc(4)); out[0] = 1; }

render_fn effects[] = {noise, sample};

ALLOCGUARD_ALLOC_FREE void mix(struct voice *v, render_fn any, float *out) {
  v->render(out);
  any(out);
}

int main(void) {
  struct voice v = {sine};
  float out[1];
  mix(&v, effects[0], out);
  return 0;
}
