/* ag_names.h - symbol names as users write them.
 *
 * C++ symbols are demangled for display and for matching names given in
 * options, so `dsp::Mixer::process` or `process(float*, int)` both name
 * `_ZN3dsp5Mixer7processEPfi`.
 */
#ifndef ALLOCGUARD_AG_NAMES_H
#define ALLOCGUARD_AG_NAMES_H

#include <stddef.h>

/* Display name of `symbol`: demangled and shortened as clang prints it
 * (common/ag_names_short.h: std::string, std::vector<int>), or a copy of
 * the symbol when it is not mangled. The caller frees the result. */
char *ag_demangle(const char *symbol);

/* Does a user-written `pattern` name this function? The rules shared
 * with allocguard-report (common/ag_name_match.h): the symbol, the display
 * name, the display name without its parameter list (for C++ overload
 * sets), or a shell glob over those. Aborts when out of memory. */
int ag_name_matches(const char *pattern, const char *symbol,
                    const char *display);

#endif /* ALLOCGUARD_AG_NAMES_H */
