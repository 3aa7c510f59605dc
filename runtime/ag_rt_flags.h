/* ag_rt_flags.h - runtime options (the table is ag_rt_flags.inc).
 *
 * Sources, later wins: the defaults in the table, the program's weak
 * __allocguard_default_options(), then ALLOCGUARD_OPTIONS. Parsed once, in
 * place, without allocating: on first use or from a constructor.
 */
#ifndef ALLOCGUARD_AG_RT_FLAGS_H
#define ALLOCGUARD_AG_RT_FLAGS_H

#include <stdint.h>

/* Flag value types; each has a parser, a printer and a list of valid values
 * in ag_rt_flags.c, named after the type. */
typedef int ag_rt_bool;
typedef int ag_rt_mode;
/* A string (a path): NUL-terminated copy in a static pool, or NULL when
 * unset or set empty. */
typedef const char *ag_rt_str;
/* A '|'-separated list of patterns (suppress=), stored like ag_rt_str. */
typedef const char *ag_rt_list;
/* A count or a size in decimal; 0 usually means "none" or "no limit". */
typedef uint64_t ag_rt_u64;

enum {
  AG_RT_MODE_ABORT, /* report, then abort() */
  AG_RT_MODE_LOG,   /* report each site once, continue */
  AG_RT_MODE_COUNT, /* count silently */
};

struct ag_rt_flags {
#define AG_FLAG(type, name, default_value, description) type name;
#include "ag_rt_flags.inc"
#undef AG_FLAG
};

/* The parsed options; parses them on the first call. A bad option prints
 * one line and ends the process with _exit(2). */
const struct ag_rt_flags *ag_rt_flags_get(void);

#endif /* ALLOCGUARD_AG_RT_FLAGS_H */
