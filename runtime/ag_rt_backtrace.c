/* ag_rt_backtrace.c - backtrace=1: frames of a violation, without malloc.
 *
 * glibc's backtrace() dlopens libgcc_s on first use (which allocates), so
 * the runtime calls libgcc's _Unwind_Backtrace directly: it reads the
 * .eh_frame unwind tables every object has by default on x86-64 and
 * AArch64, needs no frame pointers, and steps through signal frames.
 * Frames are named by an external symbolizer (ag_rt_symbolize.h) after the
 * report's line is out, and the first one in user code (an instrumented
 * module, outside system headers) is marked; without a symbolizer, by
 * dladdr(), which reads the dynamic symbol table in place. The unwinder
 * and dladdr are called once from a constructor, so lazy binding and the
 * unwinder's first-use setup happen before main, not in a real-time
 * thread.
 *
 * Caveats (docs/runtime.md): the unwinder and dladdr take the dynamic
 * loader's lock, so a violation in a signal handler that interrupted
 * dlopen/dlclose on the same thread can deadlock; code without unwind
 * tables (-fno-asynchronous-unwind-tables) ends the trace early.
 */
#define _GNU_SOURCE
#include "ag_rt_backtrace.h"

#include <dlfcn.h>
#include <link.h>
#include <stdint.h>
#include <unistd.h>
#include <unwind.h>

#include "ag_rt_flags.h"
#include "ag_rt_report.h"
#include "ag_rt_sites.h"
#include "ag_rt_symbolize.h"
#include "ag_system_path.h"

struct ag_rt_bt {
  const void **frames;
  unsigned max, n;
  const void *after; /* skip frames through this return address */
  int skipping;
  /* Stop after the first frame inside one of these ranges (none: n 0). */
  const uintptr_t *stop_lo, *stop_hi;
  unsigned stop_n;
};

static int ag_rt_bt_in(const struct ag_rt_bt *bt, uintptr_t pc) {
  unsigned i;
  for (i = 0; i < bt->stop_n; i++)
    if (pc >= bt->stop_lo[i] && pc < bt->stop_hi[i])
      return 1;
  return 0;
}

static _Unwind_Reason_Code ag_rt_bt_step(struct _Unwind_Context *ctx,
                                         void *arg) {
  struct ag_rt_bt *bt = arg;
  int before = 0; /* IP already points at the instruction (signal frame) */
  uintptr_t ip = _Unwind_GetIPInfo(ctx, &before);
  if (ip == 0)
    return _URC_END_OF_STACK;
  if (bt->skipping) {
    if ((const void *)ip == bt->after)
      bt->skipping = 0;
    return _URC_NO_REASON;
  }
  bt->frames[bt->n++] = (const void *)(before ? ip : ip - 1);
  return bt->n == bt->max || ag_rt_bt_in(bt, (uintptr_t)bt->frames[bt->n - 1])
             ? _URC_END_OF_STACK
             : _URC_NO_REASON;
}

/* ag_rt_backtrace_capture, stopping after the first frame in one of
 * `n` ranges [lo, hi). */
static unsigned ag_rt_backtrace_until(const void **frames, unsigned max,
                                      const void *after, const uintptr_t *lo,
                                      const uintptr_t *hi, unsigned n) {
  struct ag_rt_bt bt = {frames, max, 0, after, after != 0, lo, hi, n};
  if (max == 0)
    return 0;
  _Unwind_Backtrace(ag_rt_bt_step, &bt);
  if (bt.skipping) { /* `after` never met: show everything */
    bt.skipping = 0;
    bt.after = 0;
    bt.n = 0;
    _Unwind_Backtrace(ag_rt_bt_step, &bt);
  }
  return bt.n;
}

unsigned ag_rt_backtrace_capture(const void **frames, unsigned max,
                                 const void *after) {
  return ag_rt_backtrace_until(frames, max, after, NULL, NULL, 0);
}

/* The frame is in a module built with the plugin: one that registered
 * sites, or the root's own (`root_in` lies in it; a module of roots
 * without allocation calls registers none). */
static int ag_rt_frame_instrumented(const void *pc, const void *root_in) {
  Dl_info a, b;
  if (root_in && dladdr(pc, &a) && dladdr(root_in, &b) &&
      a.dli_fbase == b.dli_fbase)
    return 1;
  return ag_rt_sites_in_module(pc);
}

/* The frames a user frame is looked for in. */
#define AG_RT_USER_DEPTH 24

/* Most code ranges of instrumented modules looked for at once; with more
 * (many instrumented DSOs), frame by frame. */
#define AG_RT_USER_RANGES 32

const void *ag_rt_backtrace_user_frame(const void *pc, const void *after,
                                       const void *root_in) {
  const void *frames[AG_RT_USER_DEPTH];
  uintptr_t lo[AG_RT_USER_RANGES], hi[AG_RT_USER_RANGES];
  unsigned n, i, ranges;
  /* The instrumented modules' code first, in one walk of the loaded
   * objects; then unwinding stops at the first frame inside it, usually
   * a frame or two up: DWARF unwinding is the cost, a few hundred
   * instructions a frame. */
  ranges = ag_rt_sites_code_ranges(root_in, lo, hi, AG_RT_USER_RANGES);
  if (ranges > AG_RT_USER_RANGES) {
    if (ag_rt_frame_instrumented(pc, root_in))
      return NULL;
    n = ag_rt_backtrace_capture(frames, AG_RT_USER_DEPTH, after);
    for (i = 0; i < n; i++)
      if (ag_rt_frame_instrumented(frames[i], root_in))
        return frames[i];
    return NULL;
  }
  for (i = 0; i < ranges; i++)
    if ((uintptr_t)pc >= lo[i] && (uintptr_t)pc < hi[i])
      return NULL;
  n = ag_rt_backtrace_until(frames, AG_RT_USER_DEPTH, after, lo, hi, ranges);
  for (i = 0; n && i < ranges; i++)
    if ((uintptr_t)frames[n - 1] >= lo[i] && (uintptr_t)frames[n - 1] < hi[i])
      return frames[n - 1];
  return NULL;
}

static void ag_rt_frame_head(struct ag_rt_line *l, unsigned i,
                             const void *pc) {
  ag_rt_line_init(l);
  ag_rt_line_str(l, "    #");
  ag_rt_line_dec(l, i);
  ag_rt_line_str(l, " ");
  ag_rt_line_hex(l, (uint64_t)(uintptr_t)pc);
}

/* " (module+0xOFF)" */
static void ag_rt_frame_module(struct ag_rt_line *l, const void *pc) {
  uintptr_t off;
  const char *mod = ag_rt_module_of(pc, &off);
  ag_rt_line_str(l, " (");
  if (mod) {
    ag_rt_line_str(l, mod);
    ag_rt_line_str(l, "+");
    ag_rt_line_hex(l, (uint64_t)off);
  } else {
    ag_rt_line_str(l, "<unknown module>");
  }
  ag_rt_line_str(l, ")");
}

/* Without a symbolizer: "    #N 0xADDR in SYM+0xOFF (MODULE+0xOFF)", the
 * symbol when the dynamic symbol table names it; up to the first frame in
 * an instrumented module unless `all`. */
static void ag_rt_print_raw(const void *const *frames, unsigned n,
                            const void *root_in, int all) {
  unsigned i;
  for (i = 0; i < n; i++) {
    struct ag_rt_line l;
    Dl_info info;
    ag_rt_frame_head(&l, i, frames[i]);
    if (dladdr(frames[i], &info) && info.dli_sname && info.dli_saddr) {
      ag_rt_line_str(&l, " in ");
      ag_rt_line_str(&l, info.dli_sname);
      ag_rt_line_str(&l, "+");
      ag_rt_line_hex(&l, (uint64_t)((uintptr_t)frames[i] -
                                    (uintptr_t)info.dli_saddr));
    }
    ag_rt_frame_module(&l, frames[i]);
    ag_rt_line_emit(&l);
    if (!all && ag_rt_frame_instrumented(frames[i], root_in))
      return;
  }
}

static struct ag_rt_sym ag_rt_syms[AG_RT_SYM_MAX]; /* under the output lock */

void ag_rt_backtrace_print(const void *const *frames, unsigned n,
                           const void *root_in, int all) {
  int count = ag_rt_symbolize(frames, n, ag_rt_syms), i, user = -1;
  if (count <= 0) {
    ag_rt_print_raw(frames, n, root_in, all);
    return;
  }
  for (i = 0; i < count && user < 0; i++)
    if (ag_rt_syms[i].file[0] && !ag_is_system_path(ag_rt_syms[i].file) &&
        ag_rt_frame_instrumented(frames[ag_rt_syms[i].frame], root_in))
      user = i;
  for (i = 0; i < count; i++) {
    const struct ag_rt_sym *s = &ag_rt_syms[i];
    struct ag_rt_line l;
    ag_rt_frame_head(&l, (unsigned)i, frames[s->frame]);
    if (s->function[0]) {
      ag_rt_line_str(&l, " in ");
      ag_rt_line_str(&l, s->function);
    }
    if (s->file[0]) {
      ag_rt_line_str(&l, " ");
      ag_rt_line_str(&l, s->file);
      if (s->line) {
        ag_rt_line_str(&l, ":");
        ag_rt_line_dec(&l, s->line);
        if (s->column) {
          ag_rt_line_str(&l, ":");
          ag_rt_line_dec(&l, s->column);
        }
      }
    } else {
      ag_rt_frame_module(&l, frames[s->frame]);
    }
    if (i == user)
      ag_rt_line_str(&l, " <- user code");
    ag_rt_line_emit(&l);
    if (i == user && !all)
      return;
  }
}

/* Warm up what a first use would otherwise do in a real-time thread:
 * lazy binding and the unwinder's first-use setup, before main. Frames are
 * taken for every report that needs the user's line, so this runs unless
 * nothing is ever reported (mode=count). */
__attribute__((constructor)) static void ag_rt_backtrace_warm(void) {
  const void *frames[2];
  Dl_info info;
  uintptr_t off;
  if (ag_rt_flags_get()->mode == AG_RT_MODE_COUNT)
    return;
  if (ag_rt_backtrace_capture(frames, 2, 0)) {
    (void)dladdr(frames[0], &info);
    (void)ag_rt_module_of(frames[0], &off);
  }
}
