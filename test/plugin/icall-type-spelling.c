// RUN: %clang -g -O0 %agload -mllvm -allocguard-caret=off -I%S/../../include -c %s -o /dev/null 2>&1 | FileCheck %s
// RUN: %clang -g -O2 %agload -mllvm -allocguard-caret=off -I%S/../../include -c %s -o /dev/null 2>&1 | FileCheck %s
// RUN: %clang -O0 %agload -mllvm -allocguard-caret=off -I%S/../../include -c %s -o /dev/null 2>&1 | FileCheck --check-prefix=NODEBUG %s
// An indirect call's pointer type is named as the source declares it (from
// debug info), at any -O level: a typedef by its name, anything else as C
// prints it. Without -g, the LLVM type is all there is.
#include <allocguard.h>

typedef void *(*alloc_func)(void *opaque, unsigned items, unsigned size);
struct stream { int level; alloc_func zalloc; };
struct inner { int (*format)(char *out, const char *fmt, ...); };
struct outer { long id; struct inner codecs[3]; };
struct outer registry;
void (*on_idle)(void);
const char *(*volatile namer)(const struct stream *);

ALLOCGUARD_ALLOC_FREE void *field(struct stream *s) {
  return s->zalloc(0, 1, 2);
  // CHECK-DAG: icall-type-spelling.c:[[@LINE-1]]:10: warning: alloc_free function 'field' makes an indirect call that allocguard cannot follow (nothing is stored in 'stream.zalloc', and no function of type 'alloc_func' has its address taken in this translation unit) [-Wallocguard-unknown]
  // NODEBUG-DAG: warning: alloc_free function 'field' makes an indirect call that allocguard cannot follow (nothing is stored in 'stream field 1', and no function of type 'ptr (ptr, i32, i32)' has its address taken in this translation unit)
}

ALLOCGUARD_ALLOC_FREE int nested(char *out) {
  return registry.codecs[2].format(out, "%d", 1);
  // CHECK-DAG: icall-type-spelling.c:[[@LINE-1]]:10: warning: alloc_free function 'nested' makes an indirect call that allocguard cannot follow (nothing is stored in 'inner.format', and no function of type 'int (*)(char *, const char *, ...)' has its address taken in this translation unit) [-Wallocguard-unknown]
}

ALLOCGUARD_ALLOC_FREE void global(void) {
  on_idle();
  // CHECK-DAG: icall-type-spelling.c:[[@LINE-1]]:3: warning: alloc_free function 'global' makes an indirect call that allocguard cannot follow (nothing is stored in 'on_idle', and no function of type 'void (*)(void)' has its address taken in this translation unit) [-Wallocguard-unknown]
}

ALLOCGUARD_ALLOC_FREE const char *qualified(const struct stream *s) {
  return namer(s);
  // CHECK-DAG: icall-type-spelling.c:[[@LINE-1]]:10: warning: alloc_free function 'qualified' makes an indirect call that allocguard cannot follow (nothing is stored in 'namer', and no function of type 'const char *(*)(const struct stream *)' has its address taken in this translation unit) [-Wallocguard-unknown]
}

struct filter { int order; void (*step)(float *); };
ALLOCGUARD_ALLOC_FREE void element(struct filter *chain, int n, float *x) {
  for (int i = 0; i < n; ++i)
    chain[i].step(x);
  // CHECK-DAG: icall-type-spelling.c:[[@LINE-1]]:5: warning: alloc_free function 'element' makes an indirect call that allocguard cannot follow (nothing is stored in 'filter.step', and no function of type 'void (*)(float *)' has its address taken in this translation unit) [-Wallocguard-unknown]
}

ALLOCGUARD_ALLOC_FREE double parameter(double (**table)(double), int i) {
  return table[i](1.0);
  // CHECK-DAG: icall-type-spelling.c:[[@LINE-1]]:10: warning: alloc_free function 'parameter' makes an indirect call that allocguard cannot follow (no function of type 'double (*)(double)' has its address taken in this translation unit) [-Wallocguard-unknown]
}

// restrict qualifies like const and volatile: the pointer's struct is found
// through it.
ALLOCGUARD_ALLOC_FREE void *restricted(struct stream *restrict s) {
  return s->zalloc(0, 1, 2);
  // CHECK-DAG: icall-type-spelling.c:[[@LINE-1]]:10: warning: alloc_free function 'restricted' makes an indirect call that allocguard cannot follow (nothing is stored in 'stream.zalloc', and no function of type 'alloc_func' has its address taken in this translation unit) [-Wallocguard-unknown]
}
