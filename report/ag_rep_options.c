/* ag_rep_options.c - command-line parsing and --help (ag_rep_options.h). */
#include "ag_rep_options.h"

#include "ag_rep_sarif.h"
#include "ag_rep_textfile.h"

#include <errno.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum ag_rep_option_id {
#define AG_REP_OPTION(id, name, metavar, help) AG_REP_OPT_##id,
#include "ag_rep_options.inc"
  AG_REP_OPT_COUNT
};

static const struct ag_rep_option {
  const char *name, *metavar, *help;
} ag_rep_options[] = {
#define AG_REP_OPTION(id, name, metavar, help) {name, metavar, help},
#include "ag_rep_options.inc"
};

const char *const ag_rep_format_names[AG_REP_FORMAT_COUNT] = {
    "text", "json", "sarif", "markdown", "dot"};
const char *const ag_rep_fail_on_names[3] = {"any", "new", "none"};

static void ag_rep_strings_add(struct ag_rep_strings *l, const char *s,
                               size_t len) {
  AG_PUSH(l->items, l->count, l->cap, ag_xstrndup(s, len));
}

static int ag_rep_pick(const char *value, const char *const *names, int count) {
  for (int i = 0; i < count; ++i)
    if (strcmp(value, names[i]) == 0)
      return i;
  return -1;
}

/* "a,b(c,d)" -> a, b(c,d): commas inside () or <> belong to the name. */
static void ag_rep_add_names(struct ag_rep_strings *l, const char *csv) {
  int depth = 0;
  const char *start = csv;
  for (const char *p = csv;; ++p) {
    if (*p == '(' || *p == '<')
      ++depth;
    else if ((*p == ')' || *p == '>') && depth > 0)
      --depth;
    if (*p && (*p != ',' || depth))
      continue;
    const char *b = start, *e = p;
    while (b < e && (*b == ' ' || *b == '\t'))
      ++b;
    while (e > b && (e[-1] == ' ' || e[-1] == '\t'))
      --e;
    if (e > b)
      ag_rep_strings_add(l, b, (size_t)(e - b));
    if (!*p)
      return;
    start = p + 1;
  }
}

/* A whole decimal number, at least `min`, into *out. */
static int ag_rep_count(const char *value, const char *option, uint64_t min,
                        uint64_t *out, struct ag_rep_error *err) {
  char *end;
  errno = 0;
  unsigned long long n = strtoull(value, &end, 10);
  if (!*value || *end || value[0] == '-' || errno || n < min)
    return ag_rep_fail(err, "%s '%s' is not a whole number%s", option, value,
                       min ? " of 1 or more" : "");
  *out = n;
  return 0;
}

static int ag_rep_apply(struct ag_rep_config *cfg, int id, const char *value,
                        struct ag_rep_error *err) {
  int v;
  switch (id) {
  case AG_REP_OPT_FORMAT:
    if ((v = ag_rep_pick(value, ag_rep_format_names, AG_REP_FORMAT_COUNT)) < 0)
      return ag_rep_fail(err, "unknown --format '%s' (text, json, sarif, "
                         "markdown or dot)", value);
    cfg->format = (enum ag_rep_format)v;
    return 0;
  case AG_REP_OPT_OUTPUT: cfg->output = value; return 0;
  case AG_REP_OPT_TEXT: cfg->extra[AG_REP_FORMAT_TEXT] = value; return 0;
  case AG_REP_OPT_JSON: cfg->extra[AG_REP_FORMAT_JSON] = value; return 0;
  case AG_REP_OPT_SARIF: cfg->extra[AG_REP_FORMAT_SARIF] = value; return 0;
  case AG_REP_OPT_MARKDOWN: cfg->extra[AG_REP_FORMAT_MARKDOWN] = value; return 0;
  case AG_REP_OPT_DOT: cfg->extra[AG_REP_FORMAT_DOT] = value; return 0;
  case AG_REP_OPT_ROOT: ag_rep_add_names(&cfg->roots, value); return 0;
  case AG_REP_OPT_ROOTS_FILE:
    ag_rep_strings_add(&cfg->roots_files, value, strlen(value));
    return 0;
  case AG_REP_OPT_NO_DEALLOC: cfg->dealloc = 0; return 0;
  case AG_REP_OPT_NO_UNKNOWN: cfg->unknown = 0; return 0;
  case AG_REP_OPT_FAIL_ON_UNKNOWN: cfg->fail_unknown = 1; return 0;
  case AG_REP_OPT_FAIL_ON:
    if ((v = ag_rep_pick(value, ag_rep_fail_on_names, 3)) < 0)
      return ag_rep_fail(err, "unknown --fail-on '%s' (any, new or none)",
                         value);
    cfg->fail_on = (enum ag_rep_fail_on)v;
    return 0;
  case AG_REP_OPT_BASELINE: cfg->baseline = value; return 0;
  case AG_REP_OPT_WRITE_BASELINE: cfg->write_baseline = value; return 0;
  case AG_REP_OPT_SUPPRESSIONS:
    ag_rep_strings_add(&cfg->suppressions, value, strlen(value));
    return 0;
  case AG_REP_OPT_UNUSED_SUPPRESSIONS: {
    static const char *const names[] = {"warn", "error", "ignore"};
    if ((v = ag_rep_pick(value, names, 3)) < 0)
      return ag_rep_fail(err, "unknown --unused-suppressions '%s' (warn, "
                         "error or ignore)", value);
    cfg->unused = (enum ag_rep_unused)v;
    return 0;
  }
  case AG_REP_OPT_SOURCE_ROOT: cfg->source_root = value; return 0;
  case AG_REP_OPT_JOBS: {
    char *end;
    unsigned long n = strtoul(value, &end, 10);
    if (*end || n < 1 || n > 64)
      return ag_rep_fail(err, "--jobs '%s' is not a number from 1 to 64",
                         value);
    cfg->jobs = (unsigned)n;
    return 0;
  }
  case AG_REP_OPT_SARIF_MAX_RESULTS:
    return ag_rep_count(value, "--sarif-max-results", 0,
                        &cfg->sarif_max_results, err);
  case AG_REP_OPT_SARIF_MAX_GZIP:
    return ag_rep_count(value, "--sarif-max-gzip", 0, &cfg->sarif_max_gzip,
                        err);
  case AG_REP_OPT_SARIF_MAX_PATHS:
    return ag_rep_count(value, "--sarif-max-paths", 1, &cfg->sarif_max_paths,
                        err);
  case AG_REP_OPT_STATS: cfg->stats = 1; return 0;
  case AG_REP_OPT_HELP: cfg->help = 1; return 0;
  case AG_REP_OPT_VERSION: cfg->version = 1; return 0;
  }
  return ag_rep_fail(err, "internal: option %d", id);
}

/* Arguments with @FILE expanded, one argument per non-empty line. */
static void ag_rep_expand(struct ag_rep_config *cfg, int argc, char **argv,
                          struct ag_rep_strings *args, int *bad,
                          struct ag_rep_error *err) {
  for (int i = 1; i < argc; ++i) {
    if (argv[i][0] != '@' || !argv[i][1]) {
      AG_PUSH(args->items, args->count, args->cap, argv[i]);
      continue;
    }
    char *data;
    size_t size;
    if (ag_rep_textfile_read(argv[i] + 1, &data, &size, err)) {
      *bad = 1;
      return;
    }
    AG_PUSH(cfg->owned.items, cfg->owned.count, cfg->owned.cap, data);
    for (char *line = data; line < data + size;) {
      char *nl = memchr(line, '\n', (size_t)(data + size - line));
      char *end = nl ? nl : data + size;
      if (end > line && end[-1] == '\r')
        --end;
      *end = '\0';
      if (*line)
        AG_PUSH(args->items, args->count, args->cap, line);
      line = nl ? nl + 1 : data + size;
    }
  }
}

int ag_rep_options_parse(struct ag_rep_config *cfg, int argc, char **argv,
                         struct ag_rep_error *err) {
  memset(cfg, 0, sizeof(*cfg));
  cfg->dealloc = cfg->unknown = 1;
  cfg->sarif_max_results = AG_REP_SARIF_MAX_RESULTS;
  cfg->sarif_max_gzip = AG_REP_SARIF_MAX_GZIP;
  cfg->sarif_max_paths = AG_REP_SARIF_MAX_PATHS;
  struct ag_rep_strings args = {0};
  int bad = 0, only_inputs = 0;
  ag_rep_expand(cfg, argc, argv, &args, &bad, err);
  for (size_t i = 0; !bad && i < args.count; ++i) {
    char *arg = args.items[i];
    if (only_inputs || arg[0] != '-' || !arg[1]) {
      AG_PUSH(cfg->inputs.items, cfg->inputs.count, cfg->inputs.cap, arg);
      continue;
    }
    if (strcmp(arg, "--") == 0) {
      only_inputs = 1;
      continue;
    }
    /* Long options, --name=value or --name value; -o and -h. */
    const char *name = strcmp(arg, "-o") == 0   ? "output"
                       : strcmp(arg, "-h") == 0 ? "help"
                       : arg[1] == '-'          ? arg + 2
                                                : "";
    const char *eq = strchr(name, '='), *value = NULL;
    size_t len = eq ? (size_t)(eq - name) : strlen(name);
    int id = -1;
    for (int k = 0; len && k < AG_REP_OPT_COUNT; ++k)
      if (strlen(ag_rep_options[k].name) == len &&
          strncmp(ag_rep_options[k].name, name, len) == 0)
        id = k;
    if (id < 0) {
      bad = ag_rep_fail(err, "unknown option '%s' (see --help)", arg) != 0;
      break;
    }
    if (ag_rep_options[id].metavar) {
      value = eq ? eq + 1 : (i + 1 < args.count ? args.items[++i] : NULL);
      if (!value || !*value) {
        bad = ag_rep_fail(err, "option '--%s' needs a value (--%s=%s)",
                          ag_rep_options[id].name, ag_rep_options[id].name,
                          ag_rep_options[id].metavar) != 0;
        break;
      }
    } else if (eq) {
      bad = ag_rep_fail(err, "option '--%s' takes no value",
                        ag_rep_options[id].name) != 0;
      break;
    }
    if (ag_rep_apply(cfg, id, value, err))
      bad = 1;
  }
  free(args.items);
  if (!bad && cfg->fail_unknown && !cfg->unknown)
    bad = ag_rep_fail(err, "--fail-on-unknown needs the calls allocguard "
                      "cannot follow: drop --no-unknown") != 0;
  if (!bad && !cfg->help && !cfg->version && !cfg->inputs.count)
    bad = ag_rep_fail(err, "no input files (objects, archives, executables, "
                      "shared libraries or summary files)") != 0;
  return bad ? -1 : 0;
}

void ag_rep_options_help(const char *argv0) {
  (void)argv0;
  printf("usage: allocguard-report [options] FILE...\n\n"
         "Merges the allocguard summaries in FILEs (objects, archives, "
         "executables,\nshared libraries, -flto bitcode, summary side files; "
         "@FILE reads arguments\nfrom FILE, one per line) and reports every "
         "allocation reachable from every\nalloc_free root across translation "
         "units.\n\noptions:\n");
  for (int k = 0; k < AG_REP_OPT_COUNT; ++k) {
    char left[64];
    snprintf(left, sizeof(left), "--%s%s%s", ag_rep_options[k].name,
             ag_rep_options[k].metavar ? "=" : "",
             ag_rep_options[k].metavar ? ag_rep_options[k].metavar : "");
    printf("  %-28s %s\n", left, ag_rep_options[k].help);
  }
  printf("\nexit status:\n"
         "  0  no finding that fails the gate (--fail-on)\n"
         "  1  findings fail the gate, or --unused-suppressions=error found "
         "one\n"
         "  2  bad usage or bad input: an unreadable, corrupt or unsupported "
         "file,\n     a bad baseline or suppression file, no summaries at "
         "all\n\nDocumentation: docs/report.md\n");
}

void ag_rep_options_free(struct ag_rep_config *cfg) {
  for (size_t i = 0; i < cfg->roots.count; ++i)
    free(cfg->roots.items[i]);
  for (size_t i = 0; i < cfg->roots_files.count; ++i)
    free(cfg->roots_files.items[i]);
  for (size_t i = 0; i < cfg->suppressions.count; ++i)
    free(cfg->suppressions.items[i]);
  for (size_t i = 0; i < cfg->owned.count; ++i)
    free(cfg->owned.items[i]);
  free(cfg->roots.items);
  free(cfg->roots_files.items);
  free(cfg->suppressions.items);
  free(cfg->inputs.items);
  free(cfg->owned.items);
  memset(cfg, 0, sizeof(*cfg));
}
