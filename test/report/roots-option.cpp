// RUN: rm -rf %t && mkdir -p %t && cd %t
// RUN: cd %S && %clangxx -g %agload -c roots-option.cpp -o %t/r.o 2>/dev/null && cd %t
// RUN: %agreport --source-root=%S r.o 2>&1 | FileCheck --check-prefix=NONE %s
// RUN: not %agreport --source-root=%S --root=dsp::Mixer::process r.o | FileCheck --check-prefix=OVERLOADS %s
// RUN: not %agreport --source-root=%S '--root=dsp::Mixer::process(double*, int)' r.o | FileCheck --check-prefix=SIGNATURE %s
// RUN: not %agreport --source-root=%S --root=_ZN3dsp5Mixer5resetEv r.o | FileCheck --check-prefix=MANGLED %s
// RUN: not %agreport --source-root=%S '--root=plain_c_style, dsp::Mixer::reset' --root=nothing_like_this r.o 2>&1 | FileCheck --check-prefix=LIST %s
// RUN: printf '# roots of the mixer\ndsp::Mixer::reset\n\nplain_c_style  # by C name\n' > roots.txt
// RUN: not %agreport --source-root=%S --roots-file=roots.txt r.o | FileCheck --check-prefix=LIST %s
// Intent: --root names roots the way the plugin's -allocguard-roots does:
// C names, qualified C++ names (every overload), full signatures, mangled
// symbols, comma lists and files; a name that matches nothing is a warning.
#include <cstdlib>
#include <cstring>

namespace dsp {
struct Mixer {
  void process(float *out, int n);
  void process(double *out, int n);
  static void reset();
};
} // namespace dsp

void dsp::Mixer::process(float *out, int n) { out[n] = *(float *)std::malloc(4); }
void dsp::Mixer::process(double *out, int n) { out[n] = *new double; }
void dsp::Mixer::reset() { std::free(nullptr); }
extern "C" void plain_c_style(void) { std::free(strdup("x")); }

// NONE: warning: no alloc_free roots in the inputs (mark functions ALLOCGUARD_ALLOC_FREE or name them with --root)
// NONE: allocguard-report: 0 alloc_free roots, 0 reach the heap

// OVERLOADS: warning: alloc_free function 'dsp::Mixer::process(double*, int)' calls 'operator new(unsigned long)', which allocates
// OVERLOADS: warning: alloc_free function 'dsp::Mixer::process(float*, int)' calls 'malloc', which allocates
// OVERLOADS: allocguard-report: 2 alloc_free roots, 2 reach the heap: 2 allocations

// SIGNATURE: warning: alloc_free function 'dsp::Mixer::process(double*, int)' calls 'operator new(unsigned long)'
// SIGNATURE: allocguard-report: 1 alloc_free root, 1 reaches the heap: 1 allocation

// MANGLED: warning: alloc_free function 'dsp::Mixer::reset()' calls 'free', which deallocates
// MANGLED: allocguard-report: 1 alloc_free root, 1 reaches the heap: 1 deallocation

// LIST-DAG: warning: alloc_free function 'dsp::Mixer::reset()' calls 'free', which deallocates
// LIST-DAG: warning: alloc_free function 'plain_c_style' calls 'strdup', which allocates
// LIST-DAG: warning: alloc_free function 'plain_c_style' calls 'free', which deallocates
// LIST-DAG: allocguard-report: 2 alloc_free roots, 2 reach the heap: 1 allocation, 2 deallocations
// The unmatched name is reported (stderr, LIST run with 2>&1 only):
// RUN: not %agreport --source-root=%S --root=nothing_like_this --root=plain_c_style r.o 2>&1 >/dev/null | FileCheck --check-prefix=UNMATCHED %s
// UNMATCHED: allocguard-report: warning: --root=nothing_like_this matches no function defined in the inputs
