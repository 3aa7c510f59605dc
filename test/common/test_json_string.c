/* test_json_string.c - ag_json_string_write() (common/ag_json_string.c),
 * the one JSON string writer of the plugin and the report tool.
 * Intent: quotes, backslashes and control characters are escaped; valid
 * UTF-8 (2, 3 and 4 bytes) passes as it is; every byte that starts no
 * valid sequence (Latin-1, a stray continuation, an overlong form, a
 * surrogate, past U+10FFFF, 0xf5-0xff, a sequence cut by the end) becomes
 * \ufffd, so the output is always valid UTF-8; NULL is null. */
#include <stdio.h>
#include <string.h>

#include "ag_json_string.h"

struct buffer {
  char data[256];
  size_t len;
};

static void put(void *context, const char *data, size_t len) {
  struct buffer *b = context;
  memcpy(b->data + b->len, data, len);
  b->len += len;
  b->data[b->len] = '\0';
}

/* Counts a failure and says which, when `got` is not `want`. */
#define CHECK_STREQ(failures, what, got, want)                                 \
  do {                                                                         \
    if (strcmp((got), (want)) != 0) {                                          \
      fprintf(stderr, "%s: got %s, want %s\n", (what), (got), (want));        \
      ++(failures);                                                            \
    }                                                                          \
  } while (0)

static const struct {
  const char *in, *want;
} cases[] = {
    {"plain.c", "\"plain.c\""},
    {"a\"b\\c", "\"a\\\"b\\\\c\""},
    {"tab\there\nnl\x01", "\"tab\\there\\nnl\\u0001\""},
    {"caf\xc3\xa9.c", "\"caf\xc3\xa9.c\""},                   /* é, 2 bytes */
    {"\xe2\x82\xac \xf0\x9f\x8e\xb5", "\"\xe2\x82\xac \xf0\x9f\x8e\xb5\""}, /* €, 🎵 */
    {"caf\xe9.c", "\"caf\\ufffd.c\""},                         /* Latin-1 é */
    {"\x80x", "\"\\ufffdx\""},                                 /* stray continuation */
    {"\xc0\xaf", "\"\\ufffd\\ufffd\""},                        /* overlong '/' */
    {"\xed\xa0\x80", "\"\\ufffd\\ufffd\\ufffd\""},             /* surrogate */
    {"\xf4\x90\x80\x80", "\"\\ufffd\\ufffd\\ufffd\\ufffd\""},  /* past U+10FFFF */
    {"\xf5\x80\x80", "\"\\ufffd\\ufffd\\ufffd\""},             /* never a lead byte */
    {"\xe2\x82", "\"\\ufffd\\ufffd\""},                        /* cut by the end */
};

int main(void) {
  int failures = 0;
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; ++i) {
    struct buffer b = {{0}, 0};
    ag_json_string_write(put, &b, cases[i].in);
    char what[32];
    snprintf(what, sizeof what, "case %zu", i);
    CHECK_STREQ(failures, what, b.data, cases[i].want);
  }
  struct buffer b = {{0}, 0};
  ag_json_string_write(put, &b, NULL);
  CHECK_STREQ(failures, "NULL", b.data, "null");
  if (!failures)
    printf("%zu cases passed\n", sizeof cases / sizeof cases[0] + 1);
  return failures != 0;
}
