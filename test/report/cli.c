// RUN: rm -rf %t && mkdir -p %t && cd %t
// RUN: cd %S && %clang -g %agload -c cli.c -o %t/c.o 2>/dev/null && cd %t
// RUN: %agreport --help | FileCheck --check-prefix=HELP %s
// RUN: %agreport --version | FileCheck --check-prefix=VERSION %s
// RUN: sh -c '%agreport --frobnicate c.o; echo "exit status $?"' 2>&1 | FileCheck --check-prefix=UNKNOWN %s
// RUN: sh -c '%agreport --format=html c.o; echo "exit status $?"' 2>&1 | FileCheck --check-prefix=FORMAT %s
// RUN: sh -c '%agreport c.o --sarif; echo "exit status $?"' 2>&1 | FileCheck --check-prefix=VALUE %s
// RUN: sh -c '%agreport --no-dealloc=yes c.o; echo "exit status $?"' 2>&1 | FileCheck --check-prefix=NOVALUE %s
// RUN: sh -c '%agreport --fail-on=sometimes c.o; echo "exit status $?"' 2>&1 | FileCheck --check-prefix=FAILON %s
// RUN: sh -c '%agreport; echo "exit status $?"' 2>&1 | FileCheck --check-prefix=NOINPUT %s
// RUN: sh -c '%agreport -o %t/no/such/dir/r.txt c.o; echo "exit status $?"' 2>&1 | FileCheck --check-prefix=NOWRITE %s
//
// Gating and filters; -o, @FILE, "--format VALUE", the default source root:
// RUN: sh -c '%agreport --fail-on=none c.o > /dev/null; echo "exit status $?"' | FileCheck --check-prefix=EXIT0 %s
// RUN: sh -c '%agreport --no-dealloc --no-unknown --format text -o r.txt c.o; echo "exit status $?"' | FileCheck --check-prefix=EXIT1 %s
// RUN: FileCheck --check-prefix=FILTERED %s < r.txt
// RUN: printf -- '--source-root=%S\n--no-dealloc\nc.o\n' > args.rsp
// RUN: not %agreport @args.rsp | FileCheck --check-prefix=RSP %s
// RUN: cd %S && not %agreport %t/c.o | FileCheck --check-prefix=CWD %s
// Intent: the command line: --help documents options and exit statuses,
// bad usage exits 2 with one clear message, --fail-on=none never fails,
// --no-dealloc and --no-unknown filter, -o writes a file, @FILE reads
// arguments, and paths are relative to the current directory by default.
#include <allocguard.h>
#include <stdlib.h>

ALLOCGUARD_ALLOC_FREE void tick(void (*cb)(void)) {
  free(malloc(8));
  cb();
}

// HELP: usage: allocguard-report [options] FILE...
// HELP: --format=FMT {{.*}}text (default), json, sarif, markdown, dot
// HELP: --fail-on=WHEN
// HELP: --baseline=FILE
// HELP: --write-baseline=FILE
// HELP: --suppressions=FILE
// HELP: exit status:
// HELP-NEXT: 0 no finding that fails the gate (--fail-on)
// HELP-NEXT: 1 findings fail the gate
// HELP-NEXT: 2 bad usage or bad input
// VERSION: allocguard-report {{[0-9]+\.[0-9]+\.[0-9]+}} (LLVM {{[0-9]+}})

// UNKNOWN: allocguard-report: error: unknown option '--frobnicate' (see --help)
// UNKNOWN-NEXT: exit status 2
// FORMAT: allocguard-report: error: unknown --format 'html' (text, json, sarif, markdown or dot)
// FORMAT-NEXT: exit status 2
// VALUE: allocguard-report: error: option '--sarif' needs a value (--sarif=FILE)
// VALUE-NEXT: exit status 2
// NOVALUE: allocguard-report: error: option '--no-dealloc' takes no value
// NOVALUE-NEXT: exit status 2
// FAILON: allocguard-report: error: unknown --fail-on 'sometimes' (any, new or none)
// FAILON-NEXT: exit status 2
// NOINPUT: allocguard-report: error: no input files
// NOINPUT-NEXT: exit status 2
// NOWRITE: allocguard-report: error: {{.*}}/no/such/dir/r.txt: cannot write: No such file or directory
// NOWRITE-NEXT: exit status 2

// EXIT0: exit status 0
// EXIT1: exit status 1
// FILTERED: cli.c:28:8: warning: alloc_free function 'tick' calls 'malloc', which allocates [-Wallocguard]
// FILTERED-NEXT: allocguard-report: 1 alloc_free root, 1 reaches the heap: 1 allocation
// RSP: {{^}}cli.c:28:8: warning: alloc_free function 'tick' calls 'malloc'
// RSP-NOT: free
// RSP: cli.c:29:3: warning: alloc_free function 'tick' makes an indirect call that allocguard cannot follow (no function of type 'void ()' has its address taken in any input) [-Wallocguard-unknown]
// CWD: {{^}}cli.c:28:8: warning: alloc_free function 'tick' calls 'malloc'
// CWD-NEXT: {{^}}cli.c:28:3: warning: alloc_free function 'tick' calls 'free', which deallocates [-Wallocguard-dealloc]
