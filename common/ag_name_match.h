/* ag_name_match.h - names as users write them, matched one way by the
 * plugin (-allocguard-roots, roots files) and by allocguard-report
 * (--root, suppressions).
 *
 * A pattern names a function when it equals its symbol, its display name
 * (demangled and shortened: common/ag_names_short.h), or the display name
 * without its parameter list (`dsp::Mixer::process` names every
 * overload). A pattern with `*` or `?` is a shell glob over the same three
 * spellings (`*`: every function, `dsp::*::process` every DSP stage). A
 * pattern in the long template spelling (std::__cxx11::basic_string<char,
 * ...>) matches as its short form does.
 *
 * Depends on libc only; unit test: test/common/test_name_match.c.
 */
#ifndef ALLOCGUARD_AG_NAME_MATCH_H
#define ALLOCGUARD_AG_NAME_MATCH_H

#include <stddef.h>

/* 1 when `pattern` names the function with this symbol and display name,
 * 0 when it does not, -1 when out of memory. */
int ag_name_match(const char *pattern, const char *symbol,
                  const char *display);

/* Length of the display name `display` without its trailing parameter
 * list and the cv/ref qualifiers of a member function. */
size_t ag_name_base_len(const char *display);

#endif /* ALLOCGUARD_AG_NAME_MATCH_H */
