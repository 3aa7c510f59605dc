// An inline function compiled into two units (linkonce_odr): one node.
#include <cstddef>
#include <new>

inline void *make_buf(std::size_t n) { return ::operator new(n); }
