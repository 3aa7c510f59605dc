// RUN: %clang -g %agload -mllvm -allocguard-caret=off -c %s -o /dev/null 2>&1 | FileCheck %s
// Intent: memory taken from the kernel directly (mmap, mremap, brk, sbrk)
// is an allocation and munmap a deallocation, with the reason printed; a
// lock or a clock read beside them is not.
#define _GNU_SOURCE
#include <allocguard.h>
#include <pthread.h>
#include <sys/mman.h>
#include <time.h>
#include <unistd.h>

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;

ALLOCGUARD_ALLOC_FREE void *grow(void *old, size_t size) {
  struct timespec now;
  clock_gettime(CLOCK_MONOTONIC, &now);
  pthread_mutex_lock(&lock);
  void *block = mmap(0, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  void *bigger = mremap(block, size, 2 * size, MREMAP_MAYMOVE);
  munmap(old, size);
  pthread_mutex_unlock(&lock);
  return bigger;
}
// CHECK: memory-sinks.c:[[@LINE-6]]:17: warning: alloc_free function 'grow' calls 'mmap', which allocates (maps new pages (a system call)) [-Wallocguard]
// CHECK-NEXT: memory-sinks.c:[[@LINE-6]]:18: warning: alloc_free function 'grow' calls 'mremap', which allocates (may grow or move the mapping) [-Wallocguard]
// CHECK-NEXT: memory-sinks.c:[[@LINE-6]]:3: warning: alloc_free function 'grow' calls 'munmap', which deallocates (unmaps pages) [-Wallocguard-dealloc]
// CHECK-NOT: warning

ALLOCGUARD_ALLOC_FREE void *heap_end(long delta) {
  return sbrk(delta);
}
// CHECK: memory-sinks.c:[[@LINE-2]]:10: warning: alloc_free function 'heap_end' calls 'sbrk', which allocates (moves the program break: grows or shrinks the heap) [-Wallocguard]
// CHECK-NOT: warning
