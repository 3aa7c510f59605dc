/* test_wrap_c.c - every C wrapper returns what the real function returns
 * and counts calls and requested bytes on its site and in the totals.
 * Intent: outside any scope, a wrapper is the original call plus counting.
 */
#include "ag_test.h"

#include <malloc.h>
#include <stdint.h>

/* No site here is in a root and no lock is held: default mode (abort) must
 * never trigger. */
AG_TEST_SITE(s_malloc, 0, "malloc", 10);
AG_TEST_SITE(s_calloc, 0, "calloc", 11);
AG_TEST_SITE(s_realloc, 0, "realloc", 12);
AG_TEST_SITE(s_reallocarray, 0, "reallocarray", 13);
AG_TEST_SITE(s_aligned, 0, "aligned_alloc", 14);
AG_TEST_SITE(s_posix_memalign, 0, "posix_memalign", 15);
AG_TEST_SITE(s_memalign, 0, "memalign", 16);
AG_TEST_SITE(s_valloc, 0, "valloc", 17);
AG_TEST_SITE(s_pvalloc, 0, "pvalloc", 18);
AG_TEST_SITE(s_strdup, 0, "strdup", 19);
AG_TEST_SITE(s_strndup, 0, "strndup", 20);
AG_TEST_SITE(s_asprintf, 0, "asprintf", 21);
AG_TEST_SITE(s_vasprintf, 0, "vasprintf", 22);
AG_TEST_SITE(s_getline, 0, "getline", 23);
AG_TEST_SITE(s_getdelim, 0, "getdelim", 24);
AG_TEST_SITE(s_memstream, 0, "open_memstream", 25);
AG_TEST_SITE(s_free, AG_SITE_DEALLOC, "free", 26);
AG_TEST_SITE(s_asprintf_chk, 0, "__asprintf_chk", 30);
AG_TEST_SITE(s_vasprintf_chk, 0, "__vasprintf_chk", 31);
AG_TEST_SITE(s_getdelim_int, 0, "__getdelim", 32);
AG_TEST_SITE(s_strdup_int, 0, "__strdup", 33);
AG_TEST_SITE(s_strndup_int, 0, "__strndup", 34);
AG_TEST_SITE(s_user, AG_SITE_USER_ALLOCATOR, "pool_alloc", 27);
AG_TEST_SITE(s_user_free, AG_SITE_USER_ALLOCATOR | AG_SITE_DEALLOC, "pool_free",
             28);

static void check_site(const struct __allocguard_counters *c, uint64_t calls,
                       uint64_t bytes) {
  CHECK_EQ_U(c->calls, calls);
  CHECK_EQ_U(c->bytes, bytes);
  CHECK_EQ_U(c->violations, 0);
}

__attribute__((format(printf, 2, 3))) static int
call_vasprintf(char **out, const char *fmt, ...) {
  va_list ap;
  int r;
  va_start(ap, fmt);
  r = __allocguard_vasprintf(&s_vasprintf, out, fmt, ap);
  va_end(ap);
  return r;
}

__attribute__((format(printf, 2, 3))) static int
call_vasprintf_chk(char **out, const char *fmt, ...) {
  va_list ap;
  int r;
  va_start(ap, fmt);
  r = __allocguard___vasprintf_chk(&s_vasprintf_chk, out, 1, fmt, ap);
  va_end(ap);
  return r;
}

static void test_malloc_family(void) {
  long page = sysconf(_SC_PAGESIZE);
  void *p, *q;
  char *s;
  int r;

  p = __allocguard_malloc(&s_malloc, 100);
  CHECK(p != NULL);
  memset(p, 0xab, 100);
  check_site(&s_malloc_c, 1, 100);

  s = __allocguard_calloc(&s_calloc, 10, 20);
  CHECK(s != NULL);
  for (int i = 0; i < 200; i++)
    CHECK(s[i] == 0);
  check_site(&s_calloc_c, 1, 200);
  errno = 0;
  CHECK(__allocguard_calloc(&s_calloc, SIZE_MAX, 2) == NULL);
  CHECK(errno == ENOMEM);
  check_site(&s_calloc_c, 2, 200 + SIZE_MAX); /* saturated, then wraps */
  __allocguard_free(&s_free, s);

  p = __allocguard_realloc(&s_realloc, p, 300);
  CHECK(p != NULL && ((unsigned char *)p)[99] == 0xab);
  check_site(&s_realloc_c, 1, 300);

  p = __allocguard_reallocarray(&s_reallocarray, p, 10, 50);
  CHECK(p != NULL && ((unsigned char *)p)[99] == 0xab);
  check_site(&s_reallocarray_c, 1, 500);
  errno = 0;
  CHECK(__allocguard_reallocarray(&s_reallocarray, p, SIZE_MAX / 2, 4) == NULL);
  CHECK(errno == ENOMEM); /* p is left alone, as with reallocarray */
  CHECK(((unsigned char *)p)[99] == 0xab);
  __allocguard_free(&s_free, p);

  p = __allocguard_aligned_alloc(&s_aligned, 64, 128);
  CHECK(p != NULL && (uintptr_t)p % 64 == 0);
  check_site(&s_aligned_c, 1, 128);
  __allocguard_free(&s_free, p);

  q = NULL;
  CHECK(__allocguard_posix_memalign(&s_posix_memalign, &q, 64, 100) == 0);
  CHECK(q != NULL && (uintptr_t)q % 64 == 0);
  __allocguard_free(&s_free, q);
  q = (void *)1;
  r = __allocguard_posix_memalign(&s_posix_memalign, &q, 3, 100);
  CHECK(r == EINVAL && q == (void *)1); /* same as posix_memalign */
  check_site(&s_posix_memalign_c, 2, 200);

  p = __allocguard_memalign(&s_memalign, 32, 50);
  CHECK(p != NULL && (uintptr_t)p % 32 == 0);
  check_site(&s_memalign_c, 1, 50);
  __allocguard_free(&s_free, p);

  p = __allocguard_valloc(&s_valloc, 10);
  CHECK(p != NULL && (uintptr_t)p % (uintptr_t)page == 0);
  check_site(&s_valloc_c, 1, 10);
  __allocguard_free(&s_free, p);

  p = __allocguard_pvalloc(&s_pvalloc, 10);
  CHECK(p != NULL && (uintptr_t)p % (uintptr_t)page == 0);
  CHECK(malloc_usable_size(p) >= (size_t)page);
  check_site(&s_pvalloc_c, 1, 10);
  __allocguard_free(&s_free, p);
}

static void test_strings(void) {
  char *s = NULL;

  s = __allocguard_strdup(&s_strdup, "hello");
  CHECK_STR(s, "hello");
  check_site(&s_strdup_c, 1, 6);
  __allocguard_free(&s_free, s);

  s = __allocguard_strndup(&s_strndup, "hello", 3);
  CHECK_STR(s, "hel");
  __allocguard_free(&s_free, s);
  s = __allocguard_strndup(&s_strndup, "hi", 10);
  CHECK_STR(s, "hi");
  check_site(&s_strndup_c, 2, 4 + 3);
  __allocguard_free(&s_free, s);

  CHECK(__allocguard_asprintf(&s_asprintf, &s, "%d-%s", 42, "x") == 4);
  CHECK_STR(s, "42-x");
  check_site(&s_asprintf_c, 1, 0); /* size unknown */
  __allocguard_free(&s_free, s);

  CHECK(call_vasprintf(&s, "%s%s%s", "a", "bc", "def") == 6);
  CHECK_STR(s, "abcdef");
  check_site(&s_vasprintf_c, 1, 0);
  __allocguard_free(&s_free, s);
}

static void test_stdio(void) {
  FILE *f = tmpfile();
  char *line = NULL, *buf = NULL;
  size_t cap = 0, size = 0;
  CHECK(f != NULL);
  fputs("one\ntwo;three", f);
  rewind(f);

  CHECK(__allocguard_getline(&s_getline, &line, &cap, f) == 4);
  CHECK_STR(line, "one\n");
  CHECK(cap >= 5);
  CHECK(__allocguard_getdelim(&s_getdelim, &line, &cap, ';', f) == 4);
  CHECK_STR(line, "two;");
  CHECK(__allocguard_getdelim(&s_getdelim, &line, &cap, ';', f) == 5);
  CHECK_STR(line, "three");
  CHECK(__allocguard_getline(&s_getline, &line, &cap, f) == -1);
  check_site(&s_getline_c, 2, 0);
  check_site(&s_getdelim_c, 2, 0);
  __allocguard_free(&s_free, line);
  fclose(f);

  f = __allocguard_open_memstream(&s_memstream, &buf, &size);
  CHECK(f != NULL);
  fputs("abc", f);
  CHECK(fclose(f) == 0);
  CHECK(size == 3);
  CHECK_STR(buf, "abc");
  check_site(&s_memstream_c, 1, 0);
  free(buf);
}

/* The names optimized or fortified code calls instead of the C ones. */
static void test_glibc_names(void) {
  FILE *f = tmpfile();
  char *s = NULL;
  size_t cap = 0;

  CHECK(__allocguard___asprintf_chk(&s_asprintf_chk, &s, 1, "%d", 7) == 1);
  CHECK_STR(s, "7");
  check_site(&s_asprintf_chk_c, 1, 0);
  __allocguard_free(&s_free, s);
  CHECK(call_vasprintf_chk(&s, "%s%c", "a", 'b') == 2);
  CHECK_STR(s, "ab");
  check_site(&s_vasprintf_chk_c, 1, 0);
  __allocguard_free(&s_free, s);

  CHECK(f != NULL);
  fputs("x,y", f);
  rewind(f);
  s = NULL;
  CHECK(__allocguard___getdelim(&s_getdelim_int, &s, &cap, ',', f) == 2);
  CHECK_STR(s, "x,");
  check_site(&s_getdelim_int_c, 1, 0);
  __allocguard_free(&s_free, s);
  fclose(f);

  s = __allocguard___strdup(&s_strdup_int, "abc");
  CHECK_STR(s, "abc");
  check_site(&s_strdup_int_c, 1, 4);
  __allocguard_free(&s_free, s);
  s = __allocguard___strndup(&s_strndup_int, "abcdef", 2);
  CHECK_STR(s, "ab");
  check_site(&s_strndup_int_c, 1, 3);
  __allocguard_free(&s_free, s);
}

static void test_free_and_user_hook(void) {
  uint64_t before = s_free_c.calls;
  __allocguard_free(&s_free, NULL); /* counted, harmless */
  CHECK_EQ_U(s_free_c.calls, before + 1);
  CHECK_EQ_U(s_free_c.bytes, 0);

  __allocguard_check_site(&s_user, 48);
  __allocguard_check_site(&s_user, 0); /* size unknown */
  check_site(&s_user_c, 2, 48);
  __allocguard_check_site(&s_user_free, 0);
  check_site(&s_user_free_c, 1, 0);
}

int main(void) {
  struct allocguard_stats st;
  allocguard_stats_reset();
  test_malloc_family();
  test_strings();
  test_stdio();
  test_glibc_names();
  test_free_and_user_hook();

  allocguard_stats_get(&st);
  /* 29 allocation calls (2 of them user), 20 frees (1 of them user). */
  CHECK_EQ_U(st.allocations, 29);
  CHECK_EQ_U(s_free_c.calls, 19);
  CHECK_EQ_U(st.frees, 20);
  CHECK_EQ_U(st.violations, 0);
  CHECK_EQ_U(st.bytes, s_malloc_c.bytes + s_calloc_c.bytes + s_realloc_c.bytes +
                           s_reallocarray_c.bytes + s_aligned_c.bytes +
                           s_posix_memalign_c.bytes + s_memalign_c.bytes +
                           s_valloc_c.bytes + s_pvalloc_c.bytes +
                           s_strdup_c.bytes + s_strndup_c.bytes +
                           s_strdup_int_c.bytes + s_strndup_int_c.bytes +
                           s_user_c.bytes);
  return 0;
}
