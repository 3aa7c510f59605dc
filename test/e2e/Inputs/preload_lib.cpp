// An "uninstrumented" C++ shared library for preload_cxx.cpp: compiled
// without the plugin; its operator new and delete calls are only visible
// to liballocguard_preload.so.
#include <new>
#include <vector>

int *lib_new_array(int n) { return new int[n]; }

void lib_delete_array(int *p) { delete[] p; }

long lib_vector_sum(int n) {
  std::vector<long> v(n, 1);
  long s = 0;
  for (long x : v)
    s += x;
  return s;
}

// Too large for any heap: operator new throws std::bad_alloc, the nothrow
// form returns NULL.
void *lib_huge(bool nothrow) {
  unsigned long n = ~0ul / 2;
  return nothrow ? ::operator new(n, std::nothrow) : ::operator new(n);
}
