// RUN: rm -rf %t && mkdir -p %t && cd %t
// RUN: cd %S && %clangxx -std=c++17 -g %agload -c cxx-names.cpp -o %t/n.o 2>/dev/null && cd %t
// RUN: not %agreport --source-root=%S n.o > plain.txt
// RUN: FileCheck %s < plain.txt
// RUN: FileCheck --check-prefix=SHORT %s < plain.txt
// RUN: not %agreport --source-root=%S '--root=count(std::__cxx11::basic_string<char, std::char_traits<char>, std::allocator<char> > const&)' n.o | FileCheck --check-prefix=LONG %s
// RUN: not %agreport --source-root=%S '--root=count(std::string const&)' n.o | FileCheck --check-prefix=LONG %s
// Intent: the whole-program report names C++ functions as clang prints
// them (std::string, std::map<int, std::string>), from the summaries, and
// --root accepts a signature in the short spelling or in the expanded one
// a demangler prints.
#include <allocguard.h>
#include <map>
#include <string>
#include <vector>

ALLOCGUARD_ALLOC_FREE void remember(std::map<int, std::string> &names, const std::string &name) {
  names[1] = name;
}

int count(const std::string &name) {
  std::vector<int> sizes;
  sizes.push_back((int)name.size());
  return sizes[0];
}

// CHECK: warning: alloc_free function 'remember(std::map<int, std::string>&, std::string const&)' calls 'std::string::operator=(std::string const&)', which allocates
// SHORT-NOT: __cxx11
// SHORT-NOT: char_traits
// SHORT-NOT: std::map<int, std::string,
// LONG: warning: alloc_free function 'count(std::string const&)' may allocate: call to 'std::vector<int>::push_back(int&&)' reaches
// LONG: allocguard-report: 2 alloc_free roots, 2 reach the heap
