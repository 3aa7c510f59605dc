/* ag_rt_sites.c - site registration and the exit summary.
 *
 * __allocguard_register_sites() may run before main and before any other
 * runtime code, so it only touches a zero-initialised static table (no
 * allocation, no options). Registration is idempotent per range start.
 * Descriptors of another ABI version are skipped with a one-time warning;
 * all-zero slots (section padding) are skipped silently. Ranges are only
 * read while a loaded object maps them (dl_iterate_phdr) and their bytes
 * still hash as when registered, so neither a dlclose'd DSO's descriptors
 * nor another DSO's data at the same address are ever interpreted.
 */
#define _GNU_SOURCE
#include "ag_rt_sites.h"

#include <link.h>
#include <sched.h>
#include <stdint.h>

#include "allocguard.h"

#include "ag_rt_check.h"
#include "ag_rt_common.h"
#include "ag_rt_preload.h"
#include "ag_rt_dhat.h"
#include "ag_rt_flags.h"
#include "ag_rt_report.h"

struct ag_rt_range {
  const struct __allocguard_site *start; /* first descriptor */
  const struct __allocguard_site *stop;  /* one past the last */
  uint64_t hash; /* of the descriptors' bytes when registered */
};

static struct ag_rt_range ag_rt_ranges[AG_RT_MAX_RANGES];
static unsigned ag_rt_nranges; /* guarded by ag_rt_ranges_lock */
static int ag_rt_ranges_lock;
static int ag_rt_full_warned, ag_rt_version_warned;

/* "==PID==WARNING: allocguard: <what><n><tail>", once per `once` flag. */
static void ag_rt_warn(int *once, const char *what, uint64_t n,
                       const char *tail) {
  struct ag_rt_line l;
  if (__atomic_exchange_n(once, 1, __ATOMIC_RELAXED))
    return;
  ag_rt_line_init(&l);
  ag_rt_line_pid(&l);
  ag_rt_line_str(&l, "WARNING: allocguard: ");
  ag_rt_line_str(&l, what);
  ag_rt_line_dec(&l, n);
  ag_rt_line_str(&l, tail);
  ag_rt_line_emit(&l);
}

/* Descriptors of another ABI version are skipped, with one warning that
 * names the version and the first such descriptor's address (to find its
 * DSO in /proc/PID/maps). All-zero slots are section padding. */
static int ag_rt_site_valid(const struct __allocguard_site *s) {
  struct ag_rt_line l;
  if (AG_RT_LIKELY(s->abi_version == AG_SITE_ABI_VERSION))
    return 1;
  if ((s->abi_version == 0 && !s->counters) ||
      __atomic_exchange_n(&ag_rt_version_warned, 1, __ATOMIC_RELAXED))
    return 0;
  ag_rt_line_init(&l);
  ag_rt_line_pid(&l);
  ag_rt_line_str(&l, "WARNING: allocguard: ignoring site descriptors of ABI "
                     "version ");
  ag_rt_line_dec(&l, s->abi_version);
  ag_rt_line_str(&l, " (first at ");
  ag_rt_line_hex(&l, (uint64_t)(uintptr_t)s);
  ag_rt_line_str(&l, "; this runtime reads version ");
  ag_rt_line_dec(&l, AG_SITE_ABI_VERSION);
  ag_rt_line_str(&l, "): rebuild with the matching allocguard plugin");
  ag_rt_line_emit(&l);
  return 0;
}

/* FNV-1a over the (constant) descriptors: tells the registered range from
 * other data a later DSO may have at the same address. */
static uint64_t ag_rt_range_hash(const struct __allocguard_site *start,
                                 const struct __allocguard_site *stop) {
  const unsigned char *p = (const unsigned char *)start;
  const unsigned char *end = (const unsigned char *)stop;
  uint64_t h = 0xcbf29ce484222325ull;
  while (p < end)
    h = (h ^ *p++) * 0x100000001b3ull;
  return h;
}

static void ag_rt_ranges_acquire(void) {
  while (__atomic_exchange_n(&ag_rt_ranges_lock, 1, __ATOMIC_ACQUIRE))
    sched_yield();
}

static void ag_rt_ranges_release(void) {
  __atomic_store_n(&ag_rt_ranges_lock, 0, __ATOMIC_RELEASE);
}

AG_RT_EXPORT void
__allocguard_register_sites(const struct __allocguard_site *start,
                            const struct __allocguard_site *stop) {
  const struct __allocguard_site *s;
  unsigned i, n;
  if (!start || !stop || stop <= start)
    return;
  ag_rt_ranges_acquire();
  n = ag_rt_nranges;
  for (i = 0; i < n; i++)
    if (ag_rt_ranges[i].start == start) {
      /* The same DSO again, or a new one at an unloaded one's place. */
      ag_rt_ranges[i].stop = stop;
      ag_rt_ranges[i].hash = ag_rt_range_hash(start, stop);
      goto out;
    }
  if (n == AG_RT_MAX_RANGES) {
    ag_rt_warn(&ag_rt_full_warned, "site table full (", AG_RT_MAX_RANGES,
               " ranges); sites of further DSOs are not listed in summaries");
    goto out;
  }
  for (s = start; s < stop; s++)
    (void)ag_rt_site_valid(s); /* warn early, not at exit */
  ag_rt_ranges[n].start = start;
  ag_rt_ranges[n].stop = stop;
  ag_rt_ranges[n].hash = ag_rt_range_hash(start, stop);
  ag_rt_nranges = n + 1;
out:
  ag_rt_ranges_release();
}

/* Not yet in ag_abi.h (proposed): forget a range before its DSO is
 * unloaded, so summaries and resets never read unmapped descriptors. */
AG_RT_EXPORT void
__allocguard_unregister_sites(const struct __allocguard_site *start,
                              const struct __allocguard_site *stop) {
  unsigned i, n;
  (void)stop;
  ag_rt_ranges_acquire();
  n = ag_rt_nranges;
  for (i = 0; i < n; i++)
    if (ag_rt_ranges[i].start == start)
      break;
  if (i < n) {
    for (; i + 1 < n; i++)
      ag_rt_ranges[i] = ag_rt_ranges[i + 1];
    ag_rt_nranges = n - 1;
  }
  ag_rt_ranges_release();
}

struct ag_rt_visit {
  const struct ag_rt_range *range;                      /* to visit */
  void (*fn)(const struct __allocguard_site *, void *); /* per site */
  void *ctx;                                            /* fn's argument */
  int found; /* a loaded object maps the range, with the same contents */
};

/* dl_iterate_phdr callback: when this object maps the whole range and the
 * bytes there are still the registered descriptors (not another DSO's data
 * at a reused address), visit its sites right here, while the loader's lock
 * keeps the object from being unloaded under us. */
static int ag_rt_visit_object(struct dl_phdr_info *info, size_t size,
                              void *data) {
  struct ag_rt_visit *v = data;
  uintptr_t lo = (uintptr_t)v->range->start, hi = (uintptr_t)v->range->stop;
  const struct __allocguard_site *s;
  int i;
  (void)size;
  for (i = 0; i < info->dlpi_phnum; i++) {
    const ElfW(Phdr) *ph = &info->dlpi_phdr[i];
    uintptr_t seg = info->dlpi_addr + ph->p_vaddr;
    if (ph->p_type != PT_LOAD || lo < seg || hi > seg + ph->p_memsz)
      continue;
    if (ag_rt_range_hash(v->range->start, v->range->stop) != v->range->hash)
      return 1;
    for (s = v->range->start; s < v->range->stop; s++)
      if (ag_rt_site_valid(s))
        v->fn(s, v->ctx);
    v->found = 1;
    return 1;
  }
  return 0;
}

/* Call fn on every valid registered site, in registration order, holding
 * the table lock (fn must not register). A range no loaded object maps any
 * more, or whose bytes changed, belongs to a dlclose'd DSO: it is dropped,
 * and its descriptors are never interpreted. */
void ag_rt_sites_foreach(void (*fn)(const struct __allocguard_site *, void *),
                         void *ctx) {
  unsigned i = 0, j;
  ag_rt_ranges_acquire();
  while (i < ag_rt_nranges) {
    struct ag_rt_visit v = {&ag_rt_ranges[i], fn, ctx, 0};
    dl_iterate_phdr(ag_rt_visit_object, &v);
    if (v.found) {
      i++;
      continue;
    }
    for (j = i; j + 1 < ag_rt_nranges; j++)
      ag_rt_ranges[j] = ag_rt_ranges[j + 1];
    ag_rt_nranges--;
  }
  ag_rt_ranges_release();
}

#define AG_RT_OWNER_SEGS 16

/* The loaded segments of the object that maps `pc`. */
struct ag_rt_owner {
  uintptr_t pc;
  unsigned nsegs;
  uintptr_t lo[AG_RT_OWNER_SEGS], hi[AG_RT_OWNER_SEGS];
};

static int ag_rt_visit_owner(struct dl_phdr_info *info, size_t size,
                             void *data) {
  struct ag_rt_owner *o = data;
  int i, mine = 0;
  (void)size;
  o->nsegs = 0;
  for (i = 0; i < info->dlpi_phnum && o->nsegs < AG_RT_OWNER_SEGS; i++) {
    const ElfW(Phdr) *ph = &info->dlpi_phdr[i];
    uintptr_t seg = info->dlpi_addr + ph->p_vaddr;
    if (ph->p_type != PT_LOAD)
      continue;
    o->lo[o->nsegs] = seg;
    o->hi[o->nsegs++] = seg + ph->p_memsz;
    mine |= o->pc >= seg && o->pc < seg + ph->p_memsz;
  }
  if (!mine)
    o->nsegs = 0;
  return mine;
}

/* The object's segments first, under the loader's lock only, then the
 * ranges under the table lock only: registration runs from constructors,
 * under the loader's lock, and takes the table lock, so holding both here
 * in the other order could deadlock against a dlopen on another thread. */
int ag_rt_sites_in_module(const void *pc) {
  struct ag_rt_owner o;
  unsigned i, j;
  int found = 0;
  o.pc = (uintptr_t)pc;
  o.nsegs = 0;
  dl_iterate_phdr(ag_rt_visit_owner, &o);
  ag_rt_ranges_acquire();
  for (i = 0; i < ag_rt_nranges && !found; i++)
    for (j = 0; j < o.nsegs && !found; j++)
      found = (uintptr_t)ag_rt_ranges[i].start >= o.lo[j] &&
              (uintptr_t)ag_rt_ranges[i].start < o.hi[j];
  ag_rt_ranges_release();
  return found;
}

/* ag_rt_sites_code_ranges: one walk of the loaded objects against a copy
 * of the ranges' starts (taken first, under the table lock only, for the
 * lock order above); AG_RT_CODE_STARTS per walk keeps the stack small. */
#define AG_RT_CODE_STARTS 64
struct ag_rt_code {
  uintptr_t also;
  const uintptr_t *starts;
  unsigned nstarts;
  uintptr_t *lo, *hi;
  unsigned n, max;
};

static int ag_rt_visit_code(struct dl_phdr_info *info, size_t size,
                            void *data) {
  struct ag_rt_code *c = data;
  int i, counts = 0;
  unsigned j;
  (void)size;
  for (i = 0; i < info->dlpi_phnum && !counts; i++) {
    const ElfW(Phdr) *ph = &info->dlpi_phdr[i];
    uintptr_t lo = info->dlpi_addr + ph->p_vaddr, hi = lo + ph->p_memsz;
    if (ph->p_type != PT_LOAD)
      continue;
    counts = c->also >= lo && c->also < hi;
    for (j = 0; j < c->nstarts && !counts; j++)
      counts = c->starts[j] >= lo && c->starts[j] < hi;
  }
  for (i = 0; counts && i < info->dlpi_phnum; i++) {
    const ElfW(Phdr) *ph = &info->dlpi_phdr[i];
    if (ph->p_type != PT_LOAD || !(ph->p_flags & PF_X))
      continue;
    if (c->n < c->max) {
      c->lo[c->n] = info->dlpi_addr + ph->p_vaddr;
      c->hi[c->n] = c->lo[c->n] + ph->p_memsz;
    }
    c->n++;
  }
  return 0;
}

unsigned ag_rt_sites_code_ranges(const void *also, uintptr_t *lo,
                                 uintptr_t *hi, unsigned max) {
  uintptr_t starts[AG_RT_CODE_STARTS];
  struct ag_rt_code c = {(uintptr_t)also, starts, 0, lo, hi, 0, max};
  unsigned done = 0, i, total;
  do {
    ag_rt_ranges_acquire();
    total = ag_rt_nranges;
    for (i = 0; done + i < total && i < AG_RT_CODE_STARTS; i++)
      starts[i] = (uintptr_t)ag_rt_ranges[done + i].start;
    ag_rt_ranges_release();
    c.nstarts = i;
    dl_iterate_phdr(ag_rt_visit_code, &c);
    c.also = 0; /* counted in the first walk */
    done += i;
  } while (done < total);
  return c.n;
}

static void ag_rt_site_reset(const struct __allocguard_site *s, void *ctx) {
  (void)ctx;
  AG_RT_STORE(&s->counters->calls, 0);
  AG_RT_STORE(&s->counters->bytes, 0);
  AG_RT_STORE(&s->counters->violations, 0);
}

void ag_rt_sites_reset_counters(void) {
  ag_rt_sites_foreach(ag_rt_site_reset, 0);
  ag_rt_callers_foreach(ag_rt_site_reset, 0);
}

/* ---- summary=1 ---------------------------------------------------------- */

static void ag_rt_site_count(const struct __allocguard_site *s, void *ctx) {
  (void)s;
  ++*(uint64_t *)ctx;
}

/* ==PID==allocguard: site demo.c:23:17 in cb: malloc: 5 calls, 320 bytes,
 * 1 violations; for an intercepted call:
 * ==PID==allocguard: intercepted from libfoo.so+0x1133 (foo_helper): ...,
 * and for one from a module built without the plugin, the program's frame
 * that led there: "... (foo_helper) via demo+0x1a2b: ...". */
static void ag_rt_site_print(const struct __allocguard_site *s, void *ctx) {
  struct ag_rt_line l;
  (void)ctx;
  ag_rt_line_init(&l);
  ag_rt_line_pid(&l);
  if (s->flags & AG_RT_SITE_CALLER) {
    ag_rt_line_str(&l, "allocguard: intercepted from ");
    ag_rt_line_str(&l, s->file);
    if (s->function[0]) {
      ag_rt_line_str(&l, " (");
      ag_rt_line_str(&l, s->function);
      ag_rt_line_str(&l, ")");
    }
    if (ag_rt_caller_via(s)[0]) {
      ag_rt_line_str(&l, " via ");
      ag_rt_line_str(&l, ag_rt_caller_via(s));
    }
  } else {
    ag_rt_line_str(&l, "allocguard: site ");
    ag_rt_line_loc(&l, s->file, s->line, s->column);
    ag_rt_line_str(&l, " in ");
    ag_rt_line_str(&l, s->function);
  }
  ag_rt_line_str(&l, ": ");
  ag_rt_line_str(&l, s->callee);
  ag_rt_line_str(&l, ": ");
  ag_rt_line_dec(&l, AG_RT_LOAD(&s->counters->calls));
  ag_rt_line_str(&l, " calls, ");
  ag_rt_line_dec(&l, AG_RT_LOAD(&s->counters->bytes));
  ag_rt_line_str(&l, " bytes, ");
  ag_rt_line_dec(&l, AG_RT_LOAD(&s->counters->violations));
  ag_rt_line_str(&l, " violations");
  ag_rt_line_emit(&l);
}

__attribute__((destructor)) static void ag_rt_sites_summary(void) {
  struct ag_rt_line l;
  struct allocguard_stats st;
  uint64_t nsites = 0;
  /* Here rather than in a destructor of its own: a static program links
   * ag_rt_dhat.o only because this reference pulls it in. */
  ag_rt_dhat_write_at_exit();
  if (!ag_rt_flags_get()->summary || !ag_rt_report_enter())
    return;
  ag_rt_sites_foreach(ag_rt_site_count, &nsites);
  allocguard_stats_get(&st); /* counting is on: summary=1 implies it */
  ag_rt_line_init(&l);
  ag_rt_line_pid(&l);
  ag_rt_line_str(&l, "allocguard: summary: ");
  ag_rt_line_dec(&l, AG_RT_LOAD(&ag_rt_totals.allocations));
  ag_rt_line_str(&l, " allocations, ");
  ag_rt_line_dec(&l, AG_RT_LOAD(&ag_rt_totals.frees));
  ag_rt_line_str(&l, " frees, ");
  ag_rt_line_dec(&l, AG_RT_LOAD(&ag_rt_totals.bytes));
  ag_rt_line_str(&l, " bytes, ");
  ag_rt_line_dec(&l, AG_RT_LOAD(&ag_rt_totals.violations));
  ag_rt_line_str(&l, " violations at ");
  ag_rt_line_dec(&l, nsites);
  ag_rt_line_str(&l, " registered sites; peak ");
  ag_rt_line_dec(&l, st.peak_live_bytes);
  ag_rt_line_str(&l, " live bytes, ");
  ag_rt_line_dec(&l, st.live_bytes);
  ag_rt_line_str(&l, " at exit; let through: ");
  ag_rt_line_dec(&l, st.permitted);
  ag_rt_line_str(&l, " permitted, ");
  ag_rt_line_dec(&l, st.suppressed);
  ag_rt_line_str(&l, " suppressed, ");
  ag_rt_line_dec(&l, st.budgeted);
  ag_rt_line_str(&l, " budgeted");
  ag_rt_line_emit(&l);
  ag_rt_sites_foreach(ag_rt_site_print, 0);
  ag_rt_callers_foreach(ag_rt_site_print, 0);
  ag_rt_report_leave();
}
