// First user of the inline make_buf, a root.
#include <allocguard.h>
#include "inline.h"

ALLOCGUARD_ALLOC_FREE void *name_a() { return make_buf(8); }
