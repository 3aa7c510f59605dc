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

/* Does a user-written `pattern` name this function? True when it equals
 * the symbol, the display name, or the display name without its parameter
 * list (for C++ overload sets). A pattern with `*` or `?` is a shell glob
 * over the same three spellings (`*`: every function). A pattern written
 * with the long template spelling matches as its short form does. */
int ag_name_matches(const char *pattern, const char *symbol,
                    const char *display);

/* Length of the demangled name without its trailing parameter list. */
size_t ag_name_without_params(const char *demangled);

#endif /* ALLOCGUARD_AG_NAMES_H */
