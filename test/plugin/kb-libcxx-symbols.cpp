// RUN: %clangxx -g -O0 %agload -mllvm -allocguard-caret=off -c %s -o /dev/null 2> %t.err
// RUN: FileCheck %s < %t.err
// RUN: FileCheck --check-prefix=QUIET %s < %t.err
// Intent: the members libc++ compiles into libc++.so are known by the same
// rows as libstdc++'s, through the short names both print as (std::string,
// std::ostream, std::stringbuf), including names whose ABI tag the C++
// runtime's demangler cannot read. The calls are to the exact symbols
// clang emits for a program built with -stdlib=libc++ (LLVM 19's libc++),
// declared here by their linker names so that the test needs no libc++
// headers.
#include <allocguard.h>

#define LIBCXX(name, symbol) void name(void *, ...) __asm__(symbol)
LIBCXX(str_init, "_ZNSt3__112basic_stringIcNS_11char_traitsIcEENS_9allocatorIcEEE6__initEPKcm");
LIBCXX(str_ctor_tagged, "_ZNSt3__112basic_stringIcNS_11char_traitsIcEENS_9allocatorIcEEEC2B8ne190107ILi0EEEPKc");
LIBCXX(str_append, "_ZNSt3__112basic_stringIcNS_11char_traitsIcEENS_9allocatorIcEEE6appendEPKc");
LIBCXX(str_dtor, "_ZNSt3__112basic_stringIcNS_11char_traitsIcEENS_9allocatorIcEEED1Ev");
LIBCXX(str_rfind, "_ZNKSt3__112basic_stringIcNS_11char_traitsIcEENS_9allocatorIcEEE5rfindEcm");
LIBCXX(str_size_tagged, "_ZNKSt3__112basic_stringIcNS_11char_traitsIcEENS_9allocatorIcEEE4sizeB8ne190107Ev");
LIBCXX(to_string, "_ZNSt3__19to_stringEi");
LIBCXX(ostream_int, "_ZNSt3__113basic_ostreamIcNS_11char_traitsIcEEElsEi");
LIBCXX(stringbuf_str, "_ZNKSt3__115basic_stringbufIcNS_11char_traitsIcEENS_9allocatorIcEEE3strEv");
LIBCXX(locale_dtor, "_ZNSt3__16localeD1Ev");
LIBCXX(getloc, "_ZNKSt3__18ios_base6getlocEv");

ALLOCGUARD_ALLOC_FREE void build(void *s, void *out) {
  str_init(s, "voice", 5);
  str_ctor_tagged(s, "voice");
  str_append(s, "-1");
  to_string(out, 7);
  ostream_int(out, 7);
  stringbuf_str(out, s);
}
// CHECK-DAG: warning: alloc_free function 'build(void*, void*)' calls 'std::string::__init(char const*, unsigned long)', which allocates (grows or copies the characters into a heap buffer when they do not fit the current capacity) [-Wallocguard]
// CHECK-DAG: warning: alloc_free function 'build(void*, void*)' calls 'std::string::basic_string<0>(char const*)', which allocates (copies the characters into a heap buffer when they do not fit the short-string buffer) [-Wallocguard]
// CHECK-DAG: warning: alloc_free function 'build(void*, void*)' calls 'std::string::append(char const*)', which allocates
// CHECK-DAG: warning: alloc_free function 'build(void*, void*)' calls 'std::to_string(int)', which allocates
// CHECK-DAG: warning: alloc_free function 'build(void*, void*)' calls 'std::ostream::operator<<(int)', which allocates
// CHECK-DAG: warning: alloc_free function 'build(void*, void*)' calls 'std::stringbuf::str() const', which allocates (copies the buffer's characters into a new string) [-Wallocguard]

ALLOCGUARD_ALLOC_FREE void release(void *s, void *loc) {
  str_dtor(s);
  locale_dtor(loc);
}
// CHECK-DAG: warning: alloc_free function 'release(void*, void*)' calls 'std::string::~basic_string()', which deallocates (frees the heap buffer of a long string) [-Wallocguard-dealloc]
// CHECK-DAG: warning: alloc_free function 'release(void*, void*)' calls 'std::locale::~locale()', which deallocates (the last reference frees the locale) [-Wallocguard-dealloc]

ALLOCGUARD_ALLOC_FREE void read_only(void *s, void *loc, void *ios) {
  str_rfind(s, 'x', 0);
  str_size_tagged(s);
  getloc(loc, ios);
}
// QUIET-NOT: 'read_only
// QUIET-NOT: cannot see into
// QUIET-NOT: _ZN
