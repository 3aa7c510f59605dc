// RUN: %clangxx -std=c++17 -g %agload -mllvm -allocguard-roots='dsp::Mixer::process,render(float*, int),c_entry' -c %s -o /dev/null 2>&1 | FileCheck %s
// RUN: printf '# entry points of third-party code\ndsp::Mixer::process\n\nrender(float*, int)  \nc_entry\n' > %t.roots
// RUN: %clangxx -std=c++17 -g %agload -mllvm -allocguard-roots-file=%t.roots -c %s -o /dev/null 2>&1 | FileCheck %s
// RUN: %clangxx -std=c++17 -g %agload -mllvm -allocguard-roots=_ZN3dsp5Mixer7processEPf -c %s -o /dev/null 2>&1 | FileCheck --check-prefix=MANGLED %s
// RUN: %clangxx -std=c++17 -g %agload -mllvm '-allocguard-roots=dsp::*::process,c_*' -c %s -o /dev/null 2>&1 | FileCheck --check-prefix=GLOB %s
// RUN: %clangxx -std=c++17 -g %agload -mllvm '-allocguard-roots=*' -c %s -o /dev/null 2>&1 | FileCheck --check-prefix=ALL %s
// RUN: not %clangxx -std=c++17 -g %agload -mllvm -allocguard-roots-file=%t.missing -c %s -o /dev/null 2>&1 | FileCheck --check-prefix=MISSING %s
// Roots named without editing the source: qualified C++ names (all
// overloads), full signatures, C names, a roots file, mangled symbols, or
// globs (`*` alone: every defined function).
#include <cstdlib>

namespace dsp {
struct Mixer {
  void process(float *buf);
  void process(float *buf, int n);
  void reset();
};
void Mixer::process(float *buf) { buf[0] = *(float *)std::malloc(4); }
void Mixer::process(float *buf, int n) { buf[n] = *(float *)std::malloc(8); }
void Mixer::reset() { std::free(std::malloc(1)); }
} // namespace dsp

void render(float *out, int n) { out[n] = *(float *)std::calloc(1, 4); }
void render(double *out, int n) { out[n] = *(double *)std::calloc(1, 8); }
extern "C" void c_entry() { std::free(nullptr); }

// CHECK: warning: alloc_free function 'dsp::Mixer::process(float*)' calls 'malloc'
// CHECK: warning: alloc_free function 'dsp::Mixer::process(float*, int)' calls 'malloc'
// CHECK-NOT: dsp::Mixer::reset
// CHECK: warning: alloc_free function 'render(float*, int)' calls 'calloc'
// CHECK-NOT: render(double*, int)
// CHECK: warning: alloc_free function 'c_entry' calls 'free'
// MANGLED: warning: alloc_free function 'dsp::Mixer::process(float*)' calls 'malloc'
// MANGLED-NOT: warning
// GLOB: warning: alloc_free function 'dsp::Mixer::process(float*)' calls 'malloc'
// GLOB: warning: alloc_free function 'dsp::Mixer::process(float*, int)' calls 'malloc'
// GLOB-NOT: dsp::Mixer::reset
// GLOB-NOT: render
// GLOB: warning: alloc_free function 'c_entry' calls 'free'
// GLOB-NOT: warning
// ALL: warning: alloc_free function 'dsp::Mixer::process(float*)' calls 'malloc'
// ALL: warning: alloc_free function 'dsp::Mixer::process(float*, int)' calls 'malloc'
// ALL: warning: alloc_free function 'dsp::Mixer::reset()' calls 'malloc'
// ALL: warning: alloc_free function 'render(float*, int)' calls 'calloc'
// ALL: warning: alloc_free function 'render(double*, int)' calls 'calloc'
// ALL: warning: alloc_free function 'c_entry' calls 'free'
// MISSING: error: allocguard: cannot read -allocguard-roots-file file '{{.*}}.missing': No such file or directory
