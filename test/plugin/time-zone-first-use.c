// RUN: %clang -g -O0 %agload -mllvm -allocguard-caret=off -c %s -o /dev/null 2>&1 | FileCheck %s
// RUN: %clang -g -O2 %agload -mllvm -allocguard-caret=off -c %s -o /dev/null 2>&1 | FileCheck %s
// Converting to UTC allocates like converting to local time: glibc's
// gmtime, gmtime_r and timegm load the time zone (tzset) the first time
// any of them runs. libsndfile's psf_get_date_str calls gmtime_r below
// sf_open (seen by the real-code suite); localtime keeps its row.
#define _GNU_SOURCE
#include <allocguard.h>
#include <time.h>

ALLOCGUARD_ALLOC_FREE long root(time_t t, struct tm *tm) {
  long r = gmtime_r(&t, tm) != 0;
  // CHECK: time-zone-first-use.c:[[@LINE-1]]:12: warning: alloc_free function 'root' calls 'gmtime_r', which allocates (the first use loads the time zone (tzset) onto the heap) [-Wallocguard]
  r += gmtime(&t) != 0;
  // CHECK-NEXT: time-zone-first-use.c:[[@LINE-1]]:8: warning: {{.*}} calls 'gmtime', which allocates
  r += (long)timegm(tm);
  // CHECK-NEXT: time-zone-first-use.c:[[@LINE-1]]:14: warning: {{.*}} calls 'timegm', which allocates
  r += localtime_r(&t, tm) != 0;
  // CHECK-NEXT: time-zone-first-use.c:[[@LINE-1]]:8: warning: {{.*}} calls 'localtime_r', which allocates
  r += (long)difftime(t, 0);
  return r + (long)time(0);
}
// CHECK-NOT: warning
