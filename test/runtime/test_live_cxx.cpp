// test_live_cxx.cpp - live bytes of the C++ operators, and the C++ guards.
// Intent: with libstdc++'s operators (malloc-backed), every new adds
// malloc_usable_size() of its block and every delete (plain, sized,
// aligned) subtracts it; an exception object is never measured;
// allocguard::permit and allocguard::lock_guard begin and end with their
// scope, unwinding included.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cxxabi.h>
#include <malloc.h>
#include <new>

#include "ag_rt_wrap.h"
#include "allocguard.h"

#define CHECK(cond)                                                            \
  do {                                                                         \
    if (!(cond)) {                                                             \
      std::fprintf(stderr, "%s:%d: CHECK failed: %s\n", __FILE__, __LINE__,    \
                   #cond);                                                     \
      std::exit(1);                                                            \
    }                                                                          \
  } while (0)

extern "C" const char *__allocguard_default_options(void) {
  return "mode=count";
}

namespace {

__allocguard_counters c_new{}, c_del{};
const __allocguard_site s_new{AG_SITE_ABI_VERSION, 0, 1, 1, "t.cpp", "main",
                              "operator new(unsigned long)", &c_new};
const __allocguard_site s_del{
    AG_SITE_ABI_VERSION, AG_SITE_DEALLOC, 2, 1, "t.cpp", "main",
    "operator delete(void*)", &c_del};

allocguard_stats stats() {
  allocguard_stats st;
  allocguard_stats_get(&st);
  return st;
}

void test_live() {
  void *a = __allocguard__Znwm(&s_new, 40);
  std::size_t ua = malloc_usable_size(a);
  CHECK(stats().live_bytes == ua);
  void *b = __allocguard__Znam(&s_new, 300);
  std::size_t ub = malloc_usable_size(b);
  CHECK(stats().live_bytes == ua + ub);
  void *c = __allocguard__ZnwmSt11align_val_t(&s_new, 100, 64);
  CHECK(reinterpret_cast<std::uintptr_t>(c) % 64 == 0);
  std::size_t uc = malloc_usable_size(c);
  CHECK(stats().live_bytes == ua + ub + uc);
  CHECK(stats().peak_live_bytes == ua + ub + uc);
  __allocguard__ZdlPvm(&s_del, a, 40);
  __allocguard__ZdaPv(&s_del, b);
  __allocguard__ZdlPvSt11align_val_t(&s_del, c, 64);
  __allocguard__ZdlPv(&s_del, nullptr);
  CHECK(stats().live_bytes == 0);
  CHECK(stats().peak_live_bytes == ua + ub + uc);

  void *e = __allocguard___cxa_allocate_exception(&s_new, 16);
  CHECK(stats().live_bytes == 0); // its pointer is past a header: unmeasured
  abi::__cxa_free_exception(e);
}

void permitted_throw() {
  allocguard::permit p;
  __allocguard__ZdlPv(&s_del, __allocguard__Znwm(&s_new, 8)); // 2 permitted
  throw 1;
}

void test_guards() {
  allocguard_stats before = stats();
  {
    allocguard::lock_guard lock;
    CHECK(allocguard_lock_depth() == 1);
    try {
      permitted_throw();
    } catch (int) {
    }
    // The permit ended with the unwinding: a violation again.
    __allocguard__ZdlPv(&s_del, __allocguard__Znwm(&s_new, 8));
  }
  CHECK(allocguard_lock_depth() == 0);
  allocguard_stats after = stats();
  CHECK(after.permitted - before.permitted == 2);
  CHECK(after.violations - before.violations == 2);
  {
    allocguard::lock_guard budget(1, 0);
    __allocguard__ZdlPv(&s_del, __allocguard__Znwm(&s_new, 8));
  }
  CHECK(allocguard_lock_depth() == 0);
  CHECK(stats().budgeted - after.budgeted == 1);
  CHECK(stats().violations - after.violations == 1);
}

} // namespace

int main() {
  allocguard_stats_enable(); // the checks below read the counts
  test_live();
  test_guards();
  return 0;
}
