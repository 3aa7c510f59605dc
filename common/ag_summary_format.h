/* ag_summary_format.h - the translation-unit summary format, defined once.
 *
 * The plugin writes it (plugin/ag_summary.c), allocguard-report reads it
 * (report/read/ag_rep_summary.c), both through the column container of
 * versions 5 and 6 (common/ag_summary_pack.c), the scale benchmark generates it
 * (bench/scale/gen_summaries.c) and the tests' Python decoder parses this
 * very file for its constants (test/plugin/Inputs/decode_summary.py), so no
 * copy can drift. The call kinds' names are also the finding kinds' names
 * (common/ag_finding_kinds.def). Prose and the byte layout:
 * docs/summary-format.md.
 *
 * Plain C preprocessor only: no includes, no LLVM, no libc.
 */
#ifndef ALLOCGUARD_AG_SUMMARY_FORMAT_H
#define ALLOCGUARD_AG_SUMMARY_FORMAT_H

/* ---- record header ---------------------------------------------------- */

#define AG_SUMMARY_MAGIC "AGSUMMRY" /* 8 bytes, no NUL in the record */
#define AG_SUMMARY_MAGIC_SIZE 8
#define AG_SUMMARY_HEADER_SIZE 16   /* magic, u32le version, u32le size */
#define AG_SUMMARY_VERSION 6        /* what writers write */
#define AG_SUMMARY_VERSION_COMPACT 4 /* first with the compact layout */
#define AG_SUMMARY_VERSION_COLUMNS 5 /* first in deflated columns */
#define AG_SUMMARY_VERSION_IMPLIED 6 /* first with implied symbols (below) */
#define AG_SUMMARY_VERSION_MIN 1    /* oldest version readers accept */
#define AG_SUMMARY_SECTION ".allocguard.summary"

/* ---- codes ------------------------------------------------------------ *
 * X(NAME, value, "name in messages and JSON") */

/* function.linkage */
#define AG_SUMMARY_LINKAGES(X)                                                 \
  X(INTERNAL, 0, "internal")       /* static: one node per unit */            \
  X(EXTERNAL, 1, "external")       /* one strong definition program-wide */   \
  X(WEAK, 2, "weak")               /* inline, template, weak: any may win */  \
  X(DECLARATION, 3, "declaration") /* referenced, defined elsewhere */
#define AG_SUMMARY_LINKAGE_COUNT 4

/* call.kind; every kind but CALL is also a kind of finding, named here
 * in JSON, SARIF and baselines (ag_finding_kinds.def) */
#define AG_SUMMARY_CALL_KINDS(X)                                               \
  X(CALL, 0, "call")             /* edge to a function */                     \
  X(ALLOC, 1, "allocation")      /* allocation site */                        \
  X(DEALLOC, 2, "deallocation")  /* deallocation site */                      \
  X(INDIRECT, 3, "indirect")     /* through a function pointer (+ keys) */    \
  X(VIRTUAL, 4, "virtual")       /* C++ virtual call (+ keys) */              \
  X(EXTERNAL, 5, "external")     /* external, unknown to the writer's KB */
#define AG_SUMMARY_CALL_KIND_COUNT 6

/* function.flags bits */
#define AG_SUMMARY_FN_FLAGS(X)                                                 \
  X(ROOT, 1u, "root")             /* alloc_free root */                       \
  X(ALLOCATOR, 2u, "allocator")   /* user allocator: calls are sites */  \
  X(KB_ALLOCATES, 4u, "allocates")     /* v2: declaration the KB knows */   \
  X(KB_DEALLOCATES, 8u, "deallocates") /* v2: declaration the KB knows */   \
  X(KB_ALLOC_FREE, 16u, "alloc_free")  /* v2: known not to allocate */

/* unit.flags bits */
#define AG_SUMMARY_UNIT_FLAGS(X)                                               \
  X(DEBUG_INFO, 1u, "debug_info") /* some call carries a location */

/* ---- version 4's compact encoding --------------------------------------- *
 * docs/summary-format.md has the grammar. Strings are front-coded (each
 * shares a prefix with the one before); functions and calls start with a
 * head uleb whose low bits carry the linkage or kind and whose other bits
 * say which optional fields follow; lines are zigzag deltas; calls come in
 * groups, one per caller, callers ascending. */

/* A string table expands to at most this many times its encoded bytes,
 * plus the slack below: a reader rejects more, a writer never writes it. */
#define AG_SUMMARY_V4_STRING_EXPANSION 64
#define AG_SUMMARY_V4_STRING_SLACK 1048576

/* function.head: bits 0-1 the linkage, then these, then the function's
 * flags shifted left by AG_SUMMARY_V4_FN_FLAGS_SHIFT. */
#define AG_SUMMARY_V4_FN_LINKAGE_MASK 3
#define AG_SUMMARY_V4_FN_DISPLAY 4   /* display string differs: uleb follows */
#define AG_SUMMARY_V4_FN_FILE 8      /* file changes: uleb file+1 follows */
#define AG_SUMMARY_V4_FN_NOLOC 16    /* no file, line 0; no line follows */
#define AG_SUMMARY_V4_FN_FLAGS_SHIFT 5

/* call.head: bits 0-2 the kind, then these. */
#define AG_SUMMARY_V4_CALL_KIND_MASK 7
#define AG_SUMMARY_V4_CALL_FILE 8    /* file changes: uleb file+1 follows */
#define AG_SUMMARY_V4_CALL_WHY 16    /* uleb why string follows */
#define AG_SUMMARY_V4_CALL_NOLOC 32  /* no file, line 0, column 0 */
#define AG_SUMMARY_V4_CALL_HEAD_LIMIT 64 /* heads are below this */

/* ---- version 5's columns ------------------------------------------------ *
 * Version 4's fields, each kind in a column of its own, deflated:
 *   payload := uleb inflated size, a zlib stream (RFC 1950) of
 *   inflated := AG_SUMMARY_V5_COLUMN_COUNT × uleb column size, then the
 *               columns' bytes in this order.
 * Like values side by side compress better than interleaved: SQLite's
 * record 83 KB in version 4, 56 KB deflated, 51 KB in columns. Every
 * field not listed goes to MAIN, in version 4's order. */
#define AG_SUMMARY_V5_COLUMNS(X)                                               \
  X(MAIN, 0, "main")               /* strings, counts, rare fields, tables */ \
  X(FN_HEAD, 1, "function head")                                              \
  X(FN_SYMBOL, 2, "function symbol") /* empty from version 6 */             \
  X(FN_LINE, 3, "function line")                                              \
  X(CALL_GROUP, 4, "call group")   /* caller delta, calls of the caller */    \
  X(CALL_HEAD, 5, "call head")                                                \
  X(CALL_CALLEE, 6, "call callee")                                            \
  X(CALL_LINE, 7, "call line")                                                \
  X(CALL_COLUMN, 8, "call column")                                            \
  X(CALL_KEYS, 9, "call keys")     /* indirect and virtual calls' keys */
#define AG_SUMMARY_V5_COLUMN_COUNT 10

/* The columns inflate to at most this many times the payload, plus the
 * slack: a reader rejects more, so a small hostile record cannot make it
 * allocate much; a writer that would pass it stores the columns
 * uncompressed (deflate level 0). */
#define AG_SUMMARY_V5_EXPANSION 64
#define AG_SUMMARY_V5_SLACK 1048576

/* ---- version 6: what a small unit repeats ------------------------------ *
 * Version 5's columns and container with three changes, which take Lua's
 * 32 small units from 31.3 KB to 27.5 KB:
 *   - function i's symbol is string i: writers put the function symbols
 *     first in the string table, in function order; FN_SYMBOL stays empty;
 *   - a call's callee is a uleb function index, not a delta from the
 *     caller;
 *   - at each call group, "the line before" becomes the caller's line.
 * Writers order the functions so these pay: definitions by file and line
 * (line deltas stay small), then declarations by name (front coding). */

/* ---- keys for indirect-call resolution (version 2; 3: class-keyed
 * vtable slots) ---------------------------------------------------------- *
 * Keys are strings in the record's string table, equal across units,
 * compilers (LLVM 14's typed pointers and 19+'s opaque ones) and
 * directories. docs/summary-format.md gives the grammar. */

/* Type key of a function type: every pointer is "p", so typed and opaque
 * pointers agree: `void *(*)(void *, unsigned, unsigned)` is "p(p,i32,i32)". */
#define AG_SUMMARY_TYPE_POINTER "p"

/* Field keys: where a function pointer was stored or loaded from. */
#define AG_SUMMARY_FIELD_STRUCT "struct:" /* struct:<IR name>#<index> */
#define AG_SUMMARY_FIELD_GLOBAL "global:" /* global:<symbol> (external) */
#define AG_SUMMARY_FIELD_STATIC "static:" /* static:<unit>:<symbol> */
#define AG_SUMMARY_FIELD_VSLOT "vslot:"   /* vslot:<class>:<slot> (v3) or
                                             vslot:<slot> (class unknown) */

#endif /* ALLOCGUARD_AG_SUMMARY_FORMAT_H */
