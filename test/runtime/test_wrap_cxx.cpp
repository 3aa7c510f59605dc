// test_wrap_cxx.cpp - the operator new/delete and __cxa_allocate_exception
// wrappers.
// Intent: every variant returns usable (and suitably aligned) memory, counts
// its site, and std::bad_alloc from the real operator new propagates
// through __allocguard__Znwm to the caller.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <cxxabi.h>
#include <new>
#include <typeinfo>

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

namespace {

struct Site {
  __allocguard_counters counters{};
  __allocguard_site site;
  Site(const char *callee, bool dealloc)
      : site{AG_SITE_ABI_VERSION,
             dealloc ? unsigned(AG_SITE_DEALLOC) : 0u,
             1,
             1,
             "t.cpp",
             "main",
             callee,
             &counters} {}
};

bool aligned(void *p, std::size_t a) {
  return reinterpret_cast<std::uintptr_t>(p) % a == 0;
}

} // namespace

int main() {
  allocguard_stats_enable(); // the checks below read the counts
  Site nw("operator new(unsigned long)", false);
  Site del("operator delete(void*)", true);
  const std::nothrow_t &nt = std::nothrow;
  const std::size_t al = 256;
  void *p;

  p = __allocguard__Znwm(&nw.site, 10);
  std::memset(p, 1, 10);
  __allocguard__ZdlPv(&del.site, p);
  p = __allocguard__Znam(&nw.site, 20);
  __allocguard__ZdaPv(&del.site, p);
  p = __allocguard__Znwm(&nw.site, 30);
  __allocguard__ZdlPvm(&del.site, p, 30);
  p = __allocguard__Znam(&nw.site, 40);
  __allocguard__ZdaPvm(&del.site, p, 40);

  p = __allocguard__ZnwmRKSt9nothrow_t(&nw.site, 50, &nt);
  CHECK(p != nullptr);
  __allocguard__ZdlPvRKSt9nothrow_t(&del.site, p, &nt);
  p = __allocguard__ZnamRKSt9nothrow_t(&nw.site, 60, &nt);
  CHECK(p != nullptr);
  __allocguard__ZdaPvRKSt9nothrow_t(&del.site, p, &nt);

  p = __allocguard__ZnwmSt11align_val_t(&nw.site, 70, al);
  CHECK(aligned(p, al));
  __allocguard__ZdlPvSt11align_val_t(&del.site, p, al);
  p = __allocguard__ZnamSt11align_val_t(&nw.site, 80, al);
  CHECK(aligned(p, al));
  __allocguard__ZdaPvSt11align_val_t(&del.site, p, al);
  p = __allocguard__ZnwmSt11align_val_t(&nw.site, 90, al);
  __allocguard__ZdlPvmSt11align_val_t(&del.site, p, 90, al);
  p = __allocguard__ZnamSt11align_val_t(&nw.site, 100, al);
  __allocguard__ZdaPvmSt11align_val_t(&del.site, p, 100, al);
  p = __allocguard__ZnwmSt11align_val_tRKSt9nothrow_t(&nw.site, 110, al, &nt);
  CHECK(p != nullptr && aligned(p, al));
  __allocguard__ZdlPvSt11align_val_tRKSt9nothrow_t(&del.site, p, al, &nt);
  p = __allocguard__ZnamSt11align_val_tRKSt9nothrow_t(&nw.site, 120, al, &nt);
  CHECK(p != nullptr && aligned(p, al));
  __allocguard__ZdaPvSt11align_val_tRKSt9nothrow_t(&del.site, p, al, &nt);

  CHECK(nw.counters.calls == 12);
  CHECK(nw.counters.bytes == 780);
  CHECK(del.counters.calls == 12);
  CHECK(del.counters.bytes == 0);

  // A huge request: the real operator new throws, the wrapper lets it pass.
  bool caught = false;
  try {
    p = __allocguard__Znwm(&nw.site, SIZE_MAX / 2);
    std::printf("unexpected success %p\n", p);
  } catch (const std::bad_alloc &) {
    caught = true;
  }
  CHECK(caught);
  CHECK(nw.counters.calls == 13);
  // ... while the nothrow forms return null.
  CHECK(__allocguard__ZnwmRKSt9nothrow_t(&nw.site, SIZE_MAX / 2, &nt) ==
        nullptr);
  CHECK(__allocguard__ZnamSt11align_val_tRKSt9nothrow_t(&nw.site, SIZE_MAX / 2,
                                                        al, &nt) == nullptr);

  // __cxa_allocate_exception: what `throw 42;` becomes after rewriting.
  Site exc("__cxa_allocate_exception", false);
  caught = false;
  try {
    void *e = __allocguard___cxa_allocate_exception(&exc.site, sizeof(int));
    *static_cast<int *>(e) = 42;
    abi::__cxa_throw(e, const_cast<std::type_info *>(&typeid(int)), nullptr);
  } catch (int v) {
    caught = v == 42;
  }
  CHECK(caught);
  CHECK(exc.counters.calls == 1 && exc.counters.bytes == sizeof(int));

  allocguard_stats st;
  allocguard_stats_get(&st);
  CHECK(st.allocations == 16 && st.frees == 12 && st.violations == 0);
  return 0;
}
