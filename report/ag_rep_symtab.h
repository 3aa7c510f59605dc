/* ag_rep_symtab.h - string storage and the symbol table of the merged
 * program.
 *
 * Strings live in an arena of large blocks (NUL-terminated, never moved),
 * so a million symbol names cost a million bump allocations, not a million
 * mallocs. The symbol table maps an external symbol to its node with open
 * addressing over flat arrays.
 */
#ifndef ALLOCGUARD_AG_REP_SYMTAB_H
#define ALLOCGUARD_AG_REP_SYMTAB_H

#include <stddef.h>
#include <stdint.h>

struct ag_rep_arena {
  char **blocks;
  size_t block_count, block_cap;
  char *next;      /* free space in the current block */
  size_t left;
};

/* A NUL-terminated copy of `len` bytes, alive until the arena is freed. */
const char *ag_rep_arena_strndup(struct ag_rep_arena *arena, const char *s,
                                 size_t len);
void ag_rep_arena_free(struct ag_rep_arena *arena);

struct ag_rep_symtab {
  uint32_t *slots;    /* node index, or AG_REP_NONE */
  uint32_t *tags;     /* 32 bits of the hash, to skip most string compares */
  size_t cap;         /* power of two */
  size_t count;
};

/* Looks up `len` bytes of `name`; node N's symbol is the string pointer
 * at (char *)symbols + N * stride (a field of the caller's node array). Returns the node, or AG_REP_NONE and the slot to fill in *slot. */
uint32_t ag_rep_symtab_find(struct ag_rep_symtab *t, const char *name,
                            size_t len, const char *const *symbols,
                            size_t stride, size_t *slot, uint32_t *tag);
/* Fills the slot ag_rep_symtab_find returned (before any other insert). */
void ag_rep_symtab_insert(struct ag_rep_symtab *t, size_t slot, uint32_t tag,
                          uint32_t node);
void ag_rep_symtab_free(struct ag_rep_symtab *t);

#endif /* ALLOCGUARD_AG_REP_SYMTAB_H */
