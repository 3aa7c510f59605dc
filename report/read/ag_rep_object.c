/* ag_rep_object.c - summaries from objects via LLVM-C (ag_rep_object.h). */
#include "ag_rep_object.h"

#include "ag_rep_asm.h"
#include "ag_rep_summary.h"

#include <llvm-c/BitReader.h>
#include <llvm-c/Core.h>
#include <llvm-c/ErrorHandling.h>
#include <llvm-c/Object.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* The input being read, for the fatal error handler's message. */
static const char *ag_rep_object_current = "(no input)";

/* LLVM-C's section accessors report a corrupt section table as a fatal
 * error. The handler cannot return into LLVM, so it ends the tool the way
 * any other bad input does: one message, exit status 2. */
static void ag_rep_object_fatal(const char *reason) {
  int len = (int)strlen(reason);
  while (len && (reason[len - 1] == '\n' || reason[len - 1] == ' '))
    --len;
  fprintf(stderr, "allocguard-report: error: %s: corrupt object file: %.*s\n",
          ag_rep_object_current, len, reason);
  fflush(stderr);
  _exit(2);
}

void ag_rep_object_init(void) {
  LLVMInstallFatalErrorHandler(ag_rep_object_fatal);
}

int ag_rep_object_is_bitcode(const uint8_t *data, size_t size) {
  static const uint8_t raw[4] = {'B', 'C', 0xc0, 0xde};
  static const uint8_t wrapper[4] = {0xde, 0xc0, 0x17, 0x0b};
  return size >= 4 && (memcmp(data, raw, 4) == 0 ||
                       memcmp(data, wrapper, 4) == 0);
}

/* Bitcode reader errors arrive as diagnostics; keep the first. */
static void ag_rep_object_diag(LLVMDiagnosticInfoRef info, void *ctx) {
  char **first = ctx;
  if (!*first)
    *first = LLVMGetDiagInfoDescription(info);
}

static int ag_rep_object_bitcode(const char *name, LLVMMemoryBufferRef buf,
                                 ag_rep_section_cb cb, void *ctx,
                                 struct ag_rep_error *err) {
  LLVMContextRef llvm = LLVMContextCreate();
  char *diag = NULL;
  LLVMContextSetDiagnosticHandler(llvm, ag_rep_object_diag, &diag);
  LLVMModuleRef module = NULL;
  int status = 0;
  if (LLVMParseBitcodeInContext2(llvm, buf, &module)) {
    status = ag_rep_fail(err, "%s: cannot read LLVM bitcode with LLVM %d "
                         "(bitcode from a newer clang needs an "
                         "allocguard-report built for that LLVM): %s",
                         name, AG_LLVM_MAJOR, diag ? diag : "unknown error");
  } else {
    size_t len = 0;
    const char *text = LLVMGetModuleInlineAsm(module, &len);
    uint8_t *bytes = NULL;
    size_t size = 0;
    status = ag_rep_asm_extract(text, len, &bytes, &size, name, err);
    if (!status && bytes)
      status = cb(ctx, bytes, size, bytes, err);
    LLVMDisposeModule(module);
  }
  if (diag)
    LLVMDisposeMessage(diag);
  LLVMContextDispose(llvm);
  return status;
}

static int ag_rep_object_sections(const char *name, const uint8_t *data,
                                  size_t size, LLVMBinaryRef bin,
                                  ag_rep_section_cb cb, void *ctx,
                                  struct ag_rep_error *err) {
  LLVMSectionIteratorRef it = LLVMObjectFileCopySectionIterator(bin);
  int status = 0;
  for (; !status && !LLVMObjectFileIsSectionIteratorAtEnd(bin, it);
       LLVMMoveToNextSection(it)) {
    const char *section = LLVMGetSectionName(it);
    if (!section || strcmp(section, AG_SUMMARY_SECTION) != 0)
      continue;
    const uint8_t *bytes = (const uint8_t *)LLVMGetSectionContents(it);
    size_t n = (size_t)LLVMGetSectionSize(it);
    if (n == 0)
      continue;
    /* ELF contents point into our mapping; anything else (a decompressed
     * copy) dies with the binary, so keep a copy of it. */
    if (bytes >= data && n <= size && bytes <= data + size - n) {
      status = cb(ctx, bytes, n, NULL, err);
    } else {
      uint8_t *copy = ag_xmalloc(n);
      memcpy(copy, bytes, n);
      status = cb(ctx, copy, n, copy, err);
    }
  }
  LLVMDisposeSectionIterator(it);
  (void)name;
  return status;
}

int ag_rep_object_read(const char *name, const uint8_t *data, size_t size,
                       ag_rep_section_cb cb, void *ctx,
                       struct ag_rep_error *err) {
  ag_rep_object_current = name;
  LLVMMemoryBufferRef buf = LLVMCreateMemoryBufferWithMemoryRange(
      (const char *)data, size, name, 0);
  int status = 0;
  if (ag_rep_object_is_bitcode(data, size)) {
    status = ag_rep_object_bitcode(name, buf, cb, ctx, err);
  } else {
    char *message = NULL;
    LLVMContextRef llvm = LLVMContextCreate();
    LLVMBinaryRef bin = LLVMCreateBinary(buf, llvm, &message);
    if (!bin) {
      status = ag_rep_fail(err, "%s: not an object file, archive or summary "
                           "file: %s", name, message ? message : "unknown");
    } else {
      switch (LLVMBinaryGetType(bin)) {
      case LLVMBinaryTypeCOFF:
      case LLVMBinaryTypeELF32L:
      case LLVMBinaryTypeELF32B:
      case LLVMBinaryTypeELF64L:
      case LLVMBinaryTypeELF64B:
      case LLVMBinaryTypeMachO32L:
      case LLVMBinaryTypeMachO32B:
      case LLVMBinaryTypeMachO64L:
      case LLVMBinaryTypeMachO64B:
      case LLVMBinaryTypeWasm:
        status = ag_rep_object_sections(name, data, size, bin, cb, ctx, err);
        break;
      default: /* universal binaries, resources: no sections to walk */
        break;
      }
      LLVMDisposeBinary(bin);
    }
    if (message)
      LLVMDisposeMessage(message);
    LLVMContextDispose(llvm);
  }
  LLVMDisposeMemoryBuffer(buf);
  ag_rep_object_current = "(no input)";
  return status;
}
