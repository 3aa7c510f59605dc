// RUN: rm -rf %t && mkdir -p %t && cd %S
// RUN: %clang -g -O1 %agload -mllvm -allocguard-instrument=off -DUNIT_SETTER -c icall-setter-unit.c -o %t/setter.o 2>/dev/null
// RUN: %clang -g -O1 %agload -mllvm -allocguard-instrument=off -DUNIT_ENGINE -c icall-setter-unit.c -o %t/engine.o 2>/dev/null
// RUN: %clang -g -O1 %agload -mllvm -allocguard-instrument=off -DUNIT_APP -c icall-setter-unit.c -o %t/app.o 2>/dev/null
// RUN: cd %t && not %agreport --source-root=%S app.o engine.o setter.o | FileCheck %s
// RUN: llvm-objcopy --dump-section=.allocguard.summary=%t/setter.sum %t/setter.o
// RUN: %python %S/../plugin/Inputs/decode_summary.py %t/setter.sum | FileCheck --check-prefix=SETTER %s
// Intent: a unit that only stores a parameter into a struct field (an API
// setter, as lua_atpanic and sqlite3_config are) cannot know the field
// holds function pointers, yet its summary must still say the field takes
// values it cannot trace. Otherwise the report trusts the one function
// another unit stores there ('quiet_hook', which does not allocate) and
// misses the allocating hook the program installs through the setter.
// CHECK: warning: alloc_free function 'process' may allocate: call to 'logging_hook' through a pointer of type 'void (ptr)' ('engine.on_event' also holds pointers allocguard cannot trace) reaches 'malloc'
// SETTER: flow struct:struct.engine#1 <- open
#include <allocguard.h>
#include <stdlib.h>

struct engine {
  int frames;
  void (*on_event)(struct engine *);
};
void engine_set_hook(struct engine *e, void (*hook)(struct engine *));
void process(struct engine *e);

#ifdef UNIT_SETTER
void engine_set_hook(struct engine *e, void (*hook)(struct engine *)) {
  e->on_event = hook;
}
#endif

#ifdef UNIT_ENGINE
static void quiet_hook(struct engine *e) { e->frames = 0; }
void engine_init(struct engine *e) { e->on_event = quiet_hook; }
ALLOCGUARD_ALLOC_FREE void process(struct engine *e) { e->on_event(e); }
#endif

#ifdef UNIT_APP
static void *last_event;
static void logging_hook(struct engine *e) {
  last_event = malloc(sizeof *e);
}
void app_start(struct engine *e) { engine_set_hook(e, logging_hook); }
#endif
