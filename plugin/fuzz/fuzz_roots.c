/* fuzz_roots.c - libFuzzer target for the roots file parser
 * (ag_strlist_add_lines), the -allocguard-roots list splitter
 * (ag_strlist_add_csv) and name matching (ag_name_matches: exact, without
 * parameters, globs, long template spellings) of what they return.
 *
 *   clang -g -fsanitize=fuzzer,address -I plugin -I common \
 *     -I /usr/lib/llvm-22/include plugin/fuzz/fuzz_roots.c \
 *     plugin/ag_names.c plugin/ag_util.c common/ag_names_short.c \
 *     -lstdc++ -o fuzz_roots
 */
#include "ag_names.h"
#include "ag_util.h"

#include <stdint.h>
#include <stdlib.h>

/* ag_names.c falls back to LLVM's demangler (plugin/ag_shim.cpp) when the
 * C++ runtime's fails; matching, which is fuzzed here, never demangles. */
char *ag_shim_demangle(const char *symbol) {
  (void)symbol;
  return NULL;
}

static const char *const ag_fuzz_functions[][2] = {
    {"c_entry", "c_entry"},
    {"_ZN3dsp5Mixer7processEPfi", "dsp::Mixer::process(float*, int)"},
    {"_ZNKSt6vectorIiSaIiEE4sizeEv", "std::vector<int>::size() const"},
    {"_Z4workRKNSt7__cxx1112basic_stringIcSt11char_traitsIcESaIcEEE",
     "work(std::string const&)"},
    {"_ZN1A4callEv", "A::call()"},
};

static void ag_fuzz_match(const struct ag_strlist *names) {
  for (size_t i = 0; i < names->count; ++i)
    for (size_t f = 0;
         f < sizeof(ag_fuzz_functions) / sizeof(*ag_fuzz_functions); ++f)
      ag_name_matches(names->items[i], ag_fuzz_functions[f][0],
                      ag_fuzz_functions[f][1]);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  struct ag_strlist names = {0};
  ag_strlist_add_lines(&names, (const char *)data, size);
  ag_fuzz_match(&names);
  ag_strlist_free(&names);
  /* The same bytes as an -allocguard-roots value (a C string). */
  char *csv = ag_xstrndup((const char *)data, size);
  ag_strlist_add_csv(&names, csv);
  free(csv);
  ag_fuzz_match(&names);
  ag_strlist_free(&names);
  return 0;
}
