/* test_names_short.c - ag_name_short(), names as clang and debuggers print
 * them (common/ag_names_short.c).
 * Intent: libstdc++'s and libc++'s expanded templates lose their inline
 * namespace and default arguments and become std::string, std::ostream...;
 * arguments that differ from the default stay; operator names, lambdas,
 * thunks, C names and unbalanced text pass through; shortening twice gives
 * what once does. Inputs are the demangler's real output (c++filt). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ag_names_short.h"

#define STR "std::__cxx11::basic_string<char, std::char_traits<char>, std::allocator<char> >"
#define LSTR "std::__1::basic_string<char, std::__1::char_traits<char>, std::__1::allocator<char> >"
#define OS "std::basic_ostream<char, std::char_traits<char> >"

static const struct {
  const char *in, *want;
} cases[] = {
    /* C and plain C++ names */
    {"malloc", "malloc"},
    {"dsp::Mixer::process(float*, int)", "dsp::Mixer::process(float*, int)"},
    {"", ""},
    /* std::string, both ABIs, members and parameters */
    {STR "::append(char const*)", "std::string::append(char const*)"},
    {STR "::basic_string(" STR " const&)", "std::string::basic_string(std::string const&)"},
    {STR "::basic_string(" STR "&&)", "std::string::basic_string(std::string&&)"},
    {STR "::_Alloc_hider::_Alloc_hider(char*, std::allocator<char> const&)",
     "std::string::_Alloc_hider::_Alloc_hider(char*, std::allocator<char> const&)"},
    {LSTR "::__init(char const*, unsigned long)", "std::string::__init(char const*, unsigned long)"},
    {"std::__1::to_string(int)", "std::to_string(int)"},
    {LSTR "::size[abi:ne190107]() const", "std::string::size() const"},
    {"std::__1::vector<int, std::__1::allocator<int> >::__throw_length_error[abi:ne190107]() const",
     "std::vector<int>::__throw_length_error() const"},
    {"std::__cxx11::basic_string<wchar_t, std::char_traits<wchar_t>, std::allocator<wchar_t> >::~basic_string()",
     "std::wstring::~basic_string()"},
    {"std::basic_string<char, std::char_traits<char>, std::allocator<char> >::_Rep::_S_create(unsigned long, unsigned long, std::allocator<char> const&)",
     "std::string::_Rep::_S_create(unsigned long, unsigned long, std::allocator<char> const&)"},
    {"std::__cxx11::basic_string<char16_t, std::char_traits<char16_t>, std::allocator<char16_t> >::size() const",
     "std::u16string::size() const"},
    /* a non-default argument stays, and so does everything before it */
    {"std::__cxx11::basic_string<char, std::char_traits<char>, my::arena<char> >::append(char const*)",
     "std::basic_string<char, std::char_traits<char>, my::arena<char>>::append(char const*)"},
    {"std::__cxx11::basic_string<char, my_traits, std::allocator<char> >::size() const",
     "std::basic_string<char, my_traits>::size() const"},
    /* containers */
    {"std::vector<int, std::allocator<int> >::push_back(int const&)", "std::vector<int>::push_back(int const&)"},
    {"std::vector<" STR ", std::allocator<" STR " > >::push_back(" STR "&&)",
     "std::vector<std::string>::push_back(std::string&&)"},
    {"std::map<int, " STR ", std::less<int>, std::allocator<std::pair<int const, " STR " > > >::operator[](int const&)",
     "std::map<int, std::string>::operator[](int const&)"},
    {"std::__1::map<int, " LSTR ", std::__1::less<int>, std::__1::allocator<std::__1::pair<int const, " LSTR " > > >::map()",
     "std::map<int, std::string>::map()"},
    {"std::map<int, int, std::greater<int>, std::allocator<std::pair<int const, int> > >::clear()",
     "std::map<int, int, std::greater<int>>::clear()"},
    {"std::unordered_map<" STR ", int, std::hash<" STR " >, std::equal_to<" STR " >, std::allocator<std::pair<" STR " const, int> > >::find(" STR " const&)",
     "std::unordered_map<std::string, int>::find(std::string const&)"},
    {"std::set<char const*, std::less<char const*>, std::allocator<char const*> >::insert(char const* const&)",
     "std::set<char const*>::insert(char const* const&)"},
    {"std::vector<std::vector<int, std::allocator<int> >, std::allocator<std::vector<int, std::allocator<int> > > >::size() const",
     "std::vector<std::vector<int>>::size() const"},
    {"std::priority_queue<int, std::vector<int, std::allocator<int> >, std::less<int> >::push(int const&)",
     "std::priority_queue<int>::push(int const&)"},
    {"std::unique_ptr<Foo, std::default_delete<Foo> >::~unique_ptr()", "std::unique_ptr<Foo>::~unique_ptr()"},
    {"std::unique_ptr<int [], std::default_delete<int []> >::reset()", "std::unique_ptr<int []>::reset()"},
    /* library internals keep their arguments (no standard default) */
    {"std::_Vector_base<int, std::allocator<int> >::_M_allocate(unsigned long)",
     "std::_Vector_base<int, std::allocator<int>>::_M_allocate(unsigned long)"},
    /* iostreams; function templates lose their return type */
    {OS "::operator<<(int)", "std::ostream::operator<<(int)"},
    {OS "& std::endl<char, std::char_traits<char> >(" OS "&)",
     "std::endl<char, std::char_traits<char>>(std::ostream&)"},
    {OS "& std::operator<< <std::char_traits<char> >(" OS "&, char const*)",
     "std::operator<< <std::char_traits<char>>(std::ostream&, char const*)"},
    {OS "& std::operator<< <char, std::char_traits<char>, std::allocator<char> >(" OS "&, " STR " const&)",
     "std::operator<< <char, std::char_traits<char>, std::allocator<char>>(std::ostream&, std::string const&)"},
    {"std::basic_istream<char, std::char_traits<char> >& std::getline<char, std::char_traits<char>, std::allocator<char> >(std::basic_istream<char, std::char_traits<char> >&, " STR "&, char)",
     "std::getline<char, std::char_traits<char>, std::allocator<char>>(std::istream&, std::string&, char)"},
    {OS "::operator<<(" OS "& (*)(" OS "&))", "std::ostream::operator<<(std::ostream& (*)(std::ostream&))"},
    {"std::__cxx11::basic_ostringstream<char, std::char_traits<char>, std::allocator<char> >::str() const",
     "std::ostringstream::str() const"},
    {"std::__1::basic_stringbuf<char, std::__1::char_traits<char>, std::__1::allocator<char> >::str() const",
     "std::stringbuf::str() const"},
    {"std::__1::basic_ostream<char, std::__1::char_traits<char> >::sentry::sentry(std::__1::basic_ostream<char, std::__1::char_traits<char> >&)",
     "std::ostream::sentry::sentry(std::ostream&)"},
    {"std::ostreambuf_iterator<char, std::char_traits<char> > std::num_put<char, std::ostreambuf_iterator<char, std::char_traits<char> > >::_M_insert_int<long>(std::ostreambuf_iterator<char, std::char_traits<char> >, std::ios_base&, char, long) const",
     "std::num_put<char>::_M_insert_int<long>(std::ostreambuf_iterator<char>, std::ios_base&, char, long) const"},
    {"std::ctype<char> const& std::use_facet<std::ctype<char> >(std::locale const&)",
     "std::use_facet<std::ctype<char>>(std::locale const&)"},
    {"unsigned long std::__1::__str_find<char, unsigned long, std::__1::char_traits<char>, 18446744073709551615ul>(char const*, unsigned long, char, unsigned long)",
     "std::__str_find<char, unsigned long, std::char_traits<char>, 18446744073709551615ul>(char const*, unsigned long, char, unsigned long)"},
    /* operators whose names hold angle brackets */
    {"bool std::operator< <char, std::char_traits<char>, std::allocator<char> >(" STR " const&, " STR " const&)",
     "std::operator< <char, std::char_traits<char>, std::allocator<char>>(std::string const&, std::string const&)"},
    {"Foo::operator<(Foo const&) const", "Foo::operator<(Foo const&) const"},
    {"std::__1::basic_ostream<char, std::__1::char_traits<char> >& std::__1::operator<<[abi:ne190107]<std::__1::char_traits<char> >(std::__1::basic_ostream<char, std::__1::char_traits<char> >&, char const*)",
     "std::operator<< <std::char_traits<char>>(std::ostream&, char const*)"},
    {LSTR "::basic_string[abi:ne190107]<0>(char const*)", "std::string::basic_string<0>(char const*)"},
    {"Foo::operator>>=(int)", "Foo::operator>>=(int)"},
    {"Foo::operator->() const", "Foo::operator->() const"},
    {"Foo::operator<=>(Foo const&) const", "Foo::operator<=>(Foo const&) const"},
    {"Foo::operator " STR "() const", "Foo::operator std::string() const"},
    {"operator new(unsigned long)", "operator new(unsigned long)"},
    {"operator delete[](void*, unsigned long)", "operator delete[](void*, unsigned long)"},
    /* lambdas, anonymous namespaces, thunks, and template values */
    {"run(std::vector<int, std::allocator<int> >&)::{lambda(int)#1}::operator()(int) const",
     "run(std::vector<int>&)::{lambda(int)#1}::operator()(int) const"},
    {"int (anonymous namespace)::pick<int>(int)", "(anonymous namespace)::pick<int>(int)"},
    {"(anonymous namespace)::Impl::run()", "(anonymous namespace)::Impl::run()"},
    {"non-virtual thunk to Reverb::process(std::vector<float, std::allocator<float> >&)",
     "non-virtual thunk to Reverb::process(std::vector<float>&)"},
    {"void fill<(1)>(std::array<int, 4ul>&)", "fill<(1)>(std::array<int, 4ul>&)"},
    {"Buf<(8)>::size() const", "Buf<(8)>::size() const"},
    /* a user's own std-like namespace is not std */
    {"mystd::vector<int, std::allocator<int> >::size() const",
     "mystd::vector<int, std::allocator<int>>::size() const"},
    {"my::std::__1::vector<int>::size() const", "my::std::__1::vector<int>::size() const"},
    /* already short, or unbalanced: unchanged */
    {"std::vector<int>::push_back(int const&)", "std::vector<int>::push_back(int const&)"},
    {"std::map<int, *", "std::map<int, *"},
    {"std::vector<int, std::allocator<int> >::push_*", "std::vector<int>::push_*"},
    {"a<<<<b", "a<<<<b"},
};

static int failures;

static void expect(const char *in, const char *want) {
  char *got = ag_name_short(in);
  if (!got || strcmp(got, want) != 0) {
    fprintf(stderr, "ag_name_short(\"%s\")\n   = \"%s\"\n want \"%s\"\n", in,
            got ? got : "(null)", want);
    failures++;
  } else {
    char *again = ag_name_short(got);
    if (!again || strcmp(again, got) != 0) {
      fprintf(stderr, "ag_name_short is not idempotent on \"%s\": \"%s\"\n",
              got, again ? again : "(null)");
      failures++;
    }
    free(again);
  }
  free(got);
}

int main(void) {
  for (size_t i = 0; i < sizeof(cases) / sizeof(*cases); ++i)
    expect(cases[i].in, cases[i].want);
  /* Hostile input from a summary: deep nesting, unbalanced brackets and
   * many arguments stay bounded in time and stack, and come back as text. */
  size_t depth = 100000;
  char *deep = malloc(2 * depth + 2);
  for (int balanced = 0; balanced <= 1; ++balanced) {
    memset(deep, '<', depth);
    memset(deep + depth, balanced ? '>' : 'x', depth);
    deep[0] = 'a';
    deep[2 * depth] = '\0';
    char *got = ag_name_short(deep);
    if (!got || strlen(got) != 2 * depth) {
      fprintf(stderr, "ag_name_short changed %s nesting\n",
              balanced ? "deep" : "unbalanced");
      failures++;
    }
    free(got);
  }
  free(deep);
  char wide[4096] = "f<";
  for (int i = 0; i < 300; ++i)
    strcat(wide, "a,");
  strcat(wide, "a>");
  char *got = ag_name_short(wide);
  if (!got || strcmp(got, wide) != 0) {
    fprintf(stderr, "ag_name_short on 301 arguments: \"%.40s\"\n",
            got ? got : "(null)");
    failures++;
  }
  free(got);
  /* Patterns are shortened once and remembered by address; the same
   * address holding other text is noticed. */
  char pattern[128] = "std::vector<int, std::allocator<int> >::size";
  const char *first = ag_name_short_pattern(pattern);
  const char *again = ag_name_short_pattern(pattern);
  if (!first || first != again ||
      strcmp(first, "std::vector<int>::size") != 0) {
    fprintf(stderr, "ag_name_short_pattern: \"%s\"\n", first ? first : "(null)");
    failures++;
  }
  strcpy(pattern, "std::__1::basic_string<char, std::__1::char_traits<char>, std::__1::allocator<char> >::append");
  const char *reused = ag_name_short_pattern(pattern);
  if (!reused || strcmp(reused, "std::string::append") != 0) {
    fprintf(stderr, "ag_name_short_pattern after reuse: \"%s\"\n",
            reused ? reused : "(null)");
    failures++;
  }
  printf("%zu names, %d failures\n", sizeof(cases) / sizeof(*cases), failures);
  return failures != 0;
}
