/* test_name_match.c - ag_name_match() (common/ag_name_match.c), the one
 * name matching of the plugin's roots and allocguard-report's --root and
 * suppressions.
 * Intent: a pattern matches the symbol, the display name, or the display
 * name without its parameters and cv/ref qualifiers; a prefix, a longer
 * name or another overload's parameters do not; `*` and `?` glob over the
 * same three spellings; a pattern in libstdc++'s long template spelling
 * matches the short display name; ag_name_base_len() finds where the
 * parameters start, nested parentheses included. */
#include <stdio.h>
#include <string.h>

#include "ag_name_match.h"

#define STR                                                                    \
  "std::__cxx11::basic_string<char, std::char_traits<char>, "                  \
  "std::allocator<char> >"

static const struct {
  const char *pattern, *symbol, *display;
  int want;
} cases[] = {
    {"malloc", "malloc", "malloc", 1},
    {"mallo", "malloc", "malloc", 0},
    {"malloc2", "malloc", "malloc", 0},
    {"_ZN3dsp5Mixer7processEPfi", "_ZN3dsp5Mixer7processEPfi",
     "dsp::Mixer::process(float*, int)", 1},
    {"dsp::Mixer::process(float*, int)", "_ZN3dsp5Mixer7processEPfi",
     "dsp::Mixer::process(float*, int)", 1},
    {"dsp::Mixer::process", "_ZN3dsp5Mixer7processEPfi",
     "dsp::Mixer::process(float*, int)", 1},
    {"dsp::Mixer::process", "_ZNK3dsp5Mixer7processEv",
     "dsp::Mixer::process() const &", 1},
    {"dsp::Mixer::process(int)", "_ZN3dsp5Mixer7processEPfi",
     "dsp::Mixer::process(float*, int)", 0},
    {"dsp::Mixer", "_ZN3dsp5Mixer7processEPfi",
     "dsp::Mixer::process(float*, int)", 0},
    {"*", "anything", "anything", 1},
    {"dsp::*::process", "_ZN3dsp5Mixer7processEPfi",
     "dsp::Mixer::process(float*, int)", 1},
    {"_ZN3dsp*", "_ZN3dsp5Mixer7processEPfi",
     "dsp::Mixer::process(float*, int)", 1},
    {"dsp::?ixer::process(*)", "_ZN3dsp5Mixer7processEPfi",
     "dsp::Mixer::process(float*, int)", 1},
    {"audio::*", "_ZN3dsp5Mixer7processEPfi",
     "dsp::Mixer::process(float*, int)", 0},
    {STR "::append", "_ZNSt7__cxx1112basic_stringIcSt11char_traitsIcESaIcEE6appendEPKc",
     "std::string::append(char const*)", 1},
    {STR "::assign", "_ZNSt7__cxx1112basic_stringIcSt11char_traitsIcESaIcEE6appendEPKc",
     "std::string::append(char const*)", 0},
};

static const struct {
  const char *display;
  size_t want;
} bases[] = {
    {"malloc", 6},
    {"f(int)", 1},
    {"f(void (*)(int))", 1},
    {"S::f() const", 4},
    {"S::f() volatile &&", 4},
    {"S::operator()(int) const", 13},
    {"g(int) [clone .cold]", 20}, /* ends in no parameter list: all of it */
};

/* Counts a failure, and says which, when `got` is not `want`. */
#define CHECK_EQ(failures, got, want, ...)                                     \
  do {                                                                         \
    if ((got) != (want)) {                                                     \
      fprintf(stderr, __VA_ARGS__);                                            \
      ++(failures);                                                            \
    }                                                                          \
  } while (0)

int main(void) {
  int failures = 0;
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; ++i) {
    int got = ag_name_match(cases[i].pattern, cases[i].symbol,
                            cases[i].display);
    CHECK_EQ(failures, got, cases[i].want,
             "case %zu: %s against %s: got %d, want %d\n", i,
             cases[i].pattern, cases[i].display, got, cases[i].want);
  }
  for (size_t i = 0; i < sizeof bases / sizeof bases[0]; ++i) {
    size_t got = ag_name_base_len(bases[i].display);
    CHECK_EQ(failures, got, bases[i].want, "base of %s: got %zu, want %zu\n",
             bases[i].display, got, bases[i].want);
  }
  if (!failures)
    printf("%zu cases passed\n",
           sizeof cases / sizeof cases[0] + sizeof bases / sizeof bases[0]);
  return failures != 0;
}
