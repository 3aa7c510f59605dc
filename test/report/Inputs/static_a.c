// A static helper that allocates, and a root calling it.
#include <allocguard.h>
#include <string.h>

static char *helper(void) { return strdup("a"); }

ALLOCGUARD_ALLOC_FREE void root_a(void) { helper(); }
