/* ag_rep_sarif_result.c - one SARIF result: a site (ag_rep_sarif.h) at
 * the allocating call, its message naming the roots that reach it, each
 * root as a related location with its path, the first roots' paths as
 * code flows, the site's fingerprint, baseline state and suppressions. */
#include "ag_rep_sarif.h"

#include <stdlib.h>
#include <string.h>

static void ag_rep_sarif_buf_write(void *ctx, const char *data, size_t len) {
  struct ag_rep_textbuf *b = ctx;
  ag_grow((void **)&b->data, &b->cap, b->len + len + 1, 1);
  memcpy(b->data + b->len, data, len);
  b->len += len;
  b->data[b->len] = '\0';
}

/* An output into `b`, emptied. */
struct ag_rep_out ag_rep_sarif_into(struct ag_rep_textbuf *b) {
  b->len = 0;
  struct ag_rep_out o = {ag_rep_sarif_buf_write, b, NULL, 0, 0};
  return o;
}

void ag_rep_sarif_text(struct ag_rep_out *o, const char *key,
                       const char *text) {
  ag_rep_put(o, "\"");
  ag_rep_put(o, key);
  ag_rep_put(o, "\": {\"text\": ");
  ag_rep_json_string(o, text);
  ag_rep_put(o, "}");
}

/* Text in a message that has embedded links: literal brackets are
 * escaped (SARIF 2.1.0, 3.11.6). */
static void ag_rep_sarif_plain(struct ag_rep_out *o, const char *text) {
  for (const char *p = text; *p; ++p) {
    if (*p == '[' || *p == ']')
      ag_rep_putn(o, "\\", 1);
    ag_rep_putn(o, p, 1);
  }
}

/* "physicalLocation": {...}, inside a location object the caller opens. */
static void ag_rep_sarif_physical(struct ag_rep_out *o,
                                  const struct ag_rep_hop *h) {
  ag_rep_put(o, "\"physicalLocation\": {\"artifactLocation\": {\"uri\": \"");
  int relative = ag_rep_paths_uri(o, h->file ? h->file : "unknown");
  ag_rep_put(o, relative ? "\", \"uriBaseId\": \"SRCROOT\"}" : "\"}");
  if (h->has_loc && h->line) {
    ag_rep_put(o, ", \"region\": {\"startLine\": ");
    ag_rep_putu(o, h->line);
    if (h->column) {
      ag_rep_put(o, ", \"startColumn\": ");
      ag_rep_putu(o, h->column);
    }
    ag_rep_put(o, "}");
  }
  ag_rep_put(o, "}");
}

/* The view of one finding of a site, alone (not grouped). */
static const struct ag_rep_view *
ag_rep_sarif_view(struct ag_rep_sarif_scratch *s,
                  const struct ag_rep_report *rep, const uint32_t *member,
                  struct ag_rep_view *v) {
  const struct ag_rep_finding *f = &rep->res->findings[*member];
  memset(v, 0, sizeof(*v));
  v->f = f;
  v->index = *member;
  v->root = &rep->res->roots[f->root];
  v->members = member;
  v->member_count = 1;
  if (f->status == AG_REP_STATUS_SUPPRESSED && rep->sups)
    v->justification = rep->sups->items[f->suppression].justification;
  ag_rep_view_build(&s->viewer, rep, v);
  return v;
}

/* A root's finding as a status: "" when new. */
static void ag_rep_sarif_status(struct ag_rep_out *o,
                                const struct ag_rep_view *v) {
  if (v->f->status == AG_REP_STATUS_SUPPRESSED)
    ag_rep_printf(o, " (suppressed: %s)", v->justification ? v->justification
                                                           : "");
  else if (v->f->status == AG_REP_STATUS_BASELINED)
    ag_rep_put(o, " (in the baseline)");
}

/* The message: a site one root reaches reads as the text report's
 * headline; a shared site names its roots, the first few linked to their
 * related locations. */
static const char *ag_rep_sarif_message(struct ag_rep_sarif_scratch *s,
                                        const struct ag_rep_report *rep,
                                        const struct ag_rep_sarif_site *site,
                                        const uint32_t *members,
                                        const struct ag_rep_view *first) {
  struct ag_rep_out o = ag_rep_sarif_into(&s->text);
  if (site->count == 1) {
    ag_rep_put(&o, first->message);
  } else {
    ag_rep_sarif_plain(&o, first->hops[first->hop_count - 1].note);
    ag_rep_printf(&o, "; reached from %u alloc_free functions: ", site->count);
    uint32_t named = site->count < AG_REP_SARIF_NAMED ? site->count
                                                      : AG_REP_SARIF_NAMED;
    for (uint32_t k = 0; k < named; ++k) {
      const struct ag_rep_finding *f = &rep->res->findings[members[k]];
      ag_rep_put(&o, k ? ", '[" : "'[");
      ag_rep_sarif_plain(&o,
                         ag_rep_node_name(rep, rep->res->roots[f->root].node));
      ag_rep_printf(&o, "](%u)'", k + 1);
    }
    if (site->count > named)
      ag_rep_printf(&o, " and %u more", site->count - named);
    uint32_t sup = site->status[AG_REP_STATUS_SUPPRESSED],
             old = site->status[AG_REP_STATUS_BASELINED];
    if (sup && old)
      ag_rep_printf(&o, " (%u suppressed, %u in the baseline)", sup, old);
    else if (sup || old)
      ag_rep_printf(&o, sup ? " (%u suppressed)" : " (%u in the baseline)",
                    sup ? sup : old);
  }
  return s->text.data;
}

/* "'r' > 'mix' > 'make_label' > 'strdup'". */
static void ag_rep_sarif_path_text(struct ag_rep_out *o,
                                   const struct ag_rep_report *rep,
                                   const struct ag_rep_view *v) {
  for (uint32_t i = 0; i < v->hop_count; ++i)
    ag_rep_printf(o, "%s'%s'", i ? " > " : "",
                  ag_rep_node_name(rep, v->hops[i].caller));
  uint32_t callee = v->hops[v->hop_count - 1].callee;
  if (callee != AG_REP_NONE)
    ag_rep_printf(o, " > '%s'", ag_rep_node_name(rep, callee));
}

/* Each root (up to AG_REP_SARIF_RELATED) at its call that leads to the
 * site, with its path, its status and the path's fingerprint (the
 * baseline's). Returns how many. */
static uint32_t ag_rep_sarif_related(struct ag_rep_sarif_scratch *s,
                                     struct ag_rep_out *o,
                                     const struct ag_rep_report *rep,
                                     const struct ag_rep_sarif_site *site,
                                     const uint32_t *members) {
  uint32_t n = site->count < AG_REP_SARIF_RELATED ? site->count
                                                  : AG_REP_SARIF_RELATED;
  ag_rep_put(o, ",\n         \"relatedLocations\": [");
  for (uint32_t k = 0; k < n; ++k) {
    struct ag_rep_view v;
    ag_rep_sarif_view(s, rep, &members[k], &v);
    ag_rep_printf(o, "%s\n           {\"id\": %u, ", k ? "," : "", k + 1);
    ag_rep_sarif_physical(o, &v.hops[0]);
    struct ag_rep_out t = ag_rep_sarif_into(&s->text);
    ag_rep_printf(&t, "alloc_free function '%s'",
                  ag_rep_node_name(rep, v.root->node));
    ag_rep_sarif_status(&t, &v);
    ag_rep_put(&t, ": ");
    ag_rep_sarif_path_text(&t, rep, &v);
    ag_rep_put(o, ", ");
    ag_rep_sarif_text(o, "message", s->text.data);
    ag_rep_put(o, ", \"properties\": {\"fingerprint\": \"");
    ag_rep_hex64(o, v.f->fingerprint);
    ag_rep_printf(o, "\", \"status\": \"%s\"}}",
                  ag_rep_status_name(v.f->status));
  }
  ag_rep_put(o, "]");
  return n;
}

/* The paths of the first roots as code flows, within
 * AG_REP_SARIF_FLOW_LOCATIONS thread flow locations (the first path
 * always). Returns how many. */
static uint32_t ag_rep_sarif_flows(struct ag_rep_sarif_scratch *s,
                                   struct ag_rep_out *o,
                                   const struct ag_rep_report *rep,
                                   const struct ag_rep_sarif_site *site,
                                   const uint32_t *members) {
  uint32_t n = 0, locations = 0;
  ag_rep_put(o, ",\n         \"codeFlows\": [");
  for (uint32_t k = 0; k < site->count && k < rep->sarif_max_paths; ++k) {
    const struct ag_rep_finding *f = &rep->res->findings[members[k]];
    if (k && locations + f->path_len > AG_REP_SARIF_FLOW_LOCATIONS)
      break;
    struct ag_rep_view v;
    ag_rep_sarif_view(s, rep, &members[k], &v);
    locations += v.hop_count;
    struct ag_rep_out t = ag_rep_sarif_into(&s->text);
    ag_rep_printf(&t, "from alloc_free function '%s'",
                  ag_rep_node_name(rep, v.root->node));
    ag_rep_sarif_status(&t, &v);
    ag_rep_put(o, k ? ",\n          {" : "\n          {");
    ag_rep_sarif_text(o, "message", s->text.data);
    ag_rep_put(o, ", \"threadFlows\": [{\"locations\": [");
    for (uint32_t i = 0; i < v.hop_count; ++i) {
      ag_rep_put(o, i ? ",\n           {\"location\": {"
                      : "\n           {\"location\": {");
      ag_rep_sarif_physical(o, &v.hops[i]);
      ag_rep_put(o, ", ");
      ag_rep_sarif_text(o, "message", v.hops[i].note);
      ag_rep_put(o, "}, \"nestingLevel\": ");
      ag_rep_putu(o, i);
      ag_rep_put(o, ", \"executionOrder\": ");
      ag_rep_putu(o, i + 1);
      ag_rep_put(o, "}");
    }
    ag_rep_put(o, "]}]}");
    ++n;
  }
  ag_rep_put(o, "]");
  return n;
}

/* baselineState when a baseline was given; suppressions when every root's
 * finding here is suppressed (one entry per justification). */
static void ag_rep_sarif_states(struct ag_rep_out *o,
                                const struct ag_rep_report *rep,
                                const struct ag_rep_sarif_site *site,
                                const uint32_t *members) {
  if (rep->baseline)
    ag_rep_printf(o, ", \"baselineState\": \"%s\"",
                  site->in_baseline == site->count ? "unchanged"
                  : site->in_baseline              ? "updated"
                                                   : "new");
  if (site->status[AG_REP_STATUS_SUPPRESSED] != site->count || !rep->sups)
    return;
  ag_rep_put(o, ",\n         \"suppressions\": [");
  uint32_t written = 0;
  for (uint32_t k = 0; k < site->count; ++k) {
    uint32_t sup = rep->res->findings[members[k]].suppression;
    int seen = 0;
    for (uint32_t j = 0; j < k && !seen; ++j)
      seen = rep->res->findings[members[j]].suppression == sup;
    if (seen)
      continue;
    ag_rep_put(o, written++ ? ", {\"kind\": \"external\", "
                            : "{\"kind\": \"external\", ");
    ag_rep_put(o, "\"status\": \"accepted\", \"justification\": ");
    ag_rep_json_string(o, rep->sups->items[sup].justification);
    ag_rep_put(o, "}");
  }
  ag_rep_put(o, "]");
}

/* One site's result into `o`. */
void ag_rep_sarif_result(struct ag_rep_sarif_scratch *s, struct ag_rep_out *o,
                         const struct ag_rep_report *rep,
                         const struct ag_rep_sarif_site *site,
                         const uint32_t *members) {
  struct ag_rep_view v;
  ag_rep_sarif_view(s, rep, &members[0], &v);
  unsigned rule = ag_rep_sarif_rule_of(v.f->kind);
  ag_rep_printf(o, "\n        {\"ruleId\": \"%s\", \"ruleIndex\": %u, "
                "\"level\": \"%s\",\n         ", ag_rep_sarif_rule(rule)->id,
                rule, ag_rep_sarif_rule(rule)->level);
  ag_rep_sarif_text(o, "message",
                    ag_rep_sarif_message(s, rep, site, members, &v));
  const struct ag_rep_hop *at = &v.hops[v.hop_count - 1];
  ag_rep_put(o, ",\n         \"locations\": [{");
  ag_rep_sarif_physical(o, at);
  ag_rep_put(o, ", \"logicalLocations\": [{\"name\": ");
  ag_rep_json_string(o, ag_rep_node_name(rep, at->caller));
  ag_rep_put(o, ", \"decoratedName\": ");
  ag_rep_json_string(o, rep->prog->nodes[at->caller].symbol);
  ag_rep_put(o, ", \"kind\": \"function\"}]}],\n         "
                "\"partialFingerprints\": "
                "{\"" AG_REP_SARIF_FINGERPRINT "\": \"");
  ag_rep_hex64(o, v.f->site);
  ag_rep_put(o, "\"}");
  ag_rep_sarif_states(o, rep, site, members);
  uint32_t related = ag_rep_sarif_related(s, o, rep, site, members);
  uint32_t flows = ag_rep_sarif_flows(s, o, rep, site, members);
  ag_rep_printf(o, ",\n         \"properties\": {\"roots\": %u, "
                "\"rootsListed\": %u, \"pathsShown\": %u, \"new\": %u, "
                "\"baselined\": %u, \"suppressed\": %u}}", site->count, related,
                flows, site->status[AG_REP_STATUS_NEW],
                site->status[AG_REP_STATUS_BASELINED],
                site->status[AG_REP_STATUS_SUPPRESSED]);
}

void ag_rep_sarif_scratch_free(struct ag_rep_sarif_scratch *s) {
  ag_rep_viewer_free(&s->viewer);
  free(s->text.data);
  memset(s, 0, sizeof(*s));
}
