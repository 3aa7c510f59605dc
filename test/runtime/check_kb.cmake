# check_kb.cmake - every WRAPPED row of plugin/ag_kb.def has a wrapper.
#
#   cmake -DKB=plugin/ag_kb.def -DNM=nm -DLIB=liballocguard_rt.so -P check_kb.cmake
#
# For each AG_KB("sym", EFFECT, WRAPPED, ...) row, LIB must define
# __allocguard_sym (dynamic symbol table for a .so), and a .so must export
# nothing but __allocguard_*, allocguard_* and the interposed allocation
# functions (runtime/ag_rt_preload.h). Wrappers without a WRAPPED row are
# listed as notes.

cmake_minimum_required(VERSION 3.16)

foreach(var KB NM LIB)
  if(NOT DEFINED ${var})
    message(FATAL_ERROR "check_kb.cmake: -D${var}=... is required")
  endif()
endforeach()

file(STRINGS "${KB}" rows REGEX "^AG_KB\\(\"[^\"]+\", *[A-Z_]+, *WRAPPED,")
set(wanted "")
foreach(row IN LISTS rows)
  string(REGEX REPLACE "^AG_KB\\(\"([^\"]+)\".*" "\\1" sym "${row}")
  list(APPEND wanted "__allocguard_${sym}")
endforeach()
list(LENGTH wanted nwanted)
if(nwanted EQUAL 0)
  message(FATAL_ERROR "no WRAPPED rows found in ${KB}")
endif()

if(LIB MATCHES "\\.so")
  set(nm_args -D --defined-only)
else()
  set(nm_args --defined-only)
endif()
execute_process(COMMAND "${NM}" ${nm_args} "${LIB}"
  OUTPUT_VARIABLE out RESULT_VARIABLE rc ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "${NM} failed on ${LIB}: ${err}")
endif()
string(REPLACE "\n" ";" lines "${out}")
set(defined "")
set(exported "")
foreach(line IN LISTS lines)
  if(line MATCHES "^[0-9a-fA-F]* +[TtWw] +([A-Za-z_][A-Za-z0-9_]*)$")
    list(APPEND defined "${CMAKE_MATCH_1}")
  endif()
  if(line MATCHES "^[0-9a-fA-F]* +[A-Z] +([A-Za-z_][A-Za-z0-9_]*)$")
    list(APPEND exported "${CMAKE_MATCH_1}")
  endif()
endforeach()

set(errors "")
foreach(sym IN LISTS wanted)
  if(NOT sym IN_LIST defined)
    string(APPEND errors "  missing wrapper ${sym} (WRAPPED in ag_kb.def)\n")
  endif()
endforeach()
# A wrapper the knowledge base does not (yet) use is harmless: say so only.
set(entry_points __allocguard_register_sites __allocguard_unregister_sites
    __allocguard_check_site __allocguard_link_with_liballocguard_rt)
foreach(sym IN LISTS defined)
  if(sym MATCHES "^__allocguard_" AND NOT sym IN_LIST wanted
     AND NOT sym IN_LIST entry_points)
    message(STATUS "note: ${sym} is defined but not a WRAPPED row of ag_kb.def")
  endif()
endforeach()
if(LIB MATCHES "\\.so")
  foreach(sym IN LISTS exported)
    if(NOT sym MATCHES "^(__allocguard_|allocguard_)" AND
       NOT sym MATCHES "^(_init|_fini|_edata|_end|__bss_start)$" AND
       NOT sym MATCHES "^(malloc|calloc|realloc|reallocarray|free|aligned_alloc|posix_memalign|memalign|valloc|pvalloc)$" AND
       NOT sym MATCHES "^_Z(nw|na|dl|da)[mP]")
      string(APPEND errors "  ${sym} is exported but is not ABI or API\n")
    endif()
  endforeach()
endif()

if(errors)
  message(FATAL_ERROR "${LIB}:\n${errors}")
endif()
message(STATUS "${LIB}: all ${nwanted} WRAPPED rows have a wrapper")
