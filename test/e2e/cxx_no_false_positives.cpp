// RUN: %clangxx -std=c++17 -g %agload %s %rt_static -lpthread -o %t 2>/dev/null
// RUN: env ALLOCGUARD_OPTIONS=summary=1 %t 2>&1 | FileCheck %s
// RUN: %clangxx -std=c++17 -g -O2 %agload %s %rt_static -lpthread -o %t.O2 2>/dev/null
// RUN: env ALLOCGUARD_OPTIONS=summary=1 %t.O2 2>&1 | FileCheck %s
// Intent: the things real-time code does instead of allocating (placement
// new, explicit destructor calls, fixed arrays, std::array algorithms,
// snprintf into a stack buffer, memcpy, atomics) run in a root in the
// default abort mode without a single check firing.

#include <allocguard.h>
#include <algorithm>
#include <array>
#include <atomic>
#include <cstdio>
#include <cstring>
#include <new>

struct Event {
  int frame;
  float value;
  Event(int f, float v) : frame(f), value(v) {}
  ~Event() { frame = -1; }
};

alignas(Event) static unsigned char slot[sizeof(Event)];
static std::atomic<int> processed{0};

ALLOCGUARD_ALLOC_FREE int render(char *out, std::size_t size) {
  Event *e = new (slot) Event(64, 0.5f);
  std::array<int, 5> order{5, 3, 4, 1, 2};
  std::sort(order.begin(), order.end());
  int frames[4];
  std::memcpy(frames, order.data(), sizeof frames);
  int n = std::snprintf(out, size, "%d:%.1f:%d%d%d%d", e->frame, e->value,
                        frames[0], frames[1], frames[2], frames[3]);
  e->~Event();
  processed.fetch_add(1, std::memory_order_relaxed);
  return n;
}

int main() {
  char text[32];
  int n = render(text, sizeof text);
  struct allocguard_stats st;
  allocguard_stats_get(&st);
  std::fprintf(stderr, "%d '%s' processed=%d violations=%llu\n", n, text,
               processed.load(), (unsigned long long)st.violations);
  return 0;
}

// CHECK-NOT: ERROR
// CHECK: 11 '64:0.5:1234' processed=1 violations=0
// CHECK-NEXT: allocguard: summary: 0 allocations, 0 frees, 0 bytes, 0 violations at 0 registered sites; peak {{[0-9]+}} live bytes, {{[0-9]+}} at exit; let through: {{[0-9]+}} permitted, {{[0-9]+}} suppressed, {{[0-9]+}} budgeted
// CHECK-NOT: {{.}}
