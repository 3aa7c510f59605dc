/* ag_icall_scan.c - what the unit tells about function pointers
 * (ag_icall.h): the functions whose address it takes and where it stores
 * them, the fields that receive copies of other fields or values it cannot
 * trace, and the keys of each indirect and virtual call.
 *
 * The pass runs before SROA, so locals live in allocas: a value stored
 * into a field is traced back through the local it was loaded from, which
 * is how `cb_t f = on_event; s->cb = f;` still stores `on_event`.
 */
#include "ag_icall.h"

#include "ag_shim.h"
#include "ag_summary_format.h"

#include <stdlib.h>
#include <string.h>

struct ag_scan {
  struct ag_icall *icall;
  const struct ag_graph *graph;
  LLVMTargetDataRef layout;
  /* What stores into a keyed pointer put there, before we know which keys
   * hold function pointers: target (fn >= 0), flow (source) or open. */
  struct ag_fact {
    const char *key;
    long fn;            /* a function stored there, or -1 */
    const char *source; /* the field a copy came from */
  } *facts;
  size_t fact_count, fact_cap;
  /* Classes whose vtables the unit defines, with their highest slot, and
   * the bases each typeinfo the unit defines names. */
  struct ag_vclass {
    const char *cls;
    long max_slot;
  } *vclasses;
  size_t vclass_count, vclass_cap;
  struct ag_vbase {
    const char *derived, *base;
  } *vbases;
  size_t vbase_count, vbase_cap;
  /* Function type -> its key's index in icall->keys: each address-taken
   * function needs its type's key, and most share a few types. */
  struct ag_ptrmap type_keys;
};

static const char *ag_scan_type_key(struct ag_scan *scan, LLVMTypeRef type) {
  struct ag_strtab *keys = &scan->icall->keys;
  int known = ag_ptrmap_get(&scan->type_keys, type);
  if (known >= 0)
    return keys->strings.items[known];
  const char *key = ag_icall_type_key(scan->icall, type);
  ag_ptrmap_put(&scan->type_keys, type, (int)ag_strtab_intern(keys, key));
  return key;
}

static void ag_add_target(struct ag_scan *scan, size_t fn,
                          const char *field_key) {
  struct ag_icall *icall = scan->icall;
  const char *type =
      ag_scan_type_key(scan, LLVMGlobalGetValueType(scan->graph->funcs[fn].fn));
  for (size_t i = 0; i < icall->target_count; ++i)
    if (icall->targets[i].fn == fn && icall->targets[i].field_key == field_key &&
        icall->targets[i].type_key == type)
      return;
  struct ag_icall_target target = {fn, type, field_key};
  AG_PUSH(icall->targets, icall->target_count, icall->target_cap, target);
}

static void ag_add_fact(struct ag_scan *scan, const char *key, long fn,
                        const char *source) {
  struct ag_fact fact = {key, fn, source};
  AG_PUSH(scan->facts, scan->fact_count, scan->fact_cap, fact);
}

static long ag_function_index(const struct ag_scan *scan, LLVMValueRef value) {
  if (!value || !LLVMIsAFunction(value) || LLVMGetIntrinsicID(value))
    return -1;
  return ag_ptrmap_get(&scan->graph->index, value);
}

static int ag_in_analysed_function(const struct ag_scan *scan,
                                   LLVMValueRef inst) {
  LLVMValueRef fn = LLVMGetBasicBlockParent(LLVMGetInstructionParent(inst));
  int index = ag_ptrmap_get(&scan->graph->index, fn);
  return index >= 0 && scan->graph->funcs[index].defined;
}

/* ---- what a store puts into a field ------------------------------------- */

/* Records what `value`, stored into field `key`, is: a function (target),
 * null (nothing), a copy of another field (flow), or anything else (open).
 * A local's value is what was stored into the local. */
static void ag_classify_stored(struct ag_scan *scan, const char *key,
                               LLVMValueRef value, int depth) {
  value = ag_icall_strip_casts(value);
  if (!value || LLVMIsAConstantPointerNull(value) || LLVMIsAUndefValue(value))
    return;
  long fn = ag_function_index(scan, value);
  if (fn >= 0) {
    ag_add_fact(scan, key, fn, NULL);
    return;
  }
  if (depth < 4 && (LLVMIsAPHINode(value) || LLVMIsASelectInst(value))) {
    unsigned n = (unsigned)LLVMGetNumOperands(value);
    for (unsigned i = LLVMIsASelectInst(value) ? 1 : 0; i < n; ++i)
      ag_classify_stored(scan, key, LLVMGetOperand(value, i), depth + 1);
    return;
  }
  if (LLVMIsALoadInst(value)) {
    LLVMValueRef from = LLVMGetOperand(value, 0);
    const char *source = ag_icall_field_key(scan->icall, scan->layout, from);
    if (source) {
      if (source != key)
        ag_add_fact(scan, key, -1, source);
      return;
    }
    from = ag_icall_strip_casts(from);
    if (depth < 4 && LLVMIsAAllocaInst(from)) {
      for (LLVMUseRef use = LLVMGetFirstUse(from); use;
           use = LLVMGetNextUse(use)) {
        LLVMValueRef user = LLVMGetUser(use);
        if (LLVMIsAStoreInst(user) && ag_icall_strip_casts(LLVMGetOperand(user, 1)) == from)
          ag_classify_stored(scan, key, LLVMGetOperand(user, 0), depth + 1);
      }
      return;
    }
  }
  ag_add_fact(scan, key, -1, NULL); /* a parameter, a call's result, a cast */
}

/* ---- struct copies between different types ------------------------------- */

/* The named struct a pointer points to, when the IR says (an alloca, a
 * global, or a GEP ending at a struct field). */
static LLVMTypeRef ag_pointee_struct(LLVMValueRef ptr) {
  ptr = ag_icall_strip_casts(ptr);
  LLVMTypeRef type = NULL;
  if (LLVMIsAAllocaInst(ptr))
    type = LLVMGetAllocatedType(ptr);
  else if (LLVMIsAGlobalVariable(ptr))
    type = LLVMGlobalGetValueType(ptr);
  else if (LLVMIsAGetElementPtrInst(ptr) ||
           (LLVMIsAConstantExpr(ptr) &&
            LLVMGetConstOpcode(ptr) == LLVMGetElementPtr)) {
    type = LLVMGetGEPSourceElementType(ptr);
    unsigned n = (unsigned)LLVMGetNumOperands(ptr);
    for (unsigned i = 2; i < n && type; ++i) {
      LLVMTypeKind kind = LLVMGetTypeKind(type);
      LLVMValueRef index = LLVMGetOperand(ptr, i);
      if (kind == LLVMStructTypeKind && LLVMIsAConstantInt(index))
        type = LLVMStructGetTypeAtIndex(
            type, (unsigned)LLVMConstIntGetZExtValue(index));
      else if (kind == LLVMArrayTypeKind)
        type = LLVMGetElementType(type);
      else
        type = NULL;
    }
  }
  while (type && LLVMGetTypeKind(type) == LLVMArrayTypeKind)
    type = LLVMGetElementType(type);
  return type && LLVMGetTypeKind(type) == LLVMStructTypeKind ? type : NULL;
}

/* memcpy from one struct type into another: each field of the destination
 * receives the source's field at the same offset. A copy between equal
 * types keeps every key and needs nothing; a source of unknown type is
 * taken to be the destination's (struct assignment through a pointer). */
static void ag_scan_memcpy(struct ag_scan *scan, LLVMValueRef call) {
  LLVMValueRef dst = LLVMGetOperand(call, 0), src = LLVMGetOperand(call, 1);
  LLVMTypeRef to = ag_pointee_struct(dst), from = ag_pointee_struct(src);
  if (!to || !from)
    return;
  char *to_name = ag_icall_struct_name(to), *from_name = ag_icall_struct_name(from);
  int same = to_name && from_name && strcmp(to_name, from_name) == 0;
  free(to_name);
  free(from_name);
  if (same)
    return;
  unsigned long long to_size = LLVMABISizeOfType(scan->layout, to);
  unsigned long long from_size = LLVMABISizeOfType(scan->layout, from);
  unsigned long long pointer = LLVMPointerSize(scan->layout);
  /* Pointer-aligned words of the destination: keys are by offset. */
  for (unsigned long long at = 0; at + pointer <= to_size; at += pointer) {
    const char *key = ag_icall_key_in_type(scan->icall, scan->layout, to, at);
    const char *source =
        at + pointer <= from_size
            ? ag_icall_key_in_type(scan->icall, scan->layout, from, at)
            : NULL;
    if (key && source != key)
      ag_add_fact(scan, key, -1, source);
  }
}

/* ---- targets ------------------------------------------------------------- */

/* Functions inside a global's initializer, at their byte offsets. */
static void ag_scan_initializer(struct ag_scan *scan, LLVMValueRef global,
                                LLVMValueRef init, unsigned long long offset,
                                int depth) {
  init = ag_icall_strip_casts(init);
  if (!init || depth > 32)
    return;
  long fn = ag_function_index(scan, init);
  if (fn >= 0) {
    const char *key =
        ag_icall_key_in_global(scan->icall, scan->layout, global, offset);
    ag_add_target(scan, (size_t)fn, key);
    return;
  }
  LLVMTypeRef type = LLVMTypeOf(init);
  if (LLVMIsAConstantStruct(init)) {
    unsigned n = (unsigned)LLVMGetNumOperands(init);
    for (unsigned i = 0; i < n; ++i)
      ag_scan_initializer(scan, global, LLVMGetOperand(init, i),
                          offset + LLVMOffsetOfElement(scan->layout, type, i),
                          depth + 1);
  } else if (LLVMIsAConstantArray(init) || LLVMIsAConstantVector(init)) {
    unsigned long long size =
        LLVMABISizeOfType(scan->layout, LLVMGetElementType(type));
    unsigned n = (unsigned)LLVMGetNumOperands(init);
    for (unsigned i = 0; i < n; ++i)
      ag_scan_initializer(scan, global, LLVMGetOperand(init, i),
                          offset + i * size, depth + 1);
  }
}

static int ag_is_abi_placeholder(const char *symbol) {
  return strcmp(symbol, "__cxa_pure_virtual") == 0 ||
         strcmp(symbol, "__cxa_deleted_virtual") == 0;
}

static void ag_note_vclass(struct ag_scan *scan, const char *cls, long slot) {
  for (size_t i = 0; i < scan->vclass_count; ++i)
    if (scan->vclasses[i].cls == cls) {
      if (slot > scan->vclasses[i].max_slot)
        scan->vclasses[i].max_slot = slot;
      return;
    }
  struct ag_vclass vclass = {cls, slot};
  AG_PUSH(scan->vclasses, scan->vclass_count, scan->vclass_cap, vclass);
}

/* A vtable group (Itanium ABI): one array per primary or secondary table;
 * each table's functions start at its address point, after the offsets
 * and the RTTI pointer (integers, null or a global variable), so the first
 * function or alias of one marks slot 0. Its slots are keyed by the class
 * the RTTI pointer names, the complete class for every table of the group
 * (one key for all of them: which base subobject a secondary table is for
 * is not told apart); without RTTI (-fno-rtti) by the slot alone. */
static void ag_scan_vtable(struct ag_scan *scan, LLVMValueRef init) {
  if (LLVMIsAConstantStruct(init)) {
    unsigned n = (unsigned)LLVMGetNumOperands(init);
    for (unsigned i = 0; i < n; ++i)
      ag_scan_vtable(scan, LLVMGetOperand(init, i));
    return;
  }
  if (!LLVMIsAConstantArray(init))
    return;
  unsigned n = (unsigned)LLVMGetNumOperands(init);
  long point = -1;
  const char *cls = NULL;
  for (unsigned i = 0; i < n; ++i) {
    LLVMValueRef entry = ag_icall_strip_casts(LLVMGetOperand(init, i));
    /* At -O1 and up the complete-object destructor is often an alias of
     * the base-object one: it still marks its slot. */
    if (entry && LLVMIsAGlobalAlias(entry))
      entry = ag_icall_strip_casts(LLVMAliasGetAliasee(entry));
    long fn = ag_function_index(scan, entry);
    if (fn < 0)
      continue;
    if (point < 0) {
      point = (long)i;
      LLVMValueRef rtti =
          i ? ag_icall_strip_casts(LLVMGetOperand(init, i - 1)) : NULL;
      if (rtti && LLVMIsAGlobalVariable(rtti))
        cls = ag_icall_typeinfo_class(scan->icall, rtti);
    }
    if (cls)
      ag_note_vclass(scan, cls, (long)i - point);
    if (ag_is_abi_placeholder(scan->graph->funcs[fn].symbol))
      continue;
    ag_add_target(scan, (size_t)fn,
                  ag_icall_vslot_key(scan->icall, cls, (long)i - point));
  }
}

/* A typeinfo object names its bases' typeinfo objects
 * (__si_class_type_info one, __vmi_class_type_info a list). */
static void ag_scan_typeinfo(struct ag_scan *scan, const char *derived,
                             LLVMValueRef init, int depth) {
  init = ag_icall_strip_casts(init);
  if (!init || depth > 4)
    return;
  if (LLVMIsAGlobalVariable(init)) {
    const char *base = ag_icall_typeinfo_class(scan->icall, init);
    if (base && base != derived) {
      struct ag_vbase vbase = {derived, base};
      AG_PUSH(scan->vbases, scan->vbase_count, scan->vbase_cap, vbase);
    }
    return;
  }
  if (LLVMIsAConstantStruct(init) || LLVMIsAConstantArray(init)) {
    unsigned n = (unsigned)LLVMGetNumOperands(init);
    for (unsigned i = 0; i < n; ++i)
      ag_scan_typeinfo(scan, derived, LLVMGetOperand(init, i), depth + 1);
  }
}

/* "Derived is a Base", as flows: each slot of a class's vtables flows into
 * the same slot of each base (a call on the base sees every overrider
 * stored by a subclass, transitively), and into the slot-only key (a call
 * whose class is not known sees every class). */
static void ag_emit_hierarchy(struct ag_scan *scan) {
  struct ag_icall *icall = scan->icall;
  for (size_t c = 0; c < scan->vclass_count; ++c) {
    const struct ag_vclass *vclass = &scan->vclasses[c];
    for (long k = 0; k <= vclass->max_slot; ++k) {
      const char *from = ag_icall_vslot_key(icall, vclass->cls, k);
      ag_add_fact(scan, ag_icall_vslot_key(icall, NULL, k), -1, from);
      for (size_t b = 0; b < scan->vbase_count; ++b)
        if (scan->vbases[b].derived == vclass->cls)
          ag_add_fact(scan, ag_icall_vslot_key(icall, scan->vbases[b].base, k),
                      -1, from);
    }
  }
}

static void ag_scan_globals(struct ag_scan *scan) {
  for (LLVMValueRef g = LLVMGetFirstGlobal(scan->graph->module); g;
       g = LLVMGetNextGlobal(g)) {
    LLVMValueRef init = LLVMGetInitializer(g);
    size_t len = 0;
    const char *name = LLVMGetValueName2(g, &len);
    /* available_externally tables exist only at -O1 and up; their own
     * unit records them. llvm.* are the toolchain's lists. */
    if (!init || LLVMGetLinkage(g) == LLVMAvailableExternallyLinkage ||
        strncmp(name, "llvm.", 5) == 0)
      continue;
    if (strncmp(name, "_ZTV", 4) == 0)
      ag_scan_vtable(scan, init);
    else if (strncmp(name, "_ZTI", 4) == 0)
      ag_scan_typeinfo(scan, ag_icall_typeinfo_class(scan->icall, g), init, 0);
    else
      ag_scan_initializer(scan, g, init, 0, 0);
  }
}

/* Every use of function `fn` that is not a call of it takes its address. */
static void ag_scan_uses(struct ag_scan *scan, size_t fn, LLVMValueRef value,
                         int depth) {
  for (LLVMUseRef use = LLVMGetFirstUse(value); use; use = LLVMGetNextUse(use)) {
    LLVMValueRef user = LLVMGetUser(use);
    if (LLVMIsAConstantExpr(user)) {
      if (depth < 4)
        ag_scan_uses(scan, fn, user, depth + 1);
      continue;
    }
    if (!LLVMIsAInstruction(user) || !ag_in_analysed_function(scan, user))
      continue; /* initializers: ag_scan_globals */
    if (LLVMIsAICmpInst(user))
      continue; /* compared, not stored */
    if (LLVMIsACallInst(user) || LLVMIsAInvokeInst(user)) {
      unsigned args = LLVMGetNumArgOperands(user);
      for (unsigned i = 0; i < args; ++i)
        if (ag_icall_strip_casts(LLVMGetOperand(user, i)) == value ||
            LLVMGetOperand(user, i) == value)
          ag_add_target(scan, fn, NULL); /* passed as an argument */
      continue;
    }
    if (LLVMIsAStoreInst(user)) {
      if (LLVMGetOperand(user, 0) != value)
        continue; /* the function's storage itself */
      ag_add_target(scan, fn,
                    ag_icall_field_key(scan->icall, scan->layout,
                                       LLVMGetOperand(user, 1)));
      continue;
    }
    ag_add_target(scan, fn, NULL); /* returned, a phi, a select, a cast */
  }
}

/* Stores of pointers into keyed places, and memcpys between structs. */
static void ag_scan_stores(struct ag_scan *scan) {
  const struct ag_graph *graph = scan->graph;
  for (size_t f = 0; f < graph->func_count; ++f) {
    if (!graph->funcs[f].defined)
      continue;
    for (LLVMBasicBlockRef bb = LLVMGetFirstBasicBlock(graph->funcs[f].fn); bb;
         bb = LLVMGetNextBasicBlock(bb))
      for (LLVMValueRef inst = LLVMGetFirstInstruction(bb); inst;
           inst = LLVMGetNextInstruction(inst)) {
        LLVMOpcode op = LLVMGetInstructionOpcode(inst);
        if (op == LLVMCall &&
            (LLVMIsAMemCpyInst(inst) || LLVMIsAMemMoveInst(inst))) {
          ag_scan_memcpy(scan, inst);
          continue;
        }
        if (op != LLVMStore)
          continue;
        LLVMValueRef value = LLVMGetOperand(inst, 0);
        if (LLVMGetTypeKind(LLVMTypeOf(value)) != LLVMPointerTypeKind)
          continue;
        const char *key = ag_icall_field_key(scan->icall, scan->layout,
                                             LLVMGetOperand(inst, 1));
        if (!key)
          continue;
        ag_classify_stored(scan, key, value, 0);
      }
  }
}

/* ---- calls ----------------------------------------------------------------- */

/* The field a callee was loaded from, directly or through a local that
 * only ever holds loads of that one field (`lua_Alloc f = g->frealloc`). */
static const char *ag_callee_field(struct ag_scan *scan, LLVMValueRef callee) {
  callee = ag_icall_strip_casts(callee);
  if (!LLVMIsALoadInst(callee))
    return NULL;
  LLVMValueRef from = LLVMGetOperand(callee, 0);
  const char *key = ag_icall_field_key(scan->icall, scan->layout, from);
  from = ag_icall_strip_casts(from);
  if (key || !LLVMIsAAllocaInst(from))
    return key;
  for (LLVMUseRef use = LLVMGetFirstUse(from); use; use = LLVMGetNextUse(use)) {
    LLVMValueRef user = LLVMGetUser(use);
    if (!LLVMIsAStoreInst(user) || ag_icall_strip_casts(LLVMGetOperand(user, 1)) != from)
      continue;
    LLVMValueRef stored = ag_icall_strip_casts(LLVMGetOperand(user, 0));
    const char *source =
        LLVMIsALoadInst(stored)
            ? ag_icall_field_key(scan->icall, scan->layout,
                                 LLVMGetOperand(stored, 0))
            : NULL;
    if (!source || (key && key != source))
      return NULL;
    key = source;
  }
  return key;
}

static void ag_scan_calls(struct ag_scan *scan) {
  const struct ag_graph *graph = scan->graph;
  struct ag_icall *icall = scan->icall;
  for (size_t c = 0; c < graph->call_count; ++c) {
    const struct ag_call *call = &graph->calls[c];
    if (call->kind != AG_CALL_INDIRECT && call->kind != AG_CALL_VIRTUAL)
      continue;
    struct ag_icall_site *site = &icall->sites[c];
    site->is_virtual = call->kind == AG_CALL_VIRTUAL;
    LLVMValueRef callee = LLVMGetCalledValue(call->inst);
    if (call->callback_arg) { /* the function passed to a library call */
      callee = LLVMGetOperand(call->inst, call->callback_arg - 1);
      site->type_key = ag_strtab_get(&icall->keys, call->callback_type);
    } else {
      site->type_key =
          ag_scan_type_key(scan, LLVMGetCalledFunctionType(call->inst));
    }
    char shown[512];
    if (call->kind == AG_CALL_INDIRECT && graph->has_debug_info &&
        ag_shim_callee_type_spelling(callee, shown, sizeof shown))
      site->type_shown = ag_strtab_get(&icall->keys, shown);
    if (call->kind == AG_CALL_VIRTUAL) {
      LLVMValueRef object = NULL;
      long long slot = ag_icall_vslot_index(scan->layout, callee, &object);
      const char *cls =
          slot < 0 ? NULL
                   : ag_icall_object_class(icall, graph->module, scan->layout,
                                           object);
      site->field_key = slot < 0 ? NULL : ag_icall_vslot_key(icall, cls, slot);
    } else {
      site->field_key = ag_callee_field(scan, callee);
    }
  }
}

/* ---- what each field receives --------------------------------------------- */

/* Every pointer field's open marks and copies are recorded, not only those
 * of fields this unit knows to hold function pointers: with opaque pointers
 * a setter (`G(L)->panic = panicf`) cannot tell, and the unit that calls
 * through the field may be another one. Leaving the mark out would let the
 * report trust the targets some other unit stores there and miss what the
 * setter's callers pass. */
static void ag_emit_flows(struct ag_scan *scan) {
  struct ag_icall *icall = scan->icall;
  struct ag_ptrmap open = {0}; /* keys already marked open */
  for (size_t i = 0; i < scan->fact_count; ++i) {
    const struct ag_fact *fact = &scan->facts[i];
    if (fact->fn >= 0) {
      ag_add_target(scan, (size_t)fact->fn, fact->key);
      continue;
    }
    int seen = 0;
    if (!fact->source) {
      seen = ag_ptrmap_get(&open, fact->key) > 0;
      ag_ptrmap_put(&open, fact->key, 1);
    } else {
      for (size_t j = 0; j < icall->flow_count && !seen; ++j)
        seen = icall->flows[j].field_key == fact->key &&
               icall->flows[j].source_key == fact->source;
    }
    if (!seen) {
      struct ag_icall_flow flow = {fact->key, fact->source};
      AG_PUSH(icall->flows, icall->flow_count, icall->flow_cap, flow);
    }
  }
  ag_ptrmap_free(&open);
}

void ag_icall_scan(struct ag_icall *icall, const struct ag_graph *graph,
                   const char *unit) {
  memset(icall, 0, sizeof(*icall));
  icall->unit = unit;
  size_t calls = graph->call_count ? graph->call_count : 1;
  icall->sites = ag_xcalloc(calls, sizeof(*icall->sites));
  icall->resolutions = ag_xcalloc(calls, sizeof(*icall->resolutions));
  struct ag_scan scan;
  memset(&scan, 0, sizeof(scan));
  scan.icall = icall;
  scan.graph = graph;
  scan.layout = LLVMGetModuleDataLayout(graph->module);
  ag_scan_globals(&scan);
  ag_emit_hierarchy(&scan);
  for (size_t f = 0; f < graph->func_count; ++f)
    if (!LLVMGetIntrinsicID(graph->funcs[f].fn))
      ag_scan_uses(&scan, f, graph->funcs[f].fn, 0);
  ag_scan_stores(&scan);
  ag_scan_calls(&scan);
  ag_emit_flows(&scan);
  free(scan.facts);
  free(scan.vclasses);
  free(scan.vbases);
  ag_ptrmap_free(&scan.type_keys);
  ag_icall_names_fill(icall, graph);
}
