/* test_triple_elf.c - ag_triple_is_elf(), which decides whether the plugin
 * keys comdats by its own names and embeds its summary section.
 * Intent: the object format llvm::Triple gives each triple: a format named
 * at the end of the environment first, then the system (Darwin, Windows,
 * UEFI, AIX, z/OS) or the architecture (wasm, SPIR-V, DXIL), ELF for the
 * rest; a vendor or environment alone ("apple", "msvc") decides nothing. */
#include <stdio.h>

#include "ag_util.h"

static int failures;

static void expect(const char *triple, int want) {
  int got = ag_triple_is_elf(triple);
  if (got != want) {
    fprintf(stderr, "ag_triple_is_elf(\"%s\") = %d, want %d\n", triple, got,
            want);
    failures++;
  }
}

int main(void) {
  expect("x86_64-pc-linux-gnu", 1);
  expect("x86_64-unknown-linux-gnu", 1);
  expect("aarch64-unknown-linux-android", 1);
  expect("arm-none-eabi", 1);
  expect("armv7-unknown-freebsd", 1);
  expect("riscv64-unknown-unknown-elf", 1);
  expect("x86_64", 1);
  expect("", 1);

  expect("x86_64-apple-macosx14.0.0", 0);
  expect("arm64-apple-ios17.0.0-simulator", 0);
  expect("x86_64-apple-darwin23.0.0", 0);
  expect("arm64-apple-xros1.0", 0);
  expect("x86_64-pc-windows-msvc", 0);
  expect("x86_64-w64-windows-gnu", 0);
  expect("i686-pc-win32", 0);
  expect("x86_64-unknown-uefi", 0);
  expect("powerpc64-ibm-aix7.2.0.0", 0);
  expect("s390x-ibm-zos", 0);
  expect("wasm32-unknown-unknown", 0);
  expect("wasm64-unknown-emscripten", 0);
  expect("spirv64-unknown-unknown", 0);
  expect("dxil-pc-shadermodel6.3-library", 0);

  /* The environment's suffix names the format and wins. */
  expect("x86_64-pc-windows-elf", 1);
  expect("i686-pc-windows-msvc-elf", 1);
  expect("x86_64-apple-macosx-elf", 1);
  expect("thumbv7m-none-unknown-macho", 0);
  expect("x86_64-unknown-linux-coff", 0);
  expect("powerpc-unknown-unknown-xcoff", 0);

  /* Words in the vendor or environment that name no format. */
  expect("x86_64-apple-unknown", 1);
  expect("x86_64-pc-unknown-msvc", 1);
  expect("x86_64-windows", 1); /* "windows" in the vendor's place */
  return failures != 0;
}
