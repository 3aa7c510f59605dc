/* ag_shim.h - the plain-C boundary between the C++ registration shim and
 * the C analysis. Everything crossing it is a C type.
 */
#ifndef ALLOCGUARD_AG_SHIM_H
#define ALLOCGUARD_AG_SHIM_H

#include <llvm-c/Core.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Raw option strings as given with -mllvm; "" when not given. One field
 * per row of ag_options.def, in its order; the C side validates them
 * (ag_options.c). */
struct ag_raw_options {
#define AG_OPTION(id, name, ...) const char *id; /* -name */
#include "ag_options.def"
};

/* The pass body, in C (ag_pass.c). Returns nonzero if the module changed. */
int ag_run_on_module(LLVMModuleRef module, const struct ag_raw_options *opts);

/* What LLVM-C lacks, implemented in the shim. */
void ag_shim_emit_error(LLVMModuleRef module, const char *message);
void ag_shim_append_compiler_used(LLVMModuleRef module, LLVMValueRef *globals,
                                  unsigned count);
void ag_shim_append_global_ctor(LLVMModuleRef module, LLVMValueRef ctor,
                                int priority, LLVMValueRef associated);
/* Calls `visit` with a builder positioned at every way out of `fn`: each
 * return, each resume, and a cleanup landing pad that every call which may
 * throw now unwinds through (LLVM's EscapeEnumerator, as ThreadSanitizer
 * uses for its function-exit hook). */
void ag_shim_for_each_exit(LLVMValueRef fn,
                           void (*visit)(LLVMBuilderRef at, void *context),
                           void *context);
/* LLVM's demangler, which reads what the C++ runtime's __cxa_demangle
 * of an older libstdc++ rejects (libc++'s ABI tags on constructor
 * templates). malloc'd text, or NULL when it is no mangled name. */
char *ag_shim_demangle(const char *symbol);
/* Calls `visit` for every data member of every struct, class and union
 * that the module's debug info describes and whose IR name is one of the
 * `record_count` names in `records`, in the order of LLVM's
 * DebugInfoFinder: the record as clang names its IR type
 * ("struct.z_stream_s", "class.dsp::Mixer"), the name to show for it (a C
 * typedef's when it has one: "z_stream"), the member's byte offset and its
 * name. Does nothing without debug info. */
void ag_shim_debug_members(LLVMModuleRef module, const char *const *records,
                           size_t record_count,
                           void (*visit)(void *context, const char *record,
                                         const char *shown,
                                         unsigned long long offset,
                                         const char *member),
                           void *context);
/* The IR name clang gives the record a global variable is declared as
 * (through typedefs, qualifiers and arrays: "struct.outer"), from its debug
 * info, copied into `out`; returns 0 when there is none. Newer clangs give
 * a global with padding a literal type of its initializer, so this is how
 * keys still name the declared struct. */
int ag_shim_global_record(LLVMValueRef global, char *out, size_t size);
/* How the source declares the function pointer an indirect call goes
 * through (`callee`: the loaded pointer), spelled as C or C++ prints it:
 * a typedef's name ("alloc_func"), else "int (*)(const char *, long)".
 * From the debug info of the variable, global or member it is loaded from,
 * through pointers and nested members; returns 0 when that is unknown
 * (no debug info, a computed pointer) or does not fit `out`. */
int ag_shim_callee_type_spelling(LLVMValueRef callee, char *out, size_t size);
/* The C++ class debug info gives `value` (an alloca's variable, a global
 * variable, or the return value of a called function's definition),
 * through typedefs and qualifiers and, when `deref` is 1, one pointer or
 * reference: its ODR identifier ("_ZTS6Effect") or, for a class without
 * one (anonymous namespace), its qualified name ("(anonymous
 * namespace)::Gain"), copied into `out`; 0 when there is none. */
int ag_shim_value_class(LLVMValueRef value, int deref, char *out, size_t size);
/* Calls `visit` for every C++ class the module's debug info describes,
 * once for the class itself (offset ~0ull, deref -1) and once for each
 * data member that is a class (deref 0) or points to or refers to one
 * (deref 1): the record as clang names its IR type ("class.dsp::Mixer"),
 * the member's byte offset, and the class as ag_shim_value_class writes
 * it. Does nothing without debug info. */
void ag_shim_debug_classes(LLVMModuleRef module,
                           void (*visit)(void *context, const char *record,
                                         unsigned long long offset, int deref,
                                         const char *cls),
                           void *context);

#ifdef __cplusplus
}
#endif

#endif /* ALLOCGUARD_AG_SHIM_H */
