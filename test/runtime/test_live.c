/* test_live.c - live_bytes and peak_live_bytes.
 * Intent: every checked allocation adds malloc_usable_size() of its block
 * and every checked free subtracts it, exactly, across the malloc family,
 * realloc (grow, shrink, free by size 0, failure), posix_memalign, strdup,
 * asprintf and getline; the peak is the highest level; reset keeps the
 * level and restarts the peak from it; a foreign block freed through a
 * checked free never makes the reported level negative.
 */
#include "ag_test.h"

#include <malloc.h>
#include <stdint.h>

AG_TEST_SITE(s_a, 0, "malloc", 10);
AG_TEST_SITE(s_f, AG_SITE_DEALLOC, "free", 11);

static struct allocguard_stats st;

static uint64_t live(void) {
  allocguard_stats_get(&st);
  return st.live_bytes;
}

static uint64_t peak(void) {
  allocguard_stats_get(&st);
  return st.peak_live_bytes;
}

static void test_malloc_family(void) {
  void *a, *b, *c, *d;
  size_t ua, ub, uc, ud;
  CHECK_EQ_U(live(), 0);
  a = __allocguard_malloc(&s_a, 100);
  ua = malloc_usable_size(a);
  CHECK(ua >= 100);
  CHECK_EQ_U(live(), ua);
  b = __allocguard_calloc(&s_a, 10, 30);
  ub = malloc_usable_size(b);
  CHECK_EQ_U(live(), ua + ub);
  CHECK(__allocguard_posix_memalign(&s_a, &c, 64, 200) == 0);
  uc = malloc_usable_size(c);
  d = __allocguard_aligned_alloc(&s_a, 32, 64);
  ud = malloc_usable_size(d);
  CHECK_EQ_U(live(), ua + ub + uc + ud);
  CHECK_EQ_U(peak(), ua + ub + uc + ud);
  __allocguard_free(&s_f, b);
  CHECK_EQ_U(live(), ua + uc + ud);
  CHECK_EQ_U(peak(), ua + ub + uc + ud); /* the peak stays */
  __allocguard_free(&s_f, a);
  __allocguard_free(&s_f, c);
  __allocguard_free(&s_f, d);
  __allocguard_free(&s_f, NULL);
  CHECK_EQ_U(live(), 0);
  CHECK_EQ_U(peak(), ua + ub + uc + ud);
}

static void test_realloc(void) {
  char *p = __allocguard_realloc(&s_a, NULL, 16), *q;
  CHECK_EQ_U(live(), malloc_usable_size(p));
  p = __allocguard_realloc(&s_a, p, 4000); /* grow */
  CHECK_EQ_U(live(), malloc_usable_size(p));
  p = __allocguard_realloc(&s_a, p, 24); /* shrink */
  CHECK_EQ_U(live(), malloc_usable_size(p));
  q = __allocguard_realloc(&s_a, p, SIZE_MAX / 2); /* fails: p intact */
  CHECK(q == NULL);
  CHECK_EQ_U(live(), malloc_usable_size(p));
  p = __allocguard_reallocarray(&s_a, p, 10, 50);
  CHECK_EQ_U(live(), malloc_usable_size(p));
  q = __allocguard_realloc(&s_a, p, 0); /* glibc frees, returns NULL */
  CHECK(q == NULL);
  CHECK_EQ_U(live(), 0);
}

static void test_strings(void) {
  char *s = __allocguard_strdup(&s_a, "hello"), *t, *line = NULL;
  size_t us = malloc_usable_size(s), cap = 0;
  FILE *f;
  CHECK_EQ_U(live(), us);
  CHECK(__allocguard_asprintf(&s_a, &t, "%d-%s", 42, "x") == 4);
  CHECK_EQ_U(live(), us + malloc_usable_size(t));
  __allocguard_free(&s_f, t);
  __allocguard_free(&s_f, s);
  CHECK_EQ_U(live(), 0);
  f = fmemopen("first line\nsecond, longer line\n", 31, "r");
  CHECK(f != NULL);
  CHECK(__allocguard_getline(&s_a, &line, &cap, f) == 11);
  CHECK_EQ_U(live(), malloc_usable_size(line));
  CHECK(__allocguard_getline(&s_a, &line, &cap, f) == 20);
  CHECK_EQ_U(live(), malloc_usable_size(line));
  fclose(f);
  __allocguard_free(&s_f, line);
  CHECK_EQ_U(live(), 0);
}

static void test_peak_and_reset(void) {
  void *blocks[10];
  uint64_t sum = 0;
  int i;
  allocguard_stats_reset();
  CHECK_EQ_U(peak(), 0);
  for (i = 0; i < 10; i++) {
    blocks[i] = __allocguard_malloc(&s_a, 1000);
    sum += malloc_usable_size(blocks[i]);
  }
  for (i = 0; i < 5; i++)
    __allocguard_free(&s_f, blocks[i]);
  CHECK_EQ_U(peak(), sum);
  CHECK(peak() < 50 * 1024); /* the assertion a test of a program makes */
  allocguard_stats_reset(); /* level kept, peak restarts from it */
  CHECK_EQ_U(live(), st.peak_live_bytes);
  CHECK(st.live_bytes > 0 && st.live_bytes < sum);
  CHECK_EQ_U(st.allocations, 0);
  for (i = 5; i < 10; i++)
    __allocguard_free(&s_f, blocks[i]);
  CHECK_EQ_U(live(), 0);
}

static void test_foreign_free(void) {
  /* Allocated without a wrapper, freed through one: the level would go
   * negative; it reads as 0, and later blocks still count from there. */
  void *p = malloc(500), *q;
  __allocguard_free(&s_f, p);
  CHECK_EQ_U(live(), 0);
  q = __allocguard_malloc(&s_a, 10);
  CHECK_EQ_U(live(), 0); /* still below zero underneath */
  __allocguard_free(&s_f, q);
}

int main(void) {
  test_malloc_family();
  test_realloc();
  test_strings();
  test_peak_and_reset();
  test_foreign_free();
  return 0;
}
