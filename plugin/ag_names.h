/* ag_names.h - symbol names as users write them.
 *
 * C++ symbols are demangled for display and for matching names given in
 * options, so `dsp::Mixer::process` or `process(float*, int)` both name
 * `_ZN3dsp5Mixer7processEPfi`.
 */
#ifndef ALLOCGUARD_AG_NAMES_H
#define ALLOCGUARD_AG_NAMES_H

#include <stddef.h>

/* Demangled form of `symbol`, or a copy of it when it is not mangled.
 * The caller frees the result. */
char *ag_demangle(const char *symbol);

/* Does a user-written `pattern` name this function? True when it equals
 * the symbol, the demangled name, or the demangled name without its
 * parameter list (for C++ overload sets). */
int ag_name_matches(const char *pattern, const char *symbol,
                    const char *demangled);

/* Length of the demangled name without its trailing parameter list. */
size_t ag_name_without_params(const char *demangled);

#endif /* ALLOCGUARD_AG_NAMES_H */
