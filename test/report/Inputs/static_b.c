// A static helper of the same name that does not allocate, its root, and a
// call to the external helper defined in extern_helper.c.
#include <allocguard.h>

void ext_helper_user(void);

static int helper(void) { return 2; }

ALLOCGUARD_ALLOC_FREE void root_b(void) { helper(); }

ALLOCGUARD_ALLOC_FREE void root_c(void) { ext_helper_user(); }
