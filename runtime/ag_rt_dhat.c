/* ag_rt_dhat.c - write the per-site counts as a DHAT file (dhat=PATH).
 *
 *   ALLOCGUARD_OPTIONS=mode=count:dhat=app.%p.json ./app
 *   then open /usr/libexec/valgrind/dh_view.html and load the file
 *
 * The format is valgrind DHAT's JSON, dhatFileVersion 2, as dh_view.js
 * reads it. Each site that made allocation calls is one program point;
 * its two frames read like a DHAT backtrace:
 *   #1: malloc                                      the callee
 *   #2: audio_callback (demo.c:23:17) [3 violations] the site
 * The callee frame is shared, so the viewer groups sites by callee, as it
 * groups DHAT's program points by allocator. bklt and bkacc are false:
 * allocguard counts calls and bytes, not block lifetimes or accesses, and
 * the viewer then neither requires nor shows the lifetime and access
 * fields (DHAT's own copy and ad-hoc modes write the same). Time is
 * microseconds since the runtime started, so rates read per second.
 *
 * Written at exit through a stack buffer with open/write: no malloc, no
 * stdio. The sites are walked three times (count, program points, frame
 * names); a site's frame index is its ordinal, so a counter that moves
 * between walks cannot make the file inconsistent.
 */
#define _GNU_SOURCE
#include "ag_rt_dhat.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "ag_rt_check.h"
#include "ag_rt_common.h"
#include "ag_rt_flags.h"
#include "ag_rt_report.h"
#include "ag_rt_sites.h"

/* Distinct callees that get a shared frame; more share one "[other]". */
#define AG_RT_DHAT_MAX_CALLEES 256

static struct timespec ag_rt_dhat_start;
static const char *ag_rt_dhat_callees[AG_RT_DHAT_MAX_CALLEES];
static unsigned ag_rt_dhat_ncallees;
static int ag_rt_dhat_overflow; /* some callee had no slot left */
static int ag_rt_dhat_done;

/* The start of the program's time line ("te" is measured from here). */
__attribute__((constructor)) static void ag_rt_dhat_ctor(void) {
  clock_gettime(CLOCK_MONOTONIC, &ag_rt_dhat_start);
}

/* ---- Buffered output ---------------------------------------------------- */

struct ag_rt_dhat_out {
  int fd;         /* the DHAT file */
  int err;        /* errno of the first failed write, or 0 */
  size_t len;     /* bytes used in buf */
  char buf[8192]; /* pending output */
};

static void ag_rt_dhat_flush(struct ag_rt_dhat_out *o) {
  const char *p = o->buf;
  size_t left = o->len;
  while (left && !o->err) {
    ssize_t n = write(o->fd, p, left);
    if (n < 0 && errno == EINTR)
      continue;
    if (n <= 0) {
      o->err = n < 0 ? errno : EIO;
      break;
    }
    p += n;
    left -= (size_t)n;
  }
  o->len = 0;
}

static void ag_rt_dhat_mem(struct ag_rt_dhat_out *o, const char *s, size_t n) {
  while (n) {
    size_t room = sizeof o->buf - o->len, k = n < room ? n : room;
    memcpy(o->buf + o->len, s, k);
    o->len += k;
    s += k;
    n -= k;
    if (o->len == sizeof o->buf)
      ag_rt_dhat_flush(o);
  }
}

static void ag_rt_dhat_raw(struct ag_rt_dhat_out *o, const char *s) {
  ag_rt_dhat_mem(o, s, strlen(s));
}

static void ag_rt_dhat_dec(struct ag_rt_dhat_out *o, uint64_t v) {
  char tmp[20];
  size_t i = sizeof tmp;
  do {
    tmp[--i] = (char)('0' + v % 10);
    v /= 10;
  } while (v);
  ag_rt_dhat_mem(o, tmp + i, sizeof tmp - i);
}

/* Length of the valid UTF-8 sequence at p (NUL-terminated), or 0. JSON
 * must be UTF-8, and file names need not be. */
static size_t ag_rt_utf8_len(const unsigned char *p) {
  uint32_t cp, min;
  size_t need, i;
  if (p[0] < 0xc2 || p[0] > 0xf4)
    return 0;
  if (p[0] < 0xe0)
    need = 1, cp = p[0] & 0x1fu, min = 0x80;
  else if (p[0] < 0xf0)
    need = 2, cp = p[0] & 0x0fu, min = 0x800;
  else
    need = 3, cp = p[0] & 0x07u, min = 0x10000;
  for (i = 1; i <= need; i++) {
    if ((p[i] & 0xc0) != 0x80) /* also stops at the NUL */
      return 0;
    cp = cp << 6 | (p[i] & 0x3fu);
  }
  if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
    return 0;
  return need + 1;
}

/* The body of a JSON string: quotes, backslashes and control characters
 * escaped, bytes that are not UTF-8 replaced by U+FFFD. */
static void ag_rt_dhat_esc(struct ag_rt_dhat_out *o, const char *s) {
  const unsigned char *p = (const unsigned char *)(s ? s : "<unknown>");
  while (*p) {
    size_t n;
    if (*p == '"' || *p == '\\') {
      char e[2] = {'\\', (char)*p};
      ag_rt_dhat_mem(o, e, 2);
      n = 1;
    } else if (*p < 0x20) {
      char e[6] = {'\\', 'u', '0', '0', "0123456789abcdef"[*p >> 4],
                   "0123456789abcdef"[*p & 15]};
      ag_rt_dhat_mem(o, e, 6);
      n = 1;
    } else if (*p < 0x80) {
      ag_rt_dhat_mem(o, (const char *)p, 1);
      n = 1;
    } else if ((n = ag_rt_utf8_len(p)) != 0) {
      ag_rt_dhat_mem(o, (const char *)p, n);
    } else {
      ag_rt_dhat_raw(o, "\\ufffd");
      n = 1;
    }
    p += n;
  }
}

/* A whole JSON string. */
static void ag_rt_dhat_str(struct ag_rt_dhat_out *o, const char *s) {
  ag_rt_dhat_raw(o, "\"");
  ag_rt_dhat_esc(o, s);
  ag_rt_dhat_raw(o, "\"");
}

/* ---- Header fields ------------------------------------------------------ */

/* The command line, as DHAT's "cmd": /proc/self/cmdline with the NULs
 * between arguments turned into blanks (truncated at 4 KiB). */
static void ag_rt_dhat_cmd(struct ag_rt_dhat_out *o) {
  char cmd[4096];
  size_t len = 0, i;
  int fd = open("/proc/self/cmdline", O_RDONLY | O_CLOEXEC);
  if (fd >= 0) {
    while (len < sizeof cmd - 1) {
      ssize_t n = read(fd, cmd + len, sizeof cmd - 1 - len);
      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        break;
      len += (size_t)n;
    }
    close(fd);
  }
  while (len && cmd[len - 1] == '\0')
    len--;
  for (i = 0; i < len; i++)
    if (cmd[i] == '\0')
      cmd[i] = ' ';
  cmd[len] = '\0';
  ag_rt_dhat_str(o, len ? cmd : "<unknown>");
}

/* Microseconds since the runtime started; at least 1, since the viewer
 * divides by it. */
static uint64_t ag_rt_dhat_elapsed_us(void) {
  struct timespec now;
  int64_t us;
  clock_gettime(CLOCK_MONOTONIC, &now);
  us = (int64_t)(now.tv_sec - ag_rt_dhat_start.tv_sec) * 1000000 +
       (now.tv_nsec - ag_rt_dhat_start.tv_nsec) / 1000;
  return us > 0 ? (uint64_t)us : 1;
}

/* ---- The walks ---------------------------------------------------------- */

struct ag_rt_dhat_walk {
  struct ag_rt_dhat_out *o; /* output */
  const struct __allocguard_site **callers; /* intercepted-call sites */
  unsigned ncallers;
  uint64_t nsites;          /* sites counted by the first walk */
  uint64_t k;               /* ordinal of the current site */
  int any;                  /* an array element was written: next needs ',' */
};

static void ag_rt_dhat_count(const struct __allocguard_site *s, void *ctx) {
  (void)s;
  ((struct ag_rt_dhat_walk *)ctx)->nsites++;
}

/* Index of the callee's shared name in the callee table (frame 1 + nsites
 * + index); AG_RT_DHAT_MAX_CALLEES stands for "[other]". */
static unsigned ag_rt_dhat_callee(const char *callee) {
  unsigned i;
  if (!callee)
    callee = "<unknown>";
  for (i = 0; i < ag_rt_dhat_ncallees; i++)
    if (strcmp(ag_rt_dhat_callees[i], callee) == 0)
      return i;
  if (i == AG_RT_DHAT_MAX_CALLEES) {
    ag_rt_dhat_overflow = 1;
    return i;
  }
  ag_rt_dhat_callees[ag_rt_dhat_ncallees++] = callee;
  return i;
}

/* One program point per allocation site that ran:
 * {"tb":bytes,"tbk":calls,"fs":[callee frame,site frame]}. Deallocation
 * sites are no program points: DHAT counts allocated blocks. */
static void ag_rt_dhat_pp(const struct __allocguard_site *s, void *ctx) {
  struct ag_rt_dhat_walk *w = ctx;
  struct ag_rt_dhat_out *o = w->o;
  uint64_t k = w->k++, calls;
  if (k >= w->nsites || (s->flags & AG_SITE_DEALLOC))
    return; /* (a site registered after the count: no frame for it) */
  calls = AG_RT_LOAD(&s->counters->calls);
  if (calls == 0)
    return;
  ag_rt_dhat_raw(o, w->any ? "\n ,{\"tb\":" : "\n  {\"tb\":");
  ag_rt_dhat_dec(o, AG_RT_LOAD(&s->counters->bytes));
  ag_rt_dhat_raw(o, ",\"tbk\":");
  ag_rt_dhat_dec(o, calls);
  ag_rt_dhat_raw(o, ",\"fs\":[");
  ag_rt_dhat_dec(o, 1 + w->nsites + ag_rt_dhat_callee(s->callee));
  ag_rt_dhat_raw(o, ",");
  ag_rt_dhat_dec(o, 1 + k);
  ag_rt_dhat_raw(o, "]}");
  w->any = 1;
}

/* The site's frame: "<function> (<file>[:line[:col]])", then
 * " [<n> violations]" when some of its calls were violations. */
static void ag_rt_dhat_site_frame(const struct __allocguard_site *s,
                                  void *ctx) {
  struct ag_rt_dhat_walk *w = ctx;
  struct ag_rt_dhat_out *o = w->o;
  struct ag_rt_line loc;
  uint64_t violations;
  if (w->k++ >= w->nsites)
    return;
  ag_rt_line_init(&loc);
  ag_rt_line_loc(&loc, s->file, s->line, s->column);
  loc.buf[loc.len] = '\0'; /* room: the formatter keeps one byte spare */
  ag_rt_dhat_raw(o, "\n ,\"");
  ag_rt_dhat_esc(o, s->function);
  ag_rt_dhat_raw(o, s->function[0] ? " (" : "(");
  ag_rt_dhat_esc(o, loc.buf);
  ag_rt_dhat_raw(o, ")");
  violations = AG_RT_LOAD(&s->counters->violations);
  if (violations) {
    ag_rt_dhat_raw(o, " [");
    ag_rt_dhat_dec(o, violations);
    ag_rt_dhat_raw(o, violations == 1 ? " violation]" : " violations]");
  }
  ag_rt_dhat_raw(o, "\"");
}

/* ---- The file ----------------------------------------------------------- */

/* dhat=PATH with "%p" replaced by the pid and "%%" by '%'. Returns 0 when
 * the result does not fit. */
static int ag_rt_dhat_path(const char *spec, char *out, size_t size) {
  size_t len = 0;
  while (*spec) {
    char pid[20];
    const char *piece = spec;
    size_t n = 1, i;
    if (spec[0] == '%' && spec[1] == 'p') {
      uint64_t v = (uint64_t)getpid();
      i = sizeof pid;
      do {
        pid[--i] = (char)('0' + v % 10);
        v /= 10;
      } while (v);
      piece = pid + i;
      n = sizeof pid - i;
      spec += 2;
    } else if (spec[0] == '%' && spec[1] == '%') {
      spec += 2;
    } else {
      spec++;
    }
    if (len + n >= size)
      return 0;
    memcpy(out + len, piece, n);
    len += n;
  }
  out[len] = '\0';
  return 1;
}

/* "==PID==ERROR: allocguard: dhat: cannot <what> '<path>': <reason>
 * (errno N); no DHAT file written". */
static void ag_rt_dhat_fail(const char *what, const char *path, int err) {
  struct ag_rt_line l;
  const char *reason = 0;
#if defined(__GLIBC__) && (__GLIBC__ > 2 || __GLIBC_MINOR__ >= 32)
  reason = strerrordesc_np(err); /* a constant string: never allocates */
#endif
  ag_rt_line_init(&l);
  ag_rt_line_pid(&l);
  ag_rt_line_str(&l, "ERROR: allocguard: dhat: cannot ");
  ag_rt_line_str(&l, what);
  ag_rt_line_str(&l, " '");
  ag_rt_line_str(&l, path);
  ag_rt_line_str(&l, "': ");
  ag_rt_line_str(&l, reason ? reason : "error");
  ag_rt_line_str(&l, " (errno ");
  ag_rt_line_dec(&l, (uint64_t)err);
  ag_rt_line_str(&l, "); no DHAT file written");
  ag_rt_line_emit(&l);
}

/* Every site, in the same order each time: the registered ones, then the
 * snapshot of those made for intercepted calls. */
static void ag_rt_dhat_each(void (*fn)(const struct __allocguard_site *,
                                       void *),
                            struct ag_rt_dhat_walk *w) {
  unsigned i;
  ag_rt_sites_foreach(fn, w);
  for (i = 0; i < w->ncallers; i++)
    fn(w->callers[i], w);
}

/* Collects the intercepted-call sites once, so every pass sees the same. */
static void ag_rt_dhat_keep_caller(const struct __allocguard_site *s,
                                   void *ctx) {
  struct ag_rt_dhat_walk *w = ctx;
  if (w->ncallers < AG_RT_MAX_CALLER_SITES)
    w->callers[w->ncallers++] = s;
}

static void ag_rt_dhat_body(struct ag_rt_dhat_out *o) {
  /* Static: written once, at exit; too big for some threads' stacks. */
  static const struct __allocguard_site *callers[AG_RT_MAX_CALLER_SITES];
  struct ag_rt_dhat_walk w = {o, callers, 0, 0, 0, 0};
  unsigned i;
  ag_rt_callers_foreach(ag_rt_dhat_keep_caller, &w);
  ag_rt_dhat_each(ag_rt_dhat_count, &w);

  ag_rt_dhat_raw(o, "{\"dhatFileVersion\":2\n"
                    ",\"mode\":\"heap\",\"verb\":\"Allocated\"\n"
                    ",\"bklt\":false,\"bkacc\":false\n"
                    ",\"tu\":\"\xc2\xb5s\",\"Mtu\":\"s\"\n"
                    ",\"cmd\":");
  ag_rt_dhat_cmd(o);
  ag_rt_dhat_raw(o, "\n,\"pid\":");
  ag_rt_dhat_dec(o, (uint64_t)getpid());
  ag_rt_dhat_raw(o, "\n,\"te\":");
  ag_rt_dhat_dec(o, ag_rt_dhat_elapsed_us());

  ag_rt_dhat_raw(o, "\n,\"pps\":[");
  ag_rt_dhat_each(ag_rt_dhat_pp, &w);
  ag_rt_dhat_raw(o, "\n ]\n,\"ftbl\":\n [\"[root]\"");
  w.k = 0;
  ag_rt_dhat_each(ag_rt_dhat_site_frame, &w);
  for (; w.k < w.nsites; w.k++) /* sites gone since the count */
    ag_rt_dhat_raw(o, "\n ,\"[unloaded]\"");
  for (i = 0; i < ag_rt_dhat_ncallees; i++) {
    ag_rt_dhat_raw(o, "\n ,");
    ag_rt_dhat_str(o, ag_rt_dhat_callees[i]);
  }
  if (ag_rt_dhat_overflow)
    ag_rt_dhat_raw(o, "\n ,\"[other]\"");
  ag_rt_dhat_raw(o, "\n ]\n}\n");
  ag_rt_dhat_flush(o);
}

void ag_rt_dhat_write_at_exit(void) {
  const char *spec = ag_rt_flags_get()->dhat;
  struct ag_rt_dhat_out o;
  char path[PATH_MAX];
  int saved_errno = errno;
  if (!spec || __atomic_exchange_n(&ag_rt_dhat_done, 1, __ATOMIC_RELAXED))
    return;
  if (!ag_rt_dhat_path(spec, path, sizeof path)) {
    ag_rt_dhat_fail("expand", spec, ENAMETOOLONG);
    return;
  }
  o.fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (o.fd < 0) {
    ag_rt_dhat_fail("open", path, errno);
    errno = saved_errno;
    return;
  }
  o.err = 0;
  o.len = 0;
  ag_rt_dhat_body(&o);
  if (close(o.fd) != 0 && !o.err)
    o.err = errno;
  if (o.err)
    ag_rt_dhat_fail("write", path, o.err);
  errno = saved_errno;
}
