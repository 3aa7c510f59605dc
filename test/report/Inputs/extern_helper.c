// An external function named helper (deallocates), and its caller.
#include <stdlib.h>

void helper(void *p) { free(p); }

void ext_helper_user(void) { helper(0); }
