// RUN: %clang --target=x86_64-pc-linux-gnu %agload -S -emit-llvm %s -o - 2>/dev/null | FileCheck --check-prefix=ELF %s
// RUN: %clang --target=aarch64-unknown-freebsd %agload -S -emit-llvm %s -o - 2>/dev/null | FileCheck --check-prefix=ELF %s
// RUN: %clang --target=x86_64-pc-windows-elf %agload -S -emit-llvm %s -o - 2>/dev/null | FileCheck --check-prefix=ELF %s
// RUN: %clang --target=x86_64-pc-windows-msvc %agload -S -emit-llvm %s -o - 2>/dev/null | FileCheck --check-prefix=OTHER %s
// RUN: %clang --target=x86_64-w64-windows-gnu %agload -S -emit-llvm %s -o - 2>/dev/null | FileCheck --check-prefix=OTHER %s
// RUN: %clang --target=arm64-apple-macosx %agload -S -emit-llvm %s -o - 2>/dev/null | FileCheck --check-prefix=OTHER %s
// RUN: %clang --target=powerpc64-ibm-aix %agload -S -emit-llvm %s -o - 2>/dev/null | FileCheck --check-prefix=OTHER %s
// RUN: %clang --target=s390x-ibm-zos %agload -S -emit-llvm %s -o - 2>/dev/null | FileCheck --check-prefix=OTHER %s
// RUN: %clang --target=wasm32-unknown-unknown %agload -S -emit-llvm %s -o - 2>/dev/null | FileCheck --check-prefix=OTHER %s
// The summary section (module assembly with ELF's @progbits) and the
// constructor's comdat are emitted for ELF targets only, the object format
// taken from the triple as LLVM takes it: "-elf" after Windows is ELF;
// AIX, z/OS and wasm are not, though no word in them says Apple or
// Windows.
void *malloc(unsigned long);

__attribute__((annotate("alloc_free"))) void *callback(void) {
  return malloc(4);
}
// ELF: module asm "{{.*}}.pushsection .allocguard.summary,{{.*}}@progbits"
// ELF: $allocguard.module_ctor = comdat any
// ELF: define {{.*}}@callback(
// ELF: define internal void @allocguard.module_ctor() {{.*}}comdat

// OTHER-NOT: pushsection
// OTHER-NOT: comdat
// OTHER: define {{.*}}@callback(
// OTHER-NOT: comdat
// OTHER: define internal void @allocguard.module_ctor()
// OTHER-NOT: comdat
