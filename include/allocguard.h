/* allocguard.h - public API of the allocguard runtime.
 *
 * Mark real-time entry points with ALLOCGUARD_ALLOC_FREE and build with the
 * allocguard pass plugin; link liballocguard_rt. Options are read from
 * ALLOCGUARD_OPTIONS (see docs/runtime.md).
 */
#ifndef ALLOCGUARD_H
#define ALLOCGUARD_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* ---- Annotations (understood by the clang pass plugin) ---------------- */

#if defined(__clang__)
/* Nothing reachable from this function may allocate or free. */
#define ALLOCGUARD_ALLOC_FREE __attribute__((annotate("alloc_free")))
/* This function is an allocator: calls to it are checked like malloc. */
#define ALLOCGUARD_ALLOCATOR __attribute__((annotate("allocguard_allocator")))
#else
#define ALLOCGUARD_ALLOC_FREE
#define ALLOCGUARD_ALLOCATOR
#endif

/* ---- Phase lock: forbid allocation on this thread at run time --------- */

/* Enter an allocation-free phase on the calling thread (nestable). */
void allocguard_lock(void);
/* Leave one level; an unbalanced unlock is reported once and ignored. */
void allocguard_unlock(void);
/* Current nesting depth of allocguard_lock() on the calling thread. */
unsigned allocguard_lock_depth(void);

/* ---- Statistics: process-wide counts of instrumented calls ------------ */

/* Counting every checked call (allocations, frees, bytes, live and peak
 * bytes, per-site calls) is off by default: it costs each call a few
 * atomic adds. ALLOCGUARD_OPTIONS=stats=1 (or summary=1, dhat=PATH) turns
 * it on for the whole run; this turns it on from now on. Violations,
 * permitted, suppressed and budgeted calls are counted either way. */
void allocguard_stats_enable(void);

struct allocguard_stats {
  uint64_t allocations; /* checked allocation calls (malloc, new, ...) */
  uint64_t frees;       /* checked deallocation calls (free, delete, ...) */
  uint64_t bytes;       /* bytes requested by allocation calls, when known */
  uint64_t violations;  /* in-scope calls not let through by a permit, a
                           suppression or a budget */
  /* Appended after the four above: the struct grew, so code that calls
   * allocguard_stats_get() must be rebuilt against this header before it
   * runs with this runtime. */
  uint64_t live_bytes;      /* malloc_usable_size() of blocks allocated
                               through checked calls, minus that of blocks
                               freed through them (0 if negative) */
  uint64_t peak_live_bytes; /* highest live_bytes since start or reset */
  uint64_t suppressed;      /* in-scope calls matched by suppress= or
                               suppressions= (counted, not reported) */
  uint64_t permitted;       /* in-scope calls inside allocguard_permit_*() */
  uint64_t budgeted;        /* in-scope calls let through by a budget */
};

/* Copy the current totals into *out. Returns 1 when counting is on, 0 when
 * it is off (then allocations, frees, bytes, live_bytes and
 * peak_live_bytes read 0, and a warning says so once): assert it in a test
 * that checks those fields. */
int allocguard_stats_get(struct allocguard_stats *out);
/* Zero the totals and the counters of every registered site; live_bytes is
 * a level, not a count: it is kept, and peak_live_bytes restarts from it. */
void allocguard_stats_reset(void);

/* ---- Permits: let accepted allocations through ------------------------ */

/* Let checked calls on this thread through, counted as `permitted`, until
 * the matching allocguard_permit_end() (nestable, per thread). A scope
 * opened inside the permit (a root entered, allocguard_lock()) is checked
 * again until it ends; then the permit applies again. End a permit in the
 * scope that began it (C++: allocguard::permit does). */
void allocguard_permit_begin(void);
/* End the innermost permit; an unbalanced end is reported once, ignored. */
void allocguard_permit_end(void);

/* ---- Budgets: a warm-up allowance ------------------------------------- */

/* allocguard_lock() with a budget: the new lock level lets its first checked
 * calls through (counted as `budgeted`) while they number at most `calls`
 * and request at most `bytes` in total (0: no limit on that); the first
 * call over either limit and every call after it are violations. A scope
 * opened inside is checked in full. Leave with allocguard_unlock(). Root
 * scopes have a per-thread budget: root_budget_calls/root_budget_bytes. */
void allocguard_lock_budget(uint64_t calls, uint64_t bytes);

/* ---- Violation handler ------------------------------------------------ */

enum allocguard_violation_kind {
  ALLOCGUARD_ALLOC_IN_SCOPE,     /* allocation in or below an alloc_free
                                    function */
  ALLOCGUARD_DEALLOC_IN_SCOPE,   /* deallocation in or below one */
  ALLOCGUARD_ALLOC_UNDER_LOCK,   /* allocation while allocguard_lock() */
  ALLOCGUARD_DEALLOC_UNDER_LOCK, /* deallocation while allocguard_lock() */
};

/* One violation, as handed to __allocguard_on_violation(). Every pointer
 * stays valid for the life of the process (descriptors are constant data)
 * except `frames`, which lives only during the call. */
struct allocguard_violation {
  uint32_t size;        /* sizeof this struct in the runtime: fields past it
                           are absent (for handlers built on a newer header) */
  uint32_t kind;        /* enum allocguard_violation_kind */
  const char *what;     /* the kind as text: "allocation in alloc_free scope" */
  const char *callee;   /* function called, demangled: "malloc",
                           "operator new(unsigned long)" */
  const char *function; /* function containing the call, demangled */
  const char *file;     /* source file of the call */
  uint32_t line;        /* 0 when compiled without -g */
  uint32_t column;      /* 0 when compiled without -g */
  uint64_t bytes;       /* bytes requested; meaningful when has_bytes */
  uint32_t has_bytes;   /* 0: deallocation, or unknown before the call
                           (asprintf, getline, user allocator given 0) */
  uint32_t will_abort;  /* 1: mode=abort, abort() follows if you return */
  uint32_t scope_depth; /* this thread's root depth (0: not below a root) */
  uint32_t lock_depth;  /* this thread's allocguard_lock_depth() */
  const void *site;     /* the call site's descriptor: same site, same
                           pointer (opaque) */
  const void *const *frames; /* return addresses, innermost (the caller
                                of the allocation) first: with
                                backtrace=1, or when system_site is set;
                                else NULL */
  uint32_t nframes;          /* entries in frames */
  uint32_t reserved;         /* 0 */
  /* Appended: the root whose scope is open (the innermost, when roots
   * nest). A handler built against an older header never reads them. */
  const char *root_function; /* the root, demangled; NULL when no root
                                scope is open (allocguard_lock()) or the
                                root was built by an older plugin */
  const char *root_file;     /* source file of the root's definition */
  uint32_t root_line;        /* line of the root's definition; 0 without -g */
  uint32_t system_site;      /* 1: the call is in a system header
                                (std::make_unique, std::vector) or was
                                intercepted in a library built without the
                                plugin, so file:line is not the user's:
                                the default handler then looks up `frames`
                                for the first frame in user code */
};

/* Called for each violation the mode reports: every one in mode=abort (then
 * abort() follows), the first per site in mode=log, none in mode=count. The
 * runtime defines a weak default that prints the standard line (and the
 * backtrace); define your own to send it elsewhere. It may run in a signal
 * handler and on any thread: do not allocate, do not take locks. A checked
 * call inside it is counted, never reported again. */
void __allocguard_on_violation(const struct allocguard_violation *v);
/* What the default handler does: one line (plus frames) to stderr. */
void allocguard_print_violation(const struct allocguard_violation *v);
/* Format the standard line (no newline, no frames) into buf, NUL-terminated
 * and truncated to size; returns the length it needed, like snprintf.
 * Never allocates. */
size_t allocguard_format_violation(const struct allocguard_violation *v,
                                   char *buf, size_t size);

/* ---- Options hook ----------------------------------------------------- */

/* Define this in the program to supply default options; ALLOCGUARD_OPTIONS
 * is applied after it and wins. Must not allocate. */
const char *__allocguard_default_options(void);

#ifdef __cplusplus
}

/* ---- C++: scope guards ------------------------------------------------ */

namespace allocguard {

/* A permit for the guard's lifetime, ended on unwinding too. */
class permit {
public:
  permit() noexcept { allocguard_permit_begin(); }
  ~permit() { allocguard_permit_end(); }
  permit(const permit &) = delete;
  permit &operator=(const permit &) = delete;
};

/* allocguard_lock() for the guard's lifetime; with arguments, a budget. */
class lock_guard {
public:
  lock_guard() noexcept { allocguard_lock(); }
  lock_guard(uint64_t calls, uint64_t bytes) noexcept {
    allocguard_lock_budget(calls, bytes);
  }
  ~lock_guard() { allocguard_unlock(); }
  lock_guard(const lock_guard &) = delete;
  lock_guard &operator=(const lock_guard &) = delete;
};

} // namespace allocguard
#endif

#endif /* ALLOCGUARD_H */
