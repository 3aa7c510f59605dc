/* ag_rep_symtab.c - arena and symbol table (ag_rep_symtab.h). */
#include "ag_rep_symtab.h"

#include "ag_rep_util.h"

#include <stdlib.h>
#include <string.h>

/* Blocks double from 4 KiB to 1 MiB (4 KiB << 8): small programs stay
 * small, large ones make few mallocs. */
enum { AG_REP_ARENA_FIRST = 1 << 12 };

const char *ag_rep_arena_strndup(struct ag_rep_arena *arena, const char *s,
                                 size_t len) {
  if (len + 1 > arena->left) {
    size_t block_size = AG_REP_ARENA_FIRST << (arena->block_count < 8
                                                   ? arena->block_count
                                                   : 8);
    /* Long strings get a block of their own; the current block stays. */
    size_t size = len + 1 > block_size / 4 ? len + 1 : block_size;
    char *block = ag_xmalloc(size);
    AG_PUSH(arena->blocks, arena->block_count, arena->block_cap, block);
    if (size == block_size) {
      arena->next = block;
      arena->left = size;
    } else {
      memcpy(block, s, len);
      block[len] = '\0';
      return block;
    }
  }
  char *out = arena->next;
  memcpy(out, s, len);
  out[len] = '\0';
  arena->next += len + 1;
  arena->left -= len + 1;
  return out;
}

void ag_rep_arena_free(struct ag_rep_arena *arena) {
  for (size_t i = 0; i < arena->block_count; ++i)
    free(arena->blocks[i]);
  free(arena->blocks);
  memset(arena, 0, sizeof(*arena));
}

uint64_t ag_rep_symtab_hash(const char *name, size_t len) {
  return ag_rep_hash_bytes(name, len);
}

void ag_rep_symtab_prefetch(const struct ag_rep_symtab *t, uint64_t hash) {
  if (t->cap)
    __builtin_prefetch(&t->slots[hash & (t->cap - 1)]);
}

void ag_rep_symtab_prefetch_symbol(const struct ag_rep_symtab *t,
                                   uint64_t hash) {
  if (!t->cap)
    return;
  const struct ag_rep_symslot *s = &t->slots[hash & (t->cap - 1)];
  if (s->symbol && s->hash == hash)
    __builtin_prefetch(s->symbol);
}

static void ag_rep_symtab_grow(struct ag_rep_symtab *t) {
  size_t old_cap = t->cap;
  struct ag_rep_symslot *old = t->slots;
  t->cap = old_cap ? old_cap * 2 : 1024;
  t->slots = ag_rep_xbig(t->cap * sizeof(*t->slots));
  memset(t->slots, 0, t->cap * sizeof(*t->slots));
  size_t mask = t->cap - 1;
  for (size_t i = 0; i < old_cap; ++i) {
    if (!old[i].symbol)
      continue;
    size_t j = old[i].hash & mask;
    while (t->slots[j].symbol)
      j = (j + 1) & mask;
    t->slots[j] = old[i];
  }
  free(old);
}

void ag_rep_symtab_reserve(struct ag_rep_symtab *t, size_t count) {
  if (t->count)
    return;
  size_t cap = 1024;
  while (cap < count * 2)
    cap *= 2;
  free(t->slots);
  /* Huge pages: lookups land anywhere in it, and 4 KiB pages would make
   * each one a TLB miss. */
  t->slots = ag_rep_xbig(cap * sizeof(*t->slots));
  memset(t->slots, 0, cap * sizeof(*t->slots));
  t->cap = cap;
}

uint32_t ag_rep_symtab_find(struct ag_rep_symtab *t, const char *name,
                            size_t len, uint64_t hash, size_t *slot) {
  if (!t->cap)
    ag_rep_symtab_grow(t);
  size_t mask = t->cap - 1;
  for (size_t j = hash & mask;; j = (j + 1) & mask) {
    const struct ag_rep_symslot *s = &t->slots[j];
    if (!s->symbol) {
      *slot = j;
      return AG_REP_NONE;
    }
    if (s->hash == hash && memcmp(s->symbol, name, len) == 0 &&
        s->symbol[len] == '\0')
      return s->node;
  }
}

void ag_rep_symtab_insert(struct ag_rep_symtab *t, size_t slot, uint64_t hash,
                          const char *symbol, uint32_t node) {
  struct ag_rep_symslot s = {hash, symbol, node};
  t->slots[slot] = s;
  if (++t->count * 2 > t->cap)
    ag_rep_symtab_grow(t);
}

void ag_rep_symtab_free(struct ag_rep_symtab *t) {
  free(t->slots);
  memset(t, 0, sizeof(*t));
}
