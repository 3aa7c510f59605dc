// RUN: rm -rf %t && mkdir -p %t
// RUN: %python -c "import shutil, sys; shutil.copy(sys.argv[1], sys.argv[2].encode() + b'/caf\xe9.c')" %s %t
// RUN: cd %t && %clang -g -O0 %agload -mllvm -allocguard-json=%t/out.json -c caf*.c -o /dev/null 2>/dev/null
// RUN: %python -c "import json, sys; r = json.load(open(sys.argv[1], encoding='utf-8')); print(r['source'])" %t/out.json | FileCheck %s
// Intent: the per-unit JSON report is valid UTF-8 JSON even when a file
// name is not UTF-8 (a Latin-1 'caf\xe9.c'): the byte is written as
// U+FFFD by the one JSON string writer the plugin shares with
// allocguard-report (common/ag_json_string.c), instead of raw, which
// json.load rejected.
// CHECK: caf{{.*}}.c
#include <stdlib.h>
__attribute__((annotate("alloc_free"))) void *grab(void) { return malloc(4); }
