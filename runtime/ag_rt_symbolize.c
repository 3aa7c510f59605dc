/* ag_rt_symbolize.c - run llvm-symbolizer or addr2line on a report's
 * frames (ag_rt_symbolize.h).
 *
 * Everything here runs on the report path, after the violation's line is
 * out, under the output lock, so static buffers serve every report. The
 * child is started with vfork+execve: posix_spawn's file actions would
 * malloc, fork would copy a large process. All signals are blocked around
 * vfork, and the child puts every caught signal back to its default before
 * it restores the mask and execs, so no handler of the program ever runs
 * on the stack the child borrows (glibc's posix_spawn does the same). The
 * child talks through one socket pair, not pipes: the parent sends with
 * MSG_NOSIGNAL, so a symbolizer that dies early cannot raise SIGPIPE in
 * the program. A symbolizer that takes longer than AG_RT_SYM_TIMEOUT_MS is
 * killed. Its environment is the program's without LD_PRELOAD and
 * ALLOCGUARD_OPTIONS, so it runs no allocguard runtime of its own (a
 * dhat= file per report, say).
 */
#define _GNU_SOURCE
#include "ag_rt_symbolize.h"

#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <link.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include "ag_rt_flags.h"
#include "ag_rt_report.h"

#define AG_RT_SYM_TIMEOUT_MS 20000
#define AG_RT_SYM_PATH_MAX 1024

extern char **environ;

enum ag_rt_sym_kind { AG_RT_SYM_UNKNOWN, AG_RT_SYM_NONE, AG_RT_SYM_LLVM,
                      AG_RT_SYM_ADDR2LINE };

static enum ag_rt_sym_kind ag_rt_sym_kind;
static char ag_rt_sym_path[AG_RT_SYM_PATH_MAX];
static char ag_rt_exe[AG_RT_SYM_PATH_MAX]; /* /proc/self/exe's target */
static int ag_rt_sym_noted;

/* Output of the symbolizer runs of one report, and their argument text. */
static char ag_rt_sym_out[64 * 1024];
static char ag_rt_sym_in[16 * 1024];
static char *ag_rt_sym_env[1024];

/* ---- Small string helpers (no stdio) ---------------------------------- */

/* dst = a + b + c, truncated to AG_RT_SYM_PATH_MAX; 0 when it did not fit. */
static int ag_rt_cat3(char *dst, const char *a, size_t alen, const char *b,
                      const char *c) {
  size_t blen = strlen(b), clen = strlen(c);
  if (alen + blen + clen + 1 > AG_RT_SYM_PATH_MAX)
    return 0;
  memmove(dst, a, alen);
  memcpy(dst + alen, b, blen);
  memcpy(dst + alen + blen, c, clen + 1);
  return 1;
}

static int ag_rt_executable(const char *path) {
  return access(path, X_OK) == 0;
}

/* "name-<digits>": the digits' value, else -1. */
static long ag_rt_versioned(const char *entry, const char *name) {
  size_t n = strlen(name);
  long v = 0;
  const char *p;
  if (strncmp(entry, name, n) != 0 || entry[n] != '-' || !entry[n + 1])
    return -1;
  for (p = entry + n + 1; *p; p++) {
    if (*p < '0' || *p > '9' || v > 100000)
      return -1;
    v = v * 10 + (*p - '0');
  }
  return v;
}

/* ---- Finding a symbolizer --------------------------------------------- */

struct ag_rt_dirent64 {
  uint64_t ino;
  int64_t off;
  unsigned short reclen;
  unsigned char type;
  char name[];
};

/* The highest <name>-NN in dir (opendir would malloc: getdents64 on a
 * stack buffer instead); its NN, or -1. */
static long ag_rt_best_versioned(const char *dir, size_t dlen,
                                 const char *name, char *best) {
  char buf[4096], path[AG_RT_SYM_PATH_MAX];
  long top = -1, nread;
  int fd;
  if (!ag_rt_cat3(path, dir, dlen, "", ""))
    return -1;
  fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0)
    return -1;
  while ((nread = syscall(SYS_getdents64, fd, buf, sizeof buf)) > 0) {
    long at = 0;
    while (at < nread) {
      struct ag_rt_dirent64 *d = (struct ag_rt_dirent64 *)(buf + at);
      long v = ag_rt_versioned(d->name, name);
      if (v > top && ag_rt_cat3(path, dir, dlen, "/", d->name) &&
          ag_rt_executable(path)) {
        top = v;
        memcpy(best, path, strlen(path) + 1);
      }
      at += d->reclen;
    }
  }
  close(fd);
  return top;
}

/* dir/<clang>'s target's directory holds llvm-symbolizer (Debian:
 * /usr/bin/clang-14 -> ../lib/llvm-14/bin/clang). */
static int ag_rt_next_to(const char *clang, char *out) {
  char target[AG_RT_SYM_PATH_MAX], dir[AG_RT_SYM_PATH_MAX];
  ssize_t n = readlink(clang, target, sizeof target - 1);
  const char *slash;
  if (n <= 0)
    return 0;
  target[n] = '\0';
  if (target[0] == '/') {
    memcpy(dir, target, (size_t)n + 1);
  } else {
    slash = strrchr(clang, '/');
    if (!ag_rt_cat3(dir, clang, (size_t)(slash - clang), "/", target))
      return 0;
  }
  slash = strrchr(dir, '/');
  return slash && ag_rt_cat3(out, dir, (size_t)(slash - dir),
                             "/llvm-symbolizer", "") &&
         ag_rt_executable(out);
}

/* Each directory of PATH in turn: fn(dir, len, ctx) until it returns 1. */
static int ag_rt_each_path_dir(int (*fn)(const char *, size_t, void *),
                               void *ctx) {
  const char *p = getenv("PATH"), *end;
  if (!p)
    return 0;
  for (; *p; p = *end ? end + 1 : end) {
    end = strchr(p, ':');
    if (!end)
      end = p + strlen(p);
    if (end > p && fn(p, (size_t)(end - p), ctx))
      return 1;
  }
  return 0;
}

static int ag_rt_try_plain(const char *dir, size_t len, void *name) {
  return ag_rt_cat3(ag_rt_sym_path, dir, len, "/", name) &&
         ag_rt_executable(ag_rt_sym_path);
}

static int ag_rt_try_versioned(const char *dir, size_t len, void *ctx) {
  (void)ctx;
  return ag_rt_best_versioned(dir, len, "llvm-symbolizer", ag_rt_sym_path) >=
         0;
}

static int ag_rt_try_clang(const char *dir, size_t len, void *ctx) {
  char clang[AG_RT_SYM_PATH_MAX];
  (void)ctx;
  if (ag_rt_cat3(clang, dir, len, "/clang", "") &&
      ag_rt_next_to(clang, ag_rt_sym_path))
    return 1;
  return ag_rt_best_versioned(dir, len, "clang", clang) >= 0 &&
         ag_rt_next_to(clang, ag_rt_sym_path);
}

static enum ag_rt_sym_kind ag_rt_kind_of_path(const char *path) {
  const char *base = strrchr(path, '/');
  base = base ? base + 1 : path;
  return strstr(base, "addr2line") ? AG_RT_SYM_ADDR2LINE : AG_RT_SYM_LLVM;
}

static void ag_rt_note(const char *what, const char *detail) {
  struct ag_rt_line l;
  if (ag_rt_sym_noted)
    return;
  ag_rt_sym_noted = 1;
  ag_rt_line_init(&l);
  ag_rt_line_pid(&l);
  ag_rt_line_str(&l, "allocguard: ");
  ag_rt_line_str(&l, what);
  if (detail) {
    ag_rt_line_str(&l, detail);
  }
  ag_rt_line_str(&l, "; frames are shown as module+offset (said once)");
  ag_rt_line_emit(&l);
}

static void ag_rt_find_symbolizer(void) {
  const struct ag_rt_flags *f = ag_rt_flags_get();
  ag_rt_sym_kind = AG_RT_SYM_NONE;
  if (!f->symbolize)
    return;
  if (f->symbolizer && f->symbolizer[0]) {
    if (!ag_rt_executable(f->symbolizer) ||
        !ag_rt_cat3(ag_rt_sym_path, f->symbolizer, strlen(f->symbolizer), "",
                    "")) {
      ag_rt_note("cannot run symbolizer=", f->symbolizer);
      return;
    }
  } else if (!ag_rt_each_path_dir(ag_rt_try_plain, "llvm-symbolizer") &&
             !ag_rt_each_path_dir(ag_rt_try_versioned, 0) &&
             !ag_rt_each_path_dir(ag_rt_try_clang, 0) &&
             !ag_rt_each_path_dir(ag_rt_try_plain, "addr2line")) {
    ag_rt_note("no symbolizer found (llvm-symbolizer, llvm-symbolizer-NN or "
               "addr2line on PATH, or symbolizer=PATH)",
               0);
    return;
  }
  ag_rt_sym_kind = ag_rt_kind_of_path(ag_rt_sym_path);
}

/* ---- Modules ---------------------------------------------------------- */

const char *ag_rt_module_of(const void *pc, uintptr_t *offset) {
  Dl_info info;
  struct link_map *lm = 0;
  if (!dladdr1(pc, &info, (void **)&lm, RTLD_DL_LINKMAP) || !lm)
    return 0;
  *offset = (uintptr_t)pc - (uintptr_t)lm->l_addr;
  if (lm->l_name && lm->l_name[0])
    return lm->l_name;
  /* The main program: its link map has no name. */
  if (!ag_rt_exe[0]) {
    ssize_t n = readlink("/proc/self/exe", ag_rt_exe, sizeof ag_rt_exe - 1);
    if (n <= 0)
      return info.dli_fname;
    ag_rt_exe[n] = '\0';
  }
  return ag_rt_exe;
}

/* ---- Running the symbolizer ------------------------------------------- */

static char **ag_rt_child_env(void) {
  size_t n = 0;
  char **e;
  for (e = environ; e && *e && n + 1 < sizeof ag_rt_sym_env /
                                              sizeof ag_rt_sym_env[0];
       e++)
    if (strncmp(*e, "LD_PRELOAD=", 11) != 0 &&
        strncmp(*e, "ALLOCGUARD_OPTIONS=", 19) != 0)
      ag_rt_sym_env[n++] = *e;
  ag_rt_sym_env[n] = 0;
  return ag_rt_sym_env;
}

/* In the vfork child: default dispositions, the program's mask, stdio on
 * the socket (stderr to /dev/null: the symbolizer's warnings are not the
 * report's), exec. Only system calls here. */
static __attribute__((noreturn)) void
ag_rt_child(int sock, char *const argv[], char *const envp[],
            const sigset_t *mask) {
  struct sigaction sa;
  int sig, null;
  for (sig = 1; sig < 65; sig++)
    if (sigaction(sig, 0, &sa) == 0 && sa.sa_handler != SIG_DFL &&
        sa.sa_handler != SIG_IGN) {
      sa.sa_handler = SIG_DFL;
      sa.sa_flags = 0;
      sigaction(sig, &sa, 0);
    }
  null = open("/dev/null", O_WRONLY);
  if (dup2(sock, 0) < 0 || dup2(sock, 1) < 0 || null < 0 || dup2(null, 2) < 0)
    _exit(127);
  sigprocmask(SIG_SETMASK, mask, 0);
  execve(argv[0], argv, envp);
  _exit(127);
}

/* The child, started with all signals blocked; its pid, or -1. Apart so
 * that nothing the parent keeps lives in a frame the child borrows. */
static __attribute__((noinline)) pid_t
ag_rt_spawn(int sock, char *const argv[], char *const envp[],
            const sigset_t *mask) {
  pid_t pid = vfork();
  if (pid == 0)
    ag_rt_child(sock, argv, envp, mask);
  return pid;
}

/* Runs argv with `in` on its stdin; its stdout goes to out[0..cap), NUL
 * terminated. Returns the bytes read, or -1 when it could not run. */
static long ag_rt_run(char *const argv[], const char *in, size_t inlen,
                      char *out, size_t cap) {
  int sv[2], status = 0;
  sigset_t all, old;
  pid_t pid;
  size_t got = 0;
  char **envp = ag_rt_child_env();
  if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv) < 0)
    return -1;
  sigfillset(&all);
  pthread_sigmask(SIG_SETMASK, &all, &old);
  pid = ag_rt_spawn(sv[1], argv, envp, &old);
  pthread_sigmask(SIG_SETMASK, &old, 0);
  close(sv[1]);
  if (pid < 0) {
    close(sv[0]);
    return -1;
  }
  while (inlen) {
    ssize_t n = send(sv[0], in, inlen, MSG_NOSIGNAL);
    if (n < 0 && errno == EINTR)
      continue;
    if (n <= 0)
      break;
    in += n;
    inlen -= (size_t)n;
  }
  shutdown(sv[0], SHUT_WR);
  for (;;) {
    struct pollfd p = {sv[0], POLLIN, 0};
    ssize_t n;
    int ready = poll(&p, 1, AG_RT_SYM_TIMEOUT_MS);
    if (ready < 0 && errno == EINTR)
      continue;
    if (ready <= 0) { /* hung: give up on it */
      kill(pid, SIGKILL);
      break;
    }
    n = read(sv[0], out + got, cap - 1 - got);
    if (n < 0 && errno == EINTR)
      continue;
    if (n <= 0)
      break;
    got += (size_t)n;
    if (got == cap - 1) { /* more than we can show: stop it */
      kill(pid, SIGKILL);
      break;
    }
  }
  close(sv[0]);
  while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
    ;
  out[got] = '\0';
  if (WIFEXITED(status) && WEXITSTATUS(status) == 127 && got == 0)
    return -1; /* could not exec */
  return (long)got;
}

/* ---- Parsing ---------------------------------------------------------- */

/* Next line of *p (NUL-terminated in place), or NULL at the end. */
static char *ag_rt_next_line(char **p) {
  char *s = *p, *nl;
  if (!*s)
    return 0;
  nl = strchr(s, '\n');
  if (nl) {
    *nl = '\0';
    *p = nl + 1;
  } else {
    *p = s + strlen(s);
  }
  return s;
}

static unsigned ag_rt_number(const char *s) {
  unsigned v = 0;
  while (*s >= '0' && *s <= '9')
    v = v * 10 + (unsigned)(*s++ - '0');
  return v;
}

/* "file:line:col" (llvm-symbolizer) or "file:line (discriminator n)"
 * (addr2line), cut in place; "??" files are unknown. */
static void ag_rt_parse_loc(char *s, struct ag_rt_sym *sym) {
  char *paren = strstr(s, " (discriminator");
  char *c1, *c2;
  if (paren)
    *paren = '\0';
  sym->file = "";
  sym->line = sym->column = 0;
  c2 = strrchr(s, ':');
  if (!c2)
    return;
  *c2 = '\0';
  c1 = strrchr(s, ':');
  if (c1 && c1[1] >= '0' && c1[1] <= '9') { /* file:line:col */
    *c1 = '\0';
    sym->line = ag_rt_number(c1 + 1);
    sym->column = ag_rt_number(c2 + 1);
  } else {
    sym->line = ag_rt_number(c2 + 1);
  }
  if (strcmp(s, "??") != 0)
    sym->file = s;
}

static void ag_rt_set_function(struct ag_rt_sym *sym, const char *s) {
  sym->function = strcmp(s, "??") == 0 ? "" : s;
}

/* llvm-symbolizer: for each address, pairs of lines (function, location)
 * until an empty line. */
static int ag_rt_parse_llvm(char *text, const unsigned *frame_of,
                            unsigned inputs, struct ag_rt_sym *out) {
  unsigned input = 0;
  int count = 0;
  char *fn;
  while (input < inputs && (fn = ag_rt_next_line(&text))) {
    char *loc;
    if (!fn[0]) {
      input++;
      continue;
    }
    loc = ag_rt_next_line(&text);
    if (!loc || count == AG_RT_SYM_MAX)
      break;
    out[count].frame = frame_of[input];
    ag_rt_set_function(&out[count], fn);
    ag_rt_parse_loc(loc, &out[count]);
    count++;
  }
  return count;
}

/* addr2line -a -f -i: for each address, its "0x..." line, then pairs of
 * lines (function, location). */
static int ag_rt_parse_addr2line(char *text, const unsigned *frame_of,
                                 unsigned inputs, struct ag_rt_sym *out,
                                 int count) {
  int input = -1;
  char *line;
  while ((line = ag_rt_next_line(&text))) {
    char *loc;
    if (line[0] == '0' && line[1] == 'x') {
      input++;
      continue;
    }
    loc = ag_rt_next_line(&text);
    if (!loc || input < 0 || (unsigned)input >= inputs ||
        count == AG_RT_SYM_MAX)
      break;
    out[count].frame = frame_of[input];
    ag_rt_set_function(&out[count], line);
    ag_rt_parse_loc(loc, &out[count]);
    count++;
  }
  return count;
}

/* ---- Entry ------------------------------------------------------------ */

/* Appends s to the input buffer at *at; 0 when it is full. */
static int ag_rt_in_str(size_t *at, const char *s, size_t n) {
  if (*at + n + 1 > sizeof ag_rt_sym_in)
    return 0;
  memcpy(ag_rt_sym_in + *at, s, n);
  *at += n;
  ag_rt_sym_in[*at] = '\0';
  return 1;
}

static int ag_rt_in_hex(size_t *at, uintptr_t v) {
  char tmp[AG_RT_HEX_MAX];
  char *hex = ag_rt_format_hex(tmp, (uint64_t)v);
  return ag_rt_in_str(at, hex, (size_t)(tmp + sizeof tmp - hex));
}

/* llvm-symbolizer reads `"MODULE" 0xOFFSET` lines: one run for all. */
static int ag_rt_symbolize_llvm(const void *const *frames, unsigned n,
                                struct ag_rt_sym *out) {
  unsigned frame_of[64], inputs = 0, i;
  size_t at = 0;
  char *argv[] = {ag_rt_sym_path, 0}; /* defaults: inlined frames,
                                          demangled names */
  for (i = 0; i < n && inputs < 64; i++) {
    uintptr_t off;
    const char *mod = ag_rt_module_of(frames[i], &off);
    if (!mod)
      continue;
    if (!ag_rt_in_str(&at, "\"", 1) || !ag_rt_in_str(&at, mod, strlen(mod)) ||
        !ag_rt_in_str(&at, "\" ", 2) || !ag_rt_in_hex(&at, off) ||
        !ag_rt_in_str(&at, "\n", 1))
      break;
    frame_of[inputs++] = i;
  }
  if (ag_rt_run(argv, ag_rt_sym_in, at, ag_rt_sym_out, sizeof ag_rt_sym_out) <
      0)
    return -1;
  return ag_rt_parse_llvm(ag_rt_sym_out, frame_of, inputs, out);
}

/* addr2line takes one module per run: one run per module, its frames as
 * arguments; outputs go one after another into the shared buffer. */
static int ag_rt_symbolize_addr2line(const void *const *frames, unsigned n,
                                     struct ag_rt_sym *out) {
  unsigned done[64] = {0}, i, j;
  int count = 0;
  size_t used = 0;
  if (n > 64)
    n = 64;
  for (i = 0; i < n; i++) {
    uintptr_t off;
    const char *mod = ag_rt_module_of(frames[i], &off), *other;
    char *argv[64 + 8];
    unsigned frame_of[64], inputs = 0, argc = 0;
    size_t at = 0;
    long got;
    if (done[i] || !mod)
      continue;
    argv[argc++] = ag_rt_sym_path;
    argv[argc++] = "-a";
    argv[argc++] = "-f";
    argv[argc++] = "-i";
    argv[argc++] = "-C";
    argv[argc++] = "-e";
    argv[argc++] = (char *)mod;
    for (j = i; j < n; j++) {
      size_t start = at;
      other = ag_rt_module_of(frames[j], &off);
      if (!other || strcmp(other, mod) != 0)
        continue;
      done[j] = 1;
      if (!ag_rt_in_hex(&at, off) || !ag_rt_in_str(&at, "", 0))
        break;
      at++; /* keep the NUL: each argument its own string */
      argv[argc++] = ag_rt_sym_in + start;
      frame_of[inputs++] = j;
    }
    argv[argc] = 0;
    got = ag_rt_run(argv, 0, 0, ag_rt_sym_out + used,
                    sizeof ag_rt_sym_out - used);
    if (got < 0)
      return count ? count : -1;
    count = ag_rt_parse_addr2line(ag_rt_sym_out + used, frame_of, inputs, out,
                                  count);
    used += (size_t)got + 1;
    if (used + 2 >= sizeof ag_rt_sym_out)
      break;
  }
  return count;
}

int ag_rt_symbolize(const void *const *frames, unsigned n,
                    struct ag_rt_sym *out) {
  int count;
  if (ag_rt_sym_kind == AG_RT_SYM_UNKNOWN)
    ag_rt_find_symbolizer();
  if (ag_rt_sym_kind == AG_RT_SYM_NONE)
    return -1;
  count = ag_rt_sym_kind == AG_RT_SYM_LLVM
              ? ag_rt_symbolize_llvm(frames, n, out)
              : ag_rt_symbolize_addr2line(frames, n, out);
  if (count < 0) {
    ag_rt_note("could not run the symbolizer ", ag_rt_sym_path);
    ag_rt_sym_kind = AG_RT_SYM_NONE;
  }
  return count;
}
