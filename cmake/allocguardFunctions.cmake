# allocguardFunctions.cmake - compile a target with the allocguard plugin and
# gate its build on the whole-program report.
#
#   find_package(allocguard REQUIRED)          # or add_subdirectory(allocguard)
#   add_executable(app main.c dsp.c)
#   allocguard_instrument(TARGET app INSTRUMENT all SEVERITY warning)
#   allocguard_check(TARGET app FAIL_ON new BASELINE allocguard.baseline
#                    SARIF app.sarif MARKDOWN app.md)
#
# Both use only the allocguard:: targets (plugin, flags, runtime,
# runtime_shared, report), which exist in-tree as aliases and in the
# installed package as imported targets, so this file works in both.

include_guard(GLOBAL)

# The real target behind an allocguard:: name: add_dependencies and
# get_target_property need it in-tree, where allocguard:: names are aliases.
function(_allocguard_real_target name out)
  get_target_property(real ${name} ALIASED_TARGET)
  if(NOT real)
    set(real ${name})
  endif()
  set(${out} ${real} PARENT_SCOPE)
endfunction()

# Sets `out` to a message naming the problem and the fix when this
# project's C or C++ compiler cannot load a plugin built for LLVM `major`
# (another major fails at compile time with an obscure loader or symbol
# error; other compilers do not take -fpass-plugin at all), else to "".
function(_allocguard_compiler_problem out major clang)
  set(problem "")
  get_property(enabled GLOBAL PROPERTY ENABLED_LANGUAGES)
  foreach(lang C CXX)
    # In-tree, allocguard's own project() enables CXX in its directory
    # only; a language without a compiler here is not used here.
    if(NOT lang IN_LIST enabled OR NOT CMAKE_${lang}_COMPILER_ID)
      continue()
    endif()
    set(id "${CMAKE_${lang}_COMPILER_ID}")
    set(ver "${CMAKE_${lang}_COMPILER_VERSION}")
    string(REGEX MATCH "^[0-9]+" ver_major "${ver}")
    if(id STREQUAL "Clang" AND ver_major STREQUAL major)
      continue()
    endif()
    if(id STREQUAL "Clang")
      set(what "clang ${ver} (LLVM ${ver_major})")
    else()
      set(what "${id} ${ver}, which is not clang")
    endif()
    set(fix "${clang}")
    if(lang STREQUAL "CXX")
      set(fix "${clang}++")
    endif()
    string(APPEND problem
      "allocguard was built for LLVM ${major}, but CMAKE_${lang}_COMPILER "
      "(${CMAKE_${lang}_COMPILER}) is ${what}. Configure with "
      "-DCMAKE_${lang}_COMPILER=${fix} (any clang ${major}), or build "
      "allocguard for your compiler's LLVM with "
      "-DALLOCGUARD_LLVM_VERSION=<major>.\n")
  endforeach()
  set(${out} "${problem}" PARENT_SCOPE)
endfunction()

function(_allocguard_require_target fn tgt)
  if(NOT tgt)
    message(FATAL_ERROR "${fn}: TARGET is required")
  endif()
  if(NOT TARGET ${tgt})
    message(FATAL_ERROR "${fn}: '${tgt}' is not a target")
  endif()
endfunction()

function(_allocguard_require_one_of fn keyword value)
  if(value AND NOT value IN_LIST ARGN)
    string(REPLACE ";" "|" allowed "${ARGN}")
    message(FATAL_ERROR "${fn}: ${keyword} '${value}' is not one of ${allowed}")
  endif()
endfunction()

# allocguard_instrument(TARGET tgt [INSTRUMENT all|roots|off]
#                       [SEVERITY warning|error])
#
# Compiles tgt's C and C++ sources with the plugin (the static report of
# each unit, and the summary allocguard_check reads) and links the runtime
# that the rewritten calls need.
function(allocguard_instrument)
  cmake_parse_arguments(PARSE_ARGV 0 AG "" "TARGET;INSTRUMENT;SEVERITY" "")
  set(fn allocguard_instrument)
  if(AG_UNPARSED_ARGUMENTS)
    message(FATAL_ERROR "${fn}: unexpected arguments: ${AG_UNPARSED_ARGUMENTS}")
  endif()
  _allocguard_require_target(${fn} "${AG_TARGET}")
  _allocguard_require_one_of(${fn} INSTRUMENT "${AG_INSTRUMENT}" roots all off)
  _allocguard_require_one_of(${fn} SEVERITY "${AG_SEVERITY}" warning error)

  get_target_property(type ${AG_TARGET} TYPE)
  # Every DSO linking the static runtime would get its own copy of the
  # per-thread scope and the statistics; shared objects use the shared one.
  if(type STREQUAL "SHARED_LIBRARY" OR type STREQUAL "MODULE_LIBRARY")
    set(runtime allocguard::runtime_shared)
  else()
    set(runtime allocguard::runtime)
  endif()
  # allocguard::flags: -fplugin/-fpass-plugin and the include directory.
  target_link_libraries(${AG_TARGET} PRIVATE allocguard::flags ${runtime})

  # One -mllvm per option; SHELL: keeps CMake from merging the repeated
  # "-mllvm" words when it de-duplicates options.
  set(lang "$<COMPILE_LANGUAGE:C,CXX>")
  if(AG_INSTRUMENT)
    target_compile_options(${AG_TARGET} PRIVATE
      "$<${lang}:SHELL:-mllvm -allocguard-instrument=${AG_INSTRUMENT}>")
  endif()
  if(AG_SEVERITY)
    target_compile_options(${AG_TARGET} PRIVATE
      "$<${lang}:SHELL:-mllvm -allocguard-severity=${AG_SEVERITY}>")
  endif()

  # In-tree the plugin is built here: compile after it (the compile line
  # names it but does not depend on it). The installed package checked the
  # compiler in find_package; in-tree nothing has yet.
  _allocguard_real_target(allocguard::plugin plugin)
  get_target_property(imported ${plugin} IMPORTED)
  if(NOT imported)
    add_dependencies(${AG_TARGET} allocguard-tools-built)
    _allocguard_compiler_problem(problem ${ALLOCGUARD_LLVM_VERSION}
                                 "${ALLOCGUARD_CLANG}")
    if(problem)
      message(FATAL_ERROR "${fn}: ${problem}")
    endif()
  endif()
endfunction()

# allocguard_check(TARGET app [FAIL_ON any|new|none] [FAIL_ON_UNKNOWN]
#                  [BASELINE file] [SUPPRESSIONS file...] [SARIF file]
#                  [MARKDOWN file] [INPUTS file-or-target...])
#
# After app links, runs allocguard-report on it (the summaries of every
# object linked in travel in its .allocguard.summary section) plus INPUTS
# (e.g. shared libraries it loads) and prints the report. FAIL_ON decides
# whether findings fail the build: none (default: report only), any, or
# new (not in BASELINE). FAIL_ON_UNKNOWN also fails it when a root reaches a
# call allocguard cannot follow (--fail-on-unknown): for teams that want
# proof, not only the absence of a known allocation. Relative
# BASELINE/SUPPRESSIONS paths are taken from
# the current source directory, SARIF/MARKDOWN from the binary directory.
function(allocguard_check)
  cmake_parse_arguments(PARSE_ARGV 0 AG "FAIL_ON_UNKNOWN"
    "TARGET;FAIL_ON;BASELINE;SARIF;MARKDOWN" "SUPPRESSIONS;INPUTS")
  set(fn allocguard_check)
  if(AG_UNPARSED_ARGUMENTS)
    message(FATAL_ERROR "${fn}: unexpected arguments: ${AG_UNPARSED_ARGUMENTS}")
  endif()
  _allocguard_require_target(${fn} "${AG_TARGET}")
  _allocguard_require_one_of(${fn} FAIL_ON "${AG_FAIL_ON}" any new none)
  if(NOT TARGET allocguard::report)
    message(FATAL_ERROR "${fn}: this allocguard was built without "
                        "allocguard-report (allocguard::report)")
  endif()
  if(NOT AG_FAIL_ON)
    set(AG_FAIL_ON none)
  endif()
  if(AG_FAIL_ON STREQUAL "new" AND NOT AG_BASELINE)
    message(FATAL_ERROR "${fn}: FAIL_ON new needs a BASELINE file")
  endif()

  set(args --fail-on=${AG_FAIL_ON} --source-root=${PROJECT_SOURCE_DIR})
  if(AG_FAIL_ON_UNKNOWN)
    list(APPEND args --fail-on-unknown)
  endif()
  if(AG_BASELINE)
    get_filename_component(baseline "${AG_BASELINE}" ABSOLUTE
                           BASE_DIR ${CMAKE_CURRENT_SOURCE_DIR})
    list(APPEND args --baseline=${baseline})
  endif()
  foreach(s ${AG_SUPPRESSIONS})
    get_filename_component(f "${s}" ABSOLUTE BASE_DIR ${CMAKE_CURRENT_SOURCE_DIR})
    list(APPEND args --suppressions=${f})
  endforeach()
  foreach(kind SARIF MARKDOWN)
    if(AG_${kind})
      get_filename_component(f "${AG_${kind}}" ABSOLUTE
                             BASE_DIR ${CMAKE_CURRENT_BINARY_DIR})
      string(TOLOWER ${kind} opt)
      list(APPEND args --${opt}=${f})
    endif()
  endforeach()
  set(inputs $<TARGET_FILE:${AG_TARGET}>)
  foreach(i ${AG_INPUTS})
    if(TARGET ${i})
      list(APPEND inputs $<TARGET_FILE:${i}>)
    else()
      get_filename_component(f "${i}" ABSOLUTE BASE_DIR ${CMAKE_CURRENT_BINARY_DIR})
      list(APPEND inputs ${f})
    endif()
  endforeach()

  # <app>-allocguard-baseline records today's findings as the baseline that
  # FAIL_ON new compares against.
  if(AG_BASELINE)
    add_custom_target(${AG_TARGET}-allocguard-baseline
      COMMAND $<TARGET_FILE:allocguard::report> --fail-on=none
              --source-root=${PROJECT_SOURCE_DIR} --write-baseline=${baseline}
              ${inputs}
      DEPENDS ${AG_TARGET}
      COMMENT "allocguard: writing ${baseline}"
      VERBATIM)
  endif()

  # POST_BUILD: it runs whenever app is relinked, and a failing check makes
  # the link step fail, so the next build links and checks again.
  add_custom_command(TARGET ${AG_TARGET} POST_BUILD
    COMMAND $<TARGET_FILE:allocguard::report> ${args} ${inputs}
    COMMENT "allocguard: checking ${AG_TARGET} (fail on: ${AG_FAIL_ON})"
    VERBATIM)
  _allocguard_real_target(allocguard::report report)
  get_target_property(imported ${report} IMPORTED)
  if(NOT imported)
    add_dependencies(${AG_TARGET} allocguard-tools-built)
  endif()
endfunction()
