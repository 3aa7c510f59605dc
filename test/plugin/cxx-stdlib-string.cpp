// RUN: %clangxx -std=c++17 -g -O0 %agload -mllvm -allocguard-caret=off -c %s -o /dev/null 2> %t.O0
// RUN: %clangxx -std=c++17 -g -O2 %agload -mllvm -allocguard-caret=off -c %s -o /dev/null 2> %t.O2
// RUN: FileCheck %s < %t.O0
// RUN: FileCheck %s < %t.O2
// RUN: FileCheck --check-prefix=QUIET %s < %t.O0
// RUN: FileCheck --check-prefix=QUIET %s < %t.O2
// RUN: printf 'grow(std::__cxx11::basic_string<char, std::char_traits<char>, std::allocator<char> >&)\n' > %t.roots
// RUN: %clangxx -std=c++17 -g -O0 %agload -mllvm -allocguard-caret=off -mllvm -allocguard-roots-file=%t.roots -c %s -o /dev/null 2>&1 | FileCheck --check-prefix=ROOTS %s
// Intent: std::string concatenation, std::to_string, std::ostringstream and
// std::vector<std::string>::push_back are allocations the knowledge base
// names (libstdc++ compiles those members into its shared library, so
// clang calls them at -O0 and -O2 alike), not calls allocguard cannot see
// into; size() and c_str() are allocation-free; every name prints as
// clang writes it (std::string, std::vector<std::string>, std::ostream),
// not as the expanded template; a root named in the expanded spelling is
// found by its short name.
#include <allocguard.h>
#include <sstream>
#include <string>
#include <vector>

ALLOCGUARD_ALLOC_FREE std::string concat(const std::string &a, const std::string &b) {
  return a + b;
}
// CHECK-DAG: cxx-stdlib-string.cpp:[[@LINE-2]]:12: warning: alloc_free function 'concat(std::string const&, std::string const&)' calls 'std::operator+<char, std::char_traits<char>, std::allocator<char>>(std::string const&, std::string const&)', which allocates (builds the concatenation in a new string) [-Wallocguard]

ALLOCGUARD_ALLOC_FREE std::string label(int voice) { return std::to_string(voice); }
// CHECK-DAG: cxx-stdlib-string.cpp:[[@LINE-1]]:61: warning: alloc_free function 'label(int)' calls 'std::to_string(int)', which allocates (builds a std::string, on the heap when the result is long) [-Wallocguard]

ALLOCGUARD_ALLOC_FREE std::string format(int voice) {
  std::ostringstream out;
  out << voice;
  return out.str();
}
// CHECK-DAG: cxx-stdlib-string.cpp:[[@LINE-3]]:7: warning: alloc_free function 'format(int)' calls 'std::ostream::operator<<(int)', which allocates (formats into the stream buffer, which may grow a string or make stdio allocate; throws when the exception mask says so) [-Wallocguard]
// CHECK-DAG: cxx-stdlib-string.cpp:[[@LINE-3]]:14: warning: alloc_free function 'format(int)' calls 'std::ostringstream::str() const', which allocates (copies the buffer's characters into a new string) [-Wallocguard]
// CHECK-DAG: warning: alloc_free function 'format(int)' calls 'std::ostringstream::~basic_ostringstream()', which deallocates (frees the stream's buffer and state) [-Wallocguard-dealloc]

ALLOCGUARD_ALLOC_FREE void keep(std::vector<std::string> &names, const std::string &name) {
  names.push_back(name);
}
// CHECK-DAG: cxx-stdlib-string.cpp:[[@LINE-2]]:9: warning: alloc_free function 'keep(std::vector<std::string>&, std::string const&)' may allocate: call to 'std::vector<std::string>::push_back(std::string const&)' reaches 'std::string::basic_string(std::string const&)' [-Wallocguard]
// CHECK-DAG: cxx-stdlib-string.cpp:[[@LINE-3]]:9: warning: alloc_free function 'keep(std::vector<std::string>&, std::string const&)' may allocate: call to 'std::vector<std::string>::push_back(std::string const&)' reaches 'operator new(unsigned long)' [-Wallocguard]

ALLOCGUARD_ALLOC_FREE unsigned long peek(const std::string &s) {
  return s.size() + (unsigned char)s.c_str()[0];
}

unsigned long grow(std::string &s) {
  s += "-1";
  return s.size();
}
// ROOTS: cxx-stdlib-string.cpp:[[@LINE-3]]:5: warning: alloc_free function 'grow(std::string&)' calls 'std::string::operator+=(char const*)', which allocates (grows or copies the characters into a heap buffer when they do not fit the current capacity) [-Wallocguard]

// QUIET-NOT: cannot see into
// QUIET-NOT: 'peek
// QUIET-NOT: basic_string<
// QUIET-NOT: __cxx11
// QUIET-NOT: std::vector<std::string,
