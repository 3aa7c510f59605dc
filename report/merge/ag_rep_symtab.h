/* ag_rep_symtab.h - string storage and the symbol table of the merged
 * program.
 *
 * Strings live in an arena of large blocks (NUL-terminated, never moved),
 * so a million symbol names cost a million bump allocations, not a million
 * mallocs. The symbol table maps an external symbol to its node with open
 * addressing over one flat array; lookups can be batched with prefetches,
 * since a program's symbols are far more than the caches hold.
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

/* A slot keeps the full hash and the symbol, so a probe touches only the
 * slot, plus the string once when the hashes match. */
struct ag_rep_symslot {
  uint64_t hash;
  const char *symbol; /* NULL: empty */
  uint32_t node;
};

struct ag_rep_symtab {
  struct ag_rep_symslot *slots;
  size_t cap;         /* power of two, at least twice count */
  size_t count;
};

uint64_t ag_rep_symtab_hash(const char *name, size_t len);
/* Room for `count` symbols without growing (an empty table only). */
void ag_rep_symtab_reserve(struct ag_rep_symtab *t, size_t count);
/* Hints for batched lookups: load the home slot of `hash`, or the symbol
 * of whatever occupies it, ahead of the lookup. */
void ag_rep_symtab_prefetch(const struct ag_rep_symtab *t, uint64_t hash);
void ag_rep_symtab_prefetch_symbol(const struct ag_rep_symtab *t,
                                   uint64_t hash);
/* The node of `len` bytes of `name`, or AG_REP_NONE and the slot that
 * ag_rep_symtab_insert fills (valid until the next insert). */
uint32_t ag_rep_symtab_find(struct ag_rep_symtab *t, const char *name,
                            size_t len, uint64_t hash, size_t *slot);
/* `symbol` is NUL-terminated and outlives the table. */
void ag_rep_symtab_insert(struct ag_rep_symtab *t, size_t slot, uint64_t hash,
                          const char *symbol, uint32_t node);
void ag_rep_symtab_free(struct ag_rep_symtab *t);

#endif /* ALLOCGUARD_AG_REP_SYMTAB_H */
