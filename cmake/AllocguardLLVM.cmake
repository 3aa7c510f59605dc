# AllocguardLLVM.cmake - find installed LLVM majors and load one of them.
#
# Debian installs each major side by side under /usr/lib/llvm-NN; other
# layouts are found through llvm-config-NN or llvm-config on PATH.

set(ALLOCGUARD_LLVM_MIN 14)
set(ALLOCGUARD_LLVM_MAX 22)
# Clang's nonblocking/nonallocating function effects exist from 19 on: the
# plugin reads them from the AST (plugin/ag_effects.cpp) for these majors.
set(ALLOCGUARD_EFFECTS_MIN_LLVM 19)

# The major of the LLVM whose CMake package is in `dir` (the directory of
# LLVMConfig.cmake, what LLVM_DIR names), read from its version file; ""
# when `dir` holds no LLVM package.
function(allocguard_llvm_dir_major dir out)
  set(major "")
  if(EXISTS ${dir}/LLVMConfig.cmake AND EXISTS ${dir}/LLVMConfigVersion.cmake)
    file(STRINGS ${dir}/LLVMConfigVersion.cmake line
         REGEX "set\\(PACKAGE_VERSION \"[0-9]+" LIMIT_COUNT 1)
    if(line MATCHES "\"([0-9]+)")
      set(major ${CMAKE_MATCH_1})
    endif()
  endif()
  set(${out} "${major}" PARENT_SCOPE)
endfunction()

# Before project(): reconciles -DLLVM_DIR= (the way other LLVM projects are
# pointed at an LLVM) with -DALLOCGUARD_LLVM_VERSION=. LLVM_DIR picks the
# major and is where that major is loaded from; naming both with different
# majors is an error rather than a silent choice. LLVM_DIR stays in the
# cache, so a reconfigure keeps it.
function(allocguard_resolve_llvm_dir)
  if(NOT LLVM_DIR)
    return()
  endif()
  get_filename_component(dir "${LLVM_DIR}" ABSOLUTE)
  allocguard_llvm_dir_major("${dir}" major)
  if(NOT major)
    message(FATAL_ERROR
      "allocguard: LLVM_DIR=${LLVM_DIR} holds no LLVM CMake package "
      "(LLVMConfig.cmake and LLVMConfigVersion.cmake); point it at e.g. "
      "/usr/lib/llvm-NN/lib/cmake/llvm, or drop it and pick a major with "
      "-DALLOCGUARD_LLVM_VERSION=NN.")
  endif()
  # ALLOCGUARD_LLVM_VERSION is the user's when it differs from the value
  # this function (or the newest-installed default) put in the cache.
  if(DEFINED CACHE{ALLOCGUARD_LLVM_VERSION} AND
     NOT "${ALLOCGUARD_LLVM_VERSION}" STREQUAL "${_AG_LLVM_VERSION_AUTO}" AND
     NOT "${ALLOCGUARD_LLVM_VERSION}" STREQUAL "${major}")
    message(FATAL_ERROR
      "allocguard: LLVM_DIR=${LLVM_DIR} is LLVM ${major}, but "
      "ALLOCGUARD_LLVM_VERSION=${ALLOCGUARD_LLVM_VERSION}. Give one of them "
      "(or both naming the same major); -ULLVM_DIR drops a cached LLVM_DIR.")
  endif()
  set(ALLOCGUARD_LLVM_VERSION ${major} CACHE STRING
      "LLVM major to build the plugin for (default: newest installed)" FORCE)
  set(_AG_LLVM_VERSION_AUTO ${major} CACHE INTERNAL
      "the ALLOCGUARD_LLVM_VERSION allocguard chose itself")
  set(_AG_LLVM${major}_DIR "${dir}" CACHE INTERNAL
      "where LLVM ${major} is loaded from (LLVM_DIR)")
endfunction()

# Returns the CMake package dir of LLVM `major` in `out`, or "" if absent.
function(allocguard_llvm_cmake_dir major out)
  set(dir "")
  foreach(candidate ${_AG_LLVM${major}_DIR}
                    /usr/lib/llvm-${major}/lib/cmake/llvm
                    /usr/local/opt/llvm@${major}/lib/cmake/llvm)
    if(EXISTS ${candidate}/LLVMConfig.cmake)
      set(dir ${candidate})
      break()
    endif()
  endforeach()
  if(NOT dir)
    find_program(_ag_llvm_config NAMES llvm-config-${major} NO_CACHE)
    if(_ag_llvm_config)
      execute_process(COMMAND ${_ag_llvm_config} --cmakedir
                      OUTPUT_VARIABLE dir OUTPUT_STRIP_TRAILING_WHITESPACE)
    endif()
  endif()
  set(${out} "${dir}" PARENT_SCOPE)
endfunction()

# Lists installed supported majors, newest first.
function(allocguard_installed_llvm_majors out)
  set(found "")
  foreach(major RANGE ${ALLOCGUARD_LLVM_MAX} ${ALLOCGUARD_LLVM_MIN} -1)
    allocguard_llvm_cmake_dir(${major} dir)
    if(dir)
      list(APPEND found ${major})
    endif()
  endforeach()
  set(${out} "${found}" PARENT_SCOPE)
endfunction()

# Before project(): sets CMAKE_C_COMPILER / CMAKE_CXX_COMPILER to clang-NN /
# clang++-NN when nothing names a compiler and PATH has no cc / c++ (a
# machine with only the LLVM packages README lists).
function(allocguard_default_compilers)
  set(major "${ALLOCGUARD_LLVM_VERSION}")
  if(NOT major)
    allocguard_installed_llvm_majors(majors)
    list(LENGTH majors n)
    if(n EQUAL 0)
      return()
    endif()
    list(GET majors 0 major)
  endif()
  foreach(lang_env_tool C:CC:cc:clang CXX:CXX:c++:clang++)
    string(REPLACE ":" ";" parts "${lang_env_tool}")
    list(GET parts 0 lang)
    list(GET parts 1 env)
    list(GET parts 2 tool)
    list(GET parts 3 clang)
    if(DEFINED CMAKE_${lang}_COMPILER OR DEFINED ENV{${env}})
      continue()
    endif()
    find_program(_ag_default_${lang} NAMES ${tool} NO_CACHE)
    if(_ag_default_${lang})
      continue()
    endif()
    # An LLVM named by LLVM_DIR (<prefix>/lib/cmake/llvm) has its clang in
    # <prefix>/bin; an unversioned clang elsewhere may be another major's.
    if(_AG_LLVM${major}_DIR)
      find_program(_ag_clang_${lang} NAMES ${clang}
                   PATHS ${_AG_LLVM${major}_DIR}/../../../bin
                   NO_DEFAULT_PATH NO_CACHE)
    endif()
    if(NOT _ag_clang_${lang})
      find_program(_ag_clang_${lang} NAMES ${clang}-${major}
                   HINTS /usr/lib/llvm-${major}/bin NO_CACHE)
    endif()
    if(_ag_clang_${lang})
      message(STATUS "allocguard: no ${tool} on PATH; "
                     "CMAKE_${lang}_COMPILER=${_ag_clang_${lang}}")
      set(CMAKE_${lang}_COMPILER "${_ag_clang_${lang}}" CACHE FILEPATH
          "${lang} compiler (allocguard's default: the LLVM major's clang)")
    endif()
  endforeach()
endfunction()

# Loads LLVM `major` with find_package and exports what the plugin and the
# tests need as AG_LLVM<major>_{INCLUDE_DIRS,DEFINITIONS,ENABLE_RTTI,
# TOOLS_DIR,VERSION}. LLVM's own targets are never linked: a pass plugin
# takes its LLVM symbols from the compiler that loads it. allocguard-report
# is a program and links the shared libLLVM: AG_LLVM<major>_LIBRARY_DIR and
# AG_LLVM<major>_SHARED_LIBRARY ("" when that LLVM has none).
function(allocguard_load_llvm major)
  allocguard_llvm_cmake_dir(${major} dir)
  if(NOT dir)
    message(FATAL_ERROR
      "allocguard: LLVM ${major} is not installed. Install it with "
      "'apt-get install llvm-${major}-dev clang-${major} llvm-${major}-tools' "
      "or pick another major with -DALLOCGUARD_LLVM_VERSION=NN "
      "(supported: ${ALLOCGUARD_LLVM_MIN}..${ALLOCGUARD_LLVM_MAX}).")
  endif()
  # No version in find_package: LLVM's version file demands major.minor.
  # find_package would take a cached LLVM_DIR over PATHS, so the user's
  # (if any) is set aside while each major loads, and put back after.
  set(user_llvm_dir "${LLVM_DIR}")
  unset(LLVM_DIR CACHE)
  find_package(LLVM REQUIRED CONFIG PATHS ${dir} NO_DEFAULT_PATH)
  if(NOT LLVM_VERSION_MAJOR EQUAL major)
    message(FATAL_ERROR "allocguard: ${dir} holds LLVM ${LLVM_VERSION_MAJOR}, "
                        "not ${major}.")
  endif()
  set(AG_LLVM${major}_INCLUDE_DIRS ${LLVM_INCLUDE_DIRS} PARENT_SCOPE)
  set(AG_LLVM${major}_DEFINITIONS ${LLVM_DEFINITIONS} PARENT_SCOPE)
  set(AG_LLVM${major}_ENABLE_RTTI ${LLVM_ENABLE_RTTI} PARENT_SCOPE)
  set(AG_LLVM${major}_TOOLS_DIR ${LLVM_TOOLS_BINARY_DIR} PARENT_SCOPE)
  set(AG_LLVM${major}_VERSION ${LLVM_PACKAGE_VERSION} PARENT_SCOPE)
  set(AG_LLVM${major}_LIBRARY_DIR ${LLVM_LIBRARY_DIR} PARENT_SCOPE)
  set(shared "")
  foreach(name libLLVM.so libLLVM-${major}.so libLLVM.dylib)
    if(NOT shared AND EXISTS ${LLVM_LIBRARY_DIR}/${name})
      set(shared ${LLVM_LIBRARY_DIR}/${name})
    endif()
  endforeach()
  set(AG_LLVM${major}_SHARED_LIBRARY "${shared}" PARENT_SCOPE)
  allocguard_clang_effects(${major} "${LLVM_INCLUDE_DIRS}")
  set(AG_LLVM${major}_CLANG_EFFECTS ${AG_LLVM${major}_CLANG_EFFECTS} PARENT_SCOPE)
  unset(LLVM_DIR CACHE)
  if(user_llvm_dir)
    set(LLVM_DIR "${user_llvm_dir}" CACHE PATH
        "LLVM's CMake package dir: picks the LLVM major (ALLOCGUARD_LLVM_VERSION)")
  endif()
endfunction()

# Sets AG_LLVM<major>_CLANG_EFFECTS to ON when the plugin's frontend part
# (clang's function effects as roots, plugin/ag_effects.cpp) can be built:
# LLVM ALLOCGUARD_EFFECTS_MIN_LLVM or newer, and clang's headers installed
# (Debian: libclang-NN-dev). It links nothing: clang provides the symbols.
function(allocguard_clang_effects major include_dirs)
  find_path(_ag_clang_headers clang/Frontend/FrontendPluginRegistry.h
            PATHS ${include_dirs} NO_DEFAULT_PATH NO_CACHE)
  set(enabled OFF)
  if(major LESS ALLOCGUARD_EFFECTS_MIN_LLVM)
    set(why "clang ${major} has no such attributes")
  elseif(NOT _ag_clang_headers)
    set(why "no clang headers: apt-get install libclang-${major}-dev")
  else()
    set(enabled ON)
  endif()
  if(enabled)
    message(STATUS "allocguard: LLVM ${major}: nonblocking/nonallocating "
                   "functions are roots")
  else()
    message(STATUS "allocguard: LLVM ${major}: nonblocking/nonallocating "
                   "functions are not read (${why})")
  endif()
  set(AG_LLVM${major}_CLANG_EFFECTS ${enabled} PARENT_SCOPE)
endfunction()
