/* ag_icall_class.c - C++ classes for virtual calls (ag_icall.h): the
 * class a vtable or a virtual call's object belongs to, as a key equal
 * across units and compilers.
 *
 * A class is named by its mangled type name, what follows `_ZTI`/`_ZTS`
 * ("6Effect", "N3dsp5MixerE"). A vtable names its class in the RTTI
 * pointer before each address point. A virtual call's class is the static
 * type of the object its vtable is loaded from: on LLVM 14 the object
 * pointer's IR type (`%class.Effect*`), on every major the debug info of
 * what the pointer was loaded from (a local or parameter, `this`, a global,
 * a struct member, a function's return value). A class debug info gives no
 * ODR identifier (an anonymous namespace's) and an IR name are mangled
 * here, when they are plain identifiers; anything else (a template without
 * debug info, a cast expression) has no class, and the call is resolved
 * by its slot alone.
 *
 * Run:  clang++ -g -fpass-plugin=allocguard-llvm<N>.so -c file.cpp
 */
#include "ag_icall.h"

#include "ag_compat.h"
#include "ag_shim.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- mangling ----------------------------------------------------------- */

struct ag_text {
  char *data;
  size_t size, cap;
};

static void ag_text_addn(struct ag_text *t, const char *s, size_t n) {
  ag_grow((void **)&t->data, &t->cap, t->size + n + 1, 1);
  memcpy(t->data + t->size, s, n);
  t->size += n;
  t->data[t->size] = '\0';
}

#define AG_ANON_NAMESPACE "(anonymous namespace)"

/* The Itanium mangling of a class named by a qualified name of plain
 * identifiers ("dsp::Mixer" -> "N3dsp5MixerE"), or NULL for anything it
 * cannot be sure of: templates, operators, `std` (mangled with its own
 * abbreviations), ABI tags it cannot see. The caller frees it. */
char *ag_icall_mangle_class(const char *qualified) {
  struct ag_text out = {0};
  size_t parts = 0;
  ag_text_addn(&out, "N", 1);
  for (const char *p = qualified; *p;) {
    const char *end = strstr(p, "::");
    size_t len = end ? (size_t)(end - p) : strlen(p);
    char prefix[24];
    if (len == strlen(AG_ANON_NAMESPACE) &&
        strncmp(p, AG_ANON_NAMESPACE, len) == 0) {
      ag_text_addn(&out, "12_GLOBAL__N_1", 14);
    } else {
      int plain = len > 0 && !isdigit((unsigned char)p[0]);
      for (size_t i = 0; i < len && plain; ++i)
        plain = isalnum((unsigned char)p[i]) || p[i] == '_';
      if (!plain || (parts == 0 && len == 3 && strncmp(p, "std", 3) == 0)) {
        free(out.data);
        return NULL;
      }
      int n = snprintf(prefix, sizeof(prefix), "%zu", len);
      ag_text_addn(&out, prefix, (size_t)n);
      ag_text_addn(&out, p, len);
    }
    ++parts;
    p += len;
    if (*p)
      p += 2;
  }
  if (parts == 0) {
    free(out.data);
    return NULL;
  }
  if (parts == 1) { /* no N...E around a single name */
    memmove(out.data, out.data + 1, out.size);
    return out.data;
  }
  ag_text_addn(&out, "E", 1);
  return out.data;
}

/* The key of a class as the shim writes it: an ODR identifier loses its
 * "_ZTS", a qualified name is mangled. Interned, or NULL. */
static const char *ag_class_key(struct ag_icall *icall, const char *text) {
  if (strncmp(text, "_ZTS", 4) == 0)
    return text[4] ? ag_strtab_get(&icall->keys, text + 4) : NULL;
  char *mangled = ag_icall_mangle_class(text);
  if (!mangled)
    return NULL;
  const char *key = ag_strtab_get(&icall->keys, mangled);
  free(mangled);
  return key;
}

const char *ag_icall_typeinfo_class(struct ag_icall *icall,
                                    LLVMValueRef global) {
  size_t len = 0;
  const char *name = global ? LLVMGetValueName2(global, &len) : NULL;
  if (!name || len <= 4 || strncmp(name, "_ZTI", 4) != 0)
    return NULL;
  return ag_strtab_get(&icall->keys, name + 4);
}

/* ---- debug info's classes ----------------------------------------------- */

static void ag_take_class(void *context, const char *record,
                          unsigned long long offset, int deref,
                          const char *cls) {
  struct ag_icall *icall = context;
  char *where = deref < 0 ? ag_xasprintf("%s", record)
                          : ag_xasprintf("%s@%llu#%d", record, offset, deref);
  size_t i = ag_strtab_intern(&icall->class_where, where);
  free(where);
  if (i >= icall->class_count) {
    const char *key = ag_class_key(icall, cls);
    AG_PUSH(icall->class_of, icall->class_count, icall->class_cap, key);
  }
}

static const char *ag_debug_class(struct ag_icall *icall, LLVMModuleRef module,
                                  const char *where) {
  if (!icall->classes_loaded) {
    icall->classes_loaded = 1;
    ag_shim_debug_classes(module, ag_take_class, icall);
  }
  size_t before = icall->class_where.strings.count;
  size_t i = ag_strtab_intern(&icall->class_where, where);
  if (i >= before) { /* not described: remember it as such */
    const char *none = NULL;
    AG_PUSH(icall->class_of, icall->class_count, icall->class_cap, none);
  }
  return icall->class_of[i];
}

#if AG_TYPED_POINTERS
/* The class an IR struct type stands for: debug info's, else its name
 * mangled. */
static const char *ag_struct_class(struct ag_icall *icall, LLVMModuleRef module,
                                   LLVMTypeRef type) {
  char *name = ag_icall_struct_name(type);
  if (!name)
    return NULL;
  const char *key = ag_debug_class(icall, module, name);
  const char *dot = strchr(name, '.');
  if (!key && (strncmp(name, "class.", 6) == 0 || strncmp(name, "struct.", 7) == 0))
    key = ag_class_key(icall, dot + 1);
  free(name);
  return key;
}
#endif

/* ---- the class of a virtual call's object ----------------------------- */

static int ag_is_gep_value(LLVMValueRef value) {
  return LLVMIsAGetElementPtrInst(value) ||
         (LLVMIsAConstantExpr(value) &&
          LLVMGetConstOpcode(value) == LLVMGetElementPtr);
}

/* A pointer loaded from a member: the class that member points to, from
 * the innermost named struct holding it and the member's byte offset. */
static const char *ag_member_class(struct ag_icall *icall, LLVMModuleRef module,
                                   LLVMTargetDataRef layout, LLVMValueRef gep) {
  LLVMTypeRef type = LLVMGetGEPSourceElementType(gep);
  if (LLVMGetTypeKind(type) != LLVMStructTypeKind)
    return NULL;
  LLVMTypeRef holder = type;
  unsigned long long offset = 0;
  unsigned operands = (unsigned)LLVMGetNumOperands(gep);
  for (unsigned i = 2; i < operands; ++i) {
    LLVMValueRef index = LLVMGetOperand(gep, i);
    LLVMTypeKind kind = LLVMGetTypeKind(type);
    if (kind == LLVMStructTypeKind) {
      if (!LLVMIsAConstantInt(index))
        return NULL;
      char *named = ag_icall_struct_name(type);
      if (named) { /* offsets count from the innermost named record */
        holder = type;
        offset = 0;
      }
      free(named);
      unsigned field = (unsigned)LLVMConstIntGetZExtValue(index);
      offset += LLVMOffsetOfElement(layout, type, field);
      type = LLVMStructGetTypeAtIndex(type, field);
    } else if (kind == LLVMArrayTypeKind) {
      type = LLVMGetElementType(type);
    } else {
      return NULL;
    }
  }
  char *name = ag_icall_struct_name(holder);
  if (!name)
    return NULL;
  char *where = ag_xasprintf("%s@%llu#1", name, offset);
  const char *key = ag_debug_class(icall, module, where);
  free(where);
  free(name);
  return key;
}

const char *ag_icall_object_class(struct ag_icall *icall, LLVMModuleRef module,
                                  LLVMTargetDataRef layout,
                                  LLVMValueRef object) {
  char text[1024];
  for (int depth = 0; object && depth < 8; ++depth) {
    object = ag_icall_strip_casts(object);
#if AG_TYPED_POINTERS
    LLVMTypeRef type = LLVMTypeOf(object);
    if (LLVMGetTypeKind(type) == LLVMPointerTypeKind) {
      LLVMTypeRef pointee = LLVMGetElementType(type);
      if (LLVMGetTypeKind(pointee) == LLVMStructTypeKind)
        return ag_struct_class(icall, module, pointee);
    }
#endif
    if (ag_is_gep_value(object)) {
      /* A base subobject (`this` adjusted by a byte offset): the object's
       * class derives from the call's, which is as sound; pointer
       * arithmetic over objects of one class keeps it. A GEP into a member
       * or an array names another class: unknown. */
      LLVMTypeRef source = LLVMGetGEPSourceElementType(object);
      int bytes = LLVMGetTypeKind(source) == LLVMIntegerTypeKind &&
                  LLVMGetIntTypeWidth(source) == 8;
      int same = LLVMGetTypeKind(source) == LLVMStructTypeKind &&
                 LLVMGetNumOperands(object) == 2;
      if (!bytes && !same)
        return NULL;
      object = LLVMGetOperand(object, 0);
      continue;
    }
    if (LLVMIsACallInst(object) || LLVMIsAInvokeInst(object))
      return ag_shim_value_class(object, 1, text, sizeof(text))
                 ? ag_class_key(icall, text)
                 : NULL;
    if (!LLVMIsALoadInst(object))
      return NULL;
    LLVMValueRef from = ag_icall_strip_casts(LLVMGetOperand(object, 0));
    if (LLVMIsAAllocaInst(from) || LLVMIsAGlobalVariable(from))
      return ag_shim_value_class(from, 1, text, sizeof(text))
                 ? ag_class_key(icall, text)
                 : NULL;
    if (ag_is_gep_value(from))
      return ag_member_class(icall, module, layout, from);
    return NULL;
  }
  return NULL;
}
