/* ag_abi.h - the compiler-to-runtime ABI of allocguard.
 *
 * The pass plugin emits one `struct __allocguard_site` per rewritten call
 * into the section AG_SITE_SECTION and calls the runtime's checked wrappers
 * (`__allocguard_<callee>(site, original arguments...)`). Both sides include
 * this header, so a layout change here is an ABI change: bump
 * AG_SITE_ABI_VERSION and the runtime rejects old descriptors by version.
 */
#ifndef ALLOCGUARD_AG_ABI_H
#define ALLOCGUARD_AG_ABI_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define AG_SITE_ABI_VERSION 1u

/* A valid C identifier, so the linker defines __start_/__stop_ bounds. */
#define AG_SITE_SECTION "allocguard_sites"

/* Called once per object (per linked DSO, after comdat dedup) with the
 * bounds of that DSO's descriptor section. */
#define AG_REGISTER_FN "__allocguard_register_sites"

/* `void AG_LINK_FN(void)`, called by that same constructor: every object
 * the plugin changed references it, so a link without the runtime fails
 * with an undefined reference whose name says what to add, and linking
 * the runtime archive pulls in the member that defines it (which, in
 * liballocguard_rt.a, also brings the malloc interposers). */
#define AG_LINK_FN "__allocguard_link_with_liballocguard_rt"

/* Prefix of every checked wrapper: `__allocguard_` + callee symbol name. */
#define AG_WRAPPER_PREFIX "__allocguard_"

/* Pre-call hook for user allocators, whose signatures the runtime cannot
 * know: `void __allocguard_check_site(const struct __allocguard_site *,
 * size_t requested_or_0)`. */
#define AG_CHECK_SITE_FN "__allocguard_check_site"

/* Thread-local alloc_free depth. Every root raises it by one on entry and
 * lowers it on every exit, C++ unwinding included; setjmp-style calls store
 * back the value they saw. Instrumented code touches it inline (initial-exec
 * TLS), without a call. The
 * runtime defines it; a nonzero value puts the thread in an alloc_free
 * scope. */
#define AG_SCOPE_DEPTH_VAR "__allocguard_scope_depth"

/* Thread-local record of which roots are open: a root stores a pointer to
 * its constant `struct __allocguard_root` at index (new depth &
 * (AG_SCOPE_ROOTS_MAX - 1)) right after raising the depth, so a report
 * finds the innermost open root at __allocguard_scope_roots[depth & mask].
 * Nothing is kept live across the root's body and leaving needs no store
 * here: the slots above the depth are simply stale. Roots nested deeper
 * than AG_SCOPE_ROOTS_MAX share slots (recursion mostly names the same
 * root again). The runtime defines it, initial-exec like the depth. */
#define AG_SCOPE_ROOTS_VAR "__allocguard_scope_roots"
#define AG_SCOPE_ROOTS_MAX 16u

/* Site flags. */
enum {
  AG_SITE_IN_ROOT = 1u << 0,        /* the call is inside an alloc_free root */
  AG_SITE_DEALLOC = 1u << 1,        /* the callee frees memory */
  AG_SITE_USER_ALLOCATOR = 1u << 2, /* callee is a user-declared allocator */
  AG_SITE_SYSTEM = 1u << 3, /* the call is in a system header (a template or
                               inline function of the C++ or C library,
                               ag_system_path.h): its line is not the
                               user's, so reports look up the stack */
};

/* The descriptors' layouts, one X-macro table each: the C structs below
 * and the LLVM types the plugin emits (plugin/ag_rewrite.c, ag_scope.c)
 * are both expanded from them, so they cannot drift. X(kind, c_type, name):
 * kind is U32, U64 or PTR; field order and widths are ABI.
 *
 * Mutable per-site counters: the plugin emits one zeroed instance per site
 * and the constant descriptor points at it. Updated with relaxed atomics.
 *   calls      - times the site executed
 *   bytes      - bytes requested (0 for deallocations)
 *   violations - executions inside an alloc_free scope
 *   reported   - set once the site has been reported (log mode)
 *   reserved   - keeps the struct 8-byte aligned */
#define AG_COUNTERS_FIELDS(X)                                                  \
  X(U64, uint64_t, calls)                                                      \
  X(U64, uint64_t, bytes)                                                      \
  X(U64, uint64_t, violations)                                                 \
  X(U32, uint32_t, reported)                                                   \
  X(U32, uint32_t, reserved)

/* Constant per-site descriptor.
 *   abi_version - AG_SITE_ABI_VERSION
 *   flags       - AG_SITE_* bits
 *   line/column - 0 when compiled without -g
 *   file        - source file as the compiler saw it
 *   function    - containing function, demangled
 *   callee      - allocation function called, demangled
 *   counters    - never NULL */
#define AG_SITE_FIELDS(X)                                                      \
  X(U32, uint32_t, abi_version)                                                \
  X(U32, uint32_t, flags)                                                      \
  X(U32, uint32_t, line)                                                       \
  X(U32, uint32_t, column)                                                     \
  X(PTR, const char *, file)                                                   \
  X(PTR, const char *, function)                                               \
  X(PTR, const char *, callee)                                                 \
  X(PTR, struct __allocguard_counters *, counters)

/* Constant per-root descriptor, one per instrumented root (private to its
 * object, or a comdat of its own for inline roots, like sites).
 *   abi_version - AG_SITE_ABI_VERSION
 *   line        - line of the definition; 0 without -g
 *   file        - source file of the definition
 *   function    - the root, demangled */
#define AG_ROOT_FIELDS(X)                                                      \
  X(U32, uint32_t, abi_version)                                                \
  X(U32, uint32_t, line)                                                       \
  X(PTR, const char *, file)                                                   \
  X(PTR, const char *, function)

#define AG_ABI_C_FIELD(kind, c_type, name) c_type name;
struct __allocguard_counters {
  AG_COUNTERS_FIELDS(AG_ABI_C_FIELD)
};
struct __allocguard_site {
  AG_SITE_FIELDS(AG_ABI_C_FIELD)
};
struct __allocguard_root {
  AG_ROOT_FIELDS(AG_ABI_C_FIELD)
};
#undef AG_ABI_C_FIELD

/* Field indices, for the plugin's constant initializers. */
#define AG_ABI_COUNTERS_INDEX(kind, c_type, name) AG_COUNTERS_F_##name,
#define AG_ABI_SITE_INDEX(kind, c_type, name) AG_SITE_F_##name,
#define AG_ABI_ROOT_INDEX(kind, c_type, name) AG_ROOT_F_##name,
enum { AG_COUNTERS_FIELDS(AG_ABI_COUNTERS_INDEX) AG_COUNTERS_FIELD_COUNT };
enum { AG_SITE_FIELDS(AG_ABI_SITE_INDEX) AG_SITE_FIELD_COUNT };
enum { AG_ROOT_FIELDS(AG_ABI_ROOT_INDEX) AG_ROOT_FIELD_COUNT };
#undef AG_ABI_COUNTERS_INDEX
#undef AG_ABI_SITE_INDEX
#undef AG_ABI_ROOT_INDEX

/* No hidden padding: each struct is exactly its fields, as the plugin's
 * unpacked LLVM struct of the same kinds is on every target whose
 * pointers are 4 or 8 bytes. */
#define AG_ABI_SIZE_U32 4
#define AG_ABI_SIZE_U64 8
#define AG_ABI_SIZE_PTR sizeof(void *)
#define AG_ABI_FIELD_SIZE(kind, c_type, name) +AG_ABI_SIZE_##kind
#ifndef __cplusplus
_Static_assert(sizeof(struct __allocguard_counters) ==
                   0 AG_COUNTERS_FIELDS(AG_ABI_FIELD_SIZE),
               "counters layout has padding");
_Static_assert(sizeof(struct __allocguard_site) ==
                   0 AG_SITE_FIELDS(AG_ABI_FIELD_SIZE),
               "site layout has padding");
_Static_assert(sizeof(struct __allocguard_root) ==
                   0 AG_ROOT_FIELDS(AG_ABI_FIELD_SIZE),
               "root layout has padding");
#endif
#undef AG_ABI_FIELD_SIZE

extern __thread uint32_t __allocguard_scope_depth;
extern __thread const struct __allocguard_root
    *__allocguard_scope_roots[AG_SCOPE_ROOTS_MAX];

void __allocguard_register_sites(const struct __allocguard_site *start,
                                 const struct __allocguard_site *stop);
void __allocguard_check_site(const struct __allocguard_site *site,
                             size_t requested);

#ifdef __cplusplus
}
#endif

#endif /* ALLOCGUARD_AG_ABI_H */
