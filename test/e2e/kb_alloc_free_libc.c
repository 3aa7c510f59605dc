// RUN: rm -rf %t.dir && mkdir -p %t.dir
// RUN: %clang -g -O1 %agload -mllvm -allocguard-unknown=error -mllvm -allocguard-caret=off %s %rt_shared -Wl,-rpath,%rt_dir -lpthread -o %t 2>&1 | count 0
// RUN: env ALLOCGUARD_OPTIONS=mode=log %t %t.dir 2>&1 | FileCheck %s
// Intent: the knowledge base's alloc_free rows for libc and POSIX calls
// that real libraries make below their entry points (Lua's setjmp and
// localeconv, SQLite's unlink and stat) are true of the C library this
// runs on. Statically, a root calling each of them compiles with no
// finding and no unknown call, even with -allocguard-unknown=error; at run
// time, with the runtime's interposers seeing every malloc glibc makes, the
// same root runs without a single violation. A glibc that allocated in one
// of these would print an allocguard report here, and the row would be
// wrong.
// CHECK-NOT: allocguard:
// CHECK: alloc-free libc calls: done
// CHECK-NOT: allocguard:

#define _GNU_SOURCE
#include <allocguard.h>
#include <fcntl.h>
#include <langinfo.h>
#include <locale.h>
#include <pthread.h>
#include <sched.h>
#include <setjmp.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <sys/timerfd.h>
#include <sys/un.h>
#include <unistd.h>

static volatile long sink;
static jmp_buf jump;
static sigjmp_buf sigjump;

ALLOCGUARD_ALLOC_FREE static void jumps(void) {
  if (setjmp(jump) == 0)
    longjmp(jump, 1);
  if (_setjmp(jump) == 0)
    _longjmp(jump, 1);
  if (sigsetjmp(sigjump, 1) == 0)
    siglongjmp(sigjump, 1);
}

ALLOCGUARD_ALLOC_FREE static void locale_and_stdio(void) {
  sink += localeconv()->decimal_point[0];
  sink += nl_langinfo(CODESET)[0];
  sink += ferror(stdout) + feof(stdin) + fileno(stdout);
  clearerr(stdin);
  fflush(stdout); /* no buffer yet: flushing makes none */
  fpos_t pos;
  sink += ftell(stdin) + ftello(stdin) + fgetpos(stdin, &pos);
  fflush(NULL);
  flockfile(stderr);
  funlockfile(stderr);
}

ALLOCGUARD_ALLOC_FREE static void files(const char *dir) {
  char a[512], b[512], c[512], link_text[512];
  struct stat st;
  snprintf(a, sizeof a, "%s/a", dir);
  snprintf(b, sizeof b, "%s/b", dir);
  snprintf(c, sizeof c, "%s/c", dir);
  int fd = open(a, O_CREAT | O_RDWR, 0600);
  sink += write(fd, "abcdef", 6);
  sink += ftruncate(fd, 3) + fstat(fd, &st) + (int)st.st_size;
  sink += fcntl(fd, F_GETFD) + isatty(fd);
  int fd2 = dup(fd);
  sink += dup2(fd2, fd2) + close(fd2);
  sink += fchmod(fd, 0644) + fchown(fd, getuid(), getgid());
  close(fd);
  sink += stat(a, &st) + lstat(a, &st) + access(a, R_OK);
  sink += rename(a, b) + link(b, a) + symlink(b, c);
  sink += readlink(c, link_text, sizeof link_text);
  sink += chmod(b, 0600) + chown(b, geteuid(), getegid()) + truncate(b, 1);
  sink += unlink(c) + remove(a) + unlink(b);
  snprintf(a, sizeof a, "%s/sub", dir);
  sink += mkdir(a, 0700) + rmdir(a);
  int pipefd[2];
  sink += pipe(pipefd) + close(pipefd[0]) + close(pipefd[1]);
  sink += umask(022) + getpagesize();
  sink += utimes(dir, NULL);
}

ALLOCGUARD_ALLOC_FREE static void sockets_and_events(void) {
  int s = socket(AF_UNIX, SOCK_DGRAM, 0);
  struct sockaddr_un addr = {.sun_family = AF_UNIX};
  memcpy(addr.sun_path + 1, "allocguard-kb", 13); /* abstract name */
  socklen_t len = (socklen_t)(offsetof(struct sockaddr_un, sun_path) + 14);
  sink += bind(s, (struct sockaddr *)&addr, len);
  sink += sendto(s, "x", 1, 0, (struct sockaddr *)&addr, len);
  char byte;
  sink += recvfrom(s, &byte, 1, 0, NULL, NULL);
  int one = 1;
  sink += setsockopt(s, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
  sink += listen(s, 1) + shutdown(s, SHUT_RDWR) + close(s);
  int ep = epoll_create1(0), ev = eventfd(0, 0);
  struct epoll_event event = {.events = EPOLLIN};
  sink += epoll_ctl(ep, EPOLL_CTL_ADD, ev, &event);
  int tf = timerfd_create(CLOCK_MONOTONIC, 0);
  struct itimerspec spec = {{0, 0}, {0, 0}};
  sink += timerfd_settime(tf, 0, &spec, NULL) + timerfd_gettime(tf, &spec);
  sink += close(tf) + close(ev) + close(ep);
}

ALLOCGUARD_ALLOC_FREE static void environment_and_threads(pthread_t thread) {
  sink += getenv("HOME") != NULL;
  srand(1);
  srandom(2);
  srand48(3);
  sink += rand() + random() + lrand48() + mrand48() + (long)drand48();
  signal(SIGUSR1, SIG_IGN);
  sink += raise(SIGUSR1);
  sink += ffs(8) + (strchrnul("abc", 'z') - "abc") + bcmp("a", "b", 1);
  sink += pthread_detach(thread);
  pthread_mutexattr_t mutex_attr;
  sink += pthread_mutexattr_init(&mutex_attr);
  sink += pthread_mutexattr_settype(&mutex_attr, PTHREAD_MUTEX_RECURSIVE);
  sink += pthread_mutexattr_destroy(&mutex_attr);
  pthread_attr_t attr;
  sink += pthread_attr_init(&attr) + pthread_attr_setstacksize(&attr, 1 << 16);
  sink += pthread_attr_destroy(&attr);
  cpu_set_t cpus;
  sink += sched_getaffinity(0, sizeof cpus, &cpus);
  sink += sched_setaffinity(0, sizeof cpus, &cpus);
  sink += sched_get_priority_max(SCHED_FIFO) + sched_getscheduler(0);
}

static void *idle(void *arg) { return arg; }

int main(int argc, char **argv) {
  if (argc < 2)
    return 2;
  pthread_t thread;
  pthread_create(&thread, NULL, idle, NULL);
  jumps();
  locale_and_stdio();
  files(argv[1]);
  sockets_and_events();
  environment_and_threads(thread);
  fprintf(stderr, "alloc-free libc calls: done\n");
  return 0;
}
