//===- ag_effects.cpp - clang's nonblocking/nonallocating functions as roots ===//
//
// Clang 19 and newer let a function type declare [[clang::nonblocking]] or
// [[clang::nonallocating]] (GNU: __attribute__((nonblocking))). Code
// generation drops them: without -fsanitize=realtime the IR carries nothing
// (with it, `sanitize_realtime` on nonblocking functions only), so the pass
// cannot see them. This frontend plugin runs before clang's code generation
// and gives every function whose type carries either effect an
// `annotate("allocguard_effect_root")` attribute. Code generation then
// lists the function in llvm.global.annotations, where the pass finds its
// roots (ag_roots.c): a root unless -allocguard-effects=off.
//
// Run:  clang -fplugin=allocguard-llvm<N>.so -fpass-plugin=allocguard-llvm<N>.so -c f.c
//
// This file is allocguard-effects-llvm<N>.so, which the plugin loads when
// it is loaded into clang (ag_effects_load.c says why it is a file of its
// own). Built for clang 19 and newer where clang's headers are installed;
// the API used here is the same in 19 and 22, so it has no #if.
//
//===----------------------------------------------------------------------===//
#include "ag_roots.h" // AG_ANNOTATION_EFFECT_ROOT

#include "clang/AST/ASTConsumer.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Attr.h"
#include "clang/AST/Decl.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Frontend/CompilerInstance.h"
#include "clang/Frontend/FrontendPluginRegistry.h"

using namespace clang;

namespace {

// True when `Type` declares nonblocking or nonallocating unconditionally:
// `nonblocking(false)` is stored as the opposite effect, and a condition
// still dependent (a template's pattern) is decided in each instantiation,
// which is marked on its own.
bool agHasAllocFreeEffect(QualType Type) {
  const auto *Proto = Type.isNull() ? nullptr : Type->getAs<FunctionProtoType>();
  if (!Proto)
    return false;
  for (const FunctionEffectWithCondition &Effect : Proto->getFunctionEffects()) {
    FunctionEffect::Kind Kind = Effect.Effect.kind();
    if ((Kind == FunctionEffect::Kind::NonBlocking ||
         Kind == FunctionEffect::Kind::NonAllocating) &&
        !Effect.Cond.getCondition())
      return true;
  }
  return false;
}

bool agIsMarked(const FunctionDecl *Fn) {
  for (const auto *Annotation : Fn->specific_attrs<AnnotateAttr>())
    if (Annotation->getAnnotation() == AG_ANNOTATION_EFFECT_ROOT)
      return true;
  return false;
}

// Marks `Fn` when it or any of its declarations carries the effect. Clang
// 19 does not copy a declaration's effects onto a later definition that
// omits them (it warns); both find the mark, since the attribute is
// inherited by redeclarations made after it and checked on each one seen.
void agMark(ASTContext &Context, FunctionDecl *Fn) {
  if (!Fn || agIsMarked(Fn))
    return;
  for (const FunctionDecl *Decl : Fn->redecls()) {
    if (agHasAllocFreeEffect(Decl->getType())) {
      Fn->addAttr(AnnotateAttr::CreateImplicit(
          Context, AG_ANNOTATION_EFFECT_ROOT, nullptr, 0,
          SourceRange(Fn->getLocation())));
      return;
    }
  }
}

// Every function declared inside a top-level declaration: namespaces,
// classes (methods, including those of local classes), and lambdas, whose
// call operators RecursiveASTVisitor reaches only through the expression.
//
// In C a function body can declare a function only at block scope, and
// marking such a declaration changes no definition: a definition later in
// the unit finds the effect among its redeclarations itself, one earlier
// was decided when it was seen. So C bodies are not walked: walking every
// statement and expression of SQLite's amalgamation cost 0.9% of its -O0
// compile.
class AgEffectsVisitor : public RecursiveASTVisitor<AgEffectsVisitor> {
public:
  explicit AgEffectsVisitor(ASTContext &Context)
      : Context(Context), WalkBodies(Context.getLangOpts().CPlusPlus) {}
  bool TraverseStmt(Stmt *S, DataRecursionQueue *Queue = nullptr) {
    return !WalkBodies ||
           RecursiveASTVisitor<AgEffectsVisitor>::TraverseStmt(S, Queue);
  }
  bool VisitFunctionDecl(FunctionDecl *Fn) {
    agMark(Context, Fn);
    return true;
  }
  bool VisitLambdaExpr(LambdaExpr *Lambda) {
    agMark(Context, Lambda->getCallOperator());
    return true;
  }

private:
  ASTContext &Context;
  bool WalkBodies;
};

// Runs before code generation's consumer on every declaration group, so a
// mark is in place before the function is emitted, whether code generation
// emits it at once or defers it (inline functions, methods, lambdas).
class AgEffectsConsumer : public ASTConsumer {
public:
  bool HandleTopLevelDecl(DeclGroupRef Group) override {
    if (!Context)
      return true;
    // In C (Objective-C aside, whose @implementation holds functions) a
    // top-level declaration declares at most itself a function: records
    // have no methods, and bodies are not walked (above). The visitor
    // would find just these, through every parameter and field.
    const LangOptions &Lang = Context->getLangOpts();
    if (!Lang.CPlusPlus && !Lang.ObjC) {
      for (Decl *D : Group)
        agMark(*Context, dyn_cast<FunctionDecl>(D));
      return true;
    }
    AgEffectsVisitor Visitor(*Context);
    for (Decl *D : Group)
      Visitor.TraverseDecl(D);
    return true;
  }
  // Instantiations of function templates and of class templates' methods,
  // made at the end of the unit or on first use.
  void HandleCXXImplicitFunctionInstantiation(FunctionDecl *Fn) override {
    if (Context)
      agMark(*Context, Fn);
  }
  void HandleInlineFunctionDefinition(FunctionDecl *Fn) override {
    if (Context)
      agMark(*Context, Fn);
  }
  void Initialize(ASTContext &Ctx) override { Context = &Ctx; }

private:
  ASTContext *Context = nullptr;
};

class AgEffectsAction : public PluginASTAction {
protected:
  std::unique_ptr<ASTConsumer> CreateASTConsumer(CompilerInstance &,
                                                 llvm::StringRef) override {
    return std::make_unique<AgEffectsConsumer>();
  }
  bool ParseArgs(const CompilerInstance &,
                 const std::vector<std::string> &) override {
    return true;
  }
  // Before the main action: clang runs it with -fplugin alone, no -plugin.
  ActionType getActionType() override { return AddBeforeMainAction; }
};

} // namespace

// Registration comes last: the logic above reads without the registry.
static FrontendPluginRegistry::Add<AgEffectsAction>
    AgEffectsRegistration("allocguard-effects",
                          "mark nonblocking and nonallocating functions as "
                          "allocguard roots");
