// RUN: rm -rf %t && mkdir -p %t/rtti %t/nortti && cd %t/rtti
// RUN: %clangxx -g %agload -DENGINE -c %s -o engine.o 2>/dev/null
// RUN: %clangxx -g %agload -DFILTER -c %s -o filter.o 2>/dev/null
// RUN: %clangxx -g %agload -DDEEP -c %s -o deep.o 2>/dev/null
// RUN: %clangxx -g %agload -DLOGGER -c %s -o logger.o 2>/dev/null
// RUN: %clangxx -g %agload -DMAIN -c %s -o main.o 2>/dev/null
// RUN: sh -c '%agreport --source-root=%S engine.o filter.o deep.o logger.o main.o > r.txt; echo "exit status $?"' | FileCheck --check-prefix=EXIT %s
// RUN: FileCheck --match-full-lines %s < r.txt
// RUN: %clangxx engine.o filter.o deep.o logger.o main.o %rt_static -lpthread -o app
// RUN: env ALLOCGUARD_OPTIONS=mode=log ./app 2>&1 | FileCheck --check-prefix=RUNTIME %s
// RUN: cd %t/nortti
// RUN: %clangxx -g -fno-rtti %agload -DENGINE -c %s -o engine.o 2>/dev/null
// RUN: %clangxx -g -fno-rtti %agload -DFILTER -c %s -o filter.o 2>/dev/null
// RUN: %clangxx -g -fno-rtti %agload -DDEEP -c %s -o deep.o 2>/dev/null
// RUN: %clangxx -g -fno-rtti %agload -DLOGGER -c %s -o logger.o 2>/dev/null
// RUN: not %agreport --source-root=%S engine.o filter.o deep.o logger.o > r.txt
// RUN: FileCheck --check-prefix=NORTTI --match-full-lines %s < r.txt
// Intent: a class hierarchy split across units (Effect in engine.cpp's
// header, Filter : Effect in one unit, Deep : Filter in another) is
// merged by allocguard-report: a call on Effect or on Filter reaches
// Deep's allocating override through two units' hierarchy flows, while a
// same-signature override in the same slot of an unrelated hierarchy
// (FileLogger) is a candidate only of calls on Logger; the run-time check
// catches the allocation the report names. Built with -fno-rtti the
// vtables name no class: every vtable's slot is a candidate, and the note
// says so.
#include <allocguard.h>
#include <stdlib.h>
#include <string.h>

struct Effect {
  virtual ~Effect();
  virtual void process(float *buf, int n) = 0;
};
struct Filter : Effect {
  ~Filter() override;
  void process(float *buf, int n) override;
};
struct Logger {
  virtual ~Logger();
  virtual void process(float *buf, int n) = 0;
};
Effect *make_deep();
Logger *make_logger();

#ifdef ENGINE
Effect::~Effect() {}
ALLOCGUARD_ALLOC_FREE void render(Effect *e, float *buf) { e->process(buf, 4); }
ALLOCGUARD_ALLOC_FREE void filter(Filter *f, float *buf) { f->process(buf, 4); }
ALLOCGUARD_ALLOC_FREE void log_to(Logger *l, float *buf) { l->process(buf, 4); }
#endif

#ifdef FILTER
Filter::~Filter() {}
void Filter::process(float *buf, int n) { buf[0] = 0; }
#endif

#ifdef DEEP
struct Deep : Filter {
  float *tail = nullptr;
  ~Deep() override;
  void process(float *buf, int n) override { tail = (float *)malloc(16); }
};
Deep::~Deep() {}
Effect *make_deep() { return new Deep; }
#endif

#ifdef LOGGER
Logger::~Logger() {}
struct FileLogger : Logger {
  char *line = nullptr;
  ~FileLogger() override;
  void process(float *buf, int n) override { line = strdup("x"); }
};
FileLogger::~FileLogger() {}
Logger *make_logger() { return new FileLogger; }
#endif

#ifdef MAIN
void render(Effect *e, float *buf);
int main() {
  float buf[4] = {0};
  render(make_deep(), buf);
  return 0;
}
#endif

// EXIT: exit status 1

// CHECK:      icall-vclass-units.cpp:49:63: warning: alloc_free function 'filter(Filter*, float*)' may allocate: call to 'Deep::process(float*, int)' through a virtual call on 'Filter' reaches 'malloc' [-Wallocguard]
// CHECK-NEXT: icall-vclass-units.cpp:62:62: note: 'Deep::process(float*, int)' calls 'malloc', which allocates
// CHECK-NEXT: icall-vclass-units.cpp:50:63: warning: alloc_free function 'log_to(Logger*, float*)' may allocate: call to 'FileLogger::process(float*, int)' through a virtual call on 'Logger' reaches 'strdup' [-Wallocguard]
// CHECK-NEXT: icall-vclass-units.cpp:73:53: note: 'FileLogger::process(float*, int)' calls 'strdup', which allocates
// CHECK-NEXT: icall-vclass-units.cpp:48:63: warning: alloc_free function 'render(Effect*, float*)' may allocate: call to 'Deep::process(float*, int)' through a virtual call on 'Effect' reaches 'malloc' [-Wallocguard]
// CHECK-NEXT: icall-vclass-units.cpp:62:62: note: 'Deep::process(float*, int)' calls 'malloc', which allocates
// CHECK-NEXT: allocguard-report: 3 alloc_free roots, 3 reach the heap: 3 allocations; 0 calls could not be followed
// CHECK-NOT: {{.}}

// RUNTIME: ==[[PID:[0-9]+]]==ERROR: allocguard: allocation in alloc_free scope: malloc(16 bytes) at {{.*}}icall-vclass-units.cpp:62:62 in Deep::process(float*, int); root render(Effect*, float*) at {{.*}}icall-vclass-units.cpp:48

// Which of filter's two callees comes first follows the units' order, which
// is by source, then record size and bytes: not this test's business.
// NORTTI-DAG:  icall-vclass-units.cpp:49:63: warning: alloc_free function 'filter(Filter*, float*)' may allocate: call to 'Deep::process(float*, int)' through a virtual call on 'Filter' (slot 2 of any vtable: none with RTTI in any input is of 'Filter' or a subclass) reaches 'malloc' [-Wallocguard]
// NORTTI-DAG:  icall-vclass-units.cpp:62:62: note: 'Deep::process(float*, int)' calls 'malloc', which allocates
// NORTTI-DAG:  icall-vclass-units.cpp:49:63: warning: alloc_free function 'filter(Filter*, float*)' may allocate: call to 'FileLogger::process(float*, int)' through a virtual call on 'Filter' (slot 2 of any vtable: none with RTTI in any input is of 'Filter' or a subclass) reaches 'strdup' [-Wallocguard]
// NORTTI-DAG:  icall-vclass-units.cpp:48:63: warning: alloc_free function 'render(Effect*, float*)' may allocate: call to 'FileLogger::process(float*, int)' through a virtual call on 'Effect' (slot 2 of any vtable: none with RTTI in any input is of 'Effect' or a subclass) reaches 'strdup' [-Wallocguard]
// NORTTI:      allocguard-report: 3 alloc_free roots, 3 reach the heap: 6 allocations; 0 calls could not be followed
