// RUN: rm -rf %t && mkdir -p %t && cd %S
// RUN: %clang -g -O1 %agload -mllvm -allocguard-instrument=off -c icall-same-set-sites.c -o %t/parser.o 2>/dev/null
// RUN: cd %t && not %agreport --source-root=%S parser.o | FileCheck %s --implicit-check-not=warning:
// Intent: calls through the same field resolve to one candidate set, and a
// walk follows a set's functions once; but when the set holds an allocator
// (the memory suite holds `malloc`), every call through it is an allocation
// site of its own, for every root. Expat's MALLOC(parser, n) is
// parser->m_mem.malloc_fcn(n), called at dozens of sites: the report kept
// the first a root reached and dropped the rest.
// CHECK: icall-same-set-sites.c:42:22: warning: alloc_free function 'parser_create' calls 'malloc' through 'mem_suite.malloc_fcn', which allocates
// CHECK: icall-same-set-sites.c:47:13: warning: alloc_free function 'parser_create' calls 'malloc' through 'mem_suite.malloc_fcn', which allocates
// CHECK: icall-same-set-sites.c:46:12: warning: alloc_free function 'parser_create' may allocate: call to 'grow' reaches 'malloc'
// CHECK-NEXT: icall-same-set-sites.c:38:10: note: 'grow' calls 'malloc' through 'mem_suite.malloc_fcn', which allocates
// CHECK: icall-same-set-sites.c:54:13: warning: alloc_free function 'parser_parse' calls 'malloc' through 'mem_suite.malloc_fcn', which allocates
// CHECK: icall-same-set-sites.c:53:5: warning: alloc_free function 'parser_parse' may allocate: call to 'grow' reaches 'malloc'
// CHECK-NEXT: icall-same-set-sites.c:38:10: note: 'grow' calls 'malloc' through 'mem_suite.malloc_fcn', which allocates
// CHECK: 2 alloc_free roots, 2 reach the heap: 5 allocations
#include <allocguard.h>
#include <stdlib.h>

typedef struct {
  void *(*malloc_fcn)(size_t);
  void (*free_fcn)(void *);
} mem_suite;

struct parser {
  const mem_suite mem;
  char *buf;
  char *atts;
};

void parser_init_mem(mem_suite *m) {
  m->malloc_fcn = malloc;
  m->free_fcn = free;
}

static char *grow(struct parser *p, size_t n) {
  return p->mem.malloc_fcn(n);
}

ALLOCGUARD_ALLOC_FREE struct parser *parser_create(const mem_suite *m) {
  struct parser *p = m->malloc_fcn(sizeof *p);
  if (!p)
    return NULL;
  parser_init_mem((mem_suite *)&p->mem);
  p->buf = grow(p, 64);
  p->atts = p->mem.malloc_fcn(16);
  return p;
}

ALLOCGUARD_ALLOC_FREE void parser_parse(struct parser *p) {
  if (!p->buf)
    grow(p, 128);
  p->atts = p->mem.malloc_fcn(32);
}

