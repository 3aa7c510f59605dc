// RUN: rm -rf %t && mkdir -p %t && cd %t
// RUN: %python %S/Inputs/make_summary.py %S/code-scanning.c two.sum SPEC
// RUN: %agreport --source-root=/src --fail-on=none --sarif=fits.sarif --sarif-max-gzip=200000 two.sum 2> fits.err
// RUN: FileCheck --check-prefix=FITS %s < fits.sarif
// RUN: count 0 < fits.err
// RUN: sh -c '%agreport --source-root=/src --sarif=none.sarif --sarif-max-gzip=1000 two.sum > /dev/null; echo "exit status $?"' 2> none.err | FileCheck --check-prefix=EXIT1 %s
// RUN: FileCheck --check-prefix=NONE-ERR %s < none.err
// RUN: FileCheck --check-prefix=NONE %s < none.sarif
// Intent: with --sarif-max-gzip the SARIF stops taking results before its
// gzip-compressed size could pass the limit (deflate's held-back bytes
// counted as if they were out), says what it left out, and keeps the
// exit status; a limit the whole log fits under changes nothing.

// FITS: "properties": {"results": 3, "resultsWritten": 3}

// EXIT1: exit status 1
// NONE-ERR: allocguard-report: warning: 3 of 3 results left out of this SARIF file (1 allocation, 1 deallocation and 1 unknown-call sites): --sarif-max-gzip=1000 (the file would be larger than that gzip-compressed; code scanning accepts 10 MB).
// NONE: "results": [],
// NONE: "toolExecutionNotifications": [
// NONE-NEXT: {"level": "warning", "message": {"text": "3 of 3 results left out{{.*}}--sarif-max-gzip=1000{{.*}}"}}]}],
// NONE-NEXT: "properties": {"results": 3, "resultsWritten": 0}
