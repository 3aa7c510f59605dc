/* ag_rep_names.c - matching user-written names (ag_rep_names.h). */
#include "ag_rep_names.h"

#include "ag_name_match.h"

#include <stdio.h>
#include <stdlib.h>

int ag_rep_name_matches(const char *pattern, const char *symbol,
                        const char *display) {
  int hit = ag_name_match(pattern, symbol, display);
  if (hit < 0) { /* as ag_rep_util.h does on running out */
    fputs("allocguard-report: error: out of memory\n", stderr);
    exit(2);
  }
  return hit;
}
