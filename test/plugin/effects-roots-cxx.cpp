// RUN: %clangxx -std=c++20 -g %agload -fno-caret-diagnostics -mllvm -allocguard-caret=off -mllvm -allocguard-unknown=ignore -Wno-unknown-warning-option -Wno-function-effects -Wno-unknown-attributes -c %s -o /dev/null 2>&1 | FileCheck --allow-empty --check-prefix=%effects --implicit-check-not=Wallocguard %s
// Intent: C++ functions whose type is nonblocking or nonallocating are
// roots however they are declared: an out-of-line method, an inline
// method, a constructor, a virtual and a static method, a method of a
// local class, a declaration then a definition, a function declared with
// an alias of an effect-carrying function type, function templates and
// methods of class templates (each instantiation), `nonblocking(cond)`
// decided per instantiation, lambdas (generic ones too). `nonblocking(false)`
// and a function pointer of a nonblocking type make no root. Clang 14
// has no such attributes, so no roots (and no findings).
#include <cstring>

char *helper(const char *s) { return strdup(s); }

struct Voice {
  void process() [[clang::nonblocking]];
  void inline_m() [[clang::nonallocating]] { helper("inline"); }
  Voice() [[clang::nonblocking]] { helper("ctor"); }
  virtual void v() [[clang::nonblocking]] { helper("virtual"); }
  static void s() __attribute__((nonblocking)) { helper("static"); }
};
void Voice::process() { helper("process"); }

template <typename T> void tmpl(T) [[clang::nonblocking]] { helper("tmpl"); }
template <int N> void cond() [[clang::nonblocking(N > 0)]] { helper("cond"); }
template <typename T> struct Box {
  void put() [[clang::nonallocating]] { helper("box"); }
};

void decl_then_def() [[clang::nonblocking]];
void decl_then_def() { helper("decl"); }

using callback_t = void(int) [[clang::nonblocking]];
callback_t via_alias;
void via_alias(int) { helper("alias"); }

void allowed() [[clang::nonblocking(false)]] { helper("allowed"); }
void plain() { helper("plain"); }
void pointer_target() { helper("pointer"); }

int main() {
  Voice voice;
  voice.process();
  voice.inline_m();
  Voice::s();
  tmpl(1);
  tmpl(2.0);
  cond<1>();
  cond<0>();
  Box<int>().put();
  decl_then_def();
  via_alias(1);
  allowed();
  plain();
  auto lambda = [](int x) [[clang::nonblocking]] { helper("lambda"); return x; };
  lambda(1);
  auto generic = [](auto x) [[clang::nonallocating]] { helper("generic"); return x; };
  generic(1);
  struct Local {
    void m() [[clang::nonblocking]] { helper("local"); }
  } local;
  local.m();
  void (*pointer)() [[clang::nonblocking]] = pointer_target;
  pointer();
}

// ROOTS-DAG: warning: alloc_free function 'Voice::process()' may allocate: call to 'helper(char const*)' reaches 'strdup'
// ROOTS-DAG: warning: alloc_free function 'Voice::inline_m()' may allocate
// ROOTS-DAG: warning: alloc_free function 'Voice::Voice()' may allocate
// ROOTS-DAG: warning: alloc_free function 'Voice::v()' may allocate
// ROOTS-DAG: warning: alloc_free function 'Voice::s()' may allocate
// ROOTS-DAG: warning: alloc_free function 'tmpl<int>(int)' may allocate
// ROOTS-DAG: warning: alloc_free function 'tmpl<double>(double)' may allocate
// ROOTS-DAG: warning: alloc_free function 'cond<1>()' may allocate
// ROOTS-DAG: warning: alloc_free function 'Box<int>::put()' may allocate
// ROOTS-DAG: warning: alloc_free function 'decl_then_def()' may allocate
// ROOTS-DAG: warning: alloc_free function 'via_alias(int)' may allocate
// ROOTS-DAG: warning: alloc_free function 'main::$_{{[0-9]+}}::operator()(int) const' may allocate
// ROOTS-DAG: warning: alloc_free function 'main::$_{{[0-9]+}}::operator()<int>(int) const' may allocate
// ROOTS-DAG: warning: alloc_free function 'main::Local::m()' may allocate
// NONE-NOT: Wallocguard
