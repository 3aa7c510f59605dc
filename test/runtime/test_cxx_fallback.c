/* test_cxx_fallback.c - C++ wrappers in a process without libstdc++.
 * Intent: a C program loads the runtime although the C++ operators are
 * unresolved (weak), and the operator wrappers still work through the
 * malloc/free fallback (what happens when --as-needed dropped libstdc++
 * from a rewritten C++ program); a failing throwing new, which cannot
 * throw here, aborts with one clear line.
 */
#include "ag_test.h"

#include <stdint.h>

AG_TEST_SITE(s_new, 0, "operator new(unsigned long)", 3);
AG_TEST_SITE(s_delete, AG_SITE_DEALLOC, "operator delete(void*)", 4);

int main(int argc, char **argv) {
  struct ag_child c;
  void *p;
  if (argc > 1 && !strcmp(argv[1], "huge")) {
    __allocguard__Znwm(&s_new, SIZE_MAX / 2);
    return 0;
  }

  p = __allocguard__Znwm(&s_new, 0); /* new of size 0 is a unique pointer */
  CHECK(p != NULL);
  __allocguard__ZdlPv(&s_delete, p);
  p = __allocguard__Znam(&s_new, 100);
  CHECK(p != NULL);
  memset(p, 1, 100);
  __allocguard__ZdaPvm(&s_delete, p, 100);
  p = __allocguard__ZnwmSt11align_val_t(&s_new, 10, 128);
  CHECK(p != NULL && (uintptr_t)p % 128 == 0);
  __allocguard__ZdlPvSt11align_val_t(&s_delete, p, 128);
  CHECK(__allocguard__ZnwmRKSt9nothrow_t(&s_new, SIZE_MAX / 2, NULL) == NULL);
  CHECK_EQ_U(s_new_c.calls, 4);
  CHECK_EQ_U(s_delete_c.calls, 3);

  ag_test_child(&c, "huge", NULL);
  CHECK_SIGNALED(&c, SIGABRT);
  CHECK_CONTAINS(c.out, "ERROR: allocguard: operator new failed and cannot "
                        "throw std::bad_alloc (the C++ runtime is not "
                        "loaded: link with -Wl,--no-as-needed -lstdc++)\n");
  return 0;
}
