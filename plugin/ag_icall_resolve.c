/* ag_icall_resolve.c - the candidates of each indirect and virtual call in
 * the unit (ag_icall.h), by the rules allocguard-report applies to the
 * whole program: common/ag_icall_rules.h, one definition for both. Here
 * the keys are the unit's interned strings, numbered by the key table.
 */
#include "ag_icall.h"

#include "ag_icall_rules.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static const char *ag_icall_key_text(void *ctx, uint32_t key) {
  return ((const struct ag_icall *)ctx)->keys.strings.items[key];
}

static uint32_t ag_icall_find_key(void *ctx, const char *text, size_t len) {
  long id = ag_strtab_find(&((const struct ag_icall *)ctx)->keys, text, len);
  return id < 0 ? AG_KEY_NONE : (uint32_t)id;
}

static uint32_t ag_icall_key_id(struct ag_icall *icall, const char *key) {
  return key ? (uint32_t)ag_strtab_intern(&icall->keys, key) : AG_KEY_NONE;
}

/* The unit's targets and flows in the rules' terms. */
static void ag_icall_rules_input(struct ag_icall *icall,
                                 const struct ag_graph *graph,
                                 struct ag_rules_input *in) {
  struct ag_rules_target *targets =
      ag_xmalloc((icall->target_count + 1) * sizeof(*targets));
  for (size_t i = 0; i < icall->target_count; ++i) {
    const struct ag_icall_target *t = &icall->targets[i];
    targets[i] = (struct ag_rules_target){
        (uint32_t)t->fn, ag_icall_key_id(icall, t->type_key),
        ag_icall_key_id(icall, t->field_key)};
  }
  struct ag_rules_flow *flows =
      ag_xmalloc((icall->flow_count + 1) * sizeof(*flows));
  for (size_t i = 0; i < icall->flow_count; ++i)
    flows[i] = (struct ag_rules_flow){
        ag_icall_key_id(icall, icall->flows[i].field_key),
        ag_icall_key_id(icall, icall->flows[i].source_key)};
  *in = (struct ag_rules_input){icall->keys.strings.count, graph->func_count,
                                targets, icall->target_count, flows,
                                icall->flow_count, ag_icall_key_text,
                                ag_icall_find_key, icall};
}

/* The first of set `set`'s classified candidates, classifying them the
 * first time a call leads to the set. */
static size_t ag_icall_set_candidates(struct ag_icall *icall,
                                      const struct ag_graph *graph,
                                      const struct ag_kb *kb,
                                      const struct ag_rules *rules,
                                      size_t **first_of, size_t *cap,
                                      uint32_t set) {
  if (set >= *cap) {
    size_t old = *cap;
    ag_grow((void **)first_of, cap, (size_t)set + 1, sizeof(size_t));
    memset(*first_of + old, 0xff, (*cap - old) * sizeof(size_t));
  }
  if ((*first_of)[set] != SIZE_MAX)
    return (*first_of)[set];
  const struct ag_rules_set *s = &rules->sets[set];
  (*first_of)[set] = icall->candidate_count;
  for (uint32_t i = s->first; i < s->first + s->count; ++i) {
    struct ag_icall_candidate candidate = {rules->nodes[i], AG_CALL_IGNORED,
                                           NULL};
    candidate.kind = ag_graph_classify(graph, kb, candidate.fn, &candidate.kb);
    AG_PUSH(icall->candidates, icall->candidate_count, icall->candidate_cap,
            candidate);
  }
  return (*first_of)[set];
}

void ag_icall_resolve(struct ag_icall *icall, const struct ag_graph *graph,
                      const struct ag_kb *kb) {
  /* Keys the rules may look up must already be numbered. */
  for (size_t c = 0; c < graph->call_count; ++c)
    if (icall->sites[c].type_key) {
      ag_icall_key_id(icall, icall->sites[c].type_key);
      ag_icall_key_id(icall, icall->sites[c].field_key);
    }
  struct ag_rules_input in;
  ag_icall_rules_input(icall, graph, &in);
  struct ag_rules rules;
  ag_rules_init(&rules, &in);
  size_t *first_of = NULL, cap = 0;
  for (size_t c = 0; c < graph->call_count; ++c) {
    const struct ag_icall_site *site = &icall->sites[c];
    struct ag_icall_resolution *res = &icall->resolutions[c];
    if (!site->type_key)
      continue;
    uint32_t set = ag_rules_call(&rules, graph->calls[c].kind == AG_CALL_VIRTUAL,
                                 ag_icall_key_id(icall, site->type_key),
                                 ag_icall_key_id(icall, site->field_key));
    res->via = rules.sets[set].via;
    res->count = rules.sets[set].count;
    res->first = ag_icall_set_candidates(icall, graph, kb, &rules, &first_of,
                                         &cap, set);
  }
  free(first_of);
  ag_rules_free(&rules);
  free((void *)in.targets);
  free((void *)in.flows);
}

/* A key's entry in the names table, or NULL. */
static const char *ag_icall_name_of(const struct ag_icall *icall,
                                    const char *key) {
  for (size_t i = 0; i < icall->name_count; ++i)
    if (icall->names[i].key == key)
      return icall->names[i].display;
  return NULL;
}

/* The same words as allocguard-report's notes (common/ag_icall_words.c),
 * with this unit as the scope of what was not found. */
char *ag_icall_how_text(const struct ag_icall *icall, size_t c) {
  const struct ag_icall_site *site = &icall->sites[c];
  const struct ag_icall_resolution *res = &icall->resolutions[c];
  if (!site->type_key)
    return NULL;
  char *type = site->type_shown
                   ? ag_xstrdup(site->type_shown)
                   : ag_icall_key_shown(site->type_key,
                                        ag_icall_name_of(icall, site->type_key));
  char *field = site->field_key
                    ? ag_icall_key_shown(site->field_key,
                                         ag_icall_name_of(icall, site->field_key))
                    : ag_xstrdup("");
  struct ag_icall_note_in in = {res->via,        (uint32_t)res->count, type,
                                site->field_key, field,
                                "this translation unit"};
  char *text = ag_icall_note(&in);
  free(type);
  free(field);
  return text;
}

void ag_icall_free(struct ag_icall *icall) {
  void *owned[] = {icall->targets,     icall->flows,      icall->names,
                   icall->sites,       icall->resolutions, icall->candidates,
                   (void *)icall->class_of};
  for (size_t i = 0; i < sizeof(owned) / sizeof(owned[0]); ++i)
    free(owned[i]);
  ag_strtab_free(&icall->keys);
  ag_strtab_free(&icall->class_where);
  memset(icall, 0, sizeof(*icall));
}
