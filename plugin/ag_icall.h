/* ag_icall.h - indirect and virtual calls, resolved by multi-layer type
 * analysis (Lu and Hu, CCS 2019) over one translation unit.
 *
 * Three steps, one file each:
 *   ag_icall_keys.c     type keys of function types, field keys of the
 *                       places a function pointer is stored or loaded
 *   ag_icall_scan.c     address-taken functions (targets), field flows and
 *                       open fields, the keys of each indirect/virtual call
 *   ag_icall_class.c    the C++ class of a vtable and of a virtual call's
 *                       object, for class-keyed vtable slots
 *   ag_icall_resolve.c  the candidates of each call, for the graph walk, by
 *                       the report's own rules (common/ag_icall_rules.h)
 * The same keys go into the summary (ag_summary.c), so allocguard-report
 * resolves across units with the same rules.
 *
 * Run:  clang -g -fpass-plugin=allocguard-llvm<N>.so -c file.c
 */
#ifndef ALLOCGUARD_AG_ICALL_H
#define ALLOCGUARD_AG_ICALL_H

#include "ag_graph.h"

#include <llvm-c/Target.h>

/* A function whose address the unit takes. */
struct ag_icall_target {
  size_t fn;             /* graph function index */
  const char *type_key;  /* interned in ag_icall.keys */
  const char *field_key; /* where it is stored; NULL: taken another way */
};

/* field_key receives what source_key holds; source NULL: the field is
 * open (receives values the unit cannot trace). */
struct ag_icall_flow {
  const char *field_key;
  const char *source_key;
};

/* How a key is shown to a user. */
struct ag_icall_name {
  const char *key;
  const char *display;
};

/* The keys of one indirect or virtual call (both NULL for other calls). */
struct ag_icall_site {
  int is_virtual;
  const char *type_key;
  const char *field_key; /* struct:/global:/static: for indirect calls,
                            vslot:<class>:<n> for virtual calls, or
                            vslot:<n> when the class is not known; NULL
                            when none */
  const char *type_shown; /* the source's spelling of the pointer's type
                             (debug info), interned; NULL when unknown */
};

/* One candidate of a call, classified like a direct call to it. */
struct ag_icall_candidate {
  size_t fn;
  enum ag_call_kind kind; /* DEFINED, ALLOC, DEALLOC, EXTERNAL or IGNORED */
  const struct ag_kb_entry *kb;
};

struct ag_icall_resolution {
  unsigned char via;   /* enum ag_via (common/ag_icall_rules.h): how the
                          candidates were found, or why there is none */
  size_t first, count; /* candidates[first .. first + count); calls that
                          resolve the same way share them */
};

struct ag_icall {
  struct ag_strtab keys; /* owns every key and display string */
  const char *unit;      /* unit name for static: keys (not owned) */
  struct ag_icall_target *targets;
  size_t target_count, target_cap;
  struct ag_icall_flow *flows;
  size_t flow_count, flow_cap;
  struct ag_icall_name *names;
  size_t name_count, name_cap;
  struct ag_icall_site *sites;             /* one per graph call */
  struct ag_icall_resolution *resolutions; /* one per graph call */
  struct ag_icall_candidate *candidates;
  size_t candidate_count, candidate_cap;
  /* Debug info's classes, read on first use (ag_icall_class.c):
   * "<IR record>" or "<IR record>@<offset>#<deref>" -> class key. */
  struct ag_strtab class_where;
  const char **class_of; /* by class_where index; NULL: none */
  size_t class_count, class_cap;
  int classes_loaded;
};

/* ---- keys (ag_icall_keys.c) -------------------------------------------- */

/* Looks through bitcasts and address-space casts, as instructions or
 * constant expressions, to the value a pointer really is. */
LLVMValueRef ag_icall_strip_casts(LLVMValueRef value);

/* Type key of a function type ("p(p,i32,i32)"); interned. */
const char *ag_icall_type_key(struct ag_icall *icall, LLVMTypeRef fn_type);
/* Field key of a pointer a function pointer is loaded from or stored to,
 * or NULL when it has none; interned. `layout` is the module's. */
const char *ag_icall_field_key(struct ag_icall *icall,
                               LLVMTargetDataRef layout, LLVMValueRef ptr);
/* Field key of the scalar at byte `offset` inside a value of `type` held
 * by global `global` (its initializer), or NULL; interned. */
const char *ag_icall_key_in_global(struct ag_icall *icall,
                                   LLVMTargetDataRef layout,
                                   LLVMValueRef global, unsigned long long offset);
/* Field key of the scalar at byte `offset` of a named struct `type`, or
 * NULL; interned. */
const char *ag_icall_key_in_type(struct ag_icall *icall,
                                 LLVMTargetDataRef layout, LLVMTypeRef type,
                                 unsigned long long offset);
/* The vtable slot a virtual call's callee is loaded from (counted in
 * pointers from the address point), or -1; *object gets the pointer the
 * vtable was loaded from (the object). */
long long ag_icall_vslot_index(LLVMTargetDataRef layout, LLVMValueRef callee,
                               LLVMValueRef *object);
/* "vslot:<class>:<slot>", or "vslot:<slot>" for a NULL class; interned. */
const char *ag_icall_vslot_key(struct ag_icall *icall, const char *cls,
                               long long slot);
/* The IR struct type's name without its ".N" or ".base" suffix, or NULL
 * for literal, anonymous and union types. The caller frees it. */
char *ag_icall_struct_name(LLVMTypeRef type);
/* Readable form of a type key: "p(p,i32,i32)" -> "ptr (ptr, i32, i32)".
 * The caller frees it. */
char *ag_icall_type_text(const char *type_key);

/* ---- classes (ag_icall_class.c) --------------------------------------- */

/* The class key of a typeinfo object `_ZTI<class>` ("6Effect"), or NULL;
 * interned. */
const char *ag_icall_typeinfo_class(struct ag_icall *icall, LLVMValueRef global);
/* The class of the object a virtual call loads its vtable from, or NULL
 * when neither its IR type (LLVM 14) nor debug info says; interned. */
const char *ag_icall_object_class(struct ag_icall *icall, LLVMModuleRef module,
                                  LLVMTargetDataRef layout, LLVMValueRef object);
/* Itanium mangling of a class's plain qualified name ("dsp::Mixer" ->
 * "N3dsp5MixerE"), or NULL; the caller frees it. */
char *ag_icall_mangle_class(const char *qualified);

/* ---- scan and resolve -------------------------------------------------- */

/* Fills `icall` from the module: targets, flows, names and the keys of
 * every indirect and virtual call in `graph` (ag_icall_scan.c). */
void ag_icall_scan(struct ag_icall *icall, const struct ag_graph *graph,
                   const char *unit);
/* The names table for every key the unit mentions (ag_icall_names.c);
 * called by ag_icall_scan. */
void ag_icall_names_fill(struct ag_icall *icall, const struct ag_graph *graph);
/* Candidates of every indirect and virtual call (ag_icall_resolve.c). */
void ag_icall_resolve(struct ag_icall *icall, const struct ag_graph *graph,
                      const struct ag_kb *kb);
/* Heap text saying how call `c` was followed to a candidate ("through
 * 'z_stream.zalloc'"), or why it has none; NULL for other calls. */
char *ag_icall_how_text(const struct ag_icall *icall, size_t c);
void ag_icall_free(struct ag_icall *icall);

#endif /* ALLOCGUARD_AG_ICALL_H */
