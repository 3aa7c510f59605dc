/* ag_rep_emit_dot.c - Graphviz DOT of the violating paths: every new
 * allocation or deallocation's path, each function and call drawn once.
 * `dot -Tsvg report.dot > report.svg` renders it. */
#include "ag_rep_report.h"

#include <stdlib.h>

struct ag_rep_dot {
  struct ag_rep_out *out;
  uint8_t *node_done, *call_done; /* bitsets: drawn already */
  /* A call through a pointer has an edge per candidate drawn: those are
   * remembered by (call, callee); there are few on violating paths. */
  uint64_t *via_done;
  size_t via_count, via_cap;
};

static int ag_rep_dot_once(uint8_t *bits, uint32_t i) {
  uint8_t mask = (uint8_t)(1u << (i & 7));
  if (bits[i >> 3] & mask)
    return 0;
  bits[i >> 3] |= mask;
  return 1;
}

static int ag_rep_dot_edge_once(struct ag_rep_dot *d,
                                const struct ag_rep_hop *h) {
  if (!h->via)
    return ag_rep_dot_once(d->call_done, h->call);
  uint64_t key = (uint64_t)h->call << 32 | h->callee;
  for (size_t i = 0; i < d->via_count; ++i)
    if (d->via_done[i] == key)
      return 0;
  AG_PUSH(d->via_done, d->via_count, d->via_cap, key);
  return 1;
}

static void *ag_rep_dot_begin(struct ag_rep_out *out,
                              const struct ag_rep_report *rep) {
  struct ag_rep_dot *d = ag_xcalloc(1, sizeof(*d));
  d->out = out;
  d->node_done = ag_xcalloc(rep->prog->node_count / 8 + 1, 1);
  d->call_done = ag_xcalloc(rep->prog->call_count / 8 + 1, 1);
  ag_rep_put(out, "digraph allocguard {\n  rankdir=LR;\n  node [shape=box, "
                  "fontname=\"monospace\"];\n  edge [fontname=\"monospace\", "
                  "fontsize=10];\n");
  return d;
}

static void ag_rep_dot_root(void *state, const struct ag_rep_report *rep,
                            uint32_t index) {
  struct ag_rep_dot *d = state;
  const struct ag_rep_root *root = &rep->res->roots[index];
  if (!ag_rep_root_new(root, 1) || !ag_rep_dot_once(d->node_done, root->node))
    return;
  ag_rep_printf(d->out, "  n%u [label=", root->node);
  char *label = ag_xasprintf("%s\nalloc_free root",
                             ag_rep_node_name(rep, root->node));
  ag_rep_dot_string(d->out, label);
  free(label);
  ag_rep_put(d->out, ", style=bold, color=red];\n");
}

static void ag_rep_dot_finding(void *state, const struct ag_rep_report *rep,
                               const struct ag_rep_view *v) {
  struct ag_rep_dot *d = state;
  struct ag_rep_out *o = d->out;
  if (v->f->status != AG_REP_STATUS_NEW || !AG_REP_IS_VIOLATION(v->f->kind))
    return;
  for (uint32_t i = 0; i < v->hop_count; ++i) {
    const struct ag_rep_hop *h = &v->hops[i];
    int site = i + 1 == v->hop_count;
    if (ag_rep_dot_once(d->node_done, h->callee)) {
      ag_rep_printf(o, "  n%u [label=", h->callee);
      ag_rep_dot_string(o, ag_rep_node_name(rep, h->callee));
      ag_rep_put(o, site ? ", shape=ellipse, color=red, fontcolor=red];\n"
                         : "];\n");
    }
    if (!ag_rep_dot_edge_once(d, h))
      continue;
    ag_rep_printf(o, "  n%u -> n%u [label=", h->caller, h->callee);
    char *label = h->has_loc ? ag_xasprintf("%s:%u:%u", h->file, h->line,
                                            h->column)
                             : ag_xasprintf("%s", h->file ? h->file : "");
    if (h->via) { /* a second line, and dashed: not a direct call */
      char *both = ag_xasprintf("%s\n%s", label, h->via);
      free(label);
      label = both;
    }
    ag_rep_dot_string(o, label);
    free(label);
    if (h->via)
      ag_rep_put(o, ", style=dashed");
    ag_rep_put(o, site ? ", color=red];\n" : "];\n");
  }
}

static void ag_rep_dot_end(void *state, const struct ag_rep_report *rep) {
  struct ag_rep_dot *d = state;
  (void)rep;
  ag_rep_put(d->out, "}\n");
  free(d->node_done);
  free(d->call_done);
  free(d->via_done);
  free(d);
}

const struct ag_rep_emitter ag_rep_emit_dot = {
    ag_rep_dot_begin, ag_rep_dot_root, ag_rep_dot_finding, ag_rep_dot_end};
