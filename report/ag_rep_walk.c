/* ag_rep_walk.c - the one walk over the results (ag_rep_report.h), and
 * the wording every format shares (plugin/ag_diag.c's, for a whole
 * program: "not defined in any input" instead of "in this translation
 * unit"). */
#include "ag_rep_report.h"

#include <stdlib.h>
#include <string.h>

/* Wording per finding kind, in one table. */
static const struct ag_rep_kind_text {
  const char *name;  /* JSON/SARIF kind */
  const char *flag;  /* shown as [-W<flag>] */
  const char *does;  /* ends the last hop: "calls 'x', <does>" */
  const char *may;   /* the header when the site is deeper */
} ag_rep_kinds[AG_REP_FIND_KINDS] = {
    {"allocation", "allocguard", "which allocates", "may allocate"},
    {"deallocation", "allocguard-dealloc", "which deallocates",
     "may deallocate"},
    {"indirect", "allocguard-unknown",
     "makes an indirect call that allocguard cannot follow",
     "may reach an indirect call allocguard cannot follow"},
    {"virtual", "allocguard-unknown",
     "makes a virtual call that allocguard cannot follow",
     "may reach a virtual call allocguard cannot follow"},
    {"external", "allocguard-unknown",
     "which allocguard cannot see into (not defined in any input and not "
     "in its knowledge base)",
     "may reach a function allocguard cannot see into"},
};

const char *ag_rep_kind_name(unsigned kind) {
  return kind < AG_REP_FIND_KINDS ? ag_rep_kinds[kind].name : "other";
}

const char *ag_rep_status_name(unsigned status) {
  static const char *const names[] = {"new", "baselined", "suppressed"};
  return status < 3 ? names[status] : "new";
}

const char *ag_rep_node_name(const struct ag_rep_report *rep, uint32_t node) {
  return node == AG_REP_NONE ? "?" : rep->prog->nodes[node].display;
}

const char *ag_rep_root_file(const struct ag_rep_report *rep,
                             const struct ag_rep_root *root) {
  const struct ag_rep_node *n = &rep->prog->nodes[root->node];
  return ag_rep_paths_show(rep->paths, n->file ? n->file
                                               : rep->prog->units[n->unit].source);
}

uint32_t ag_rep_root_new(const struct ag_rep_root *root, int violations) {
  uint32_t n = 0;
  for (unsigned k = 0; k < AG_REP_FIND_KINDS; ++k)
    if (AG_REP_IS_VIOLATION(k) == (violations != 0))
      n += root->tally[k][AG_REP_STATUS_NEW];
  return n;
}

/* Message text for one finding, built once and shared by every output. */
struct ag_rep_textbuf {
  char *data;
  size_t len, cap;
};

static void ag_rep_textbuf_write(void *ctx, const char *data, size_t len) {
  struct ag_rep_textbuf *b = ctx;
  ag_rep_grow((void **)&b->data, &b->cap, b->len + len + 1, 1);
  memcpy(b->data + b->len, data, len);
  b->len += len;
  b->data[b->len] = '\0';
}

/* "calls 'malloc', which allocates (why)" or "makes an indirect call". */
static void ag_rep_last_hop(struct ag_rep_out *o, const struct ag_rep_report *rep,
                            const struct ag_rep_view *v) {
  const struct ag_rep_kind_text *t = &ag_rep_kinds[v->f->kind];
  const struct ag_rep_hop *site = &v->hops[v->hop_count - 1];
  if (site->callee == AG_REP_NONE)
    ag_rep_put(o, t->does);
  else if (site->via)
    ag_rep_printf(o, "calls '%s' %s, %s", ag_rep_node_name(rep, site->callee),
                  site->via, t->does);
  else
    ag_rep_printf(o, "calls '%s', %s", ag_rep_node_name(rep, site->callee),
                  t->does);
  if (v->why && v->why[0])
    ag_rep_printf(o, " (%s)", v->why);
}

/* Fills hops, notes and the message into `buf` (offsets fixed up after,
 * since the buffer moves while it grows). */
static void ag_rep_build_view(const struct ag_rep_report *rep,
                              struct ag_rep_view *v, struct ag_rep_hop *hops,
                              const uint32_t *calls, const uint32_t *callees,
                              struct ag_rep_textbuf *buf, size_t *offsets) {
  const struct ag_rep_program *prog = rep->prog;
  const struct ag_rep_finding *f = v->f;
  struct ag_rep_out o = {ag_rep_textbuf_write, buf, NULL, 0, 0};
  buf->len = 0;
  uint32_t caller = v->root->node;
  for (uint32_t i = 0; i < f->path_len; ++i) {
    struct ag_rep_hop *h = &hops[i];
    h->call = calls[i];
    h->caller = caller;
    h->callee = callees[i];
    h->via = ag_rep_program_via(prog, calls[i]);
    uint32_t file = prog->call_file[calls[i]];
    h->has_loc = file != AG_REP_NONE;
    h->file = ag_rep_paths_show(
        rep->paths, h->has_loc ? prog->strings[file]
                               : ag_rep_program_unit_source(prog, caller));
    h->line = prog->call_line[calls[i]];
    h->column = prog->call_column[calls[i]];
    caller = h->callee;
  }
  v->hops = hops;
  v->hop_count = f->path_len;
  v->why = ag_rep_program_why(prog, f->call);
  v->flag = ag_rep_kinds[f->kind].flag;
  for (uint32_t i = 0; i < f->path_len; ++i) {
    offsets[i] = buf->len;
    ag_rep_put(&o, "'");
    ag_rep_put(&o, ag_rep_node_name(rep, hops[i].caller));
    if (i + 1 < f->path_len) {
      ag_rep_put(&o, "' calls '");
      ag_rep_put(&o, ag_rep_node_name(rep, hops[i].callee));
      ag_rep_put(&o, "'");
      if (hops[i].via) {
        ag_rep_put(&o, " ");
        ag_rep_put(&o, hops[i].via);
      }
    } else {
      ag_rep_put(&o, "' ");
      ag_rep_last_hop(&o, rep, v);
    }
    ag_rep_putn(&o, "", 1); /* keep the NUL: notes are separate strings */
  }
  offsets[f->path_len] = buf->len;
  const char *root = ag_rep_node_name(rep, v->root->node);
  ag_rep_printf(&o, "alloc_free function '%s' ", root);
  if (f->path_len == 1)
    ag_rep_last_hop(&o, rep, v);
  else {
    ag_rep_printf(&o, "%s: call to '%s'", ag_rep_kinds[f->kind].may,
                  ag_rep_node_name(rep, hops[0].callee));
    if (hops[0].via)
      ag_rep_printf(&o, " %s", hops[0].via);
    if (hops[f->path_len - 1].callee != AG_REP_NONE)
      ag_rep_printf(&o, " reaches '%s'",
                    ag_rep_node_name(rep, hops[f->path_len - 1].callee));
    else
      ag_rep_put(&o, " leads there");
  }
  for (uint32_t i = 0; i < f->path_len; ++i)
    hops[i].note = buf->data + offsets[i];
  v->message = buf->data + offsets[f->path_len];
}

static void ag_rep_walk_findings(const struct ag_rep_report *rep,
                                 struct ag_rep_sink *sinks, size_t count,
                                 int violations) {
  const struct ag_rep_results *res = rep->res;
  struct ag_rep_textbuf buf = {0};
  uint32_t *calls = NULL, *callees = NULL;
  struct ag_rep_hop *hops = NULL;
  size_t *offsets = NULL, cap = 0;
  for (size_t r = 0; r < res->root_count; ++r) {
    const struct ag_rep_root *root = &res->roots[r];
    for (uint32_t i = root->first; i < root->first + root->count; ++i) {
      const struct ag_rep_finding *f = &res->findings[i];
      if (AG_REP_IS_VIOLATION(f->kind) != violations)
        continue;
      if (f->path_len + 1 > cap) {
        cap = f->path_len + 1;
        calls = ag_rep_xrealloc(calls, cap * sizeof(*calls));
        callees = ag_rep_xrealloc(callees, cap * sizeof(*callees));
        hops = ag_rep_xrealloc(hops, cap * sizeof(*hops));
        offsets = ag_rep_xrealloc(offsets, cap * sizeof(*offsets));
      }
      ag_rep_results_path(res, f, calls, callees);
      struct ag_rep_view v = {f, i, root, NULL, 0, NULL, NULL, NULL, NULL,
                              root->worst == i};
      if (f->status == AG_REP_STATUS_SUPPRESSED && rep->sups)
        v.justification = rep->sups->items[f->suppression].justification;
      ag_rep_build_view(rep, &v, hops, calls, callees, &buf, offsets);
      for (size_t s = 0; s < count; ++s)
        sinks[s].emitter->finding(sinks[s].state, rep, &v);
    }
  }
  free(buf.data);
  free(calls);
  free(callees);
  free(hops);
  free(offsets);
}

void ag_rep_walk(const struct ag_rep_report *rep, struct ag_rep_sink *sinks,
                 size_t count) {
  for (size_t s = 0; s < count; ++s) {
    ag_rep_out_buffer(&sinks[s].out, 1 << 16);
    sinks[s].state = sinks[s].emitter->begin(&sinks[s].out, rep);
  }
  for (uint32_t r = 0; r < rep->res->root_count; ++r)
    for (size_t s = 0; s < count; ++s)
      sinks[s].emitter->root(sinks[s].state, rep, r);
  ag_rep_walk_findings(rep, sinks, count, 1);
  ag_rep_walk_findings(rep, sinks, count, 0);
  for (size_t s = 0; s < count; ++s) {
    sinks[s].emitter->end(sinks[s].state, rep);
    ag_rep_out_close(&sinks[s].out);
  }
}
