/* ag_util.h - small containers the plugin needs: a pointer-keyed map,
 * string lists and tables, and string helpers. Allocation and growable
 * arrays (ag_xmalloc, AG_PUSH) are common/ag_alloc.h's; the plugin runs
 * inside the compiler, so running out of memory aborts there.
 */
#ifndef ALLOCGUARD_AG_UTIL_H
#define ALLOCGUARD_AG_UTIL_H

#include "ag_alloc.h"

#include <stddef.h>

/* Open-addressing map from pointer to int, for LLVMValueRef -> index. */
struct ag_ptrmap {
  const void **keys;
  int *values;
  size_t cap;   /* power of two */
  size_t count;
};
void ag_ptrmap_put(struct ag_ptrmap *map, const void *key, int value);
/* Returns the value, or -1 when absent. */
int ag_ptrmap_get(const struct ag_ptrmap *map, const void *key);
void ag_ptrmap_free(struct ag_ptrmap *map);

/* A list of owned strings, split from "a,b" option values or files. */
struct ag_strlist {
  char **items;
  size_t count, cap;
};
void ag_strlist_add(struct ag_strlist *list, const char *s, size_t len);
/* Adds each non-empty, trimmed item of a comma-separated list; commas
 * inside () or <> do not split. */
void ag_strlist_add_csv(struct ag_strlist *list, const char *csv);
/* Adds each non-empty, trimmed line of `text` (`len` bytes, NULs
 * included) up to a '#', which starts a comment: a roots file. */
void ag_strlist_add_lines(struct ag_strlist *list, const char *text,
                          size_t len);
void ag_strlist_free(struct ag_strlist *list);

/* The whole file at `path`, NUL-terminated, its length in *len; the caller
 * frees it. NULL with errno set when it cannot be read. */
char *ag_read_file(const char *path, size_t *len);

/* Whether a module for `triple` is written as ELF, by LLVM's own rule
 * (llvm::Triple): an object format named at the end of the environment
 * ("x86_64-pc-windows-elf", "arm-none-eabi-macho") wins; otherwise Darwin
 * systems are Mach-O, Windows and UEFI COFF, AIX XCOFF, z/OS GOFF, wasm
 * Wasm, SPIR-V and DXIL their own, and everything else (the empty triple
 * too) ELF. What needs ELF: section bounds by __start_/__stop_, comdats
 * keyed by any name, the summary's `.pushsection ...,@progbits`. */
int ag_triple_is_elf(const char *triple);

/* A string table: each distinct string once, numbered in order of first
 * interning. Item pointers stay valid until ag_strtab_free. */
struct ag_strtab {
  struct ag_strlist strings;
  long *slots;       /* string index, or -1 */
  size_t slot_count; /* power of two */
};
/* Index of `s`, added when new. */
size_t ag_strtab_intern(struct ag_strtab *table, const char *s);
/* Index of the `len` bytes at `s`, or -1 when the table lacks them. */
long ag_strtab_find(const struct ag_strtab *table, const char *s, size_t len);
/* The table's own copy of `s`, for pointer comparison of interned keys. */
const char *ag_strtab_get(struct ag_strtab *table, const char *s);
void ag_strtab_free(struct ag_strtab *table);

#endif /* ALLOCGUARD_AG_UTIL_H */
