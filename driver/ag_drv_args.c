/* ag_drv_args.c - what a clang command line asks for: does it compile,
 * does it generate code, does it link (ag_drv.h). Only what decides the
 * driver's additions is read; every argument still goes to clang as given.
 */
#include "ag_drv.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Options whose value may be the next argument ("-o out", "-I dir"), so
 * that value is no input file. */
static const char *const ag_drv_separate[] = {
    "-o", "-x", "-I", "-D", "-U", "-include", "-imacros", "-isystem",
    "-idirafter", "-iquote", "-iprefix", "-iwithprefix",
    "-iwithprefixbefore", "-isysroot", "--sysroot", "-MF", "-MT", "-MQ",
    "-MJ", "-Xlinker", "-Xclang", "-Xpreprocessor", "-Xassembler", "-mllvm",
    "-L", "-l", "-target", "-arch", "-u", "-T", "-z", "-e", "-F", "-B",
    "--param", "-include-pch", "-serialize-diagnostics", "-resource-dir",
    "-dependency-file", "-dependency-dot", "-ccc-install-dir",
    "-working-directory", "-Xopenmp-target", "-Xcuda-ptxas", "-G",
    "-aux-triple", "-Xanalyzer", "--serialize-diagnostics",
};

/* Options after which clang stops before linking; `codegen` is 0 when
 * nothing is compiled to code either. */
static const struct {
  const char *flag;
  int codegen;
} ag_drv_stops[] = {
    {"-c", 1},  {"-S", 1},  {"-r", 1}, {"-E", 0}, {"-M", 0},
    {"-MM", 0}, {"-fsyntax-only", 0}, {"--precompile", 1},
    {"-emit-ast", 0},
};

/* Extensions of files clang compiles or preprocesses; any other file is
 * handed to the linker, as clang does. */
static const char *const ag_drv_source_ext[] = {
    "c", "i", "C", "cc", "cp", "cpp", "CPP", "c++", "cxx", "CXX", "ii",
    "m", "mi", "mm", "M", "mii", "h", "H", "hh", "hpp", "hxx", "inc",
    "s", "S", "sx", "ll", "bc", "cppm", "ixx", "cu", "cl",
};

static int ag_drv_in(const char *arg, const char *const *list, size_t n) {
  for (size_t i = 0; i < n; ++i)
    if (strcmp(arg, list[i]) == 0)
      return 1;
  return 0;
}
#define AG_DRV_IN(arg, list) ag_drv_in(arg, list, sizeof list / sizeof *list)

static int ag_drv_is_source(const char *file, const char *language) {
  if (language && strcmp(language, "none") != 0)
    return 1; /* -x c, -x c++-header, ...: every later input is that */
  const char *dot = strrchr(file, '.');
  const char *slash = strrchr(file, '/');
  if (!dot || (slash && dot < slash))
    return 0;
  return AG_DRV_IN(dot + 1, ag_drv_source_ext);
}

struct ag_drv_scan {
  struct ag_drv_invocation *out;
  const char *language; /* the last -x, or NULL */
  int only_inputs;      /* after "--" */
  int depth;            /* of @file nesting */
};

static void ag_drv_scan_args(struct ag_drv_scan *scan, int argc,
                             char **argv);

/* @FILE: clang reads more arguments from FILE (CMake and make write long
 * link lines so); its words count as if they were on the command line.
 * Tokenized as clang does on Linux: blanks separate, quotes and backslash
 * escape. An unreadable file is clang's to report. */
static void ag_drv_scan_file(struct ag_drv_scan *scan, const char *path) {
  FILE *file = fopen(path, "r");
  if (!file || scan->depth > 8) {
    if (file)
      fclose(file);
    return;
  }
  struct ag_drv_argv words = {0};
  size_t cap = 256, len = 0;
  char *word = ag_drv_xmalloc(cap);
  int c, quote = 0, in_word = 0;
  while ((c = fgetc(file)) != EOF) {
    if (!quote && (c == ' ' || c == '\t' || c == '\n' || c == '\r')) {
      if (in_word) {
        word[len] = '\0';
        ag_drv_push(&words, ag_drv_concat(word, "", ""));
        len = 0;
        in_word = 0;
      }
      continue;
    }
    in_word = 1;
    if (c == quote) {
      quote = 0;
      continue;
    }
    if (!quote && (c == '"' || c == '\'')) {
      quote = c;
      continue;
    }
    if (c == '\\' && quote != '\'') {
      int next = fgetc(file);
      if (next != EOF)
        c = next;
    }
    if (len + 2 > cap) {
      char *grown = ag_drv_xmalloc(cap *= 2);
      memcpy(grown, word, len);
      free(word);
      word = grown;
    }
    word[len++] = (char)c;
  }
  if (in_word) {
    word[len] = '\0';
    ag_drv_push(&words, ag_drv_concat(word, "", ""));
  }
  fclose(file);
  free(word);
  ++scan->depth;
  /* ag_drv_scan_args starts at index 1, as for a command line. */
  struct ag_drv_argv shifted = {0};
  ag_drv_push(&shifted, "");
  for (size_t i = 0; i < words.count; ++i)
    ag_drv_push(&shifted, words.items[i]);
  ag_drv_scan_args(scan, (int)shifted.count, (char **)shifted.items);
  --scan->depth;
}

static void ag_drv_scan_args(struct ag_drv_scan *scan, int argc,
                             char **argv) {
  struct ag_drv_invocation *out = scan->out;
  for (int i = 1; i < argc; ++i) {
    const char *arg = argv[i];
    if (!scan->only_inputs && arg[0] == '@' && arg[1]) {
      ag_drv_scan_file(scan, arg + 1);
      continue;
    }
    if (scan->only_inputs || arg[0] != '-' || strcmp(arg, "-") == 0) {
      ++out->inputs;
      /* stdin is compiled only when -x names its language */
      const char *language = scan->language;
      if (strcmp(arg, "-") == 0 ? language && strcmp(language, "none")
                                : ag_drv_is_source(arg, language))
        ++out->sources;
      continue;
    }
    if (strcmp(arg, "--") == 0) {
      scan->only_inputs = 1;
      continue;
    }
    if (strcmp(arg, "-x") == 0 && i + 1 < argc) {
      scan->language = argv[++i];
      continue;
    }
    if (strncmp(arg, "-x", 2) == 0) {
      scan->language = arg + 2;
      continue;
    }
    if (AG_DRV_IN(arg, ag_drv_separate)) {
      ++i; /* its value */
      continue;
    }
    for (size_t s = 0; s < sizeof ag_drv_stops / sizeof *ag_drv_stops; ++s)
      if (strcmp(arg, ag_drv_stops[s].flag) == 0) {
        out->no_link = 1;
        if (!ag_drv_stops[s].codegen)
          out->no_codegen = 1;
      }
    if (strcmp(arg, "-shared") == 0)
      out->shared = 1;
    if (strcmp(arg, "-nostdlib") == 0 || strcmp(arg, "-nodefaultlibs") == 0)
      out->no_libs = 1;
  }
}

void ag_drv_read_args(int argc, char **argv, struct ag_drv_invocation *out) {
  memset(out, 0, sizeof *out);
  struct ag_drv_scan scan = {out, NULL, 0, 0};
  ag_drv_scan_args(&scan, argc, argv);
}
