/* ag_names_short.h - C++ names as clang and debuggers print them.
 *
 * The one definition of how allocguard shortens a demangled name for
 * people, linked into the plugin and allocguard-report alike:
 *
 *   std::__cxx11::basic_string<char, std::char_traits<char>,
 *       std::allocator<char> >::append(char const*)
 *     -> std::string::append(char const*)
 *   std::map<int, std::__1::basic_string<...>, std::less<int>, ...>
 *     -> std::map<int, std::string>
 *   std::basic_ostream<char, std::char_traits<char> >&
 *       std::endl<char, std::char_traits<char> >(...)
 *     -> std::endl<char, std::char_traits<char>>(std::ostream&)
 *
 * The library's inline namespaces (std::__cxx11::, std::__1::,
 * std::__ndk1::) and libc++'s ABI tags ([abi:ne190107]) go; template arguments equal to the standard's defaults go
 * (common/ag_names_short.def); what is left of a basic_string,
 * basic_ostream, ... with one argument becomes its typedef; nested closing
 * brackets print as ">>"; a function template's return type goes. Anything
 * else is copied: the result still names one function, and applying the
 * shortener twice gives what once does.
 *
 * Depends on libc only; unit test: test/common/test_names_short.c.
 */
#ifndef ALLOCGUARD_AG_NAMES_SHORT_H
#define ALLOCGUARD_AG_NAMES_SHORT_H

/* The short form of the demangled (or plain C) name `name`, in memory from
 * malloc that the caller frees; NULL only when out of memory. */
char *ag_name_short(const char *name);

/* ag_name_short() of a user's pattern that is matched against every
 * function of a program: remembered per thread (a few entries, keyed by the
 * pattern's address and checked against its text), so a million
 * comparisons shorten it once. The result belongs to the cache and stays
 * valid until the next call on this thread; NULL when out of memory. */
const char *ag_name_short_pattern(const char *pattern);

#endif /* ALLOCGUARD_AG_NAMES_SHORT_H */
