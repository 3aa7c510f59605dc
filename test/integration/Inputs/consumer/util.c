/* Two units below the root. SEED_VIOLATION makes the label a fresh heap
 * copy, an allocation reachable from render() across two units. */
#include <string.h>

const char *util_label(int channel) {
  static const char name[] = "ch";
#ifdef SEED_VIOLATION
  return strdup(name + channel);
#else
  return name + channel;
#endif
}
