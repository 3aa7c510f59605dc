/* dso_sites.c - a dlopen'able library with its own site descriptors,
 * registered from its constructor as instrumented code would; loaded by
 * test_dlclose.c. */
#include "ag_rt_wrap.h"

#include <stdlib.h>

static struct __allocguard_counters dso_c[2];
static const struct __allocguard_site dso_sites[2] = {
    {AG_SITE_ABI_VERSION, 0, 7, 3, "dso.c", "dso_alloc", "malloc", &dso_c[0]},
    {AG_SITE_ABI_VERSION, AG_SITE_DEALLOC, 8, 3, "dso.c", "dso_alloc", "free",
     &dso_c[1]},
};

void dso_alloc(void);
unsigned long long dso_calls(void);

__attribute__((constructor)) static void dso_register(void) {
  __allocguard_register_sites(dso_sites, dso_sites + 2);
}

void dso_alloc(void) {
  __allocguard_free(&dso_sites[1], __allocguard_malloc(&dso_sites[0], 11));
}

unsigned long long dso_calls(void) { return dso_c[0].calls; }
