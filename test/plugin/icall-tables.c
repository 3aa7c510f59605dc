// RUN: %clang -g -O0 %agload -mllvm -allocguard-caret=off -c %s -o %t.o 2>&1 | FileCheck %s
// RUN: %clang -g -O2 %agload -mllvm -allocguard-caret=off -c %s -o %t.o 2>&1 | FileCheck %s
// RUN: llvm-objcopy --dump-section=.allocguard.summary=%t.sum %t.o
// RUN: %python %S/Inputs/decode_summary.py %t.sum | FileCheck --check-prefix=SUM %s
// Intent: static tables resolve through their initializers: a table of
// function pointers (any index), an array of structs of pointers, and a
// struct nested in a struct; functions of the same type in other tables or
// fields are no candidates.
#include <allocguard.h>
#include <stdlib.h>
#include <string.h>

static void on_note(int v) { (void)v; }
static void on_control(int v) { (void)malloc((size_t)v); }
static void unrelated(int v) { (void)strdup("x"); } /* same type, no table */
static void (*const handlers[])(int) = {on_note, on_control};

struct command {
  const char *name;
  char *(*run)(const char *arg);
};
static char *cmd_echo(const char *arg) { return (char *)arg; }
static char *cmd_copy(const char *arg) { return strdup(arg); }
static const struct command commands[] = {{"echo", cmd_echo}, {"copy", cmd_copy}};

struct vtable { void (*open)(int); void (*close)(int); };
struct driver { int id; struct vtable ops; };
static void drv_open(int v) { (void)v; }
static void drv_close(int v) { free((void *)(long)v); }
static struct driver the_driver = {1, {drv_open, drv_close}};

void (*keep_unrelated)(int) = unrelated;

ALLOCGUARD_ALLOC_FREE void dispatch(int kind, int v, const char *arg) {
  handlers[kind & 1](v);
  commands[kind].run(arg);
  the_driver.ops.open(v);
  the_driver.ops.close(v);
}
// The allocating candidates, with the table each was found through.
// CHECK: icall-tables.c:35:3: warning: alloc_free function 'dispatch' may allocate: call to 'on_control' through 'handlers' reaches 'malloc' [-Wallocguard]
// CHECK-NEXT: icall-tables.c:14:39: note: 'on_control' calls 'malloc', which allocates
// CHECK: icall-tables.c:36:3: warning: alloc_free function 'dispatch' may allocate: call to 'cmd_copy' through 'command.run' reaches 'strdup' [-Wallocguard]
// CHECK: icall-tables.c:38:3: warning: alloc_free function 'dispatch' may deallocate: call to 'drv_close' through 'vtable.close' reaches 'free' [-Wallocguard-dealloc]
// CHECK-NOT: unrelated
// CHECK-NOT: drv_open{{.*}}through 'vtable.close'

// SUM-DAG: target on_note void(i32) static:{{.*}}icall-tables.c:handlers
// SUM-DAG: target on_control void(i32) static:{{.*}}icall-tables.c:handlers
// SUM-DAG: target cmd_copy p(p) struct:struct.command#1
// SUM-DAG: target drv_open void(i32) struct:struct.vtable#0
// SUM-DAG: target drv_close void(i32) struct:struct.vtable#1
// SUM-DAG: target unrelated void(i32) global:keep_unrelated
// SUM-DAG: name struct:struct.vtable#1 = vtable.close
