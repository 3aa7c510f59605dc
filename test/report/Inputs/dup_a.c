// One of two strong definitions of log_event (a link would fail; the
// report warns and keeps the first by unit order).
#include <stdlib.h>

void log_event(int code) { free(malloc((size_t)code)); }
