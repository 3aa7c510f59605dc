// RUN: %clang -g -O0 %agload -mllvm -allocguard-caret=off -c %s -o %t.o 2>&1 | FileCheck %s
// RUN: llvm-objcopy --dump-section=.allocguard.summary=%t.sum %t.o
// RUN: %python %S/Inputs/decode_summary.py %t.sum | FileCheck --check-prefix=SUM %s
// Intent: a callback passed as an argument and stored into a field by the
// callee (Lua's lua_newstate storing its lua_Alloc into the global state)
// leaves the field open: the call through it falls back to the first layer,
// every address-taken function of its type, and says so.
#include <allocguard.h>
#include <stdlib.h>

typedef void *(*lua_Alloc)(void *ud, void *ptr, unsigned long osize,
                           unsigned long nsize);
typedef struct global_State {
  lua_Alloc frealloc;
  void *ud;
} global_State;
typedef struct lua_State { global_State *l_G; } lua_State;

static void *l_alloc(void *ud, void *ptr, unsigned long osize,
                     unsigned long nsize) {
  if (nsize == 0) {
    free(ptr);
    return NULL;
  }
  return realloc(ptr, nsize);
}

static global_State the_g;
static lua_State the_l = {&the_g};

lua_State *lua_newstate(lua_Alloc f, void *ud) {
  the_g.frealloc = f;
  the_g.ud = ud;
  return &the_l;
}
lua_State *luaL_newstate(void) { return lua_newstate(l_alloc, NULL); }

ALLOCGUARD_ALLOC_FREE void *luaM_grow(lua_State *L, void *block, unsigned long n) {
  global_State *g = L->l_G;
  return g->frealloc(g->ud, block, 0, n);
}
// CHECK: icall-callback-arg.c:[[@LINE-2]]:10: warning: alloc_free function 'luaM_grow' may deallocate: call to 'l_alloc' through a pointer of type 'lua_Alloc' ('global_State.frealloc' also holds pointers allocguard cannot trace) reaches 'free' [-Wallocguard-dealloc]
// CHECK-NEXT: icall-callback-arg.c:22:5: note: 'l_alloc' calls 'free', which deallocates
// CHECK-NEXT: icall-callback-arg.c:[[@LINE-4]]:10: warning: alloc_free function 'luaM_grow' may allocate: call to 'l_alloc' through a pointer of type 'lua_Alloc' ('global_State.frealloc' also holds pointers allocguard cannot trace) reaches 'realloc' [-Wallocguard]
// CHECK-NEXT: icall-callback-arg.c:25:10: note: 'l_alloc' calls 'realloc', which allocates

// SUM: call luaM_grow indirect - {{.*}} type=p(p,p,i64,i64) field=struct:struct.global_State#0
// SUM: target l_alloc p(p,p,i64,i64) -
// SUM: flow struct:struct.global_State#0 <- open
// SUM: name p(p,p,i64,i64) = ptr (ptr, ptr, i64, i64)
