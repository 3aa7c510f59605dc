# allocguardCPack.cmake - `cpack -G DEB`: a Debian package of everything
# `cmake --install` installs (plugins, runtime libraries, header, report
# tool, CMake package, pkg-config files, man pages), for /usr.
#
#   cmake -S . -B build/deb -G Ninja -DBUILD_TESTING=OFF -DCMAKE_INSTALL_PREFIX=/usr
#   cmake --build build/deb && (cd build/deb && cpack -G DEB)
#   # -> build/deb/allocguard_<version>_<arch>.deb
#
# Included last by the top-level CMakeLists.txt.

set(_ag_major ${ALLOCGUARD_LLVM_VERSION})
set(CPACK_PACKAGE_NAME allocguard)
set(CPACK_PACKAGE_VENDOR allocguard)
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY
    "keeps the heap out of alloc_free functions (Clang ${_ag_major} plugin)")
set(CPACK_PACKAGE_DESCRIPTION
"Mark a function alloc_free (an audio callback, a packet loop) and the
Clang pass plugin reports at compile time every allocation it can reach,
with the call path; a small runtime aborts, logs or counts when one runs
in that scope. allocguard-report does the same across a whole program.
This package is built for clang-${_ag_major}: compile with
`pkg-config --cflags --libs allocguard` or find_package(allocguard).")
set(CPACK_PACKAGE_CONTACT "allocguard maintainers" CACHE STRING
    "the package's Maintainer field")
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)   # allocguard_<version>_<arch>.deb
set(CPACK_DEBIAN_PACKAGE_SECTION devel)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)

# Depends: the clang the plugin loads into (it takes its LLVM symbols from
# that clang, so nothing in the plugin's ELF says so), plus what
# dpkg-shlibdeps finds the programs and libraries need: libLLVM of the
# major for allocguard-report, libc for the runtime. Without
# dpkg-shlibdeps (package dpkg-dev) the libLLVM package is named by hand.
set(_ag_depends "clang-${_ag_major}")
find_program(ALLOCGUARD_DPKG_SHLIBDEPS dpkg-shlibdeps)
if(ALLOCGUARD_DPKG_SHLIBDEPS)
  set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
else()
  string(APPEND _ag_depends ", libllvm${_ag_major}, libc6")
endif()
set(CPACK_DEBIAN_PACKAGE_DEPENDS "${_ag_depends}")
# llvm-symbolizer names the frames of a run-time report (README).
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "llvm-${_ag_major}, pkg-config")
# The plugins built for other majors load into their clangs.
set(_ag_suggests "")
foreach(major ${ALLOCGUARD_LLVM_MAJORS})
  if(NOT major EQUAL _ag_major)
    list(APPEND _ag_suggests clang-${major})
  endif()
endforeach()
string(REPLACE ";" ", " CPACK_DEBIAN_PACKAGE_SUGGESTS "${_ag_suggests}")

set(CPACK_SOURCE_IGNORE_FILES "/build/" "/\\\\.git/")
include(CPack)
