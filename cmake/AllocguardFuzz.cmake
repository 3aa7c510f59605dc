# AllocguardFuzz.cmake - libFuzzer targets and their short ctest runs, one
# definition for plugin/fuzz and report/fuzz. Built with the configured
# LLVM's clang, whose packages ship libFuzzer, not with the project's C
# compiler (which may be gcc).

# allocguard_fuzz_supported(<var>): whether that clang accepts
# -fsanitize=fuzzer, probed once per directory.
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
                   "no fuzz tests in ${CMAKE_CURRENT_SOURCE_DIR}")
    set(${var} FALSE PARENT_SCOPE)
  endif()
endfunction()

# allocguard_add_fuzzer(<name> TEST <test name> SEEDS <seed dir>
#   SOURCES <files...> [FLAGS <compile flags...>] [DEPENDS <headers...>]):
# one fuzzer from SOURCES (absolute paths) and a 15-second run of it over
# the build tree's corpus and SEEDS. New inputs go to the build tree's
# corpus; the seeds stay untouched.
function(allocguard_add_fuzzer name)
  cmake_parse_arguments(F "" "TEST;SEEDS" "SOURCES;FLAGS;DEPENDS" ${ARGN})
  set(clang ${AG_LLVM${ALLOCGUARD_LLVM_VERSION}_TOOLS_DIR}/clang)
  set(bin ${CMAKE_CURRENT_BINARY_DIR})
  add_custom_command(
    OUTPUT ${bin}/${name}
    COMMAND ${clang} -g -O1 -std=c11 -D_GNU_SOURCE ${F_FLAGS}
            -fsanitize=fuzzer,address,undefined
            -fno-sanitize-recover=undefined -I${PROJECT_SOURCE_DIR}/common
            ${F_SOURCES} -o ${bin}/${name}
    DEPENDS ${F_SOURCES} ${F_DEPENDS}
    COMMENT "Building fuzz target ${name}"
    VERBATIM)
  add_custom_target(allocguard-${name} ALL DEPENDS ${bin}/${name})
  file(MAKE_DIRECTORY ${bin}/corpus/${name})
  add_test(NAME ${F_TEST}
           COMMAND ${bin}/${name} -max_total_time=15 -timeout=10
                   -rss_limit_mb=2048 -print_final_stats=1
                   ${bin}/corpus/${name} ${F_SEEDS})
endfunction()
