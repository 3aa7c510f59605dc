// RUN: %clangxx -g -O0 %agload -mllvm -allocguard-caret=off -I%S/../../include -c %s -o /dev/null 2>&1 | FileCheck %s
// RUN: %clangxx -g -O2 %agload -mllvm -allocguard-caret=off -I%S/../../include -c %s -o /dev/null 2>&1 | FileCheck %s
// C++ spellings: references, qualified class names, an empty parameter
// list as `()`.
#include <allocguard.h>

namespace dsp {
struct Frame { float data[4]; };
struct Hooks { void (*flush)(); int (*mix)(const Frame &, Frame &&); };
} // namespace dsp

ALLOCGUARD_ALLOC_FREE int run(dsp::Hooks &hooks, dsp::Frame &in) {
  hooks.flush();
  // CHECK-DAG: icall-type-spelling.cpp:[[@LINE-1]]:3: warning: alloc_free function 'run(dsp::Hooks&, dsp::Frame&)' makes an indirect call that allocguard cannot follow (nothing is stored in 'dsp::Hooks.flush', and no function of type 'void (*)()' has its address taken in this translation unit) [-Wallocguard-unknown]
  return hooks.mix(in, dsp::Frame());
  // CHECK-DAG: icall-type-spelling.cpp:[[@LINE-1]]:10: warning: alloc_free function 'run(dsp::Hooks&, dsp::Frame&)' makes an indirect call that allocguard cannot follow (nothing is stored in 'dsp::Hooks.mix', and no function of type 'int (*)(const dsp::Frame &, dsp::Frame &&)' has its address taken in this translation unit) [-Wallocguard-unknown]
}
