/* ag_rep_names.h - names as users write them in --root and suppressions.
 *
 * The plugin's rules (plugin/ag_names.c): a name matches a function when
 * it equals the symbol, the demangled name, or the demangled name without
 * its parameter list (`dsp::Mixer::process` names every overload). The
 * summaries carry display names (demangled and shortened by the plugin:
 * std::string, std::vector<int>), so nothing is demangled here; a pattern
 * in the long template spelling is shortened the same way
 * (common/ag_names_short.h) before it is compared. Patterns with `*` or
 * `?` are shell globs over the same three spellings.
 */
#ifndef ALLOCGUARD_AG_REP_NAMES_H
#define ALLOCGUARD_AG_REP_NAMES_H

#include <stddef.h>

int ag_rep_name_matches(const char *pattern, const char *symbol,
                        const char *display);

/* Length of `display` without a trailing parameter list and cv/ref
 * qualifiers. */
size_t ag_rep_name_base_len(const char *display);

#endif /* ALLOCGUARD_AG_REP_NAMES_H */
