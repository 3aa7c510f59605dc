/* ag_diag.c - clang-style text diagnostics (ag_diag.h). */
#include "ag_diag.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "ag_source.h"

/* Diagnostic flag and wording per kind of finding, in one table. */
struct ag_kind_text {
  const char *flag;       /* shown as [-W<flag>] */
  const char *does;       /* "allocates": ends a hop to a known callee */
  const char *may;        /* header wording when the site is deeper */
  int gates;              /* promoted to an error by -allocguard-severity */
};

static struct ag_kind_text ag_text_for(enum ag_call_kind kind) {
  switch (kind) {
  case AG_CALL_ALLOC:
    return (struct ag_kind_text){"allocguard", "which allocates",
                                 "may allocate", 1};
  case AG_CALL_DEALLOC:
    return (struct ag_kind_text){"allocguard-dealloc", "which deallocates",
                                 "may deallocate", 1};
  case AG_CALL_EXTERNAL:
    return (struct ag_kind_text){
        "allocguard-unknown",
        "which allocguard cannot see into (not defined in this translation "
        "unit and not in its knowledge base)",
        "may reach a function allocguard cannot see into", 0};
  case AG_CALL_INDIRECT:
    return (struct ag_kind_text){"allocguard-unknown", NULL,
                                 "may reach an indirect call allocguard "
                                 "cannot follow", 0};
  case AG_CALL_VIRTUAL:
    return (struct ag_kind_text){"allocguard-unknown", NULL,
                                 "may reach a virtual call allocguard "
                                 "cannot follow", 0};
  case AG_CALL_DEFINED:
  case AG_CALL_IGNORED:
    break;
  }
  return (struct ag_kind_text){"allocguard", "", "", 0};
}

/* Where the compile runs, to show paths below it relative to it. */
struct ag_where {
  char cwd[4096]; /* "" when unknown */
  size_t cwd_len;
  int show_caret;
  int color; /* clang's colours: stderr is a terminal, or asked for */
  struct ag_source_cache sources;
};

/* clang's diagnostic colours (TextDiagnostic.cpp). */
#define AG_BOLD "\033[1m"
#define AG_RESET "\033[0m"
#define AG_WARNING_COLOR "\033[0;1;35m"
#define AG_ERROR_COLOR "\033[0;1;31m"
#define AG_NOTE_COLOR "\033[0;1;30m"

static void ag_paint(FILE *out, const struct ag_where *where,
                     const char *code) {
  if (where->color)
    fputs(code, out);
}

/* "warning: " / "error: " / "note: " in its colour; warning and error
 * messages are bold, notes plain, as clang prints them. */
static void ag_print_level(FILE *out, const struct ag_where *where,
                           const char *level) {
  int note = strcmp(level, "note") == 0;
  ag_paint(out, where,
           note ? AG_NOTE_COLOR
                : strcmp(level, "error") == 0 ? AG_ERROR_COLOR
                                              : AG_WARNING_COLOR);
  fprintf(out, "%s: ", level);
  ag_paint(out, where, note ? AG_RESET : AG_RESET AG_BOLD);
}

static void ag_end_line(FILE *out, const struct ag_where *where) {
  ag_paint(out, where, AG_RESET);
  fputc('\n', out);
}

/* A location's file as a user can open it from the compile's directory:
 * the path joined with its compile directory (debug info's own name may be
 * relative to some other directory), relative when it lies below the
 * working directory, as clang shows a file named relative to it. */
static const char *ag_shown_file(const struct ag_where *where,
                                 const struct ag_loc *loc) {
  const char *path = loc->path ? loc->path : loc->file;
  if (where->cwd_len && strncmp(path, where->cwd, where->cwd_len) == 0 &&
      path[where->cwd_len] == '/')
    return path + where->cwd_len + 1;
  return path;
}

static void ag_print_loc(FILE *out, const struct ag_graph *graph,
                         const struct ag_where *where,
                         const struct ag_loc *loc) {
  ag_paint(out, where, AG_BOLD);
  if (loc->file)
    fprintf(out, "%s:%u:%u: ", ag_shown_file(where, loc), loc->line,
            loc->column);
  else
    fprintf(out, "%s: ", graph->source_file);
}

static const char *ag_callee_name(const struct ag_graph *graph,
                                  const struct ag_call *call) {
  return call->callee >= 0 ? graph->funcs[call->callee].display : "?";
}

/* "calls 'malloc', which allocates (why)" or "makes an indirect call". */
static void ag_print_last_hop(FILE *out, const struct ag_graph *graph,
                              const struct ag_call *site) {
  struct ag_kind_text text = ag_text_for(site->kind);
  if (site->kind == AG_CALL_INDIRECT)
    fputs("makes an indirect call that allocguard cannot follow", out);
  else if (site->kind == AG_CALL_VIRTUAL)
    fputs("makes a virtual call that allocguard cannot follow", out);
  else
    fprintf(out, "calls '%s', %s", ag_callee_name(graph, site), text.does);
  if (site->kb && site->kb->why[0])
    fprintf(out, " (%s)", site->kb->why);
}

/* The source line and caret under a diagnostic at `loc`. */
static void ag_print_snippet(FILE *out, struct ag_where *where,
                             const struct ag_loc *loc) {
  if (loc->file && where->show_caret)
    ag_source_print_snippet(out, &where->sources, loc->path, loc->line,
                            loc->column, where->color);
}

static int ag_print_finding(FILE *out, const struct ag_graph *graph,
                            const struct ag_config *config,
                            struct ag_where *where,
                            const struct ag_finding *finding) {
  const struct ag_call *first = &graph->calls[finding->path[0]];
  const struct ag_call *site = ag_finding_site(graph, finding);
  struct ag_kind_text text = ag_text_for(site->kind);
  int as_error = text.gates && config->severity == AG_SEVERITY_ERROR;
  const char *root = graph->funcs[finding->root].display;

  ag_print_loc(out, graph, where, &first->loc);
  ag_print_level(out, where, as_error ? "error" : "warning");
  fprintf(out, "alloc_free function '%s' ", root);
  if (finding->path_len == 1)
    ag_print_last_hop(out, graph, site);
  else if (site->callee >= 0)
    fprintf(out, "%s: call to '%s' reaches '%s'", text.may,
            ag_callee_name(graph, first), ag_callee_name(graph, site));
  else
    fprintf(out, "%s: call to '%s' leads there", text.may,
            ag_callee_name(graph, first));
  fprintf(out, " [-%s%s]", as_error ? "Werror,-W" : "W", text.flag);
  ag_end_line(out, where);
  ag_print_snippet(out, where, &first->loc);

  for (size_t i = 1; i < finding->path_len; ++i) {
    const struct ag_call *hop = &graph->calls[finding->path[i]];
    ag_print_loc(out, graph, where, &hop->loc);
    ag_print_level(out, where, "note");
    fprintf(out, "'%s' ", graph->funcs[hop->caller].display);
    if (i + 1 < finding->path_len)
      fprintf(out, "calls '%s'", ag_callee_name(graph, hop));
    else
      ag_print_last_hop(out, graph, hop);
    ag_end_line(out, where);
    ag_print_snippet(out, where, &hop->loc);
  }
  return as_error;
}

size_t ag_diag_print(FILE *out, const struct ag_graph *graph,
                     const struct ag_config *config,
                     const struct ag_findings *findings) {
  size_t errors = 0;
  struct ag_where where = {0};
  if (getcwd(where.cwd, sizeof(where.cwd)))
    where.cwd_len = strlen(where.cwd);
  else
    where.cwd[0] = '\0';
  where.show_caret = config->show_caret;
  where.color = config->color == AG_COLOR_ALWAYS ||
                (config->color == AG_COLOR_AUTO && isatty(fileno(out)) &&
                 getenv("TERM") && strcmp(getenv("TERM"), "dumb") != 0);
  for (size_t i = 0; i < findings->count; ++i)
    errors += (size_t)ag_print_finding(out, graph, config, &where,
                                       &findings->items[i]);
  ag_source_cache_free(&where.sources);
  if (findings->count && !graph->has_debug_info) {
    ag_paint(out, &where, AG_BOLD);
    fprintf(out, "%s: ", graph->source_file);
    ag_print_level(out, &where, "note");
    fputs("allocguard: no debug information; compile with -g "
          "(or -gline-tables-only) to get file:line:col for each call",
          out);
    ag_end_line(out, &where);
  }
  fflush(out);
  return errors;
}
