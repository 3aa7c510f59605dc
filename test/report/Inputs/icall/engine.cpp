/* engine.cpp - the root calls process() through the base class. */
#include <allocguard.h>
#include "effect.h"
ALLOCGUARD_ALLOC_FREE void render(Effect *e, float *buf) { e->process(buf); }
