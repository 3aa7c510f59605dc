/* ag_rep_main.c - allocguard-report: merge per-unit summaries into one
 * program graph and report every allocation reachable from every root.
 *
 *   allocguard-report --sarif=out.sarif --markdown=summary.md app libdsp.a
 *
 * Exit status: 0 clean, 1 findings fail the gate, 2 bad usage or input.
 */
#include "ag_rep_baseline.h"
#include "ag_rep_input.h"
#include "ag_rep_object.h"
#include "ag_rep_options.h"
#include "ag_rep_report.h"
#include "ag_rep_stats.h"
#include "ag_rep_textfile.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#ifndef AG_REP_VERSION
#define AG_REP_VERSION "0.0.0"
#endif

struct ag_rep_run {
  struct ag_rep_config *cfg;
  struct ag_rep_inputs in;
  struct ag_rep_program prog;
  struct ag_rep_results res;
  struct ag_rep_suppressions sups;
  struct ag_rep_baseline base;
  struct ag_rep_paths paths;
  struct ag_rep_message *messages; /* about the run (ag_rep_say) */
  size_t message_count, message_cap;
  int unused_errors;
  struct ag_rep_stats stats;
};

static int ag_rep_die(const struct ag_rep_error *err) {
  fprintf(stderr, AG_REP_TOOL ": error: %s\n", err->text);
  return 2;
}

/* Keeps a message about the run (owning `text`), for stderr and every
 * output. */
static void ag_rep_say(struct ag_rep_run *run, enum ag_rep_severity severity,
                       char *text) {
  struct ag_rep_message m = {severity, text};
  AG_PUSH(run->messages, run->message_count, run->message_cap, m);
}

static void ag_rep_warn(struct ag_rep_run *run, char *text) {
  ag_rep_say(run, AG_REP_WARNING, text);
}

static int ag_rep_load_roots_file(struct ag_rep_config *cfg, const char *path,
                                  struct ag_rep_error *err) {
  char *data;
  size_t size, pos = 0;
  if (ag_rep_textfile_read(path, &data, &size, err))
    return -1;
  struct ag_rep_line line = {0};
  int r;
  while ((r = ag_rep_textfile_line(path, data, size, &pos, &line, err)) == 1)
    if (line.len)
      AG_PUSH(cfg->roots.items, cfg->roots.count, cfg->roots.cap,
              ag_xstrndup(line.p, line.len));
  free(data);
  return r;
}

/* Everything read before the inputs: a bad side file fails fast. */
static int ag_rep_load_config(struct ag_rep_run *run, struct ag_rep_error *err) {
  struct ag_rep_config *cfg = run->cfg;
  for (size_t i = 0; i < cfg->roots_files.count; ++i)
    if (ag_rep_load_roots_file(cfg, cfg->roots_files.items[i], err))
      return -1;
  for (size_t i = 0; i < cfg->suppressions.count; ++i)
    if (ag_rep_suppressions_load(&run->sups, cfg->suppressions.items[i], err))
      return -1;
  if (cfg->baseline && ag_rep_baseline_load(&run->base, cfg->baseline, err))
    return -1;
  return ag_rep_paths_init(&run->paths, cfg->source_root, err);
}

static int ag_rep_read_inputs(struct ag_rep_run *run, struct ag_rep_error *err) {
  ag_rep_object_init();
  for (size_t i = 0; i < run->cfg->inputs.count; ++i) {
    const char *path = run->cfg->inputs.items[i];
    long found = ag_rep_inputs_add(&run->in, path, err);
    if (found < 0)
      return -1;
    if (found == 0)
      ag_rep_warn(run, ag_xasprintf("%s: no allocguard summary (compiled "
                                    "without the plugin?)", path));
  }
  if (!run->in.count)
    return ag_rep_fail(err, "no allocguard summaries in the inputs: compile "
                       "with -fpass-plugin=allocguard.so");
  ag_rep_stats_phase(&run->stats, "read", "%zu inputs, %zu records",
                     run->cfg->inputs.count, run->in.count);
  int status = ag_rep_program_build(&run->prog, &run->in, err);
  ag_rep_inputs_free(&run->in);
  ag_rep_stats_phase(&run->stats, "merge", "%zu units, %zu functions, %zu "
                     "calls (%zu indirect or virtual, %zu resolved: %zu "
                     "candidate sets, %zu call-candidate pairs, %zu by type "
                     "alone)",
                     run->prog.unit_count, run->prog.node_count,
                     run->prog.call_count, run->prog.icall_count,
                     run->prog.icall_resolved, run->prog.cset_count,
                     run->prog.cand_edges, run->prog.cand_edges_by_type);
  return status;
}

static void ag_rep_collect_messages(struct ag_rep_run *run) {
  const struct ag_rep_program *prog = &run->prog;
  for (size_t i = 0; i < prog->duplicate_count; ++i) {
    const struct ag_rep_duplicate *d = &prog->duplicates[i];
    const struct ag_rep_unit *a = &prog->units[d->kept_unit],
                             *b = &prog->units[d->other_unit];
    const char *sa = ag_rep_paths_show(&run->paths, a->source),
               *sb = ag_rep_paths_show(&run->paths, b->source);
    ag_rep_warn(run, strcmp(sa, sb)
        ? ag_xasprintf("'%s' is defined in both %s and %s; using the "
                       "definition in %s", prog->nodes[d->node].display,
                       sa, sb, sa)
        : ag_xasprintf("'%s' is defined twice in %s (from %s and %s); "
                       "using the first", prog->nodes[d->node].display,
                       sa, a->origin, b->origin));
  }
  for (size_t i = 0; i < run->cfg->roots.count; ++i)
    if (!run->res.root_name_used[i])
      ag_rep_warn(run, ag_xasprintf("--root=%s matches no function "
                                    "defined in the inputs",
                                    run->cfg->roots.items[i]));
  if (!run->res.root_count)
    ag_rep_warn(run, ag_xstrdup("no alloc_free roots in the inputs (mark "
                                "functions ALLOCGUARD_ALLOC_FREE or name "
                                "them with --root)"));
  for (size_t i = 0; i < run->sups.count; ++i) {
    const struct ag_rep_suppression *s = &run->sups.items[i];
    if (s->used || run->cfg->unused == AG_REP_UNUSED_IGNORE)
      continue;
    ag_rep_say(run, run->cfg->unused == AG_REP_UNUSED_ERROR ? AG_REP_ERROR
                                                            : AG_REP_WARNING,
               ag_xasprintf("%s:%zu: unused suppression '%s' matches no "
                            "finding", s->file, s->line, s->text));
    run->unused_errors += run->cfg->unused == AG_REP_UNUSED_ERROR;
  }
}

static int ag_rep_message_cmp(const void *a, const void *b) {
  return strcmp(((const struct ag_rep_message *)a)->text,
                ((const struct ag_rep_message *)b)->text);
}

/* Exit 1? Unknown calls fail the gate only with --fail-on-unknown;
 * baselined findings fail only --fail-on=any. */
static int ag_rep_gate(const struct ag_rep_run *run) {
  const uint32_t(*t)[3] = run->res.tally;
  uint32_t fresh = 0, old = 0;
  for (unsigned k = 0; k < AG_REP_FIND_KINDS; ++k)
    if (AG_REP_IS_VIOLATION(k) || run->cfg->fail_unknown) {
      fresh += t[k][AG_REP_STATUS_NEW];
      old += t[k][AG_REP_STATUS_BASELINED];
    }
  switch (run->cfg->fail_on) {
  case AG_REP_FAIL_ANY:
    return fresh + old > 0 || run->unused_errors;
  case AG_REP_FAIL_NEW:
    return fresh > 0 || run->unused_errors;
  case AG_REP_FAIL_NONE:
    break;
  }
  return run->unused_errors > 0;
}

static const struct ag_rep_emitter *const ag_rep_emitters[] = {
    &ag_rep_emit_text, &ag_rep_emit_json, &ag_rep_emit_sarif,
    &ag_rep_emit_markdown, &ag_rep_emit_dot};

struct ag_rep_target {
  const char *path; /* NULL: stdout */
  FILE *file;
};

static int ag_rep_open_target(struct ag_rep_target *t, const char *path,
                              struct ag_rep_error *err) {
  t->path = path && strcmp(path, "-") ? path : NULL;
  t->file = t->path ? fopen(t->path, "w") : stdout;
  if (!t->file)
    return ag_rep_fail(err, "%s: cannot write: %s", path, strerror(errno));
  setvbuf(t->file, NULL, _IOFBF, 1 << 20);
  return 0;
}

static int ag_rep_close_target(struct ag_rep_target *t,
                               struct ag_rep_error *err) {
  int bad = fflush(t->file) != 0 || ferror(t->file);
  if (t->path)
    bad = fclose(t->file) != 0 || bad;
  return bad ? ag_rep_fail(err, "%s: write error: %s",
                           t->path ? t->path : "standard output",
                           strerror(errno))
             : 0;
}

/* All outputs in one pass: the primary report, each --FORMAT=FILE, the
 * baseline. */
static int ag_rep_write_outputs(struct ag_rep_run *run,
                                const struct ag_rep_report *rep,
                                struct ag_rep_error *err) {
  struct ag_rep_config *cfg = run->cfg;
  struct ag_rep_sink sinks[AG_REP_FORMAT_COUNT + 2];
  struct ag_rep_target targets[AG_REP_FORMAT_COUNT + 2];
  const char *paths[AG_REP_FORMAT_COUNT + 2];
  const struct ag_rep_emitter *emitters[AG_REP_FORMAT_COUNT + 2];
  size_t n = 0;
  paths[n] = cfg->output;
  emitters[n++] = ag_rep_emitters[cfg->format];
  for (int f = 0; f < AG_REP_FORMAT_COUNT; ++f)
    if (cfg->extra[f]) {
      paths[n] = cfg->extra[f];
      emitters[n++] = ag_rep_emitters[f];
    }
  if (cfg->write_baseline) {
    paths[n] = cfg->write_baseline;
    emitters[n++] = &ag_rep_emit_baseline;
  }
  size_t opened = 0;
  int status = 0;
  for (; opened < n; ++opened) {
    if ((status = ag_rep_open_target(&targets[opened], paths[opened], err)))
      break;
    sinks[opened].emitter = emitters[opened];
    sinks[opened].out.write = ag_rep_write_file;
    sinks[opened].out.ctx = targets[opened].file;
  }
  if (!status)
    ag_rep_emit(rep, sinks, n);
  for (size_t i = 0; i < opened; ++i)
    if (ag_rep_close_target(&targets[i], err))
      status = -1;
  return status;
}

static int ag_rep_main_run(struct ag_rep_run *run) {
  struct ag_rep_error err;
  struct ag_rep_config *cfg = run->cfg;
  if (ag_rep_load_config(run, &err) || ag_rep_read_inputs(run, &err))
    return ag_rep_die(&err);
  struct ag_rep_analysis_options opts = {
      cfg->dealloc, cfg->unknown, (const char *const *)cfg->roots.items,
      cfg->roots.count, cfg->jobs};
  ag_rep_analyze(&run->prog, &opts, &run->res);
  ag_rep_suppressions_apply(&run->sups, &run->prog, &run->res);
  if (cfg->baseline)
    ag_rep_baseline_apply(&run->base, &run->res);
  ag_rep_results_tally(&run->res);
  ag_rep_stats_phase(&run->stats, "analyze", "%zu roots, %zu findings, %zu "
                     "path entries", run->res.root_count, run->res.count,
                     run->res.entry_count);
  ag_rep_collect_messages(run);
  if (run->message_count) /* sorted: input order must not show */
    qsort(run->messages, run->message_count, sizeof(*run->messages),
          ag_rep_message_cmp);
  for (size_t i = 0; i < run->message_count; ++i)
    fprintf(stderr, AG_REP_TOOL ": %s: %s\n",
            run->messages[i].severity == AG_REP_ERROR ? "error" : "warning",
            run->messages[i].text);
  struct ag_rep_report rep = {&run->prog, &run->res, &run->paths,
                              &run->sups, AG_REP_VERSION, cfg->dealloc,
                              cfg->unknown, cfg->fail_unknown,
                              ag_rep_fail_on_names[cfg->fail_on],
                              cfg->baseline, ag_rep_gate(run),
                              run->messages, run->message_count,
                              cfg->sarif_max_results, cfg->sarif_max_gzip,
                              cfg->sarif_max_paths};
  if (ag_rep_write_outputs(run, &rep, &err))
    return ag_rep_die(&err);
  ag_rep_stats_phase(&run->stats, "write", "%s", "every output");
  return rep.failed ? 1 : 0;
}

int main(int argc, char **argv) {
  struct ag_rep_config cfg;
  struct ag_rep_error err;
  if (ag_rep_options_parse(&cfg, argc, argv, &err)) {
    fprintf(stderr, AG_REP_TOOL ": error: %s\n", err.text);
    ag_rep_options_free(&cfg);
    return 2;
  }
  int status = 0;
  if (cfg.help) {
    ag_rep_options_help(argv[0]);
  } else if (cfg.version) {
    printf(AG_REP_TOOL " %s (LLVM %d)\n", AG_REP_VERSION, AG_LLVM_MAJOR);
  } else {
    struct ag_rep_run run = {0};
    run.cfg = &cfg;
    ag_rep_stats_start(&run.stats, cfg.stats);
    status = ag_rep_main_run(&run);
    /* The process ends here: returning hundreds of MiB of program and
     * results to the allocator would cost more than the kernel's
     * teardown (the fuzz targets free everything they build). */
  }
  ag_rep_options_free(&cfg);
  return status;
}
