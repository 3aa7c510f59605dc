# AllocguardFuzz.cmake - libFuzzer targets and their short ctest runs, one
# definition for plugin/fuzz and report/fuzz. Built with the configured
# LLVM's clang, whose packages ship libFuzzer, not with the project's C
# compiler (which may be gcc).

# allocguard_fuzz_supported(<var>): whether that clang accepts
# -fsanitize=fuzzer (test/CMakeLists.txt probes once for both folders).
function(allocguard_fuzz_supported var)
  set(clang ${AG_LLVM${ALLOCGUARD_LLVM_VERSION}_TOOLS_DIR}/clang)
  set(bin ${CMAKE_CURRENT_BINARY_DIR})
  file(WRITE ${bin}/probe.c
    "#include <stddef.h>\n#include <stdint.h>\n"
    "int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n) "
    "{ (void)d; (void)n; return 0; }\n")
  execute_process(
    COMMAND ${clang} -fsanitize=fuzzer,address ${bin}/probe.c -o ${bin}/probe
    RESULT_VARIABLE rc OUTPUT_QUIET ERROR_QUIET)
  if(rc EQUAL 0)
    set(${var} TRUE PARENT_SCOPE)
  else()
    message(STATUS "allocguard: ${clang} has no -fsanitize=fuzzer; "
                   "no fuzz tests")
    set(${var} FALSE PARENT_SCOPE)
  endif()
endfunction()

# What every fuzzer and fuzz library is compiled with.
macro(_allocguard_fuzz_tools)
  set(clang ${AG_LLVM${ALLOCGUARD_LLVM_VERSION}_TOOLS_DIR}/clang)
  set(fuzz_cflags -g -O1 -std=c11 -D_GNU_SOURCE
      -fno-sanitize-recover=undefined -I${PROJECT_SOURCE_DIR}/common)
endmacro()

# allocguard_add_fuzz_library(<name> SOURCES <files...> [FLAGS <flags...>]
#   [DEPENDS <headers...>]): SOURCES (absolute paths) compiled once,
# instrumented as the fuzzers are, into lib<name>.a for the fuzzers' LIBS;
# each fuzzer links only the members it uses.
function(allocguard_add_fuzz_library name)
  cmake_parse_arguments(F "" "" "SOURCES;FLAGS;DEPENDS" ${ARGN})
  _allocguard_fuzz_tools()
  set(dir ${CMAKE_CURRENT_BINARY_DIR}/${name}.dir)
  file(MAKE_DIRECTORY ${dir})
  set(objects)
  foreach(src ${F_SOURCES})
    get_filename_component(base ${src} NAME_WE)
    add_custom_command(
      OUTPUT ${dir}/${base}.o
      COMMAND ${clang} ${fuzz_cflags} ${F_FLAGS}
              -fsanitize=fuzzer-no-link,address,undefined
              -c ${src} -o ${dir}/${base}.o
      DEPENDS ${src} ${F_DEPENDS}
      COMMENT "Building fuzz object ${base}.o"
      VERBATIM)
    list(APPEND objects ${dir}/${base}.o)
  endforeach()
  set(lib ${CMAKE_CURRENT_BINARY_DIR}/lib${name}.a)
  add_custom_command(
    OUTPUT ${lib}
    COMMAND ${CMAKE_COMMAND} -E rm -f ${lib}
    COMMAND ${CMAKE_AR} qc ${lib} ${objects}
    COMMAND ${CMAKE_RANLIB} ${lib}
    DEPENDS ${objects}
    COMMENT "Archiving fuzz library lib${name}.a"
    VERBATIM)
  add_custom_target(allocguard-${name} DEPENDS ${lib})
endfunction()

# allocguard_add_fuzzer(<name> TEST <test name> SEEDS <seed dir>
#   SOURCES <files...> [FLAGS <compile flags...>] [DEPENDS <headers...>]
#   [LIBS <fuzz libraries...>] [LINK <system libraries...>]): one fuzzer
# from SOURCES (absolute paths), the fuzz libraries LIBS
# (allocguard_add_fuzz_library names) and LINK (linked as they are), and a
# 15-second run of it over the build tree's corpus and SEEDS. New inputs
# go to the build tree's corpus; the seeds stay untouched.
function(allocguard_add_fuzzer name)
  cmake_parse_arguments(F "" "TEST;SEEDS" "SOURCES;FLAGS;DEPENDS;LIBS;LINK"
                        ${ARGN})
  _allocguard_fuzz_tools()
  set(bin ${CMAKE_CURRENT_BINARY_DIR})
  set(libs)
  foreach(lib ${F_LIBS})
    list(APPEND libs ${bin}/lib${lib}.a)
  endforeach()
  add_custom_command(
    OUTPUT ${bin}/${name}
    COMMAND ${clang} ${fuzz_cflags} ${F_FLAGS}
            -fsanitize=fuzzer,address,undefined
            ${F_SOURCES} ${libs} ${F_LINK} -o ${bin}/${name}
    DEPENDS ${F_SOURCES} ${F_DEPENDS} ${libs}
    COMMENT "Building fuzz target ${name}"
    VERBATIM)
  add_custom_target(allocguard-${name} ALL DEPENDS ${bin}/${name})
  foreach(lib ${F_LIBS})
    add_dependencies(allocguard-${name} allocguard-${lib})
  endforeach()
  file(MAKE_DIRECTORY ${bin}/corpus/${name})
  add_test(NAME ${F_TEST}
           COMMAND ${bin}/${name} -max_total_time=15 -timeout=10
                   -rss_limit_mb=2048 -print_final_stats=1
                   ${bin}/corpus/${name} ${F_SEEDS})
endfunction()
