// The other strong definition of log_event, and a root calling it.
#include <allocguard.h>

void log_event(int code) { (void)code; }

ALLOCGUARD_ALLOC_FREE void on_event(int code) { log_event(code); }
