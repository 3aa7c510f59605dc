/* ag_rt_handler.c - the replaceable violation handler.
 *
 * ag_rt_violation() hands each violation its mode reports to
 * __allocguard_on_violation(). The runtime's definition is weak and prints
 * the standard line; a program (or any object linked before the runtime)
 * may define its own, e.g. to log to a ring buffer on a board without
 * stderr. With the shared runtime the call goes through the PLT, so the
 * executable's definition wins there too.
 */
#include "ag_rt_handler.h"

#include <stddef.h>
#include <string.h>

#include "ag_rt_backtrace.h"
#include "ag_rt_check.h"
#include "ag_rt_flags.h"
#include "ag_rt_preload.h"

void ag_rt_violation_describe(struct allocguard_violation *v,
                              const struct __allocguard_site *site,
                              enum ag_rt_kind kind, size_t bytes,
                              int has_size) {
  memset(v, 0, sizeof *v);
  v->size = sizeof *v;
  v->kind = (uint32_t)kind;
  v->what = ag_rt_kind_text(kind);
  v->callee = site->callee ? site->callee : "<unknown>";
  v->function = site->function ? site->function : "<unknown>";
  v->file = site->file ? site->file : "<unknown>";
  v->line = site->line;
  v->column = site->column;
  v->bytes = has_size ? bytes : 0;
  v->has_bytes = has_size != 0;
  v->scope_depth = __allocguard_scope_depth;
  v->lock_depth = ag_rt_lock_depth;
  v->site = site;
  v->system_site = (site->flags & (AG_SITE_SYSTEM | AG_RT_SITE_CALLER)) != 0;
  if (kind == AG_RT_KIND_ALLOC_IN_SCOPE || kind == AG_RT_KIND_DEALLOC_IN_SCOPE) {
    const struct __allocguard_root *root = ag_rt_scope_root();
    if (root) {
      v->root_function = root->function ? root->function : "<unknown>";
      v->root_file = root->file ? root->file : "<unknown>";
      v->root_line = root->line;
    }
  }
}

/* "; root <function> at <file>[:<line>]", when the handler's struct has
 * the fields and a root is known. */
static void ag_rt_line_root(struct ag_rt_line *l,
                            const struct allocguard_violation *v) {
  if (v->size < offsetof(struct allocguard_violation, system_site) ||
      !v->root_function)
    return;
  ag_rt_line_str(l, "; root ");
  ag_rt_line_str(l, v->root_function);
  ag_rt_line_str(l, " at ");
  ag_rt_line_loc(l, v->root_file, v->root_line, 0);
}

void ag_rt_line_violation(struct ag_rt_line *l,
                          const struct allocguard_violation *v) {
  ag_rt_line_pid(l);
  ag_rt_line_str(l, "ERROR: allocguard: ");
  ag_rt_line_str(l, v->what);
  ag_rt_line_str(l, ": ");
  ag_rt_line_str(l, v->callee);
  if (v->has_bytes) {
    /* "malloc(64 bytes)", but "operator new(unsigned long) (64 bytes)". */
    ag_rt_line_str(l, strchr(v->callee, '(') ? " (" : "(");
    ag_rt_line_dec(l, v->bytes);
    ag_rt_line_str(l, " bytes)");
  }
  if (v->site &&
      (((const struct __allocguard_site *)v->site)->flags & AG_RT_SITE_CALLER)) {
    /* Intercepted by liballocguard_preload.so: no source location, the
     * caller's module+offset and nearest symbol instead. */
    ag_rt_line_str(l, " called from ");
    ag_rt_line_str(l, v->file);
    if (v->function[0]) {
      ag_rt_line_str(l, " (");
      ag_rt_line_str(l, v->function);
      ag_rt_line_str(l, ")");
    }
    ag_rt_line_root(l, v);
    return;
  }
  ag_rt_line_str(l, " at ");
  ag_rt_line_loc(l, v->file, v->line, v->column);
  ag_rt_line_str(l, " in ");
  ag_rt_line_str(l, v->function);
  if (v->line == 0)
    ag_rt_line_str(l, " (no line information: compile with -g)");
  ag_rt_line_root(l, v);
}

AG_RT_EXPORT size_t
allocguard_format_violation(const struct allocguard_violation *v, char *buf,
                            size_t size) {
  struct ag_rt_line l;
  ag_rt_line_init(&l);
  ag_rt_line_violation(&l, v);
  if (size) {
    size_t n = l.len < size - 1 ? l.len : size - 1;
    memcpy(buf, l.buf, n);
    buf[n] = '\0';
  }
  return l.len;
}

/* The line, then the frames, as one block: the output lock is held across
 * both so another thread's report cannot land in between. The line is out
 * before the symbolizer runs, so it is there even if that never returns. */
AG_RT_EXPORT void
allocguard_print_violation(const struct allocguard_violation *v) {
  struct ag_rt_line l;
  ag_rt_line_init(&l);
  ag_rt_line_violation(&l, v);
  ag_rt_output_begin();
  ag_rt_line_emit(&l);
  if (v->frames && v->nframes)
    ag_rt_backtrace_print(
        v->frames, v->nframes,
        v->size >= offsetof(struct allocguard_violation, system_site)
            ? v->root_function
            : 0,
        ag_rt_flags_get()->backtrace);
  ag_rt_output_end();
}

AG_RT_EXPORT __attribute__((weak)) void
__allocguard_on_violation(const struct allocguard_violation *v) {
  allocguard_print_violation(v);
}
