/* ag_icall_words.c - how a resolved indirect or virtual call is told to a
 * user (ag_icall_rules.h, "words"): the plugin's diagnostics and the
 * report's notes say it the same way.
 */
#include "ag_icall_rules.h"

#include "ag_alloc.h"
#include "ag_summary_format.h"

#include <stdlib.h>
#include <string.h>

static int ag_has_prefix(const char *s, const char *prefix) {
  return strncmp(s, prefix, strlen(prefix)) == 0;
}

const char *ag_icall_vslot_number(const char *key) {
  if (!key || !ag_has_prefix(key, AG_SUMMARY_FIELD_VSLOT))
    return NULL;
  const char *colon = strrchr(key + strlen(AG_SUMMARY_FIELD_VSLOT), ':');
  return colon ? colon + 1 : key + strlen(AG_SUMMARY_FIELD_VSLOT);
}

int ag_icall_vslot_has_class(const char *key) {
  return key && ag_has_prefix(key, AG_SUMMARY_FIELD_VSLOT) &&
         strrchr(key + strlen(AG_SUMMARY_FIELD_VSLOT), ':') != NULL;
}

char *ag_icall_key_shown(const char *text, const char *display) {
  if (display)
    return ag_xstrdup(display);
  if (ag_has_prefix(text, AG_SUMMARY_FIELD_GLOBAL))
    return ag_xstrdup(text + strlen(AG_SUMMARY_FIELD_GLOBAL));
  if (ag_has_prefix(text, AG_SUMMARY_FIELD_STRUCT))
    return ag_xstrdup(text + strlen(AG_SUMMARY_FIELD_STRUCT));
  if (ag_has_prefix(text, AG_SUMMARY_FIELD_STATIC))
    return ag_xstrdup(strrchr(text, ':') + 1);
  if (ag_icall_vslot_has_class(text)) {
    const char *cls = text + strlen(AG_SUMMARY_FIELD_VSLOT);
    return ag_xstrndup(cls, (size_t)(strrchr(cls, ':') - cls));
  }
  return ag_xstrdup(text);
}

static int ag_via_is_virtual(uint8_t via) {
  return via >= AG_VIA_VIRTUAL && via <= AG_VIA_VIRTUAL_ANY;
}

/* The note of a call that has candidates. */
static char *ag_note_through(const struct ag_icall_note_in *in) {
  const char *slot = ag_icall_vslot_number(in->field_key);
  switch (in->via) {
  case AG_VIA_FIELD:
    return ag_xasprintf("through '%s'", in->field);
  case AG_VIA_VIRTUAL:
    return ag_xasprintf("through a virtual call on '%s'", in->field);
  case AG_VIA_VIRTUAL_NORTTI:
    return ag_xasprintf("through a virtual call on '%s' (or slot %s of a "
                        "vtable built without RTTI)", in->field, slot);
  case AG_VIA_VIRTUAL_ANY:
    return ag_icall_vslot_has_class(in->field_key)
               ? ag_xasprintf("through a virtual call on '%s' (slot %s of "
                              "any vtable: none with RTTI in %s is of '%s' "
                              "or a subclass)", in->field, slot, in->scope,
                              in->field)
               : ag_xasprintf("through a virtual call (slot %s of any "
                              "vtable: allocguard cannot tell the object's "
                              "class)", slot);
  case AG_VIA_TYPE_OPEN:
    return ag_xasprintf("through a pointer of type '%s' ('%s' also holds "
                        "pointers allocguard cannot trace)", in->type,
                        in->field);
  case AG_VIA_TYPE_UNSEEN:
    return ag_xasprintf("through a pointer of type '%s' (allocguard saw "
                        "nothing stored in '%s')", in->type, in->field);
  default:
    return ag_xasprintf("through a pointer of type '%s'", in->type);
  }
}

/* Why a call has no candidate. */
static char *ag_note_none(const struct ag_icall_note_in *in) {
  if (ag_via_is_virtual(in->via)) {
    const char *slot = ag_icall_vslot_number(in->field_key);
    return slot ? ag_xasprintf("no function of type '%s' is in vtable slot "
                               "%s of %s", in->type, slot, in->scope)
                : ag_xstrdup("no vtable slot is recorded for it");
  }
  char *none = ag_xasprintf("no function of type '%s' has its address "
                            "taken in %s", in->type, in->scope);
  char *text = NULL;
  if (in->via == AG_VIA_TYPE_OPEN)
    text = ag_xasprintf("'%s' holds pointers allocguard cannot trace, and %s",
                        in->field, none);
  else if (in->via == AG_VIA_TYPE_UNSEEN)
    text = ag_xasprintf("nothing is stored in '%s', and %s", in->field, none);
  if (!text)
    return none;
  free(none);
  return text;
}

char *ag_icall_note(const struct ag_icall_note_in *in) {
  return in->count ? ag_note_through(in) : ag_note_none(in);
}
