/* ag_json.h - the per-translation-unit JSON report.
 *
 * Schema "allocguard-tu-report", version 1, documented in
 * docs/tu-report-schema.md. Later tools read it; bump the version on any
 * incompatible change.
 */
#ifndef ALLOCGUARD_AG_JSON_H
#define ALLOCGUARD_AG_JSON_H

#include "ag_analysis.h"

#define AG_TU_REPORT_SCHEMA "allocguard-tu-report"
#define AG_TU_REPORT_VERSION 1

/* Writes the report to `path` (a file, or a directory ending in '/' or
 * existing, which gets <source>.allocguard.json). Returns NULL, or a heap
 * message naming the path and the problem. */
char *ag_json_write(const char *path, const struct ag_graph *graph,
                    const struct ag_config *config,
                    const struct ag_findings *findings);

#endif /* ALLOCGUARD_AG_JSON_H */
