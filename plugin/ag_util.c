/* ag_util.c - containers and string helpers for the plugin (ag_util.h). */
#include "ag_util.h"

#include "ag_fnv1a.h"

#include <ctype.h>
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* common/ag_alloc.h's failure: inside the compiler, nothing to do but
 * stop. */
void ag_out_of_memory(size_t size) {
  (void)size;
  fputs("allocguard: out of memory\n", stderr);
  abort();
}

/* ---- pointer map ------------------------------------------------------ */

static size_t ag_ptr_hash(const void *p) {
  uint64_t x = (uint64_t)(uintptr_t)p;
  x ^= x >> 33;
  x *= 0xff51afd7ed558ccdULL;
  x ^= x >> 33;
  return (size_t)x;
}

static void ag_ptrmap_rehash(struct ag_ptrmap *map) {
  struct ag_ptrmap bigger = {0};
  bigger.cap = map->cap ? map->cap * 2 : 64;
  bigger.keys = ag_xcalloc(bigger.cap, sizeof(*bigger.keys));
  bigger.values = ag_xcalloc(bigger.cap, sizeof(*bigger.values));
  for (size_t i = 0; i < map->cap; ++i)
    if (map->keys[i])
      ag_ptrmap_put(&bigger, map->keys[i], map->values[i]);
  ag_ptrmap_free(map);
  *map = bigger;
}

void ag_ptrmap_put(struct ag_ptrmap *map, const void *key, int value) {
  if ((map->count + 1) * 2 > map->cap)
    ag_ptrmap_rehash(map);
  size_t mask = map->cap - 1;
  for (size_t i = ag_ptr_hash(key) & mask;; i = (i + 1) & mask) {
    if (!map->keys[i]) {
      map->keys[i] = key;
      map->values[i] = value;
      map->count++;
      return;
    }
    if (map->keys[i] == key) {
      map->values[i] = value;
      return;
    }
  }
}

int ag_ptrmap_get(const struct ag_ptrmap *map, const void *key) {
  if (!map->cap)
    return -1;
  size_t mask = map->cap - 1;
  for (size_t i = ag_ptr_hash(key) & mask; map->keys[i]; i = (i + 1) & mask)
    if (map->keys[i] == key)
      return map->values[i];
  return -1;
}

void ag_ptrmap_free(struct ag_ptrmap *map) {
  free(map->keys);
  free(map->values);
  memset(map, 0, sizeof(*map));
}

/* ---- string lists ----------------------------------------------------- */

void ag_strlist_add(struct ag_strlist *list, const char *s, size_t len) {
  while (len && isspace((unsigned char)*s))
    ++s, --len;
  while (len && isspace((unsigned char)s[len - 1]))
    --len;
  if (!len)
    return;
  AG_PUSH(list->items, list->count, list->cap, ag_xstrndup(s, len));
}

/* Splits at commas outside () and <>, so C++ names such as
 * "mix(float*, int)" survive in a list. */
void ag_strlist_add_csv(struct ag_strlist *list, const char *csv) {
  if (!csv)
    return;
  const char *start = csv;
  int depth = 0;
  for (const char *p = csv;; ++p) {
    if (*p == '(' || *p == '<')
      ++depth;
    else if ((*p == ')' || *p == '>') && depth > 0)
      --depth;
    else if ((*p == ',' && depth == 0) || *p == '\0') {
      ag_strlist_add(list, start, (size_t)(p - start));
      if (!*p)
        return;
      start = p + 1;
    }
  }
}

void ag_strlist_add_lines(struct ag_strlist *list, const char *text,
                          size_t len) {
  const char *end = text + len;
  while (text < end) {
    const char *eol = memchr(text, '\n', (size_t)(end - text));
    if (!eol)
      eol = end;
    const char *hash = memchr(text, '#', (size_t)(eol - text));
    ag_strlist_add(list, text, (size_t)((hash ? hash : eol) - text));
    text = eol + 1;
  }
}

void ag_strlist_free(struct ag_strlist *list) {
  for (size_t i = 0; i < list->count; ++i)
    free(list->items[i]);
  free(list->items);
  memset(list, 0, sizeof(*list));
}

char *ag_read_file(const char *path, size_t *len) {
  FILE *file = fopen(path, "rb");
  if (!file)
    return NULL;
  size_t cap = 4096, used = 0;
  char *data = ag_xmalloc(cap);
  for (size_t got; (got = fread(data + used, 1, cap - used - 1, file)) > 0;) {
    used += got;
    if (cap - used == 1)
      data = ag_xrealloc(data, cap *= 2);
  }
  int failed = ferror(file);
  fclose(file);
  if (failed) {
    free(data);
    errno = EIO;
    return NULL;
  }
  data[used] = '\0';
  *len = used;
  return data;
}

/* ---- target triples -------------------------------------------------- */

static int ag_starts_with(const char *s, size_t len, const char *prefix) {
  size_t n = strlen(prefix);
  return len >= n && memcmp(s, prefix, n) == 0;
}

static int ag_ends_with(const char *s, size_t len, const char *suffix) {
  size_t n = strlen(suffix);
  return len >= n && memcmp(s + len - n, suffix, n) == 0;
}

/* As llvm::Triple reads a triple it was not asked to normalize: split at
 * the first three '-' into arch, vendor, os and environment (the rest). */
int ag_triple_is_elf(const char *triple) {
  const char *part[4] = {triple, "", "", ""};
  size_t len[4] = {strlen(triple), 0, 0, 0};
  for (int i = 1; i < 4; ++i) {
    const char *dash = memchr(part[i - 1], '-', len[i - 1]);
    if (!dash)
      break;
    part[i] = dash + 1;
    len[i] = len[i - 1] - (size_t)(part[i] - part[i - 1]);
    len[i - 1] = (size_t)(dash - part[i - 1]);
  }
  const char *env = part[3], *os = part[2], *arch = part[0];
  size_t env_len = len[3], os_len = len[2], arch_len = len[0];
  static const char *const formats[] = {"xcoff", "coff", "goff", "macho",
                                        "wasm", "spirv"};
  if (ag_ends_with(env, env_len, "elf"))
    return 1;
  for (size_t i = 0; i < sizeof formats / sizeof *formats; ++i)
    if (ag_ends_with(env, env_len, formats[i]))
      return 0;
  static const char *const not_elf_os[] = {
      "darwin", "macos", "ios", "tvos", "watchos", "bridgeos", "driverkit",
      "xros", "visionos", "windows", "win32", "uefi", "aix", "zos"};
  for (size_t i = 0; i < sizeof not_elf_os / sizeof *not_elf_os; ++i)
    if (ag_starts_with(os, os_len, not_elf_os[i]))
      return 0;
  static const char *const not_elf_arch[] = {"wasm32", "wasm64", "spirv",
                                             "dxil"};
  for (size_t i = 0; i < sizeof not_elf_arch / sizeof *not_elf_arch; ++i)
    if (ag_starts_with(arch, arch_len, not_elf_arch[i]))
      return 0;
  return 1;
}

/* ---- string table ----------------------------------------------------- */

static uint64_t ag_hash_string(const char *s) { return ag_fnv1a_string(s); }

static void ag_strtab_rehash(struct ag_strtab *t) {
  free(t->slots);
  t->slot_count = t->slot_count ? t->slot_count * 2 : 256;
  t->slots = ag_xmalloc(t->slot_count * sizeof(long));
  for (size_t i = 0; i < t->slot_count; ++i)
    t->slots[i] = -1;
  size_t mask = t->slot_count - 1;
  for (size_t n = 0; n < t->strings.count; ++n) {
    size_t i = ag_hash_string(t->strings.items[n]) & mask;
    while (t->slots[i] >= 0)
      i = (i + 1) & mask;
    t->slots[i] = (long)n;
  }
}

size_t ag_strtab_intern(struct ag_strtab *t, const char *s) {
  if ((t->strings.count + 1) * 2 > t->slot_count)
    ag_strtab_rehash(t);
  size_t mask = t->slot_count - 1;
  size_t i = ag_hash_string(s) & mask;
  for (; t->slots[i] >= 0; i = (i + 1) & mask)
    if (strcmp(t->strings.items[t->slots[i]], s) == 0)
      return (size_t)t->slots[i];
  AG_PUSH(t->strings.items, t->strings.count, t->strings.cap, ag_xstrdup(s));
  t->slots[i] = (long)(t->strings.count - 1);
  return t->strings.count - 1;
}

long ag_strtab_find(const struct ag_strtab *t, const char *s, size_t len) {
  if (!t->slot_count)
    return -1;
  size_t mask = t->slot_count - 1;
  size_t i = ag_fnv1a(AG_FNV1A_OFFSET_BASIS, s, len) & mask;
  for (; t->slots[i] >= 0; i = (i + 1) & mask) {
    const char *item = t->strings.items[t->slots[i]];
    if (strncmp(item, s, len) == 0 && item[len] == '\0')
      return t->slots[i];
  }
  return -1;
}

const char *ag_strtab_get(struct ag_strtab *t, const char *s) {
  size_t index = ag_strtab_intern(t, s); /* may move `items` */
  return t->strings.items[index];
}

void ag_strtab_free(struct ag_strtab *t) {
  ag_strlist_free(&t->strings);
  free(t->slots);
  memset(t, 0, sizeof(*t));
}
