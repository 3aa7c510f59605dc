/* ag_graph.h - the translation unit's call graph.
 *
 * One node per function in the module (defined or declared) and one record
 * per call instruction in a defined function, classified once: an edge to
 * a defined function, an allocation or deallocation site, or a call the
 * analysis cannot follow.
 */
#ifndef ALLOCGUARD_AG_GRAPH_H
#define ALLOCGUARD_AG_GRAPH_H

#include "ag_kb.h"
#include "ag_util.h"

#include <llvm-c/Core.h>

struct ag_icall;

enum ag_call_kind {
  AG_CALL_DEFINED,  /* direct call to a function defined here: an edge */
  AG_CALL_ALLOC,    /* allocation function (knowledge base or user's) */
  AG_CALL_DEALLOC,  /* deallocation function */
  AG_CALL_INDIRECT, /* through a function pointer */
  AG_CALL_VIRTUAL,  /* C++ virtual call through a vtable */
  AG_CALL_EXTERNAL, /* declared only and not in the knowledge base */
  AG_CALL_IGNORED,  /* intrinsics, inline asm, known alloc-free functions */
};

struct ag_loc {
  const char *file; /* NULL without debug info; owned by the graph; as
                       clang spells it in its own diagnostics */
  const char *path; /* file joined with its compile directory
                       (ag_path.h), for summaries; NULL with file */
  unsigned line, column;
};

struct ag_call {
  LLVMValueRef inst;
  size_t caller;               /* index of the containing function */
  long callee;                 /* function index, -1 for indirect calls */
  enum ag_call_kind kind;
  const struct ag_kb_entry *kb; /* the row that classified it, or NULL */
  struct ag_loc loc;
  /* N > 0: not the call itself but the callback the called library
   * function calls through its argument N - 1 (ag_kb_callbacks.def), of
   * type key callback_type. */
  unsigned callback_arg;
  const char *callback_type;
};

struct ag_function {
  LLVMValueRef fn;
  char *symbol;          /* linker name */
  char *display;         /* demangled */
  int defined;           /* has a body we analyse */
  int is_root;           /* alloc_free root */
  int is_allocator;      /* user allocator: calls to it are sites */
  int calls_twice;       /* calls a returns_twice function (setjmp) */
  size_t first_call;     /* calls[first_call .. first_call + call_count) */
  size_t call_count;
  struct ag_loc loc;     /* of the definition */
};

/* What a direct call to one function is (ag_graph_classify), worked out
 * at its first call: the same few functions are called from thousands of
 * sites. */
struct ag_classified {
  int known;                    /* kind, row and callback_args are set */
  enum ag_call_kind kind;
  const struct ag_kb_entry *row;
  unsigned callback_args;       /* ag_kb_callback_args of its symbol */
};

struct ag_graph {
  LLVMModuleRef module;
  const char *source_file;     /* the module's source file name */
  struct ag_function *funcs;
  size_t func_count, func_cap;
  struct ag_call *calls;
  size_t call_count, call_cap;
  struct ag_ptrmap index;      /* LLVMValueRef function -> index */
  /* One per function, filled by ag_graph_classify with `classified_kb`. */
  struct ag_classified *classified;
  const struct ag_kb *classified_kb;
  int has_debug_info;          /* some call carries a location */
  /* Candidates of indirect and virtual calls (ag_icall.h), or NULL. */
  const struct ag_icall *icall;
  struct ag_strlist files;     /* interned file names of locations */
  /* The last location's file and directory (debug info's own strings) and
   * their joined path: consecutive calls mostly share a file. */
  const char *last_file, *last_dir, *last_path;
};

/* Adds a node per function; roots and allocators are marked afterwards
 * (ag_roots.h), then ag_graph_add_calls classifies every call. */
void ag_graph_init(struct ag_graph *graph, LLVMModuleRef module);
void ag_graph_add_calls(struct ag_graph *graph, const struct ag_kb *kb);
/* What a call to function `index` is, as for a direct call: an edge, an
 * allocation or deallocation (with the knowledge-base row in *row), an
 * external function, or nothing to follow. The answer is kept per function
 * (graph->classified): roots and allocators must be marked before the
 * first call. */
enum ag_call_kind ag_graph_classify(const struct ag_graph *graph,
                                   const struct ag_kb *kb, size_t index,
                                   const struct ag_kb_entry **row);
/* setjmp and its kind: the call or the function called says returns_twice
 * (`kind`: that attribute's kind, looked up once by name). */
int ag_call_returns_twice(LLVMValueRef call, unsigned kind);
void ag_graph_free(struct ag_graph *graph);

#endif /* ALLOCGUARD_AG_GRAPH_H */
