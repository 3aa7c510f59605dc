// RUN: printf '# the app pre-reserves every string it grows in the callback\nstd::__cxx11::basic_string<char, std::char_traits<char>, std::allocator<char> >::reserve* alloc_free reserved at start-up\nsynth::*::voice_new* allocates the voice pool grows\n' > %t.kb
// RUN: %clangxx -std=c++17 -g %agload -mllvm -allocguard-caret=off -mllvm -allocguard-kb=%t.kb -c %s -o /dev/null 2>&1 | FileCheck %s
// RUN: %clangxx -std=c++17 -g %agload -mllvm -allocguard-caret=off -c %s -o /dev/null 2>&1 | FileCheck --check-prefix=BUILTIN %s
// Intent: a user's knowledge-base row may be a glob ('*' anywhere) over the
// display name, and one written in the expanded template spelling matches
// the short name; user rows win over the built-in ones.
#include <allocguard.h>
#include <string>

namespace synth {
namespace fm {
void *voice_new(int);
}
} // namespace synth

ALLOCGUARD_ALLOC_FREE void *prepare(std::string &name) {
  name.reserve(64);
  return synth::fm::voice_new(4);
}
// CHECK: kb-file-globs.cpp:[[@LINE-2]]:10: warning: alloc_free function 'prepare(std::string&)' calls 'synth::fm::voice_new(int)', which allocates (the voice pool grows) [-Wallocguard]
// CHECK-NOT: warning
// BUILTIN: kb-file-globs.cpp:[[@LINE-5]]:8: warning: alloc_free function 'prepare(std::string&)' calls 'std::string::reserve(unsigned long)', which allocates (grows or copies the characters into a heap buffer when they do not fit the current capacity) [-Wallocguard]
// BUILTIN-NEXT: kb-file-globs.cpp:[[@LINE-5]]:10: warning: alloc_free function 'prepare(std::string&)' calls 'synth::fm::voice_new(int)', which allocguard cannot see into (not defined in this translation unit and not in its knowledge base) [-Wallocguard-unknown]
