/* ag_json_string.h - a JSON string literal, written one way for the
 * plugin's per-unit report and for allocguard-report's JSON and SARIF:
 * quotes, backslashes and control characters escaped, and always valid
 * UTF-8, a byte that starts no valid sequence becoming U+FFFD, so a source
 * named caf\xe9.c (Latin-1) still gives a file every JSON parser reads.
 */
#ifndef ALLOCGUARD_AG_JSON_STRING_H
#define ALLOCGUARD_AG_JSON_STRING_H

#include <stddef.h>

/* Where the bytes go: a FILE, a buffer. */
typedef void ag_json_put_fn(void *context, const char *data, size_t len);

/* Writes `s` as a JSON string, or `null` when s is NULL. */
void ag_json_string_write(ag_json_put_fn *put, void *context, const char *s);

#endif /* ALLOCGUARD_AG_JSON_STRING_H */
