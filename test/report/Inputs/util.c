// The last unit of the three-unit example: the allocation.
#include <string.h>

char *make_label(const char *name) { return strdup(name); }
