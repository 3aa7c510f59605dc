/* ag_rep_emit_markdown.c - a summary for $GITHUB_STEP_SUMMARY and pull
 * request comments: one table row per root with ✅ or ❌, then, per
 * failing root, its shortest path to an allocation in a <details> block.
 * Names go through HTML escaping, so no C++ name can break the table. */
#include "ag_rep_report.h"

#include <stdlib.h>

struct ag_rep_md {
  struct ag_rep_out *out;
  int table_open;
};

static void ag_rep_md_code(struct ag_rep_out *o, const char *s) {
  ag_rep_put(o, "<code>");
  ag_rep_html_text(o, s);
  ag_rep_put(o, "</code>");
}

static void *ag_rep_md_begin(struct ag_rep_out *out,
                             const struct ag_rep_report *rep) {
  struct ag_rep_md *m = ag_xcalloc(1, sizeof(*m));
  m->out = out;
  const struct ag_rep_results *res = rep->res;
  uint32_t failing = 0;
  for (size_t r = 0; r < res->root_count; ++r)
    failing += ag_rep_root_new(&res->roots[r], 1) != 0;
  if (failing)
    ag_rep_printf(out, "### ❌ allocguard: %u of %zu alloc_free root%s "
                  "reach%s the heap\n\n", failing, res->root_count,
                  res->root_count == 1 ? "" : "s", failing == 1 ? "es" : "");
  else
    ag_rep_printf(out, "### ✅ allocguard: no alloc_free root reaches the heap "
                  "(%zu root%s checked)\n\n", res->root_count,
                  res->root_count == 1 ? "" : "s");
  ag_rep_printf(out, "%zu call%s could not be followed.\n\n", res->unfollowed,
                res->unfollowed == 1 ? "" : "s");
  return m;
}

static void ag_rep_md_root(void *state, const struct ag_rep_report *rep,
                           uint32_t index) {
  struct ag_rep_md *m = state;
  struct ag_rep_out *o = m->out;
  const struct ag_rep_root *root = &rep->res->roots[index];
  if (!m->table_open) {
    ag_rep_put(o, "| | Root | Allocations | Deallocations | Unknown calls "
                  "| Defined at |\n|:-:|---|--:|--:|--:|---|\n");
    m->table_open = 1;
  }
  ag_rep_printf(o, "| %s | ", ag_rep_root_new(root, 1) ? "❌" : "✅");
  ag_rep_md_code(o, ag_rep_node_name(rep, root->node));
  ag_rep_printf(o, " | %u | %u | %u | ", root->tally[AG_REP_FIND_ALLOC][0],
                root->tally[AG_REP_FIND_DEALLOC][0], ag_rep_root_new(root, 0));
  ag_rep_html_text(o, ag_rep_root_file(rep, root));
  ag_rep_printf(o, ":%u |\n", rep->prog->nodes[root->node].line);
}

static void ag_rep_md_hop_loc(struct ag_rep_out *o, const struct ag_rep_hop *h) {
  ag_rep_put(o, "<code>");
  ag_rep_html_text(o, h->file ? h->file : "?");
  if (h->has_loc)
    ag_rep_printf(o, ":%u:%u", h->line, h->column);
  ag_rep_put(o, "</code>");
}

static void ag_rep_md_finding(void *state, const struct ag_rep_report *rep,
                              const struct ag_rep_view *v) {
  struct ag_rep_md *m = state;
  struct ag_rep_out *o = m->out;
  (void)rep;
  if (!v->is_worst)
    return;
  if (m->table_open) {
    ag_rep_put(o, "\n");
    m->table_open = 0;
  }
  ag_rep_put(o, "<details><summary>❌ ");
  ag_rep_html_text(o, v->message);
  ag_rep_put(o, "</summary>\n\n| # | Location | Call |\n|--:|---|---|\n");
  for (uint32_t i = 0; i < v->hop_count; ++i) {
    ag_rep_printf(o, "| %u | ", i + 1);
    ag_rep_md_hop_loc(o, &v->hops[i]);
    ag_rep_put(o, " | ");
    ag_rep_html_text(o, v->hops[i].note);
    ag_rep_put(o, " |\n");
  }
  ag_rep_put(o, "\n</details>\n\n");
}

static void ag_rep_md_end(void *state, const struct ag_rep_report *rep) {
  struct ag_rep_md *m = state;
  struct ag_rep_out *o = m->out;
  if (m->table_open)
    ag_rep_put(o, "\n");
  uint32_t accepted[2] = {0, 0};
  for (unsigned k = 0; k < AG_REP_FIND_KINDS; ++k) {
    accepted[0] += rep->res->tally[k][AG_REP_STATUS_BASELINED];
    accepted[1] += rep->res->tally[k][AG_REP_STATUS_SUPPRESSED];
  }
  if (accepted[0] || accepted[1])
    ag_rep_printf(o, "Not counted: %u in the baseline, %u suppressed.\n\n",
                  accepted[0], accepted[1]);
  for (size_t i = 0; i < rep->message_count; ++i) {
    ag_rep_put(o, "> ⚠️ ");
    ag_rep_html_text(o, rep->messages[i].text);
    ag_rep_put(o, "\n\n");
  }
  free(m);
}

const struct ag_rep_emitter ag_rep_emit_markdown = {
    ag_rep_md_begin, ag_rep_md_root, ag_rep_md_finding, ag_rep_md_end};
