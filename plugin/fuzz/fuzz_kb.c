/* fuzz_kb.c - libFuzzer target for the -allocguard-kb file parser
 * (ag_kb_add_rows) and the lookups over the rows it keeps, globs included.
 *
 *   clang -g -fsanitize=fuzzer,address -I plugin -I common \
 *     plugin/fuzz/fuzz_kb.c plugin/ag_kb.c plugin/ag_util.c \
 *     common/ag_names_short.c -o fuzz_kb
 */
#include "ag_kb.h"
#include "ag_util.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* Names a module may ask about: C, mangled C++, display names with
 * templates, spaces and '*'. */
static const char *const ag_fuzz_names[][2] = {
    {"malloc", "malloc"},
    {"_Znwm", "operator new(unsigned long)"},
    {"_ZNSt7__cxx1112basic_stringIcSt11char_traitsIcESaIcEE6appendEPKc",
     "std::string::append(char const*)"},
    {"_ZNKSt6vectorIiSaIiEE4sizeEv", "std::vector<int>::size() const"},
    {"render", "render(float*, int)"},
};

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  char *error = NULL;
  struct ag_kb *kb = ag_kb_create(NULL, &error);
  free(ag_kb_add_rows(kb, (const char *)data, size, "fuzz.kb"));
  for (size_t i = 0; i < sizeof(ag_fuzz_names) / sizeof(*ag_fuzz_names); ++i)
    ag_kb_lookup(kb, ag_fuzz_names[i][0], ag_fuzz_names[i][1]);
  /* The input's first line as a name, against its own rows' globs. */
  size_t len = 0;
  while (len < size && len < 256 && data[len] != '\n')
    ++len;
  char *name = ag_xstrndup((const char *)data, len);
  ag_kb_lookup(kb, name, name);
  ag_kb_lookup(kb, name, name); /* the memo's answer */
  free(name);
  ag_kb_free(kb);
  return 0;
}
