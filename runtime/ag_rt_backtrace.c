/* ag_rt_backtrace.c - backtrace=1: frames of a violation, without malloc.
 *
 * glibc's backtrace() dlopens libgcc_s on first use (which allocates), so
 * the runtime calls libgcc's _Unwind_Backtrace directly: it reads the
 * .eh_frame unwind tables every object has by default on x86-64 and
 * AArch64, needs no frame pointers, and steps through signal frames. Frames
 * are named with dladdr(), which reads the dynamic symbol table in place.
 * Both are called once from a constructor when backtrace=1, so lazy
 * binding and the unwinder's first-use setup happen before main, not in a
 * real-time thread.
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

struct ag_rt_bt {
  const void **frames;
  unsigned max, n;
  const void *after; /* skip frames through this return address */
  int skipping;
};

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
  return bt->n == bt->max ? _URC_END_OF_STACK : _URC_NO_REASON;
}

unsigned ag_rt_backtrace_capture(const void **frames, unsigned max,
                                 const void *after) {
  struct ag_rt_bt bt = {frames, max, 0, after, after != 0};
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

/* The main program: dladdr() names it by argv[0], which may be relative
 * or made up; show /proc/self/exe's target instead. Both read once, at
 * load time. */
static char ag_rt_exe_path[512];
static uintptr_t ag_rt_exe_base; /* lowest mapped address of the program */

/* dl_iterate_phdr lists the main program first. */
static int ag_rt_find_exe(struct dl_phdr_info *info, size_t size, void *arg) {
  uintptr_t lo = UINTPTR_MAX;
  int i;
  (void)size;
  (void)arg;
  for (i = 0; i < info->dlpi_phnum; i++)
    if (info->dlpi_phdr[i].p_type == PT_LOAD &&
        info->dlpi_addr + info->dlpi_phdr[i].p_vaddr < lo)
      lo = info->dlpi_addr + info->dlpi_phdr[i].p_vaddr;
  ag_rt_exe_base = lo & ~(uintptr_t)4095;
  return 1;
}

static const char *ag_rt_module_name(const Dl_info *info) {
  if ((uintptr_t)info->dli_fbase == ag_rt_exe_base && ag_rt_exe_path[0])
    return ag_rt_exe_path;
  return info->dli_fname[0] ? info->dli_fname : "<main>";
}

void ag_rt_backtrace_print(const void *const *frames, unsigned n) {
  unsigned i;
  for (i = 0; i < n; i++) {
    struct ag_rt_line l;
    Dl_info info;
    int named = dladdr(frames[i], &info);
    ag_rt_line_init(&l);
    ag_rt_line_str(&l, "    #");
    ag_rt_line_dec(&l, i);
    ag_rt_line_str(&l, " ");
    ag_rt_line_hex(&l, (uint64_t)(uintptr_t)frames[i]);
    if (named && info.dli_sname && info.dli_saddr) {
      ag_rt_line_str(&l, " in ");
      ag_rt_line_str(&l, info.dli_sname);
      ag_rt_line_str(&l, "+");
      ag_rt_line_hex(&l, (uint64_t)((uintptr_t)frames[i] -
                                    (uintptr_t)info.dli_saddr));
    }
    ag_rt_line_str(&l, " (");
    if (named && info.dli_fname) {
      ag_rt_line_str(&l, ag_rt_module_name(&info));
      ag_rt_line_str(&l, "+");
      ag_rt_line_hex(&l, (uint64_t)((uintptr_t)frames[i] -
                                    (uintptr_t)info.dli_fbase));
    } else {
      ag_rt_line_str(&l, "<unknown module>");
    }
    ag_rt_line_str(&l, ")");
    ag_rt_line_emit(&l);
  }
}

/* Warm up what a first use would otherwise do in a real-time thread. */
__attribute__((constructor)) static void ag_rt_backtrace_warm(void) {
  const void *frames[2];
  Dl_info info;
  ssize_t n;
  if (!ag_rt_flags_get()->backtrace)
    return;
  n = readlink("/proc/self/exe", ag_rt_exe_path, sizeof ag_rt_exe_path - 1);
  ag_rt_exe_path[n > 0 ? n : 0] = '\0';
  dl_iterate_phdr(ag_rt_find_exe, 0);
  if (ag_rt_backtrace_capture(frames, 2, 0))
    (void)dladdr(frames[0], &info);
}
