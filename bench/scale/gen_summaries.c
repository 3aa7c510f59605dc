/* gen_summaries.c - write a synthetic whole program as allocguard summary
 * side files (docs/summary-format.md, version 6, as the plugin writes
 * them: its codes from common/ag_summary_format.h, its columns deflated
 * by common/ag_summary_pack.c), for the scale benchmark of
 * allocguard-report.
 *
 *   cc -O2 -Icommon -o gen bench/scale/gen_summaries.c \
 *     common/ag_summary_pack.c common/ag_alloc.c -lz
 *   ./gen OUTDIR [functions [edges [roots [seed]]]]    # 1e6 1e7 300 1
 *
 * The program has one unit per 100 defined functions and one call record
 * per edge, split into subsystems (the table below) the way a real-time
 * application is: a few real-time units holding the alloc_free roots, which
 * call into a DSP layer and a core library, and a large rest (UI, I/O,
 * setup) that calls everything but that no root reaches. Within a unit calls
 * run mostly forward to nearby functions (call chains: depth), sometimes
 * back (cycles); across units they go through declarations resolved by
 * symbol. Linkage is mixed: external, internal (the same static names in
 * every unit), weak (inline functions defined in many units). Allocation
 * sites, deallocations, indirect and virtual calls and calls to functions
 * no unit defines are sprinkled at per-subsystem rates.
 *
 * Indirect calls are resolvable, as in real code: every library (CLUSTER
 * units) has callback structs whose fields (each of a function type of
 * that library) its units store their functions into and call through;
 * some stores go through copies of other fields (flows), a few fields are
 * open; a fifth of the calls have no field (the first layer: every
 * address-taken function of the type); virtual calls go through vtable
 * slots of the library's classes; core libraries keep `malloc` in an
 * allocator hook and call through it. Types and fields belong to one
 * library, so a root still reaches a bounded part of the program.
 *
 * A unit's functions are in the plugin's order: its definitions by line
 * (all in the unit's source), then its declarations by name.
 *
 * Everything derives from the seed: the same arguments write the same
 * bytes, and the same program as the version 4 generator before it.
 * Units are written 10 per side file.
 */
#include "ag_alloc.h"
#include "ag_leb128.h"
#include "ag_summary_format.h"
#include "ag_summary_pack.h"

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

enum { FNS_PER_UNIT = 100, UNITS_PER_FILE = 10, IMPORTS = 24,
       UNKNOWN_POOL = 5000, UNKNOWN_PER_UNIT = 6, LIBC = 5 };
/* Per library: STRUCTS structs of FIELDS function-pointer fields, TYPES
 * function types, SLOTS vtable slots. Per unit: the keys it may use. */
enum { STRUCTS = 8, FIELDS = 8, TYPES = 16, SLOTS = 12, UNIT_FIELDS = 10,
       UNIT_TYPES = 3, UNIT_SLOTS = 3, STORES = 3, TAKEN = 1, VSTORES = 2 };

/* One row per subsystem: share of the units, dependencies (units it
 * imports from: of its own subsystem, of dsp, of core), and per-call rates
 * in 1/10000 of allocation, deallocation, indirect and unknown calls.
 * Calls go to another unit's function with probability `cross`/100.
 * rt, dsp and core units come in libraries of CLUSTER units: a unit
 * imports from later units of its own library, and a library (all its
 * units) from one dsp and one core library. So what a root reaches is
 * bounded (its rt library, a dsp library, core libraries: about a hundred
 * units) whatever the size of the program, as in a real application, and
 * the work grows linearly with the program. 25 units divide the rt, dsp
 * and core shares at 1/4, 1/2 and full size evenly. */
enum { RT, DSP, CORE, APP, NSUB, CLUSTER = 25 };
struct subsystem {
  const char *name;
  int share_permille;
  int deps_own, deps_dsp, deps_core;
  int cross;
  int alloc, dealloc, indirect, virt, unknown;
};
/* Indirect and virtual calls: 1-4.5% of calls, as in C libraries and C++
 * applications (a few percent of call sites go through pointers). */
static const struct subsystem SUBSYSTEMS[NSUB] = {
  /*  name   share own dsp core cross alloc dealloc indirect virt unknown */
  {"rt",     10,   0,  3,  1,  30,   1,    1,      100,     30,  2},
  {"dsp",    20,   2,  0,  1,  25,   2,    2,      150,     80,  3},
  {"core",   20,   1,  0,  0,  20,   8,    6,      200,     50,  5},
  {"app",    950,  3,  1,  2,  35,   120,  100,    300,     150, 30},
};
static const char *const LIBC_NAMES[LIBC] = {"malloc", "calloc", "realloc",
                                             "strdup", "free"};

/* The format's codes, under short names. */
#define X(name, value, text) LINK_##name = value,
enum { AG_SUMMARY_LINKAGES(X) LINK_DECL = LINK_DECLARATION };
#undef X
#define X(name, value, text) name = value,
enum { AG_SUMMARY_CALL_KINDS(X) };
#undef X
#define X(name, value, text) FN_##name = value,
enum { AG_SUMMARY_FN_FLAGS(X) };
#undef X

static uint64_t seed_g;
static uint32_t units_g, sub_first[NSUB + 1];

/* splitmix64: a hash of (seed, a, b) and a small per-unit generator. */
static uint64_t mix(uint64_t x) {
  x += 0x9e3779b97f4a7c15ull;
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ull;
  x = (x ^ (x >> 27)) * 0x94d049bb133111ebull;
  return x ^ (x >> 31);
}
static uint64_t hash3(uint64_t a, uint64_t b) {
  return mix(seed_g ^ mix(a * 0x100000001b3ull ^ mix(b)));
}
static uint64_t rng_state;
static uint32_t rnd(uint32_t n) { return (uint32_t)((rng_state = mix(rng_state)) % n); }

static int sub_of(uint32_t unit) {
  int s = 0;
  while (unit >= sub_first[s + 1])
    ++s;
  return s;
}

/* Linkage of function `i` of `unit`, known to every unit without storing
 * the program: roots and function 0 are external; then 60% external, 30%
 * internal, 10% weak. */
static int linkage(uint32_t unit, uint32_t i) {
  if (i < 4)
    return LINK_EXTERNAL;
  uint32_t h = (uint32_t)(hash3(unit, i) % 100);
  return h < 60 ? LINK_EXTERNAL : h < 90 ? LINK_INTERNAL : LINK_WEAK;
}

/*===-- Output buffers ------------------------------------------------------===*/
/* The side file being written, and the columns of the unit being written
 * (version 5's, as version 6 uses them: ag_summary_format.h). */
struct bytes {
  uint8_t *data;
  size_t len, cap;
};
static struct bytes file_g, col[AG_SUMMARY_V5_COLUMN_COUNT];
#define X(name, value, text) COL_##name = value,
enum { AG_SUMMARY_V5_COLUMNS(X) };
#undef X

/* ag_alloc.h: what running out of memory does here (the container's
 * writer allocates through it). */
void ag_out_of_memory(size_t size) {
  fprintf(stderr, "gen_summaries: out of memory (%zu bytes)\n", size);
  exit(1);
}

static void put(struct bytes *b, const void *p, size_t n) {
  if (b->len + n > b->cap) {
    b->cap = (b->len + n) * 2;
    b->data = ag_xrealloc(b->data, b->cap);
  }
  memcpy(b->data + b->len, p, n);
  b->len += n;
}
static void uleb(int c, uint64_t v) {
  uint8_t b[AG_ULEB_MAX_BYTES];
  put(&col[c], b, ag_uleb_put(b, v));
}
static void zigzag(int c, int64_t v) { uleb(c, ag_zigzag(v)); }

/* A unit's strings in the order its plan makes them (0 its source, 1 + i
 * the name of its function i, then the keys), and each one's index in the
 * record's string table (put_strings). */
enum { MAX_STRINGS = 256, MAX_STRING = 96 };
static char strs[MAX_STRINGS][MAX_STRING];
static uint32_t nstrs, remap[MAX_STRINGS];
static char *new_str(void) { return strs[nstrs++]; }

/* Orders plan string indices by text, then index. */
static int cmp_str(const void *a, const void *b) {
  uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
  int c = strcmp(strs[x], strs[y]);
  return c ? c : (x > y) - (x < y);
}

/* Front coding: the prefix shared with the string before, then the rest. */
static void put_str(const char **prev, const char *s) {
  size_t n = strlen(s), shared = 0;
  while ((*prev)[shared] && (*prev)[shared] == s[shared])
    ++shared;
  uleb(COL_MAIN, shared);
  uleb(COL_MAIN, n - shared);
  put(&col[COL_MAIN], s + shared, n - shared);
  *prev = s;
}

/* Version 6's string table, into the main column: the `nfn` function
 * symbols first in record order (`order`: record function -> plan
 * function), then the other strings sorted, each once. Sets remap. */
static void put_strings(const uint32_t *order, uint32_t nfn) {
  uint32_t sorted[MAX_STRINGS], n = 0, count = nfn;
  for (uint32_t i = 0; i < nfn; ++i)
    remap[1 + order[i]] = i;
  sorted[n++] = 0;
  for (uint32_t k = 1 + nfn; k < nstrs; ++k)
    sorted[n++] = k;
  qsort(sorted, n, sizeof *sorted, cmp_str);
  for (uint32_t k = 0; k < n; ++k)
    remap[sorted[k]] = k && !strcmp(strs[sorted[k]], strs[sorted[k - 1]])
                           ? remap[sorted[k - 1]]
                           : count++;
  uleb(COL_MAIN, count);
  const char *prev = "";
  for (uint32_t i = 0; i < nfn; ++i)
    put_str(&prev, strs[1 + order[i]]);
  for (uint32_t k = 0; k < n; ++k)
    if (!k || strcmp(strs[sorted[k]], strs[sorted[k - 1]]))
      put_str(&prev, strs[sorted[k]]);
}

/*===-- One unit ------------------------------------------------------------===*/
struct unit_plan {
  uint32_t deps[8], ndeps;
  uint32_t imports[IMPORTS][2], nimports; /* (unit, function) */
  uint32_t unknown[UNKNOWN_PER_UNIT];
  uint32_t calls[FNS_PER_UNIT];
  uint32_t roots;
  /* Resolution keys: fields (of its library's structs), types for calls
   * with no field, vtable slots with their types. */
  uint32_t fields[UNIT_FIELDS], types[UNIT_TYPES], slots[UNIT_SLOTS][2];
  uint32_t stores[STORES][2], taken[TAKEN][2], vstores[VSTORES][2];
  uint32_t flow[2]; /* field <- field (unit field indices); [1] NONE: open */
  int hook;         /* stores malloc into the allocator hook */
};

/* The units of library `c` (modulo the count) of subsystem `sub`. */
static void library(int sub, uint32_t c, uint32_t *first, uint32_t *end) {
  uint32_t n = sub_first[sub + 1] - sub_first[sub];
  uint32_t count = n / CLUSTER ? n / CLUSTER : 1;
  c %= count;
  *first = sub_first[sub] + c * CLUSTER;
  *end = c + 1 == count ? sub_first[sub + 1] : *first + CLUSTER;
}

static uint32_t library_of(uint32_t unit) {
  int sub = sub_of(unit);
  uint32_t n = sub_first[sub + 1] - sub_first[sub];
  uint32_t c = (unit - sub_first[sub]) / CLUSTER, count = n / CLUSTER;
  return count && c >= count ? count - 1 : c;
}

/* Adds `n` units of subsystem `sub` that `unit` imports from. */
static void add_deps(struct unit_plan *p, uint32_t unit, int sub, int n) {
  int own = sub_of(unit);
  uint32_t first, end;
  if (sub == own && own == APP) { /* later app units nearby */
    first = unit + 1;
    end = first + 64 < sub_first[APP + 1] ? first + 64 : sub_first[APP + 1];
  } else if (sub == own) { /* later units of its own library: no cycles */
    library(own, library_of(unit), &first, &end);
    first = unit + 1;
  } else if (own == APP) { /* the application uses any library */
    first = sub_first[sub];
    end = sub_first[sub + 1];
  } else { /* one library, the same for a whole rt unit or dsp library */
    library(sub, (uint32_t)hash3(library_of(unit), sub), &first, &end);
  }
  for (int i = 0; first < end && i < n && p->ndeps < 8; ++i)
    p->deps[p->ndeps++] = first + rnd(end - first);
}

static void plan_unit(struct unit_plan *p, uint32_t unit, uint64_t edges,
                      uint32_t roots_total) {
  memset(p, 0, sizeof *p);
  const struct subsystem *s = &SUBSYSTEMS[sub_of(unit)];
  add_deps(p, unit, sub_of(unit), s->deps_own);
  add_deps(p, unit, DSP, s->deps_dsp);
  add_deps(p, unit, CORE, s->deps_core);
  for (uint32_t k = 0; p->ndeps && k < IMPORTS; ++k) {
    uint32_t du = p->deps[rnd(p->ndeps)], fn = rnd(30), dup = 0;
    if (linkage(du, fn) != LINK_EXTERNAL)
      fn = rnd(4);
    for (uint32_t j = 0; j < p->nimports; ++j)
      dup |= p->imports[j][0] == du && p->imports[j][1] == fn;
    if (!dup) {
      p->imports[p->nimports][0] = du;
      p->imports[p->nimports++][1] = fn;
    }
  }
  for (int k = 0; k < UNKNOWN_PER_UNIT; ++k)
    p->unknown[k] = rnd(UNKNOWN_POOL);
  /* Edges per function: skewed weights, scaled to exactly `edges`. */
  uint32_t w[FNS_PER_UNIT];
  uint64_t sum = 0, given = 0, base = edges / FNS_PER_UNIT + 1;
  for (int i = 0; i < FNS_PER_UNIT; ++i)
    sum += w[i] = 1 + rnd((uint32_t)(2 * base));
  for (int i = 0; i < FNS_PER_UNIT; ++i)
    given += p->calls[i] = (uint32_t)(w[i] * edges / sum);
  while (given++ < edges)
    ++p->calls[rnd(FNS_PER_UNIT)];
  uint32_t rt = sub_first[1] - sub_first[0];
  if (unit < sub_first[1])
    p->roots = roots_total / rt + (unit < roots_total % rt);
  for (int k = 0; k < UNIT_FIELDS; ++k)
    p->fields[k] = rnd(STRUCTS * FIELDS);
  for (int k = 0; k < UNIT_TYPES; ++k)
    p->types[k] = rnd(TYPES);
  for (int k = 0; k < UNIT_SLOTS; ++k) {
    p->slots[k][0] = rnd(SLOTS);
    p->slots[k][1] = rnd(TYPES);
  }
  for (int k = 0; k < STORES; ++k) { /* (function, unit field) */
    p->stores[k][0] = rnd(FNS_PER_UNIT);
    p->stores[k][1] = rnd(UNIT_FIELDS);
  }
  for (int k = 0; k < TAKEN; ++k) { /* (function, unit type) */
    p->taken[k][0] = rnd(FNS_PER_UNIT);
    p->taken[k][1] = rnd(UNIT_TYPES);
  }
  for (int k = 0; k < VSTORES; ++k) { /* (function, unit slot) */
    p->vstores[k][0] = rnd(FNS_PER_UNIT);
    p->vstores[k][1] = rnd(UNIT_SLOTS);
  }
  p->flow[0] = rnd(UNIT_FIELDS);
  p->flow[1] = rnd(20) ? rnd(UNIT_FIELDS) : UINT32_MAX; /* 5% open */
  uint32_t first, end;
  library(CORE, library_of(unit), &first, &end);
  p->hook = sub_of(unit) == CORE && unit == first;
}

/* Key strings (docs/summary-format.md): a field of a library's struct, a
 * library's function type, a vtable slot. */
static void field_key(char *out, size_t n, uint32_t unit, uint32_t f) {
  snprintf(out, n, AG_SUMMARY_FIELD_STRUCT "struct.%s%u_s%u#%u",
           SUBSYSTEMS[sub_of(unit)].name, library_of(unit), f / FIELDS,
           f % FIELDS);
}
static void field_name(char *out, size_t n, uint32_t unit, uint32_t f) {
  snprintf(out, n, "%s%u_s%u.cb%u", SUBSYSTEMS[sub_of(unit)].name,
           library_of(unit), f / FIELDS, f % FIELDS);
}
static uint32_t field_type(uint32_t unit, uint32_t f) {
  return (uint32_t)(hash3(library_of(unit) * 8 + (uint32_t)sub_of(unit), f) %
                    TYPES);
}
static void type_key(char *out, size_t n, uint32_t unit, uint32_t t) {
  snprintf(out, n, "i32(p,%%%s%u_t%u)", SUBSYSTEMS[sub_of(unit)].name,
           library_of(unit), t);
}

static void fn_name(char *out, size_t n, uint32_t unit, uint32_t i) {
  switch (linkage(unit, i)) {
  case LINK_INTERNAL:
    snprintf(out, n, "helper_%u", i);
    break;
  case LINK_WEAK: /* a library's header-only helpers, in many of its units */
    snprintf(out, n, "%s%u_inl_%u", SUBSYSTEMS[sub_of(unit)].name,
             library_of(unit), (unsigned)(hash3(unit, i) % 4) * 100 + i);
    break;
  default:
    snprintf(out, n, "m%u_f%u", unit, i);
  }
}

/* Orders a unit's declarations (plan function indices) by name, then
 * index, as the plugin does. */
static int cmp_decl(const void *a, const void *b) {
  uint32_t x = 1 + *(const uint32_t *)a, y = 1 + *(const uint32_t *)b;
  return cmp_str(&x, &y);
}

/* Appends the record of `unit` to the side file's buffer. Function and
 * string indices below are the plan's (version 4's order) until mapped:
 * pos[] for functions, remap[] for strings. */
static void write_unit(uint32_t unit, uint64_t edges, uint32_t roots_total) {
  struct unit_plan p;
  rng_state = hash3(unit, 0xfeed);
  plan_unit(&p, unit, edges, roots_total);
  const uint32_t F = FNS_PER_UNIT, IMP = F, LIB = IMP + p.nimports,
                 UNK = LIB + LIBC, NFN = UNK + UNKNOWN_PER_UNIT;
  /* Strings after the functions' names: per unit field its key, its
   * type's key and its name; the types of calls with no field; per slot
   * its key and type; the hook and its type. */
  const uint32_t S_FIELD = 1 + NFN, S_TYPE = S_FIELD + 3 * UNIT_FIELDS,
                 S_SLOT = S_TYPE + UNIT_TYPES, S_HOOK = S_SLOT + 2 * UNIT_SLOTS;
  for (int c = 0; c < AG_SUMMARY_V5_COLUMN_COUNT; ++c)
    col[c].len = 0;

  nstrs = 0; /* the source, one name per function, the keys */
  snprintf(new_str(), MAX_STRING, "src/%s/m%u.c", SUBSYSTEMS[sub_of(unit)].name,
           unit);
  for (uint32_t i = 0; i < F; ++i)
    fn_name(new_str(), MAX_STRING, unit, i);
  for (uint32_t k = 0; k < p.nimports; ++k)
    snprintf(new_str(), MAX_STRING, "m%u_f%u", p.imports[k][0], p.imports[k][1]);
  for (int k = 0; k < LIBC; ++k)
    snprintf(new_str(), MAX_STRING, "%s", LIBC_NAMES[k]);
  for (int k = 0; k < UNKNOWN_PER_UNIT; ++k)
    snprintf(new_str(), MAX_STRING, "ext_%u", p.unknown[k]);
  for (int k = 0; k < UNIT_FIELDS; ++k) {
    field_key(new_str(), MAX_STRING, unit, p.fields[k]);
    type_key(new_str(), MAX_STRING, unit, field_type(unit, p.fields[k]));
    field_name(new_str(), MAX_STRING, unit, p.fields[k]);
  }
  for (int k = 0; k < UNIT_TYPES; ++k)
    type_key(new_str(), MAX_STRING, unit, p.types[k]);
  for (int k = 0; k < UNIT_SLOTS; ++k) {
    snprintf(new_str(), MAX_STRING, AG_SUMMARY_FIELD_VSLOT "%u", p.slots[k][0]);
    snprintf(new_str(), MAX_STRING, "v(p,%%%s%u_v%u)",
             SUBSYSTEMS[sub_of(unit)].name, library_of(unit), p.slots[k][1]);
  }
  snprintf(new_str(), MAX_STRING, "%s", AG_SUMMARY_FIELD_GLOBAL "xmalloc_hook");
  snprintf(new_str(), MAX_STRING, "%s", "p(i64)");

  /* The record's function order: the definitions by line (they are in
   * plan order already), then the declarations by name. */
  uint32_t order[MAX_STRINGS], pos[MAX_STRINGS];
  for (uint32_t i = 0; i < NFN; ++i)
    order[i] = i;
  qsort(order + F, NFN - F, sizeof *order, cmp_decl);
  for (uint32_t n = 0; n < NFN; ++n)
    pos[order[n]] = n;
  put_strings(order, NFN);
  uleb(COL_MAIN, remap[0]); /* unit: its source */
  uleb(COL_MAIN, 1);        /* flags: debug info */

  uleb(COL_MAIN, NFN); /* file: the unit's source by default; symbol: implied */
  for (uint32_t n = 0, line = 0; n < NFN; ++n) {
    uint32_t i = order[n];
    int defined = i < F;
    uint32_t flags = defined && i < p.roots ? FN_ROOT
                     : i == LIB             ? FN_KB_ALLOCATES /* malloc */
                                            : 0;
    uleb(COL_FN_HEAD, (uint32_t)(defined ? linkage(unit, i) : LINK_DECL) |
                          (defined ? 0 : AG_SUMMARY_V4_FN_NOLOC) |
                          flags << AG_SUMMARY_V4_FN_FLAGS_SHIFT);
    if (defined) {
      zigzag(COL_FN_LINE, (int64_t)(10 + 25 * i) - line);
      line = 10 + 25 * i;
    }
  }

  const struct subsystem *s = &SUBSYSTEMS[sub_of(unit)];
  uleb(COL_MAIN, edges);
  for (uint32_t i = 0, last = UINT32_MAX; i < F; ++i) {
    if (!p.calls[i])
      continue;
    uleb(COL_CALL_GROUP, i - (last + 1)); /* the caller, as a delta */
    uleb(COL_CALL_GROUP, p.calls[i]);
    last = i;
    int64_t line = 10 + 25 * i; /* a group's lines run from its caller's */
    for (uint32_t c = 0; c < p.calls[i]; ++c) {
      uint32_t r = rnd(10000), kind = CALL, callee = 0;
      if (r < (uint32_t)s->alloc) {
        kind = ALLOC, callee = LIB + rnd(LIBC - 1) + 1;
      } else if ((r -= s->alloc) < (uint32_t)s->dealloc) {
        kind = DEALLOC, callee = LIB + LIBC - 1 + 1;
      } else if ((r -= s->dealloc) < (uint32_t)s->indirect) {
        kind = INDIRECT;
      } else if ((r -= s->indirect) < (uint32_t)s->virt) {
        kind = VIRTUAL;
      } else if ((r -= s->virt) < (uint32_t)s->unknown) {
        kind = EXTERNAL, callee = UNK + rnd(UNKNOWN_PER_UNIT) + 1;
      } else if (p.nimports && rnd(100) < (uint32_t)s->cross) {
        kind = EXTERNAL, callee = IMP + rnd(p.nimports) + 1;
      } else if (i + 1 < F && rnd(100) < 97) {
        uint32_t j = i + 1 + rnd(8); /* forward and near: call chains */
        callee = (j < F ? j : F - 1) + 1;
      } else {
        callee = rnd(i + 1) + 1; /* backward: recursion, cycles */
      }
      uleb(COL_CALL_HEAD, kind); /* the head: same file, no reason */
      if (callee)
        uleb(COL_CALL_CALLEE, pos[callee - 1]);
      zigzag(COL_CALL_LINE, (int64_t)(10 + 25 * i + 1 + c % 24) - line);
      line = 10 + 25 * i + 1 + c % 24;
      uleb(COL_CALL_COLUMN, 5 + rnd(30));
      if (kind == INDIRECT) { /* a field (4 in 5), the hook, or none */
        uint32_t pick = rnd(100);
        if (pick < 80) {
          uint32_t f = rnd(UNIT_FIELDS);
          uleb(COL_CALL_KEYS, remap[S_FIELD + 3 * f + 1]);
          uleb(COL_CALL_KEYS, remap[S_FIELD + 3 * f] + 1);
        } else if (pick < 82 && sub_of(unit) != APP) {
          uleb(COL_CALL_KEYS, remap[S_HOOK + 1]);
          uleb(COL_CALL_KEYS, remap[S_HOOK] + 1);
        } else {
          uleb(COL_CALL_KEYS, remap[S_TYPE + rnd(UNIT_TYPES)]);
          uleb(COL_CALL_KEYS, 0);
        }
      } else if (kind == VIRTUAL) {
        uint32_t k = rnd(UNIT_SLOTS);
        uleb(COL_CALL_KEYS, remap[S_SLOT + 2 * k + 1]);
        uleb(COL_CALL_KEYS, remap[S_SLOT + 2 * k] + 1);
      }
    }
  }
  /* Targets: functions stored into fields, taken otherwise, in vtables;
   * the hook holding malloc. */
  uleb(COL_MAIN, STORES + TAKEN + VSTORES + (uint32_t)p.hook);
  for (int k = 0; k < STORES; ++k) {
    uleb(COL_MAIN, pos[p.stores[k][0]]);
    uleb(COL_MAIN, remap[S_FIELD + 3 * p.stores[k][1] + 1]);
    uleb(COL_MAIN, remap[S_FIELD + 3 * p.stores[k][1]] + 1);
  }
  for (int k = 0; k < TAKEN; ++k) {
    uleb(COL_MAIN, pos[p.taken[k][0]]);
    uleb(COL_MAIN, remap[S_TYPE + p.taken[k][1]]);
    uleb(COL_MAIN, 0);
  }
  for (int k = 0; k < VSTORES; ++k) {
    uleb(COL_MAIN, pos[p.vstores[k][0]]);
    uleb(COL_MAIN, remap[S_SLOT + 2 * p.vstores[k][1] + 1]);
    uleb(COL_MAIN, remap[S_SLOT + 2 * p.vstores[k][1]] + 1);
  }
  if (p.hook) {
    uleb(COL_MAIN, pos[LIB]); /* malloc */
    uleb(COL_MAIN, remap[S_HOOK + 1]);
    uleb(COL_MAIN, remap[S_HOOK] + 1);
  }
  uleb(COL_MAIN, 1); /* flows: one copy between the unit's fields, or open */
  uleb(COL_MAIN, remap[S_FIELD + 3 * p.flow[0]]);
  uleb(COL_MAIN,
       p.flow[1] == UINT32_MAX ? 0 : remap[S_FIELD + 3 * p.flow[1]] + 1);
  uleb(COL_MAIN, STORES); /* names of the fields it stores into */
  for (int k = 0; k < STORES; ++k) {
    uleb(COL_MAIN, remap[S_FIELD + 3 * p.stores[k][1]]);
    uleb(COL_MAIN, remap[S_FIELD + 3 * p.stores[k][1] + 2]);
  }

  struct ag_summary_span spans[AG_SUMMARY_V5_COLUMN_COUNT];
  for (int c = 0; c < AG_SUMMARY_V5_COLUMN_COUNT; ++c)
    spans[c] = (struct ag_summary_span){col[c].data, col[c].len};
  size_t size;
  uint8_t *record = ag_summary_pack(spans, &size);
  put(&file_g, record, size);
  free(record);
}

/*===-- Main ----------------------------------------------------------------===*/
int main(int argc, char **argv) {
  if (argc < 2 || argc > 6) {
    fprintf(stderr, "usage: %s OUTDIR [functions [edges [roots [seed]]]]\n",
            argv[0]);
    return 2;
  }
  const char *dir = argv[1];
  uint64_t functions = argc > 2 ? strtoull(argv[2], NULL, 10) : 1000000;
  uint64_t edges = argc > 3 ? strtoull(argv[3], NULL, 10) : 10000000;
  uint32_t roots = argc > 4 ? (uint32_t)strtoul(argv[4], NULL, 10) : 300;
  seed_g = argc > 5 ? strtoull(argv[5], NULL, 10) : 1;
  units_g = (uint32_t)(functions / FNS_PER_UNIT);
  if (units_g < 100 || mkdir(dir, 0777) != 0) {
    fprintf(stderr, "gen_summaries: %s\n", units_g < 100
            ? "need at least 10000 functions" : strerror(errno));
    return 2;
  }
  uint32_t at = 0;
  for (int s = 0; s < NSUB; ++s) {
    sub_first[s] = at;
    at += (uint32_t)((uint64_t)units_g * SUBSYSTEMS[s].share_permille / 1000);
  }
  sub_first[NSUB] = units_g;
  if (roots > 4 * (sub_first[1] - sub_first[0]))
    roots = 4 * (sub_first[1] - sub_first[0]);

  char path[4096];
  for (uint32_t u = 0; u < units_g; u += UNITS_PER_FILE) {
    file_g.len = 0;
    for (uint32_t k = u; k < u + UNITS_PER_FILE && k < units_g; ++k)
      write_unit(k, edges / units_g + (k < edges % units_g), roots);
    snprintf(path, sizeof path, "%s/part%05u.agsum", dir, u / UNITS_PER_FILE);
    FILE *f = fopen(path, "wb");
    if (!f || fwrite(file_g.data, 1, file_g.len, f) != file_g.len ||
        fclose(f) != 0) {
      perror(path);
      return 1;
    }
  }
  printf("%s: %u units in %u files, %llu functions defined, %llu call "
         "records, %u roots\n", dir, units_g,
         (units_g + UNITS_PER_FILE - 1) / UNITS_PER_FILE,
         (unsigned long long)units_g * FNS_PER_UNIT,
         (unsigned long long)edges, roots);
  return 0;
}
