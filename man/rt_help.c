/* rt_help.c - prints the runtime's option table (ALLOCGUARD_OPTIONS=help=1)
 * for the man page generator; linked with liballocguard_rt.so, whose
 * constructor parses the options. Not installed.
 *
 *   ALLOCGUARD_OPTIONS=help=1 build/demo/man/allocguard-rt-help
 */
#include <allocguard.h>

int main(void) {
  /* A call into the library, so no --as-needed link drops it. */
  allocguard_lock();
  allocguard_unlock();
  return 0;
}
