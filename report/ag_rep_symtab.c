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
    char *block = ag_rep_xmalloc(size);
    AG_REP_PUSH(arena->blocks, arena->block_count, arena->block_cap, block);
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

/* `symbols` is the first node's symbol pointer; nodes are `stride` bytes
 * apart, so the table needs no copy of the names. */
static const char *ag_rep_symbol_of(const char *const *symbols, size_t stride,
                                    uint32_t node) {
  return *(const char *const *)((const char *)symbols + (size_t)node * stride);
}

/* Slots are placed by the stored 32-bit tag, so growing never touches
 * the names. */
static void ag_rep_symtab_rehash(struct ag_rep_symtab *t) {
  size_t old_cap = t->cap;
  uint32_t *old_slots = t->slots, *old_tags = t->tags;
  t->cap = old_cap ? old_cap * 2 : 1024;
  t->slots = ag_rep_xmalloc(t->cap * sizeof(uint32_t));
  t->tags = ag_rep_xmalloc(t->cap * sizeof(uint32_t));
  memset(t->slots, 0xff, t->cap * sizeof(uint32_t));
  size_t mask = t->cap - 1;
  for (size_t i = 0; i < old_cap; ++i) {
    if (old_slots[i] == AG_REP_NONE)
      continue;
    size_t j = old_tags[i] & mask;
    while (t->slots[j] != AG_REP_NONE)
      j = (j + 1) & mask;
    t->slots[j] = old_slots[i];
    t->tags[j] = old_tags[i];
  }
  free(old_slots);
  free(old_tags);
}

uint32_t ag_rep_symtab_find(struct ag_rep_symtab *t, const char *name,
                            size_t len, const char *const *symbols,
                            size_t stride, size_t *slot, uint32_t *tag) {
  if ((t->count + 1) * 2 > t->cap)
    ag_rep_symtab_rehash(t);
  size_t mask = t->cap - 1;
  *tag = (uint32_t)ag_rep_hash_bytes(name, len);
  for (size_t j = *tag & mask;; j = (j + 1) & mask) {
    uint32_t node = t->slots[j];
    if (node == AG_REP_NONE) {
      *slot = j;
      return AG_REP_NONE;
    }
    if (t->tags[j] != *tag)
      continue;
    const char *sym = ag_rep_symbol_of(symbols, stride, node);
    if (memcmp(sym, name, len) == 0 && sym[len] == '\0')
      return node;
  }
}

void ag_rep_symtab_insert(struct ag_rep_symtab *t, size_t slot, uint32_t tag,
                          uint32_t node) {
  t->slots[slot] = node;
  t->tags[slot] = tag;
  t->count++;
}

void ag_rep_symtab_free(struct ag_rep_symtab *t) {
  free(t->slots);
  free(t->tags);
  memset(t, 0, sizeof(*t));
}
