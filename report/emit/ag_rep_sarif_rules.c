/* ag_rep_sarif_rules.c - SARIF's rules: one per finding kind that code
 * scanning shows as an alert type, with the help it shows beside each
 * alert and a helpUri into docs/rules.md of the same release
 * (AG_REP_DOCS_URL, set by CMake's ALLOCGUARD_DOCS_URL). */
#include "ag_rep_sarif.h"

#include <stdlib.h>

#ifndef AG_REP_DOCS_URL
#error "AG_REP_DOCS_URL: the build sets it (ALLOCGUARD_DOCS_URL)"
#endif

/* Rule metadata, indexed by ag_rep_sarif_rule_of(kind). */
static const struct ag_rep_sarif_rule ag_rep_sarif_rules[AG_REP_SARIF_RULES] = {
    {"AG1001", "AllocationInAllocFreeFunction", "warning", "ag1001",
     "An alloc_free function can reach an allocation.",
     "A function marked alloc_free (ALLOCGUARD_ALLOC_FREE, or named as a "
     "root) must never allocate, but a chain of calls from it reaches a "
     "function that allocates heap memory (malloc, operator new, strdup, a "
     "user allocator...). The path shows each call, across translation "
     "units.",
     "Move the allocation out of the real-time path: allocate up front, use "
     "a preallocated pool or a fixed-size buffer, or defer the work to a "
     "non-real-time thread. If the path can never run in real time, "
     "suppress it with a justification (callee:NAME, root:NAME or "
     "path:A>B in a --suppressions file)."},
    {"AG1002", "DeallocationInAllocFreeFunction", "warning", "ag1002",
     "An alloc_free function can reach a deallocation.",
     "A function marked alloc_free reaches a function that frees heap "
     "memory (free, operator delete...). Deallocation takes allocator locks "
     "and can take unbounded time, so it is as unsafe in real-time code as "
     "allocation.",
     "Hand the memory to a non-real-time thread to free, or keep it alive "
     "(a pool that recycles blocks). Run allocguard-report with "
     "--no-dealloc if deallocation is acceptable in your program."},
    {"AG1003", "UnknownCallInAllocFreeFunction", "note", "ag1003",
     "An alloc_free function makes a call allocguard cannot follow.",
     "A function reached from an alloc_free function calls through a "
     "function pointer or a virtual function, or calls an external function "
     "that no input defines and the knowledge base does not know. "
     "allocguard cannot tell whether it allocates.",
     "Check the possible targets by hand, add the library's objects or "
     "summaries to the inputs, or describe the function in a knowledge-base "
     "file (-allocguard-kb). Unknown calls never fail the gate."},
};

unsigned ag_rep_sarif_rule_of(unsigned kind) {
  return kind == AG_REP_FIND_ALLOC ? 0 : kind == AG_REP_FIND_DEALLOC ? 1 : 2;
}

const struct ag_rep_sarif_rule *ag_rep_sarif_rule(unsigned index) {
  return &ag_rep_sarif_rules[index < AG_REP_SARIF_RULES ? index : 0];
}

static void ag_rep_sarif_rule_text(struct ag_rep_out *o, const char *key,
                                   const char *text) {
  ag_rep_printf(o, "\"%s\": {\"text\": ", key);
  ag_rep_json_string(o, text);
  ag_rep_put(o, "}");
}

void ag_rep_sarif_driver(struct ag_rep_out *o,
                         const struct ag_rep_report *rep) {
  ag_rep_put(o, "      \"tool\": {\"driver\": {\"name\": \"" AG_REP_TOOL
                "\", \"semanticVersion\": ");
  ag_rep_json_string(o, rep->version);
  ag_rep_put(o, ",\n        \"informationUri\": \"" AG_REP_DOCS_URL
                "/report.md\", \"rules\": [");
  for (unsigned i = 0; i < AG_REP_SARIF_RULES; ++i) {
    const struct ag_rep_sarif_rule *r = &ag_rep_sarif_rules[i];
    ag_rep_printf(o, "%s\n        {\"id\": \"%s\", \"name\": \"%s\",\n"
                  "         \"helpUri\": \"" AG_REP_DOCS_URL "/rules.md#%s\",\n"
                  "         ", i ? "," : "", r->id, r->name, r->anchor);
    ag_rep_sarif_rule_text(o, "shortDescription", r->short_text);
    ag_rep_put(o, ",\n         ");
    ag_rep_sarif_rule_text(o, "fullDescription", r->full_text);
    ag_rep_put(o, ",\n         \"help\": {\"text\": ");
    ag_rep_json_string(o, r->help);
    /* The markdown help ends with a link to the rule's page. */
    char *md = ag_xasprintf("%s\n\nSee [%s](" AG_REP_DOCS_URL
                            "/rules.md#%s) in the allocguard "
                            "documentation.", r->help, r->id, r->anchor);
    ag_rep_put(o, ", \"markdown\": ");
    ag_rep_json_string(o, md);
    free(md);
    ag_rep_printf(o, "},\n         \"defaultConfiguration\": {\"level\": "
                  "\"%s\"}, \"properties\": {\"tags\": [\"real-time\", "
                  "\"allocation\"]}}", r->level);
  }
  ag_rep_put(o, "\n      ]}},\n");
}
