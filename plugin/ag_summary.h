/* ag_summary.h - the translation unit's summary for whole-program reports.
 *
 * Encodes the call graph and what resolves its indirect calls
 * (docs/summary-format.md; constants in common/ag_summary_format.h) and embeds it
 * in the object file's .allocguard.summary section, or writes it to a side
 * file.
 */
#ifndef ALLOCGUARD_AG_SUMMARY_H
#define ALLOCGUARD_AG_SUMMARY_H

#include "ag_graph.h"

#include <stddef.h>

/* A heap buffer holding one encoded record; the caller frees `bytes`. */
struct ag_summary_record {
  unsigned char *bytes;
  size_t size;
};

/* `kb` classifies recorded declarations for the reader (may be NULL). */
void ag_summary_encode(const struct ag_graph *graph, const struct ag_kb *kb,
                       struct ag_summary_record *out);

/* The unit's name in summaries and in static: keys: its path as debug
 * info gives it (after -ffile-prefix-map), else the base name. */
const char *ag_summary_unit_name(const struct ag_graph *graph);

/* Embeds the record as module assembly (ELF targets; returns 0 elsewhere).
 */
int ag_summary_embed(LLVMModuleRef module,
                     const struct ag_summary_record *record);

/* Writes the record to `path` (a file, or a directory that gets
 * <source>.allocguard.sum). Returns NULL or a heap message. */
char *ag_summary_write_file(const char *path, const char *source,
                            const struct ag_summary_record *record);

#endif /* ALLOCGUARD_AG_SUMMARY_H */
