// A user allocator (marked where it is defined, not where it is called)
// and a helper that does not allocate.
#include <allocguard.h>
#include <stddef.h>

static char arena[1024];
static size_t used;

ALLOCGUARD_ALLOCATOR void *pool_alloc(size_t n) {
  void *p = arena + used;
  used += n;
  return p;
}

void helper_defined_elsewhere(void) { used = 0; }
