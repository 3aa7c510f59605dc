// RUN: not %clang %agload -mllvm -allocguard-severity=fatal -c %s -o /dev/null 2>&1 | FileCheck --check-prefix=SEVERITY %s
// RUN: not %clang %agload -mllvm -allocguard-dealloc=maybe -c %s -o /dev/null 2>&1 | FileCheck --check-prefix=DEALLOC %s
// RUN: not %clang %agload -mllvm -allocguard-unknown=loud -c %s -o /dev/null 2>&1 | FileCheck --check-prefix=UNKNOWN %s
// RUN: not %clang %agload -mllvm -allocguard-instrument=yes -c %s -o /dev/null 2>&1 | FileCheck --check-prefix=INSTRUMENT %s
// RUN: not %clang %agload -mllvm -allocguard-kb=%t.nofile -c %s -o /dev/null 2>&1 | FileCheck --check-prefix=KBMISSING %s
// RUN: printf 'my_alloc allocates\nbroken_line\n' > %t.kb
// RUN: not %clang %agload -mllvm -allocguard-kb=%t.kb -c %s -o /dev/null 2>&1 | FileCheck --check-prefix=KBSYNTAX %s
// RUN: printf 'my_alloc sometimes\n' > %t.kb2
// RUN: not %clang %agload -mllvm -allocguard-kb=%t.kb2 -c %s -o /dev/null 2>&1 | FileCheck --check-prefix=KBEFFECT %s
// A bad option value fails the compile with a message naming the option,
// the bad value and the valid ones; never silence or a crash.
void f(void) {}
// SEVERITY: error: allocguard: invalid value 'fatal' for -allocguard-severity (valid: warning, error)
// DEALLOC: error: allocguard: invalid value 'maybe' for -allocguard-dealloc (valid: report, ignore)
// UNKNOWN: error: allocguard: invalid value 'loud' for -allocguard-unknown (valid: report, ignore, error)
// INSTRUMENT: error: allocguard: invalid value 'yes' for -allocguard-instrument (valid: all, roots, off)
// KBMISSING: error: allocguard: cannot read -allocguard-kb file '{{.*}}.nofile': No such file or directory
// KBSYNTAX: error: allocguard: {{.*}}.kb:2: expected '<symbol> <effect> [why]', effect one of allocates, deallocates, alloc_free, terminates
// KBEFFECT: error: allocguard: {{.*}}.kb2:1: unknown effect 'sometimes' (valid: allocates, deallocates, alloc_free, terminates)
// CHECK-NOT: PLEASE submit a bug report
