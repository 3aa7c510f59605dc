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

#include "llvm/Demangle/Demangle.h"
#include "llvm/BinaryFormat/Dwarf.h"
#include "llvm/IR/Constants.h"
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

extern "C" void ag_shim_debug_members(
    LLVMModuleRef M,
    void (*Visit)(void *, const char *, const char *, unsigned long long,
                  const char *),
    void *Context) {
  DebugInfoFinder Finder;
  Finder.processModule(*unwrap(M));
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
    if (IRName.empty())
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

extern "C" int ag_shim_global_record(LLVMValueRef G, char *Out, size_t Size) {
  auto *Global = dyn_cast<GlobalVariable>(unwrap(G));
  if (!Global || !Size)
    return 0;
  SmallVector<DIGlobalVariableExpression *, 1> Exprs;
  Global->getDebugInfo(Exprs);
  for (DIGlobalVariableExpression *Expr : Exprs) {
    const DIType *Type = Expr->getVariable()->getType();
    StringRef TypedefName;
    for (int Depth = 0; Type && Depth < 16; ++Depth) {
      if (auto *Derived = dyn_cast<DIDerivedType>(Type)) {
        unsigned Tag = Derived->getTag();
        if (Tag != dwarf::DW_TAG_typedef && Tag != dwarf::DW_TAG_const_type &&
            Tag != dwarf::DW_TAG_volatile_type)
          break;
        if (Tag == dwarf::DW_TAG_typedef)
          TypedefName = Derived->getName();
        Type = Derived->getBaseType();
      } else if (auto *Composite = dyn_cast<DICompositeType>(Type)) {
        if (Composite->getTag() == dwarf::DW_TAG_array_type) {
          Type = Composite->getBaseType();
          continue;
        }
        std::string Name = agRecordIRName(Composite, TypedefName);
        if (Name.empty() || Name.size() >= Size)
          return 0;
        memcpy(Out, Name.c_str(), Name.size() + 1);
        return 1;
      } else {
        break;
      }
    }
  }
  return 0;
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
