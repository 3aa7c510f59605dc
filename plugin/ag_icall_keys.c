/* ag_icall_keys.c - type keys and field keys (ag_icall.h).
 *
 * Keys must be equal across units and across LLVM 14's typed pointers and
 * 19+'s opaque ones, so they are built only from what both show alike:
 * every pointer is "p", a field is named by the innermost named struct
 * that holds it and its index there (found by byte offset, so nested GEPs,
 * all-zero GEPs folded into their base, and i8 GEPs all give one key), and
 * array indices never count. The grammar: docs/summary-format.md.
 */
#include "ag_icall.h"

#include "ag_shim.h"
#include "ag_summary_format.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- type keys ---------------------------------------------------------- */

struct ag_text {
  char *data;
  size_t size, cap;
};

static void ag_text_add(struct ag_text *t, const char *s) {
  size_t n = strlen(s);
  ag_grow((void **)&t->data, &t->cap, t->size + n + 1, 1);
  memcpy(t->data + t->size, s, n + 1);
  t->size += n;
}

static void ag_type_key_into(struct ag_text *out, LLVMTypeRef type, int depth) {
  char buf[64];
  if (depth > 16) {
    ag_text_add(out, "?");
    return;
  }
  switch (LLVMGetTypeKind(type)) {
  case LLVMVoidTypeKind:
    ag_text_add(out, "void");
    return;
  case LLVMHalfTypeKind:
    ag_text_add(out, "half");
    return;
  case LLVMBFloatTypeKind:
    ag_text_add(out, "bfloat");
    return;
  case LLVMFloatTypeKind:
    ag_text_add(out, "float");
    return;
  case LLVMDoubleTypeKind:
    ag_text_add(out, "double");
    return;
  case LLVMX86_FP80TypeKind:
    ag_text_add(out, "x86_fp80");
    return;
  case LLVMFP128TypeKind:
    ag_text_add(out, "fp128");
    return;
  case LLVMPPC_FP128TypeKind:
    ag_text_add(out, "ppc_fp128");
    return;
  case LLVMIntegerTypeKind:
    snprintf(buf, sizeof(buf), "i%u", LLVMGetIntTypeWidth(type));
    ag_text_add(out, buf);
    return;
  case LLVMPointerTypeKind:
    ag_text_add(out, AG_SUMMARY_TYPE_POINTER);
    return;
  case LLVMStructTypeKind: {
    unsigned n = LLVMCountStructElementTypes(type);
    ag_text_add(out, "{");
    for (unsigned i = 0; i < n; ++i) {
      if (i)
        ag_text_add(out, ",");
      ag_type_key_into(out, LLVMStructGetTypeAtIndex(type, i), depth + 1);
    }
    ag_text_add(out, "}");
    return;
  }
  case LLVMArrayTypeKind:
  case LLVMVectorTypeKind: {
    int array = LLVMGetTypeKind(type) == LLVMArrayTypeKind;
    snprintf(buf, sizeof(buf), "%s%u x ", array ? "[" : "<",
             array ? LLVMGetArrayLength(type) : LLVMGetVectorSize(type));
    ag_text_add(out, buf);
    ag_type_key_into(out, LLVMGetElementType(type), depth + 1);
    ag_text_add(out, array ? "]" : ">");
    return;
  }
  case LLVMFunctionTypeKind: {
    unsigned n = LLVMCountParamTypes(type);
    LLVMTypeRef params[64];
    ag_type_key_into(out, LLVMGetReturnType(type), depth + 1);
    ag_text_add(out, "(");
    if (n <= 64) {
      LLVMGetParamTypes(type, params);
      for (unsigned i = 0; i < n; ++i) {
        if (i)
          ag_text_add(out, ",");
        ag_type_key_into(out, params[i], depth + 1);
      }
    } else {
      ag_text_add(out, "?");
    }
    if (LLVMIsFunctionVarArg(type))
      ag_text_add(out, n ? ",..." : "...");
    ag_text_add(out, ")");
    return;
  }
  default:
    ag_text_add(out, "?");
    return;
  }
}

const char *ag_icall_type_key(struct ag_icall *icall, LLVMTypeRef fn_type) {
  struct ag_text text = {0};
  ag_text_add(&text, "");
  ag_type_key_into(&text, fn_type, 0);
  const char *key = ag_strtab_get(&icall->keys, text.data);
  free(text.data);
  return key;
}

char *ag_icall_type_text(const char *key) {
  struct ag_text text = {0};
  ag_text_add(&text, "");
  int depth = 0;
  for (const char *p = key; *p; ++p) {
    int alone = (p == key || strchr("(,{[<", p[-1])) &&
                strchr("(),}]>", p[1] ? p[1] : ')');
    if (*p == 'p' && alone)
      ag_text_add(&text, "ptr");
    else if (*p == '(' && depth++ == 0)
      ag_text_add(&text, " (");
    else if (*p == ',')
      ag_text_add(&text, ", ");
    else {
      char one[2] = {*p, '\0'};
      depth -= *p == ')';
      ag_text_add(&text, one);
    }
  }
  return text.data;
}

/* ---- struct names ------------------------------------------------------- */

/* Drops one trailing ".<digits>" (LLVM's renaming of a second type with
 * the same name) and ".base" (clang's tail-padding variant of a class). */
static void ag_drop_suffixes(char *name) {
  for (int round = 0; round < 2; ++round) {
    char *dot = strrchr(name, '.');
    if (!dot)
      return;
    size_t digits = strspn(dot + 1, "0123456789");
    if (digits && dot[1 + digits] == '\0')
      *dot = '\0';
    else if (strcmp(dot, ".base") == 0)
      *dot = '\0';
    else
      return;
  }
}

char *ag_icall_struct_name(LLVMTypeRef type) {
  if (LLVMGetTypeKind(type) != LLVMStructTypeKind || LLVMIsLiteralStruct(type))
    return NULL;
  const char *raw = LLVMGetStructName(type);
  if (!raw || !*raw || strncmp(raw, "union.", 6) == 0)
    return NULL;
  char *name = ag_xstrdup(raw);
  ag_drop_suffixes(name);
  const char *dot = strchr(name, '.');
  if (!dot || strcmp(dot + 1, "anon") == 0) {
    free(name);
    return NULL;
  }
  return name;
}

/* ---- field keys --------------------------------------------------------- */

static int ag_is_gep(LLVMValueRef value);

enum ag_walk_result {
  AG_WALK_STRUCT,    /* a named struct's field: *name, *index set */
  AG_WALK_NO_STRUCT, /* only arrays and scalars: the holder's own key */
  AG_WALK_BLOCKED,   /* a union, an anonymous or literal struct: no key */
};

static int ag_is_aggregate(LLVMTypeRef type) {
  LLVMTypeKind kind = LLVMGetTypeKind(type);
  return kind == LLVMStructTypeKind || kind == LLVMArrayTypeKind;
}

/* The scalar at byte `offset` of `type`, descending through nested structs
 * (element 0 of an aggregate field) and arrays (any element is the same
 * field). */
static enum ag_walk_result ag_walk(LLVMTargetDataRef layout, LLVMTypeRef type,
                                   unsigned long long offset, char **name,
                                   unsigned *index) {
  for (int depth = 0; depth < 32; ++depth) {
    LLVMTypeKind kind = LLVMGetTypeKind(type);
    if (kind == LLVMArrayTypeKind || kind == LLVMVectorTypeKind) {
      type = LLVMGetElementType(type);
      unsigned long long size = LLVMABISizeOfType(layout, type);
      if (size)
        offset %= size;
      continue;
    }
    if (kind != LLVMStructTypeKind)
      return AG_WALK_NO_STRUCT;
    if (LLVMIsOpaqueStruct(type) || !LLVMCountStructElementTypes(type))
      return AG_WALK_BLOCKED;
    const char *raw = LLVMGetStructName(type);
    if (raw && strncmp(raw, "union.", 6) == 0)
      return AG_WALK_BLOCKED;
    unsigned i = LLVMElementAtOffset(layout, type, offset);
    LLVMTypeRef element = LLVMStructGetTypeAtIndex(type, i);
    offset -= LLVMOffsetOfElement(layout, type, i);
    if (ag_is_aggregate(element)) {
      type = element;
      continue;
    }
    *name = ag_icall_struct_name(type);
    *index = i;
    return *name ? AG_WALK_STRUCT : AG_WALK_BLOCKED;
  }
  return AG_WALK_BLOCKED;
}

/* "struct:<name>#<index>", interned; frees `name`. Put together by hand:
 * a unit has thousands of stores and loads through struct fields, and
 * printf's machinery cost more than the rest of the key. */
static const char *ag_struct_key(struct ag_icall *icall, char *name,
                                 unsigned index) {
  char digits[16], stack[256];
  size_t digit_count = 0;
  do {
    digits[digit_count++] = (char)('0' + index % 10);
    index /= 10;
  } while (index);
  size_t prefix = strlen(AG_SUMMARY_FIELD_STRUCT), len = strlen(name);
  size_t size = prefix + len + 1 + digit_count + 1;
  char *key = size <= sizeof stack ? stack : ag_xmalloc(size);
  memcpy(key, AG_SUMMARY_FIELD_STRUCT, prefix);
  memcpy(key + prefix, name, len);
  key[prefix + len] = '#';
  for (size_t i = 0; i < digit_count; ++i)
    key[prefix + len + 1 + i] = digits[digit_count - 1 - i];
  key[size - 1] = '\0';
  const char *interned = ag_strtab_get(&icall->keys, key);
  if (key != stack)
    free(key);
  free(name);
  return interned;
}

static const char *ag_global_key(struct ag_icall *icall, LLVMValueRef global) {
  size_t len = 0;
  const char *symbol = LLVMGetValueName2(global, &len);
  LLVMLinkage linkage = LLVMGetLinkage(global);
  int local = linkage == LLVMInternalLinkage || linkage == LLVMPrivateLinkage;
  char *key = local ? ag_xasprintf("%s%s:%.*s", AG_SUMMARY_FIELD_STATIC,
                                   icall->unit, (int)len, symbol)
                    : ag_xasprintf("%s%.*s", AG_SUMMARY_FIELD_GLOBAL,
                                   (int)len, symbol);
  const char *interned = ag_strtab_get(&icall->keys, key);
  free(key);
  return interned;
}

/* The type a global was declared with. Its value type is that of its
 * initializer, which newer clangs make a literal struct with explicit
 * padding (`{ { ptr, i32, [4 x i8] }, ptr }`); the declared struct comes
 * from debug info, else from a GEP that indexes the global by it. */
static LLVMTypeRef ag_declared_type(LLVMValueRef global) {
  LLVMTypeRef type = LLVMGlobalGetValueType(global);
  LLVMTypeRef inner = type;
  while (LLVMGetTypeKind(inner) == LLVMArrayTypeKind)
    inner = LLVMGetElementType(inner);
  if (LLVMGetTypeKind(inner) != LLVMStructTypeKind ||
      !LLVMIsLiteralStruct(inner))
    return type;
  char name[512];
  if (ag_shim_global_record(global, name, sizeof(name))) {
    LLVMTypeRef named =
        LLVMGetTypeByName2(LLVMGetTypeContext(type), name);
    if (named && !LLVMIsOpaqueStruct(named))
      return named;
  }
  for (LLVMUseRef use = LLVMGetFirstUse(global); use; use = LLVMGetNextUse(use)) {
    LLVMValueRef user = LLVMGetUser(use);
    if (!ag_is_gep(user) || LLVMGetOperand(user, 0) != global)
      continue;
    LLVMTypeRef source = LLVMGetGEPSourceElementType(user);
    while (LLVMGetTypeKind(source) == LLVMArrayTypeKind)
      source = LLVMGetElementType(source);
    if (LLVMGetTypeKind(source) == LLVMStructTypeKind &&
        !LLVMIsLiteralStruct(source))
      return source;
  }
  return type;
}

const char *ag_icall_key_in_global(struct ag_icall *icall,
                                   LLVMTargetDataRef layout,
                                   LLVMValueRef global,
                                   unsigned long long offset) {
  char *name = NULL;
  unsigned index = 0;
  LLVMTypeRef type = ag_declared_type(global);
  if (type != LLVMGlobalGetValueType(global)) {
    unsigned long long size = LLVMABISizeOfType(layout, type);
    if (size)
      offset %= size; /* an array of the declared struct */
  }
  switch (ag_walk(layout, type, offset, &name, &index)) {
  case AG_WALK_STRUCT:
    return ag_struct_key(icall, name, index);
  case AG_WALK_NO_STRUCT:
    return ag_global_key(icall, global);
  case AG_WALK_BLOCKED:
    break;
  }
  return NULL;
}

const char *ag_icall_key_in_type(struct ag_icall *icall,
                                 LLVMTargetDataRef layout, LLVMTypeRef type,
                                 unsigned long long offset) {
  char *name = NULL;
  unsigned index = 0;
  if (ag_walk(layout, type, offset, &name, &index) == AG_WALK_STRUCT)
    return ag_struct_key(icall, name, index);
  return NULL;
}

LLVMValueRef ag_icall_strip_casts(LLVMValueRef value) {
  for (int depth = 0; depth < 16 && value; ++depth) {
    if (LLVMIsABitCastInst(value) || LLVMIsAAddrSpaceCastInst(value))
      value = LLVMGetOperand(value, 0);
    else if (LLVMIsAConstantExpr(value) &&
             (LLVMGetConstOpcode(value) == LLVMBitCast ||
              LLVMGetConstOpcode(value) == LLVMAddrSpaceCast))
      value = LLVMGetOperand(value, 0);
    else
      break;
  }
  return value;
}

static int ag_is_gep(LLVMValueRef value) {
  return LLVMIsAGetElementPtrInst(value) ||
         (LLVMIsAConstantExpr(value) &&
          LLVMGetConstOpcode(value) == LLVMGetElementPtr);
}

/* Constant integer operand, or 0 when it is not constant (an array index,
 * which never counts). */
static long long ag_const_index(LLVMValueRef value) {
  return LLVMIsAConstantInt(value) ? LLVMConstIntGetSExtValue(value) : 0;
}

static const char *ag_key_of(struct ag_icall *icall, LLVMTargetDataRef layout,
                             LLVMValueRef ptr, unsigned long long extra,
                             int depth) {
  ptr = ag_icall_strip_casts(ptr);
  if (!ptr || depth > 8)
    return NULL;
  if (LLVMIsAGlobalVariable(ptr))
    return ag_icall_key_in_global(icall, layout, ptr, extra);
  if (!ag_is_gep(ptr))
    return NULL;
  LLVMTypeRef source = LLVMGetGEPSourceElementType(ptr);
  unsigned operands = (unsigned)LLVMGetNumOperands(ptr);
  LLVMValueRef base = LLVMGetOperand(ptr, 0);
  if (!ag_is_aggregate(source)) {
    /* Pointer arithmetic over scalars: a constant byte offset moves within
     * the base; a variable one is an array index. */
    long long first = operands > 1 ? ag_const_index(LLVMGetOperand(ptr, 1)) : 0;
    long long moved = first * (long long)LLVMABISizeOfType(layout, source);
    if (LLVMGetTypeKind(source) != LLVMIntegerTypeKind)
      moved = 0; /* elements of a table: an index, not an offset */
    return ag_key_of(icall, layout, base, extra + (unsigned long long)moved,
                     depth + 1);
  }
  unsigned long long offset = 0;
  LLVMTypeRef type = source;
  for (unsigned i = 2; i < operands; ++i) {
    LLVMTypeKind kind = LLVMGetTypeKind(type);
    if (kind == LLVMStructTypeKind) {
      unsigned field = (unsigned)ag_const_index(LLVMGetOperand(ptr, i));
      offset += LLVMOffsetOfElement(layout, type, field);
      type = LLVMStructGetTypeAtIndex(type, field);
    } else if (kind == LLVMArrayTypeKind || kind == LLVMVectorTypeKind) {
      type = LLVMGetElementType(type);
    } else {
      break;
    }
  }
  char *name = NULL;
  unsigned index = 0;
  switch (ag_walk(layout, source, offset + extra, &name, &index)) {
  case AG_WALK_STRUCT:
    return ag_struct_key(icall, name, index);
  case AG_WALK_NO_STRUCT:
    /* An element of a table: the table's own key (a global's, or the
     * struct field holding the array). */
    return ag_key_of(icall, layout, base, 0, depth + 1);
  case AG_WALK_BLOCKED:
    break;
  }
  return NULL;
}

const char *ag_icall_field_key(struct ag_icall *icall,
                               LLVMTargetDataRef layout, LLVMValueRef ptr) {
  return ag_key_of(icall, layout, ptr, 0, 0);
}

/* A virtual call loads its callee from the vtable (itself loaded from the
 * object) at a constant slot: `load (gep ptr, %vtable, N)`, or
 * `load %vtable` for slot 0. */
long long ag_icall_vslot_index(LLVMTargetDataRef layout, LLVMValueRef callee,
                               LLVMValueRef *object) {
  callee = ag_icall_strip_casts(callee);
  if (!callee || !LLVMIsALoadInst(callee))
    return -1;
  LLVMValueRef slot = ag_icall_strip_casts(LLVMGetOperand(callee, 0));
  long long index = 0;
  if (ag_is_gep(slot)) {
    if (LLVMGetNumOperands(slot) != 2 ||
        !LLVMIsAConstantInt(LLVMGetOperand(slot, 1)))
      return -1;
    LLVMTypeRef element = LLVMGetGEPSourceElementType(slot);
    long long bytes = ag_const_index(LLVMGetOperand(slot, 1)) *
                      (long long)LLVMABISizeOfType(layout, element);
    long long pointer = (long long)LLVMPointerSize(layout);
    if (bytes < 0 || bytes % pointer)
      return -1;
    index = bytes / pointer;
    slot = ag_icall_strip_casts(LLVMGetOperand(slot, 0));
  }
  if (!LLVMIsALoadInst(slot))
    return -1;
  if (object)
    *object = LLVMGetOperand(slot, 0);
  return index;
}

const char *ag_icall_vslot_key(struct ag_icall *icall, const char *cls,
                               long long slot) {
  char *key = cls ? ag_xasprintf("%s%s:%lld", AG_SUMMARY_FIELD_VSLOT, cls, slot)
                  : ag_xasprintf("%s%lld", AG_SUMMARY_FIELD_VSLOT, slot);
  const char *interned = ag_strtab_get(&icall->keys, key);
  free(key);
  return interned;
}
