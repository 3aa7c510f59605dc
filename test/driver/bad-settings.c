// RUN: not %agclang --allocguard-severity=fatal -c %s -o /dev/null 2>&1 | FileCheck %s --check-prefix=BADVALUE
// RUN: sh -c '%agclang --allocguard-severity=fatal -c %s -o /dev/null 2>/dev/null; test $? = 2'
// RUN: not env ALLOCGUARD_SEVERITY=fatal %agclang -c %s -o /dev/null 2>&1 | FileCheck %s --check-prefix=BADENV
// RUN: not %agclang --allocguard-sevirity=error -c %s -o /dev/null 2>&1 | FileCheck %s --check-prefix=UNKNOWN
// RUN: not env ALLOCGUARD_ROOT=main %agclang -c %s -o /dev/null 2>&1 | FileCheck %s --check-prefix=UNKNOWNENV
// RUN: not %agclang --allocguard-roots -c %s -o /dev/null 2>&1 | FileCheck %s --check-prefix=NOVALUE
// RUN: not %agclang -mllvm -allocguard-unknown=loud -c %s -o /dev/null 2>&1 | FileCheck %s --check-prefix=MLLVM
// RUN: env ALLOCGUARD_SEVERITY= ALLOCGUARD_OPTIONS=mode=log %agclang -c %s -o /dev/null
// RUN: %agclang --allocguard-help | FileCheck %s --check-prefix=HELP
// Intent: a bad setting stops allocguard-clang before clang runs, with
// exit status 2 and a message naming the setting, what is wrong and the
// fix; an empty variable is unset, and the runtime's ALLOCGUARD_OPTIONS is
// no driver setting. --allocguard-help lists every option of the plugin's
// table (plugin/ag_options.def) with its variable.
void f(void) {}
// BADVALUE: allocguard-clang: error: invalid value 'fatal' for --allocguard-severity (valid: warning, error; default warning)
// BADVALUE-NEXT: allocguard-clang: 'allocguard-clang --allocguard-help' lists the settings
// BADENV: allocguard-clang: error: invalid value 'fatal' for ALLOCGUARD_SEVERITY (valid: warning, error; default warning)
// UNKNOWN: allocguard-clang: error: unknown option '--allocguard-sevirity'; the options are: --allocguard-roots {{.*}} --allocguard-severity
// UNKNOWNENV: allocguard-clang: error: unknown setting ALLOCGUARD_ROOT in the environment; unset it, or name one of: ALLOCGUARD_ROOTS ALLOCGUARD_ROOTS_FILE
// NOVALUE: allocguard-clang: error: '--allocguard-roots' needs a value: --allocguard-roots=a,b
// MLLVM: allocguard-clang: error: invalid value 'loud' for -allocguard-unknown (valid: report, ignore, error; default report)
// HELP: usage: allocguard-clang
// HELP: --allocguard-roots=a,b  (ALLOCGUARD_ROOTS)
// HELP: --allocguard-roots-file=PATH  (ALLOCGUARD_ROOTS_FILE)
// HELP: --allocguard-severity=warning, error  (ALLOCGUARD_SEVERITY)
// HELP-NEXT: warning (default) or error (fails the compile)
// HELP: --allocguard-summary=embed, off  (ALLOCGUARD_SUMMARY)
// HELP: --allocguard-color=auto, always, never  (ALLOCGUARD_COLOR)
