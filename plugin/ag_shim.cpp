//===- ag_shim.cpp - pass-manager registration for allocguard -------------===//
//
// The new pass manager has no C registration API, so this one C++ file
// carries it: options, the pass class, the plugin entry point, and the few
// helpers LLVM-C lacks. The analysis itself is C (ag_pass.c).
//
// Run:  clang -g -fpass-plugin=allocguard-llvm<N>.so -c file.c
//
//===----------------------------------------------------------------------===//
#include "ag_compat.h"
#include "ag_shim.h"

#include "llvm/ADT/StringSet.h"
#include "llvm/Demangle/Demangle.h"
#include "llvm/BinaryFormat/Dwarf.h"
#include "llvm/IR/Constants.h"
#include "llvm/IR/DebugInfoMetadata.h"
#include "llvm/IR/InstrTypes.h"
#include "llvm/IR/IntrinsicInst.h"
#include "llvm/IR/Instructions.h"
#include "llvm/IR/Operator.h"
#include "llvm/IR/DebugInfo.h"
#include "llvm/IR/Module.h"
#include "llvm/IR/PassManager.h"
#include "llvm/Passes/PassBuilder.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Transforms/Utils/EscapeEnumerator.h"
#include "llvm/Transforms/Utils/ModuleUtils.h"
#include AG_PASS_PLUGIN_HEADER

using namespace llvm;

namespace {

// Raw strings only, one per row of ag_options.def: validation and
// defaults live in C (ag_options.c).
cl::OptionCategory AgCategory("allocguard options");
#define AG_OPTION(id, name, metavar, kind, def, choices, help, readme)        \
  cl::opt<std::string> Ag_##id(name, cl::cat(AgCategory), cl::desc(help));
#include "ag_options.def"

struct AllocGuardPass : PassInfoMixin<AllocGuardPass> {
  PreservedAnalyses run(Module &M, ModuleAnalysisManager &) {
    ag_raw_options Opts = {
#define AG_OPTION(id, ...) Ag_##id.c_str(),
#include "ag_options.def"
    };
    bool Changed = ag_run_on_module(wrap(&M), &Opts) != 0;
    return Changed ? PreservedAnalyses::none() : PreservedAnalyses::all();
  }
  // Runs at -O0 too, where optnone would otherwise skip it.
  static bool isRequired() { return true; }
};

} // namespace

extern "C" void ag_shim_emit_error(LLVMModuleRef M, const char *Message) {
  // Goes through clang's diagnostic engine: the compile fails and clang
  // removes the partial output file.
  unwrap(M)->getContext().emitError(Message);
}

extern "C" void ag_shim_append_compiler_used(LLVMModuleRef M,
                                             LLVMValueRef *Globals,
                                             unsigned Count) {
  SmallVector<GlobalValue *, 8> Values;
  for (unsigned I = 0; I < Count; ++I)
    Values.push_back(cast<GlobalValue>(unwrap(Globals[I])));
  appendToCompilerUsed(*unwrap(M), Values);
}

extern "C" void ag_shim_append_global_ctor(LLVMModuleRef M, LLVMValueRef Ctor,
                                           int Priority,
                                           LLVMValueRef Associated) {
  appendToGlobalCtors(*unwrap(M), cast<Function>(unwrap(Ctor)), Priority,
                      Associated ? cast<Constant>(unwrap(Associated))
                                 : nullptr);
}

extern "C" void ag_shim_for_each_exit(LLVMValueRef Fn,
                                      void (*Visit)(LLVMBuilderRef, void *),
                                      void *Context) {
  EscapeEnumerator Exits(*cast<Function>(unwrap(Fn)), "allocguard.cleanup",
                         /*HandleExceptions=*/true);
  while (IRBuilder<> *At = Exits.Next())
    Visit(wrap(At), Context);
}

extern "C" char *ag_shim_demangle(const char *Symbol) {
  // llvm::demangle takes a std::string up to LLVM 16 and a string_view
  // after: a std::string argument suits both.
  std::string Out = llvm::demangle(std::string(Symbol));
  if (Out == Symbol)
    return nullptr;
  char *Copy = static_cast<char *>(malloc(Out.size() + 1));
  if (Copy)
    memcpy(Copy, Out.c_str(), Out.size() + 1);
  return Copy;
}

// "ns::Outer::Inner", as clang prints a record's qualified name for its IR
// type; empty when some scope has no name clang would print alike.
static std::string agQualifiedName(const DIScope *Scope) {
  std::string Name;
  for (int Depth = 0; Scope && Depth < 32; ++Depth) {
    StringRef Part;
    if (auto *NS = dyn_cast<DINamespace>(Scope))
      Part = NS->getName().empty() ? StringRef("(anonymous namespace)")
                                   : NS->getName();
    else if (auto *Type = dyn_cast<DICompositeType>(Scope))
      Part = Type->getName();
    else
      break;
    if (Part.empty())
      return std::string();
    Name = Name.empty() ? Part.str() : (Part + "::" + Name).str();
    Scope = Scope->getScope();
  }
  return Name;
}

// The IR-style name of a record type ("struct.z_stream_s"), or empty.
static std::string agRecordIRName(const DICompositeType *Record,
                                  StringRef TypedefName) {
  const char *Prefix = Record->getTag() == dwarf::DW_TAG_structure_type ? "struct."
                       : Record->getTag() == dwarf::DW_TAG_class_type  ? "class."
                       : Record->getTag() == dwarf::DW_TAG_union_type  ? "union."
                                                                       : nullptr;
  if (!Prefix)
    return std::string();
  std::string Name = agQualifiedName(Record);
  const DIScope *Scope = Record->getScope();
  if (Name.empty() &&
      (!Scope || isa<DIFile>(Scope) || isa<DICompileUnit>(Scope)))
    Name = TypedefName.str(); // C: `typedef struct { ... } name;`
  return Name.empty() ? std::string() : Prefix + Name;
}

// What DebugInfoFinder::processModule finds, in its order, for less.
// processModule hands every instruction's location to processLocation,
// which looks its scope up in a set: 245,000 instructions for SQLite's
// amalgamation, 68 M instructions of its compile. Consecutive instructions
// mostly share a scope, and a location whose scope and inlined-at were
// processed adds nothing, so those are skipped; instructions that may
// carry variables (intrinsics, debug records) go through
// processInstruction whole. processModule first processes each compile
// unit, which only processSubprogram reaches from outside (it processes
// SP->getUnit()): a temporary subprogram of the unit, with no type, no
// parameters and the unit's file for scope, does that and adds nothing
// else a reader of types() sees. The order matters: the first typedef of
// a record names it (SQLite has two for several, sqlite3_value and Mem).
struct AgDebugWalk {
  std::vector<TempDISubprogram> Starters; // outlive the finder's pointers
  DebugInfoFinder Finder;
};

static void agFindDebugInfo(const Module &M, AgDebugWalk &Walk) {
  DebugInfoFinder &Finder = Walk.Finder;
  for (DICompileUnit *Unit : M.debug_compile_units()) {
    Walk.Starters.push_back(DISubprogram::getTemporary(
        M.getContext(), Unit->getFile(), "", "", Unit->getFile(), 0,
        (DISubroutineType *)nullptr, 0, nullptr, 0, 0, DINode::FlagZero,
        DISubprogram::SPFlagZero, Unit));
    Finder.processSubprogram(Walk.Starters.back().get());
  }
  const DILocalScope *LastScope = nullptr;
  const DILocation *LastInlinedAt = nullptr;
  for (const Function &F : M.functions()) {
    if (DISubprogram *SP = F.getSubprogram())
      Finder.processSubprogram(SP);
    for (const BasicBlock &BB : F)
      for (const Instruction &I : BB) {
        bool Variables = isa<IntrinsicInst>(I);
#if AG_HAS_DEBUG_RECORDS
        Variables = Variables || I.DebugMarker;
#endif
        if (Variables) {
          Finder.processInstruction(M, I);
          continue;
        }
        const DILocation *Loc = I.getDebugLoc().get();
        if (!Loc || (Loc->getScope() == LastScope &&
                     Loc->getInlinedAt() == LastInlinedAt))
          continue;
        Finder.processLocation(M, Loc);
        LastScope = Loc->getScope();
        LastInlinedAt = Loc->getInlinedAt();
      }
  }
}

extern "C" void ag_shim_debug_members(
    LLVMModuleRef M, const char *const *Records, size_t RecordCount,
    void (*Visit)(void *, const char *, const char *, unsigned long long,
                  const char *),
    void *Context) {
  StringSet<> Wanted;
  for (size_t I = 0; I < RecordCount; ++I)
    Wanted.insert(Records[I]);
  AgDebugWalk Walk;
  agFindDebugInfo(*unwrap(M), Walk);
  const DebugInfoFinder &Finder = Walk.Finder;
  // C names anonymous structs after their typedef, and zlib's users know
  // `z_stream`, not `z_stream_s`.
  DenseMap<const DICompositeType *, StringRef> Typedefs;
  for (DIType *Type : Finder.types())
    if (auto *Typedef = dyn_cast<DIDerivedType>(Type))
      if (Typedef->getTag() == dwarf::DW_TAG_typedef)
        if (auto *Base =
                dyn_cast_or_null<DICompositeType>(Typedef->getBaseType()))
          Typedefs.try_emplace(Base, Typedef->getName());
  for (DIType *Type : Finder.types()) {
    auto *Record = dyn_cast<DICompositeType>(Type);
    if (!Record)
      continue;
    auto Typedef = Typedefs.find(Record);
    std::string IRName = agRecordIRName(
        Record, Typedef != Typedefs.end() ? Typedef->second : StringRef());
    if (IRName.empty() || !Wanted.count(IRName))
      continue;
    std::string Name = IRName.substr(IRName.find('.') + 1);
    // A C++ record (it has an ODR identifier) is shown by its own name.
    std::string Shown =
        Typedef != Typedefs.end() && !Typedef->second.empty() &&
                Record->getIdentifier().empty()
            ? Typedef->second.str()
            : Name;
    for (DINode *Element : Record->getElements()) {
      auto *Member = dyn_cast_or_null<DIDerivedType>(Element);
      if (!Member || Member->getTag() != dwarf::DW_TAG_member ||
          Member->isStaticMember() || Member->getName().empty())
        continue;
      Visit(Context, IRName.c_str(), Shown.c_str(),
            Member->getOffsetInBits() / 8, Member->getName().str().c_str());
    }
  }
}

// `Type` without its typedefs and qualifiers (const, volatile, restrict):
// what it is, as opposed to how it was spelled; null past 16 of them.
// *TypedefName, when given, becomes the name of the last typedef passed
// and stays as it was when none is.
static const DIType *agStripQualifiers(const DIType *Type,
                                       StringRef *TypedefName = nullptr) {
  for (int Depth = 0; Type && Depth < 16; ++Depth) {
    auto *Derived = dyn_cast<DIDerivedType>(Type);
    if (!Derived)
      return Type;
    switch (Derived->getTag()) {
    case dwarf::DW_TAG_typedef:
      if (TypedefName)
        *TypedefName = Derived->getName();
      break;
    case dwarf::DW_TAG_const_type:
    case dwarf::DW_TAG_volatile_type:
    case dwarf::DW_TAG_restrict_type:
      break;
    default:
      return Type;
    }
    Type = Derived->getBaseType();
  }
  return nullptr;
}

extern "C" int ag_shim_global_record(LLVMValueRef G, char *Out, size_t Size) {
  auto *Global = dyn_cast<GlobalVariable>(unwrap(G));
  if (!Global || !Size)
    return 0;
  SmallVector<DIGlobalVariableExpression *, 1> Exprs;
  Global->getDebugInfo(Exprs);
  for (DIGlobalVariableExpression *Expr : Exprs) {
    // The record, or an array's (of arrays') elements' record, and the
    // typedef that named it last: `typedef struct { ... } T; T g[2];`.
    const DIType *Type = Expr->getVariable()->getType();
    StringRef TypedefName;
    const DICompositeType *Record = nullptr;
    for (int Depth = 0; Depth < 16; ++Depth) {
      Record = dyn_cast_or_null<DICompositeType>(
          agStripQualifiers(Type, &TypedefName));
      if (!Record || Record->getTag() != dwarf::DW_TAG_array_type)
        break;
      Type = Record->getBaseType();
    }
    if (!Record || Record->getTag() == dwarf::DW_TAG_array_type)
      continue;
    std::string Name = agRecordIRName(Record, TypedefName);
    if (Name.empty() || Name.size() >= Size)
      return 0;
    memcpy(Out, Name.c_str(), Name.size() + 1);
    return 1;
  }
  return 0;
}

// ---- the C spelling of a function pointer's declared type ---------------

static const DIType *agDeclaredVariableType(Value *Alloca) {
#if AG_HAS_DEBUG_RECORDS
  for (DbgVariableRecord *Record : findDVRDeclares(Alloca))
    return Record->getVariable()->getType();
  // With -O1 and up, clang 17+ tracks assignments: the alloca is linked to
  // dbg_assign records through its DIAssignID instead of a declare.
  for (DbgVariableRecord *Record :
       at::getDVRAssignmentMarkers(cast<Instruction>(Alloca)))
    return Record->getVariable()->getType();
#endif
#if AG_HAS_DBG_DECLARE_CALLS
#if AG_LLVM_VERSION_GE(19)
  for (DbgDeclareInst *Declare : findDbgDeclares(Alloca))
    return Declare->getVariable()->getType();
  for (DbgAssignIntrinsic *Assign :
       at::getAssignmentMarkers(cast<Instruction>(Alloca)))
    return Assign->getVariable()->getType();
#else
  for (DbgDeclareInst *Declare : FindDbgDeclareUses(Alloca))
    return Declare->getVariable()->getType();
#endif
#endif
  return nullptr;
}

// The scalar (not struct or array) member that lies `Offset` bytes into
// an object of type `Type`: at offset 0 that is the first member, as a
// load there reads it.
static const DIType *agMemberAt(const DIType *Type, uint64_t Offset) {
  for (int Depth = 0; Depth < 16; ++Depth) {
    auto *Composite = dyn_cast_or_null<DICompositeType>(agStripQualifiers(Type));
    if (!Composite || Composite->getTag() == dwarf::DW_TAG_enumeration_type)
      return Type; // as declared: a typedef's name is what users know
    if (Composite->getTag() == dwarf::DW_TAG_array_type) {
      const DIType *Element = agStripQualifiers(Composite->getBaseType());
      uint64_t Size = Element ? Element->getSizeInBits() / 8 : 0;
      if (!Size)
        return nullptr;
      Type = Element;
      Offset %= Size;
      continue;
    }
    const DIType *Found = nullptr;
    for (DINode *Node : Composite->getElements()) {
      auto *Member = dyn_cast_or_null<DIDerivedType>(Node);
      if (!Member || Member->isStaticMember() ||
          (Member->getTag() != dwarf::DW_TAG_member &&
           Member->getTag() != dwarf::DW_TAG_inheritance))
        continue;
      uint64_t Begin = Member->getOffsetInBits() / 8;
      uint64_t Size = Member->getSizeInBits() / 8;
      if (Offset >= Begin && (Offset < Begin + Size || Size == 0)) {
        Found = Member->getBaseType();
        Offset -= Begin;
        break;
      }
    }
    if (!Found)
      return nullptr;
    Type = Found;
  }
  return nullptr;
}

static const DIType *agValueType(Value *V, const DataLayout &Layout, int Depth);

// `p + i` or `array[i]` with `i` unknown: some element of the same type,
// which agMemberAt finds by taking the offset modulo the element's size.
static bool agIsElementStep(GEPOperator *GEP) {
  unsigned Count = GEP->getNumIndices();
  for (unsigned I = 1; I < Count; ++I) { // all but the last index are 0
    auto *Index = dyn_cast<ConstantInt>(GEP->getOperand(I));
    if (!Index || !Index->isZero())
      return false;
  }
  return Count >= 1 && !isa<ConstantInt>(GEP->getOperand(Count));
}

// The declared type of the object that `Address` points into, and the
// byte offset into it (clang's -O0 code reaches `a.b.fn` through a chain
// of GEPs, each adding its offset).
static const DIType *agObjectType(Value *Address, const DataLayout &Layout,
                                  uint64_t &Offset, int Depth) {
  Address = Address->stripPointerCasts();
  for (int Steps = 0; Steps < 16; ++Steps) {
    auto *GEP = dyn_cast<GEPOperator>(Address);
    if (!GEP)
      break;
    APInt Step(Layout.getIndexTypeSizeInBits(GEP->getType()), 0);
    if (GEP->accumulateConstantOffset(Layout, Step)) {
      if (Step.isNegative())
        return nullptr;
      Offset += Step.getZExtValue();
    } else if (!agIsElementStep(GEP)) {
      return nullptr;
    }
    Address = GEP->getPointerOperand()->stripPointerCasts();
  }
  if (isa<AllocaInst>(Address))
    return agDeclaredVariableType(Address);
  if (auto *Global = dyn_cast<GlobalVariable>(Address)) {
    SmallVector<DIGlobalVariableExpression *, 1> Exprs;
    Global->getDebugInfo(Exprs);
    return Exprs.empty() ? nullptr : Exprs[0]->getVariable()->getType();
  }
  // A pointer held somewhere: the object is what it points to.
  auto *Pointer = dyn_cast_or_null<DIDerivedType>(
      agStripQualifiers(agValueType(Address, Layout, Depth + 1)));
  if (!Pointer)
    return nullptr;
  unsigned Tag = Pointer->getTag();
  return Tag == dwarf::DW_TAG_pointer_type ||
                 Tag == dwarf::DW_TAG_reference_type ||
                 Tag == dwarf::DW_TAG_rvalue_reference_type
             ? Pointer->getBaseType()
             : nullptr;
}

// The declared type of a loaded scalar.
static const DIType *agValueType(Value *V, const DataLayout &Layout,
                                 int Depth) {
  auto *Load = dyn_cast<LoadInst>(V->stripPointerCasts());
  if (!Load || Depth > 8)
    return nullptr;
  uint64_t Offset = 0;
  const DIType *Object =
      agObjectType(Load->getPointerOperand(), Layout, Offset, Depth);
  return Object ? agMemberAt(Object, Offset) : nullptr;
}

struct AgSpeller {
  bool IsC;
  std::string spell(const DIType *Type, int Depth);
  std::string spellFunction(const DISubroutineType *Fn, StringRef Inner,
                            int Depth);
};

std::string AgSpeller::spellFunction(const DISubroutineType *Fn,
                                     StringRef Inner, int Depth) {
  DITypeRefArray Types = Fn->getTypeArray();
  std::string Out = Types.size() ? spell(Types[0], Depth + 1) : "void";
  Out += (Out.back() == '*' ? "" : " ") + Inner.str() + "(";
  for (unsigned I = 1; I < Types.size(); ++I) {
    if (I > 1)
      Out += ", ";
    Out += Types[I] ? spell(Types[I], Depth + 1) : "..."; // null: variadic
  }
  if (Types.size() <= 1 && IsC)
    Out += "void";
  return Out + ")";
}

std::string AgSpeller::spell(const DIType *Type, int Depth) {
  if (!Type)
    return "void";
  if (Depth > 16)
    return "...";
  if (auto *Fn = dyn_cast<DISubroutineType>(Type))
    return spellFunction(Fn, "", Depth);
  if (auto *Composite = dyn_cast<DICompositeType>(Type)) {
    if (Composite->getTag() == dwarf::DW_TAG_array_type)
      return spell(Composite->getBaseType(), Depth + 1) + " []";
    std::string Name = agQualifiedName(Composite);
    if (Name.empty())
      return "(anonymous)";
    if (!IsC)
      return Name;
    unsigned Tag = Composite->getTag();
    return (Tag == dwarf::DW_TAG_union_type
                ? "union "
                : Tag == dwarf::DW_TAG_enumeration_type ? "enum " : "struct ") +
           Name;
  }
  auto *Derived = dyn_cast<DIDerivedType>(Type);
  if (!Derived)
    return Type->getName().str(); // a basic type
  const DIType *Base = Derived->getBaseType();
  switch (Derived->getTag()) {
  case dwarf::DW_TAG_typedef:
    return Derived->getName().str();
  case dwarf::DW_TAG_const_type:
  case dwarf::DW_TAG_volatile_type: {
    const char *Qualifier =
        Derived->getTag() == dwarf::DW_TAG_const_type ? "const" : "volatile";
    auto *Inner = dyn_cast_or_null<DIDerivedType>(Base);
    if (Inner && Inner->getTag() == dwarf::DW_TAG_pointer_type)
      return spell(Base, Depth + 1) + " " + Qualifier; // `char *const`
    return Qualifier + (" " + spell(Base, Depth + 1));
  }
  case dwarf::DW_TAG_pointer_type:
  case dwarf::DW_TAG_reference_type:
  case dwarf::DW_TAG_rvalue_reference_type: {
    const char *Mark = Derived->getTag() == dwarf::DW_TAG_pointer_type ? "*"
                       : Derived->getTag() == dwarf::DW_TAG_reference_type
                           ? "&"
                           : "&&";
    if (auto *Fn = dyn_cast_or_null<DISubroutineType>(Base))
      return spellFunction(Fn, (Twine("(") + Mark + ")").str(), Depth);
    std::string Inner = spell(Base, Depth + 1);
    return Inner + (Inner.back() == '*' ? "" : " ") + Mark;
  }
  default:
    return spell(Base, Depth + 1);
  }
}

extern "C" int ag_shim_callee_type_spelling(LLVMValueRef Callee, char *Out,
                                            size_t Size) {
  auto *Inst = dyn_cast<Instruction>(unwrap(Callee)->stripPointerCasts());
  if (!Inst || !Size)
    return 0;
  const Function *Caller = Inst->getFunction();
  const DIType *Type =
      agValueType(Inst, Caller->getParent()->getDataLayout(), 0);
  // The pointer's own qualifiers (`void (*const hook)(void)`) are not part
  // of the type the call goes through.
  for (int Depth = 0; Depth < 4; ++Depth) {
    auto *Qualified = dyn_cast_or_null<DIDerivedType>(Type);
    if (!Qualified || (Qualified->getTag() != dwarf::DW_TAG_const_type &&
                       Qualified->getTag() != dwarf::DW_TAG_volatile_type))
      break;
    Type = Qualified->getBaseType();
  }
  if (!Type)
    return 0;
  // C++ functions carry their mangled name in debug info; C ones do not.
  const DISubprogram *Sub = Caller->getSubprogram();
  AgSpeller Speller{!Sub || Sub->getLinkageName().empty()};
  std::string Text = Speller.spell(Type, 0);
  if (Text.size() >= Size)
    return 0;
  memcpy(Out, Text.c_str(), Text.size() + 1);
  return 1;
}

// ---- C++ classes, for virtual calls (ag_icall_class.c) ------------------

// The class `Type` is (deref 0) or points to (deref 1), through typedefs
// and qualifiers; null for anything else.
static const DICompositeType *agClassOf(const DIType *Type, int Deref) {
  for (; Deref > 0; --Deref) {
    auto *Pointer = dyn_cast_or_null<DIDerivedType>(agStripQualifiers(Type));
    if (!Pointer || (Pointer->getTag() != dwarf::DW_TAG_pointer_type &&
                     Pointer->getTag() != dwarf::DW_TAG_reference_type &&
                     Pointer->getTag() != dwarf::DW_TAG_rvalue_reference_type))
      return nullptr;
    Type = Pointer->getBaseType();
  }
  auto *Class = dyn_cast_or_null<DICompositeType>(agStripQualifiers(Type));
  if (!Class || (Class->getTag() != dwarf::DW_TAG_class_type &&
                 Class->getTag() != dwarf::DW_TAG_structure_type))
    return nullptr;
  return Class;
}

// A class's ODR identifier, else its qualified name when every scope is a
// namespace or a class ("" for a local class: no name stands for it).
static std::string agClassText(const DICompositeType *Class) {
  if (!Class)
    return std::string();
  if (!Class->getIdentifier().empty())
    return Class->getIdentifier().str();
  for (const DIScope *Scope = Class->getScope(); Scope; Scope = Scope->getScope())
    if (!isa<DINamespace>(Scope) && !isa<DICompositeType>(Scope) &&
        !isa<DIFile>(Scope) && !isa<DICompileUnit>(Scope))
      return std::string();
  return agQualifiedName(Class);
}

extern "C" int ag_shim_value_class(LLVMValueRef V, int Deref, char *Out,
                                   size_t Size) {
  Value *Val = unwrap(V);
  const DIType *Type = nullptr;
  if (isa<AllocaInst>(Val)) {
    Type = agDeclaredVariableType(Val);
  } else if (auto *Global = dyn_cast<GlobalVariable>(Val)) {
    SmallVector<DIGlobalVariableExpression *, 1> Exprs;
    Global->getDebugInfo(Exprs);
    if (!Exprs.empty())
      Type = Exprs.front()->getVariable()->getType();
  } else if (auto *Call = dyn_cast<CallBase>(Val)) {
    const Function *Callee = Call->getCalledFunction();
    const DISubprogram *Sub = Callee ? Callee->getSubprogram() : nullptr;
    if (Sub && Sub->getType() && Sub->getType()->getTypeArray().size())
      Type = Sub->getType()->getTypeArray()[0];
  }
  std::string Text = agClassText(agClassOf(Type, Deref));
  if (Text.empty() || Text.size() >= Size)
    return 0;
  memcpy(Out, Text.c_str(), Text.size() + 1);
  return 1;
}

extern "C" void ag_shim_debug_classes(
    LLVMModuleRef M,
    void (*Visit)(void *, const char *, unsigned long long, int, const char *),
    void *Context) {
  DebugInfoFinder Finder;
  Finder.processModule(*unwrap(M));
  for (DIType *Type : Finder.types()) {
    auto *Record = dyn_cast<DICompositeType>(Type);
    if (!Record || !agClassOf(Record, 0))
      continue;
    std::string IRName = agRecordIRName(Record, StringRef());
    if (IRName.empty())
      continue;
    std::string Self = agClassText(Record);
    if (!Self.empty())
      Visit(Context, IRName.c_str(), ~0ull, -1, Self.c_str());
    for (DINode *Element : Record->getElements()) {
      auto *Member = dyn_cast_or_null<DIDerivedType>(Element);
      if (!Member || Member->getTag() != dwarf::DW_TAG_member ||
          Member->isStaticMember())
        continue;
      for (int Deref = 0; Deref < 2; ++Deref) {
        std::string Text = agClassText(agClassOf(Member->getBaseType(), Deref));
        if (!Text.empty())
          Visit(Context, IRName.c_str(), Member->getOffsetInBits() / 8, Deref,
                Text.c_str());
      }
    }
  }
}

// Registration comes last: the logic above reads without the pass manager.
extern "C" LLVM_ATTRIBUTE_WEAK PassPluginLibraryInfo llvmGetPassPluginInfo() {
  return {LLVM_PLUGIN_API_VERSION, "allocguard", "1.0",
          [](PassBuilder &PB) {
            // Pipeline start: before inlining and malloc/free elision, so
            // findings do not depend on -O level or LTO mode.
            PB.registerPipelineStartEPCallback(
                [](ModulePassManager &MPM, OptimizationLevel) {
                  MPM.addPass(AllocGuardPass());
                });
          }};
}
