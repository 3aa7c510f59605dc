/* ag_rep_view.c - the wording every format shares (plugin/ag_diag.c's,
 * for a whole program: "not defined in any input" instead of "in this
 * translation unit"), and a finding's view: its path as hops, each hop's
 * note, the headline. The pass (ag_rep_emit.c) builds one per shown
 * finding; SARIF, which regroups findings by site, builds its own with
 * the same code, so the words cannot drift. */
#include "ag_rep_view.h"

#include <stdlib.h>
#include <string.h>

/* Wording per finding kind, from the table the plugin shares
 * (common/ag_finding_kinds.def). */
static const struct ag_rep_kind_text {
  const char *name;  /* JSON/SARIF kind */
  const char *flag;  /* shown as [-W<flag>] */
  const char *does;  /* ends the last hop: "calls 'x', <does>" */
  const char *may;   /* the header when the site is deeper */
} ag_rep_kinds[AG_REP_FIND_KINDS] = {
#define AG_FINDING_SCOPE "any input"
#define AG_FINDING_KIND(id, name, flag, does, may, gates)                      \
  [AG_REP_FIND_##id] = {name, flag, does, may},
#include "ag_finding_kinds.def"
#undef AG_FINDING_KIND
#undef AG_FINDING_SCOPE
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

static void ag_rep_textbuf_write(void *ctx, const char *data, size_t len) {
  struct ag_rep_textbuf *b = ctx;
  ag_grow((void **)&b->data, &b->cap, b->len + len + 1, 1);
  memcpy(b->data + b->len, data, len);
  b->len += len;
  b->data[b->len] = '\0';
}

/* "calls 'malloc', which allocates (why)" or "makes an indirect call". */
static void ag_rep_site_text(struct ag_rep_out *o, const struct ag_rep_report *rep,
                             unsigned kind, const struct ag_rep_hop *site,
                             const char *why) {
  const struct ag_rep_kind_text *t = &ag_rep_kinds[kind];
  if (site->callee == AG_REP_NONE)
    ag_rep_put(o, t->does);
  else if (site->via)
    ag_rep_printf(o, "calls '%s' %s, %s", ag_rep_node_name(rep, site->callee),
                  site->via, t->does);
  else
    ag_rep_printf(o, "calls '%s', %s", ag_rep_node_name(rep, site->callee),
                  t->does);
  if (why && why[0])
    ag_rep_printf(o, " (%s)", why);
}

static void ag_rep_last_hop(struct ag_rep_out *o, const struct ag_rep_report *rep,
                            const struct ag_rep_view *v) {
  ag_rep_site_text(o, rep, v->f->kind, &v->hops[v->hop_count - 1], v->why);
}

/* A hop's call, location and via; its callee is the path's. */
static void ag_rep_fill_hop(const struct ag_rep_report *rep,
                            struct ag_rep_hop *h, uint32_t call,
                            uint32_t caller, uint32_t callee) {
  const struct ag_rep_program *prog = rep->prog;
  h->call = call;
  h->caller = caller;
  h->callee = callee;
  h->via = ag_rep_program_via(prog, call);
  uint32_t file = prog->call_file[call];
  h->has_loc = file != AG_REP_NONE;
  h->file = ag_rep_paths_show(
      rep->paths, h->has_loc ? prog->strings[file]
                             : ag_rep_program_unit_source(prog, caller));
  h->line = prog->call_line[call];
  h->column = prog->call_column[call];
  h->note = NULL;
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
    ag_rep_fill_hop(rep, &hops[i], calls[i], caller, callees[i]);
    caller = callees[i];
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
    const struct ag_rep_hop *site = &hops[f->path_len - 1];
    if (site->callee != AG_REP_NONE)
      ag_rep_printf(&o, " reaches '%s'", ag_rep_node_name(rep, site->callee));
    else
      ag_rep_put(&o, " leads there");
    if (v->clash) /* another path from this call reads the same */
      ag_rep_printf(&o, site->has_loc ? " (at %s:%u:%u)" : " (in %s)",
                    site->file, site->line, site->column);
  }
  if (v->member_count > 1)
    ag_rep_printf(&o, ", and %u more call%s allocguard cannot follow",
                  v->member_count - 1, v->member_count == 2 ? "" : "s");
  for (uint32_t i = 0; i < f->path_len; ++i)
    hops[i].note = buf->data + offsets[i];
  v->message = buf->data + offsets[f->path_len];
}

/* The site of each of the first few other members of an unknown group,
 * with its note ("'h' makes an indirect call ..."), into `also`. */
static uint32_t ag_rep_build_also(const struct ag_rep_report *rep,
                                  const struct ag_rep_view *v,
                                  struct ag_rep_hop *also,
                                  struct ag_rep_textbuf *buf) {
  const struct ag_rep_results *res = rep->res;
  uint32_t more = v->member_count ? v->member_count - 1 : 0;
  uint32_t n = more < AG_REP_ALSO_SHOWN ? more : AG_REP_ALSO_SHOWN;
  size_t offsets[AG_REP_ALSO_SHOWN];
  struct ag_rep_out o = {ag_rep_textbuf_write, buf, NULL, 0, 0};
  buf->len = 0;
  for (uint32_t i = 0; i < n; ++i) {
    const struct ag_rep_finding *f = &res->findings[v->members[i + 1]];
    uint32_t caller = f->entry == AG_REP_NONE ? v->root->node
                                              : res->entries[f->entry].node;
    ag_rep_fill_hop(rep, &also[i], f->call, caller, f->callee);
    offsets[i] = buf->len;
    ag_rep_printf(&o, "also '%s' ", ag_rep_node_name(rep, caller));
    ag_rep_site_text(&o, rep, f->kind, &also[i],
                     ag_rep_program_why(rep->prog, f->call));
    ag_rep_putn(&o, "", 1);
  }
  for (uint32_t i = 0; i < n; ++i)
    also[i].note = buf->data + offsets[i];
  return n;
}

void ag_rep_view_build(struct ag_rep_viewer *vw,
                       const struct ag_rep_report *rep, struct ag_rep_view *v) {
  const struct ag_rep_finding *f = v->f;
  if (f->path_len + 1 > vw->cap) {
    vw->cap = f->path_len + 1;
    vw->calls = ag_xrealloc(vw->calls, vw->cap * sizeof(*vw->calls));
    vw->callees = ag_xrealloc(vw->callees, vw->cap * sizeof(*vw->callees));
    vw->hops = ag_xrealloc(vw->hops, vw->cap * sizeof(*vw->hops));
    vw->offsets = ag_xrealloc(vw->offsets, vw->cap * sizeof(*vw->offsets));
  }
  ag_rep_results_path(rep->res, f, vw->calls, vw->callees);
  ag_rep_build_view(rep, v, vw->hops, vw->calls, vw->callees, &vw->buf,
                    vw->offsets);
  v->also = vw->also;
  v->also_count = ag_rep_build_also(rep, v, vw->also, &vw->also_buf);
}

void ag_rep_viewer_free(struct ag_rep_viewer *vw) {
  free(vw->buf.data);
  free(vw->also_buf.data);
  free(vw->calls);
  free(vw->callees);
  free(vw->hops);
  free(vw->offsets);
  memset(vw, 0, sizeof(*vw));
}
