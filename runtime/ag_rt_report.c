/* ag_rt_report.c - the allocation-free formatter and the violation message.
 *
 * Every message the runtime prints goes through struct ag_rt_line: decimal,
 * hex and strings appended into a stack buffer, then one write(2) to fd 2
 * with EINTR retry, under a spinlock. No malloc, no stdio, no locale.
 */
#include "ag_rt_report.h"

#include <errno.h>
#include <pthread.h>
#include <sched.h>
#include <string.h>
#include <unistd.h>

#include "ag_rt_common.h"

static AG_RT_TLS int ag_rt_reporting;
static int ag_rt_write_lock;
/* Times this thread took the write lock: a report of several lines holds
 * it across them (ag_rt_output_begin), and a signal handler's line on the
 * same thread then goes through instead of spinning on itself. */
static AG_RT_TLS unsigned ag_rt_write_held;

/* ---- Formatter -------------------------------------------------------- */

void ag_rt_line_init(struct ag_rt_line *l) { l->len = 0; }

void ag_rt_line_mem(struct ag_rt_line *l, const char *s, size_t n) {
  size_t room = AG_RT_LINE_MAX - 1 - l->len; /* keep one byte for '\n' */
  if (n > room) {
    memcpy(l->buf + l->len, s, room);
    l->len += room;
    if (l->len >= 3)
      memcpy(l->buf + l->len - 3, "...", 3);
    return;
  }
  memcpy(l->buf + l->len, s, n);
  l->len += n;
}

void ag_rt_line_str(struct ag_rt_line *l, const char *s) {
  if (!s)
    s = "<unknown>";
  ag_rt_line_mem(l, s, strlen(s));
}

void ag_rt_line_dec(struct ag_rt_line *l, uint64_t v) {
  char tmp[20];
  size_t i = sizeof tmp;
  do {
    tmp[--i] = (char)('0' + v % 10);
    v /= 10;
  } while (v);
  ag_rt_line_mem(l, tmp + i, sizeof tmp - i);
}

char *ag_rt_format_hex(char buf[AG_RT_HEX_MAX], uint64_t v) {
  size_t i = AG_RT_HEX_MAX;
  do {
    buf[--i] = "0123456789abcdef"[v & 15];
    v >>= 4;
  } while (v);
  buf[--i] = 'x';
  buf[--i] = '0';
  return buf + i;
}

void ag_rt_line_hex(struct ag_rt_line *l, uint64_t v) {
  char tmp[AG_RT_HEX_MAX];
  char *hex = ag_rt_format_hex(tmp, v);
  ag_rt_line_mem(l, hex, (size_t)(tmp + sizeof tmp - hex));
}

void ag_rt_line_pid(struct ag_rt_line *l) {
  ag_rt_line_str(l, "==");
  ag_rt_line_dec(l, (uint64_t)getpid());
  ag_rt_line_str(l, "==");
}

void ag_rt_line_loc(struct ag_rt_line *l, const char *file, uint32_t line,
                    uint32_t column) {
  ag_rt_line_str(l, file);
  if (line == 0)
    return;
  ag_rt_line_str(l, ":");
  ag_rt_line_dec(l, line);
  if (column == 0)
    return;
  ag_rt_line_str(l, ":");
  ag_rt_line_dec(l, column);
}

/* ---- Output ----------------------------------------------------------- */

void ag_rt_output_begin(void) {
  unsigned spins = 0;
  if (ag_rt_write_held++)
    return;
  while (__atomic_exchange_n(&ag_rt_write_lock, 1, __ATOMIC_ACQUIRE)) {
    while (__atomic_load_n(&ag_rt_write_lock, __ATOMIC_RELAXED))
      if (++spins % 128 == 0)
        sched_yield();
  }
}

void ag_rt_output_end(void) {
  if (--ag_rt_write_held)
    return;
  __atomic_store_n(&ag_rt_write_lock, 0, __ATOMIC_RELEASE);
}

/* After fork() only the forking thread exists: a write lock another thread
 * held would never be released in the child. Registered from a
 * constructor (pthread_atfork may allocate: before main, not later). */
static void ag_rt_output_after_fork(void) {
  if (!ag_rt_write_held)
    __atomic_store_n(&ag_rt_write_lock, 0, __ATOMIC_RELAXED);
}

__attribute__((constructor)) static void ag_rt_output_atfork(void) {
  pthread_atfork(0, 0, ag_rt_output_after_fork);
}

void ag_rt_line_emit(struct ag_rt_line *l) {
  int saved_errno = errno;
  const char *p = l->buf;
  size_t left;
  l->buf[l->len++] = '\n';
  left = l->len;
  ag_rt_output_begin();
  while (left) {
    ssize_t n = write(2, p, left);
    if (n < 0 && errno == EINTR)
      continue;
    if (n <= 0)
      break;
    p += n;
    left -= (size_t)n;
  }
  ag_rt_output_end();
  l->len--;
  errno = saved_errno;
}

int ag_rt_report_enter(void) {
  if (ag_rt_reporting)
    return 0;
  ag_rt_reporting = 1;
  return 1;
}

void ag_rt_report_leave(void) { ag_rt_reporting = 0; }

/* ---- The violation message -------------------------------------------- */

const char *ag_rt_kind_text(enum ag_rt_kind kind) {
  switch (kind) {
  case AG_RT_KIND_ALLOC_IN_SCOPE:
    return "allocation in alloc_free scope";
  case AG_RT_KIND_DEALLOC_IN_SCOPE:
    return "deallocation in alloc_free scope";
  case AG_RT_KIND_ALLOC_UNDER_LOCK:
    return "allocation while allocguard_lock() is held";
  case AG_RT_KIND_DEALLOC_UNDER_LOCK:
    return "deallocation while allocguard_lock() is held";
  }
  return "allocation in alloc_free scope";
}
