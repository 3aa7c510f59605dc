// RUN: %clangxx -std=c++17 -g %agload -mllvm -allocguard-caret=off -c %s -o /dev/null 2>&1 | FileCheck %s
// Both attribute spellings mark roots, on a declaration in a header as well
// as on the definition, and on members and lambdas' enclosing functions.
#include <allocguard.h>
#include <cstdlib>

[[clang::annotate("alloc_free")]] void declared_root(float *out);
void declared_root(float *out) { out[0] = *(float *)std::malloc(4); }
// CHECK: cxx-attribute-spellings.cpp:8:53: warning: alloc_free function 'declared_root(float*)' calls 'malloc'

struct Engine {
  ALLOCGUARD_ALLOC_FREE void tick();
};
void Engine::tick() {
  auto grow = [] { return std::calloc(1, 8); };
  std::free(grow());
}
// CHECK: cxx-attribute-spellings.cpp:16:3: warning: alloc_free function 'Engine::tick()' calls 'free', which deallocates
// CHECK: cxx-attribute-spellings.cpp:16:13: warning: alloc_free function 'Engine::tick()' may allocate: call to 'Engine::tick()::$_0::operator()() const' reaches 'calloc'
// CHECK-NEXT: cxx-attribute-spellings.cpp:15:27: note: 'Engine::tick()::$_0::operator()() const' calls 'calloc', which allocates
