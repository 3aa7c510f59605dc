/* test_icall_rules.c - the indirect-call rules of common/ag_icall_rules.c,
 * which the plugin applies to a unit and allocguard-report to a program.
 * Intent: a closed field gives exactly what is stored into it and into
 * the fields it receives from; an open field, a field nothing is stored
 * into, and a call through no field give every function of the type; a
 * virtual call gives its class's and subclasses' overriders, plus the
 * slot of vtables without RTTI, and falls back to the slot of every
 * vtable when the class has none or is unknown; calls that resolve the
 * same way share one set; the notes say how, or why nothing was found.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ag_icall_rules.h"
#include "ag_test_check.h"

static const char *const keys[] = {
    "p(p)",             /*  0 type A */
    "v(p)",             /*  1 type B */
    "struct:S#0",       /*  2 */
    "struct:T#0",       /*  3 receives S */
    "struct:U#0",       /*  4 open */
    "vslot:6Effect:2",  /*  5 */
    "vslot:2",          /*  6 every vtable's slot 2 */
    "vslot:6Reverb:2",  /*  7 Reverb is an Effect */
    "vslot:5Ghost:2",   /*  8 no vtable */
    "struct:V#0",       /*  9 nothing stored */
    "d(d)",             /* 10 no function */
    "vslot:6Effect:3",  /* 11 */
    "vslot:3",          /* 12 */
};
enum { KEY_COUNT = sizeof(keys) / sizeof(keys[0]) };
#define NONE AG_KEY_NONE

static const struct ag_rules_target targets[] = {
    {0, 0, 2},    {1, 0, NONE}, {2, 0, 4}, /* type A */
    {3, 1, 7},    {4, 1, 6},               /* Reverb's; no RTTI */
    {6, 1, 11},                            /* Effect's slot 3 */
};
static const struct ag_rules_flow flows[] = {
    {3, 2}, {4, NONE},                 /* T <- S; U open */
    {5, 7},                            /* Reverb is an Effect */
    {6, 5}, {6, 7}, {6, 8}, {12, 11},  /* every class's slot is the slot */
};

static const char *key_text(void *ctx, uint32_t key) {
  (void)ctx;
  return keys[key];
}

static uint32_t find_key(void *ctx, const char *text, size_t len) {
  (void)ctx;
  for (uint32_t k = 0; k < KEY_COUNT; ++k)
    if (strlen(keys[k]) == len && memcmp(keys[k], text, len) == 0)
      return k;
  return NONE;
}

/* The set of a call has `via` and exactly the nodes `want` (in order). */
static uint32_t check_call(struct ag_rules *rules, int is_virtual,
                           uint32_t type, uint32_t field, enum ag_via via,
                           const char *want, int line) {
  uint32_t id = ag_rules_call(rules, is_virtual, type, field);
  const struct ag_rules_set *set = &rules->sets[id];
  char got[64] = "";
  for (uint32_t i = set->first; i < set->first + set->count; ++i)
    snprintf(got + strlen(got), sizeof(got) - strlen(got), "%s%u",
             i == set->first ? "" : ",", (unsigned)rules->nodes[i]);
  if (set->via != via || strcmp(got, want) != 0) {
    fprintf(stderr, "line %d: via %d nodes {%s}, want via %d nodes {%s}\n",
            line, set->via, got, via, want);
    failures++;
  }
  return id;
}
#define CALL(v, t, f, via, want) check_call(&rules, v, t, f, via, want, __LINE__)

static void check_note(uint8_t via, uint32_t count, const char *field_key,
                       const char *want) {
  char *field = field_key ? ag_icall_key_shown(field_key, NULL) : NULL;
  struct ag_icall_note_in in = {via, count, "int (*)(void *)", field_key,
                                field ? field : "", "any input"};
  char *got = ag_icall_note(&in);
  if (strcmp(got, want) != 0) {
    fprintf(stderr, "note: got \"%s\"\n      want \"%s\"\n", got, want);
    failures++;
  }
  free(got);
  free(field);
}

int main(void) {
  struct ag_rules_input in = {KEY_COUNT, 8, targets,
                              sizeof(targets) / sizeof(targets[0]), flows,
                              sizeof(flows) / sizeof(flows[0]), key_text,
                              find_key, NULL};
  struct ag_rules rules;
  ag_rules_init(&rules, &in);

  /* Fields: closed with copies, open, empty; no field; no function. */
  CALL(0, 0, 3, AG_VIA_FIELD, "0");
  CALL(0, 0, 2, AG_VIA_FIELD, "0");
  uint32_t open = CALL(0, 0, 4, AG_VIA_TYPE_OPEN, "0,1,2");
  uint32_t unseen = CALL(0, 0, 9, AG_VIA_TYPE_UNSEEN, "0,1,2");
  uint32_t bare = CALL(0, 0, NONE, AG_VIA_TYPE, "0,1,2");
  CALL(0, 10, NONE, AG_VIA_TYPE, "");
  CALL(0, 10, 9, AG_VIA_TYPE_UNSEEN, "");
  /* One type's sets share their candidates; one call shape, one set. */
  CHECK(rules.sets[open].first == rules.sets[bare].first);
  CHECK(rules.sets[unseen].first == rules.sets[bare].first);
  CHECK(ag_rules_call(&rules, 0, 0, NONE) == bare);
  CHECK(ag_rules_type_alone(&rules, 0) == 3);
  CHECK(ag_rules_type_alone(&rules, 10) == 0);

  /* Virtual calls. */
  CALL(1, 1, 5, AG_VIA_VIRTUAL_NORTTI, "3,4"); /* Reverb's, no RTTI's */
  CALL(1, 1, 7, AG_VIA_VIRTUAL_NORTTI, "3,4");
  CALL(1, 1, 11, AG_VIA_VIRTUAL, "6");         /* no vtable without RTTI */
  CALL(1, 1, 8, AG_VIA_VIRTUAL_ANY, "3,4");    /* Ghost: no vtable */
  CALL(1, 1, 6, AG_VIA_VIRTUAL_ANY, "3,4");    /* class unknown */
  CALL(1, 0, 5, AG_VIA_VIRTUAL_ANY, "");       /* nothing of its type */
  CALL(1, 1, 2, AG_VIA_VIRTUAL_ANY, "");       /* not a vtable slot */
  ag_rules_free(&rules);

  /* Words. */
  char *shown = ag_icall_key_shown("vslot:6Effect:2", NULL);
  CHECK(strcmp(shown, "6Effect") == 0);
  free(shown);
  shown = ag_icall_key_shown("static:a.c:hook", NULL);
  CHECK(strcmp(shown, "hook") == 0);
  free(shown);
  shown = ag_icall_key_shown("global:hook", "on_idle");
  CHECK(strcmp(shown, "on_idle") == 0);
  free(shown);
  CHECK(strcmp(ag_icall_vslot_number("vslot:6Effect:2"), "2") == 0);
  CHECK(strcmp(ag_icall_vslot_number("vslot:7"), "7") == 0);
  CHECK(ag_icall_vslot_number("struct:S#0") == NULL);
  CHECK(!ag_icall_vslot_has_class("vslot:7"));

  check_note(AG_VIA_FIELD, 1, "struct:T#0", "through 'T#0'");
  check_note(AG_VIA_TYPE_OPEN, 3, "struct:U#0",
             "through a pointer of type 'int (*)(void *)' ('U#0' also holds "
             "pointers allocguard cannot trace)");
  check_note(AG_VIA_TYPE_UNSEEN, 0, "struct:V#0",
             "nothing is stored in 'V#0', and no function of type "
             "'int (*)(void *)' has its address taken in any input");
  check_note(AG_VIA_TYPE, 0, NULL,
             "no function of type 'int (*)(void *)' has its address taken in "
             "any input");
  check_note(AG_VIA_VIRTUAL_ANY, 2, "vslot:5Ghost:2",
             "through a virtual call on '5Ghost' (slot 2 of any vtable: none "
             "with RTTI in any input is of '5Ghost' or a subclass)");
  check_note(AG_VIA_VIRTUAL_ANY, 2, "vslot:2",
             "through a virtual call (slot 2 of any vtable: allocguard cannot "
             "tell the object's class)");
  check_note(AG_VIA_VIRTUAL_ANY, 0, "vslot:6Effect:2",
             "no function of type 'int (*)(void *)' is in vtable slot 2 of any "
             "input");
  check_note(AG_VIA_VIRTUAL_ANY, 0, "struct:S#0",
             "no vtable slot is recorded for it");

  if (failures)
    fprintf(stderr, "%d failure(s)\n", failures);
  return failures != 0;
}
