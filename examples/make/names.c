/* Two files below the root: a heap copy of the name, which `make check`
 * reports as an allocation reachable from render(). Return `names[bus]`
 * itself and the check passes. */
#include <string.h>

static const char *const names[] = {"main", "aux"};

const char *bus_name(int bus) { return strdup(names[bus]); }
