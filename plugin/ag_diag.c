/* ag_diag.c - clang-style text diagnostics (ag_diag.h). */
#include "ag_diag.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "ag_icall.h"
#include "ag_source.h"

/* Diagnostic flag and wording per kind of finding, from the table
 * allocguard-report shares (common/ag_finding_kinds.def). */
struct ag_kind_text {
  const char *flag;       /* shown as [-W<flag>] */
  const char *does;       /* "which allocates": ends the last hop */
  const char *may;        /* header wording when the site is deeper */
  int gates;              /* promoted to an error by -allocguard-severity */
};

#define AG_FINDING_SCOPE "this translation unit"
#define AG_FINDING_KIND(id, name, flag, does, may, gates)                      \
  [AG_CALL_##id] = {flag, does, may, gates},
static const struct ag_kind_text ag_kind_texts[] = {
#include "ag_finding_kinds.def"
};
#undef AG_FINDING_KIND
#undef AG_FINDING_SCOPE

static struct ag_kind_text ag_text_for(enum ag_call_kind kind) {
  if ((size_t)kind < sizeof ag_kind_texts / sizeof *ag_kind_texts &&
      ag_kind_texts[kind].flag)
    return ag_kind_texts[kind];
  return (struct ag_kind_text){"allocguard", "", "", 0}; /* not a finding */
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
                                  const struct ag_hop *hop) {
  return hop->callee >= 0 ? graph->funcs[hop->callee].display : "?";
}

/* " through 'z_stream.zalloc'" after a hop that followed a function
 * pointer or a vtable to one of its candidates; "" otherwise. */
static void ag_print_through(FILE *out, const struct ag_graph *graph,
                             const struct ag_hop *hop) {
  if (!graph->icall || !ag_hop_is_resolved(graph, hop))
    return;
  char *how = ag_icall_how_text(graph->icall, hop->call);
  if (how)
    fprintf(out, " %s", how);
  free(how);
}

/* "calls 'malloc', which allocates (why)" or "makes an indirect call ...
 * (why it has no candidate)". */
static void ag_print_last_hop(FILE *out, const struct ag_graph *graph,
                              const struct ag_hop *site) {
  struct ag_kind_text text = ag_text_for(site->kind);
  if (site->kind == AG_CALL_INDIRECT || site->kind == AG_CALL_VIRTUAL) {
    fputs(text.does, out);
    char *why = graph->icall ? ag_icall_how_text(graph->icall, site->call)
                             : NULL;
    if (why)
      fprintf(out, " (%s)", why);
    free(why);
    return;
  }
  fprintf(out, "calls '%s'", ag_callee_name(graph, site));
  ag_print_through(out, graph, site);
  fprintf(out, ", %s", text.does);
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

/* One note per hop of `finding` from index `from` on. */
static void ag_print_hops(FILE *out, const struct ag_graph *graph,
                          struct ag_where *where,
                          const struct ag_finding *finding, size_t from) {
  for (size_t i = from; i < finding->path_len; ++i) {
    const struct ag_hop *hop = &finding->path[i];
    const struct ag_call *call = &graph->calls[hop->call];
    ag_print_loc(out, graph, where, &call->loc);
    ag_print_level(out, where, "note");
    fprintf(out, "'%s' ", graph->funcs[call->caller].display);
    if (i + 1 < finding->path_len) {
      fprintf(out, "calls '%s'", ag_callee_name(graph, hop));
      ag_print_through(out, graph, hop);
    } else {
      ag_print_last_hop(out, graph, hop);
    }
    ag_end_line(out, where);
    ag_print_snippet(out, where, &call->loc);
  }
}

/* The findings one diagnostic is about: one, or, for calls allocguard
 * cannot follow, every such finding reached through one call in the root
 * (and at one location), so a root with 160 unknown calls behind a single
 * call prints one warning. */
struct ag_group {
  size_t *items; /* finding indices, in finding order */
  size_t count, cap;
};

#define AG_GROUP_SHOWN 3 /* findings of a group shown with their path */

static int ag_print_group(FILE *out, const struct ag_graph *graph,
                          const struct ag_config *config,
                          struct ag_where *where,
                          const struct ag_findings *findings,
                          const struct ag_group *group) {
  const struct ag_finding *finding = &findings->items[group->items[0]];
  const struct ag_hop *first = &finding->path[0];
  const struct ag_call *first_call = &graph->calls[first->call];
  const struct ag_hop *site = ag_finding_site(finding);
  struct ag_kind_text text = ag_text_for(site->kind);
  int as_error = text.gates ? config->severity == AG_SEVERITY_ERROR
                            : config->unknown_error;
  const char *root = graph->funcs[finding->root].display;

  ag_print_loc(out, graph, where, &first_call->loc);
  ag_print_level(out, where, as_error ? "error" : "warning");
  fprintf(out, "alloc_free function '%s' ", root);
  if (group->count > 1) {
    fprintf(out, "may reach %zu calls allocguard cannot follow: ",
            group->count);
    if (first->callee >= 0 && finding->path_len > 1)
      fprintf(out, "call to '%s' leads there", ag_callee_name(graph, first));
    else
      fputs("this call leads there", out);
  } else if (finding->path_len == 1) {
    ag_print_last_hop(out, graph, site);
  } else {
    fprintf(out, "%s: call to '%s'", text.may, ag_callee_name(graph, first));
    ag_print_through(out, graph, first);
    if (site->callee >= 0 && site->kind != AG_CALL_INDIRECT &&
        site->kind != AG_CALL_VIRTUAL)
      fprintf(out, " reaches '%s'", ag_callee_name(graph, site));
    else
      fputs(" leads there", out);
  }
  fprintf(out, " [-%s%s]", as_error ? "Werror,-W" : "W", text.flag);
  ag_end_line(out, where);
  ag_print_snippet(out, where, &first_call->loc);

  size_t shown = group->count < AG_GROUP_SHOWN ? group->count : AG_GROUP_SHOWN;
  for (size_t g = 0; g < shown; ++g) {
    const struct ag_finding *item = &findings->items[group->items[g]];
    /* The first finding's path from the root; the others' only where
     * they differ from it. */
    size_t from = 1;
    if (g)
      while (from < item->path_len && from < finding->path_len &&
             item->path[from].call == finding->path[from].call &&
             item->path[from].callee == finding->path[from].callee)
        ++from;
    if (group->count > 1 && from >= item->path_len)
      from = item->path_len - 1; /* at least the call it is about */
    ag_print_hops(out, graph, where, item, from);
  }
  if (group->count > shown) {
    ag_print_loc(out, graph, where, &first_call->loc);
    ag_print_level(out, where, "note");
    fprintf(out, "and %zu more call%s allocguard cannot follow behind this "
            "call",
            group->count - shown, group->count - shown == 1 ? "" : "s");
    ag_end_line(out, where);
  }
  return as_error;
}

static int ag_is_unknown(enum ag_call_kind kind) {
  return kind == AG_CALL_INDIRECT || kind == AG_CALL_VIRTUAL ||
         kind == AG_CALL_EXTERNAL;
}

/* Unknown findings with the same root and first call, or the same first
 * callee at one location (a macro's expansion), group together; a call in
 * the root seen again at its location is left out. `group_of[i]` is the
 * group of finding i. */
static size_t ag_group_findings(const struct ag_graph *graph,
                                const struct ag_findings *findings,
                                struct ag_group **groups, size_t *group_of) {
  size_t count = 0, cap = 0;
  for (size_t i = 0; i < findings->count; ++i) {
    const struct ag_finding *f = &findings->items[i];
    size_t g = count;
    if (ag_is_unknown(ag_finding_site(f)->kind))
      for (g = 0; g < count; ++g) {
        const struct ag_finding *head = &findings->items[(*groups)[g].items[0]];
        const struct ag_call *a = &graph->calls[head->path[0].call];
        const struct ag_call *b = &graph->calls[f->path[0].call];
        if (ag_is_unknown(ag_finding_site(head)->kind) &&
            head->root == f->root &&
            (head->path[0].call == f->path[0].call ||
             (a->loc.file == b->loc.file && a->loc.line == b->loc.line &&
              a->loc.column == b->loc.column &&
              head->path[0].callee == f->path[0].callee &&
              (head->path_len > 1) == (f->path_len > 1))))
          break;
      }
    if (g == count) {
      struct ag_group fresh = {0};
      AG_PUSH(*groups, count, cap, fresh);
    }
    group_of[i] = g;
    const struct ag_finding *head =
        (*groups)[g].count ? &findings->items[(*groups)[g].items[0]] : NULL;
    if (head && head->path_len == 1 && f->path_len == 1 &&
        head->path[0].callee == f->path[0].callee &&
        head->path[0].kind == f->path[0].kind)
      continue; /* the same call again at one location (a macro) */
    AG_PUSH((*groups)[g].items, (*groups)[g].count, (*groups)[g].cap, i);
  }
  return count;
}

/* A fully buffered stream on `stream`'s file, or NULL. stderr is
 * unbuffered: printed to directly, a unit's diagnostics were a write(2)
 * per character or field (106,000 of them for SQLite's amalgamation with
 * ten roots, about 5% of its -O0 compile). */
static FILE *ag_diag_buffered(FILE *stream) {
  int fd = fileno(stream);
  if (fd < 0 || fflush(stream) != 0)
    return NULL;
  int copy = dup(fd);
  FILE *buffered = copy >= 0 ? fdopen(copy, "w") : NULL;
  if (!buffered) {
    if (copy >= 0)
      close(copy);
    return NULL;
  }
  setvbuf(buffered, NULL, _IOFBF, 1 << 16);
  return buffered;
}

size_t ag_diag_print(FILE *stream, const struct ag_graph *graph,
                     const struct ag_config *config,
                     const struct ag_findings *findings,
                     size_t *unknown_errors) {
  size_t errors = 0;
  *unknown_errors = 0;
  if (!findings->count)
    return 0;
  struct ag_where where = {0};
  if (getcwd(where.cwd, sizeof(where.cwd)))
    where.cwd_len = strlen(where.cwd);
  else
    where.cwd[0] = '\0';
  where.show_caret = config->show_caret;
  where.color = config->color == AG_COLOR_ALWAYS ||
                (config->color == AG_COLOR_AUTO && isatty(fileno(stream)) &&
                 getenv("TERM") && strcmp(getenv("TERM"), "dumb") != 0);
  FILE *buffered = ag_diag_buffered(stream);
  FILE *out = buffered ? buffered : stream;
  struct ag_group *groups = NULL;
  size_t *group_of = ag_xcalloc(findings->count + 1, sizeof(size_t));
  size_t group_count = ag_group_findings(graph, findings, &groups, group_of);
  for (size_t i = 0; i < findings->count; ++i) {
    const struct ag_group *group = &groups[group_of[i]];
    if (group->items[0] != i)
      continue; /* printed with its group */
    int as_error = ag_print_group(out, graph, config, &where, findings, group);
    if (as_error && ag_is_unknown(ag_finding_site(&findings->items[i])->kind))
      *unknown_errors += 1;
    else
      errors += (size_t)as_error;
  }
  for (size_t g = 0; g < group_count; ++g)
    free(groups[g].items);
  free(groups);
  free(group_of);
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
  if (buffered)
    fclose(buffered);
  else
    fflush(out);
  return errors;
}
