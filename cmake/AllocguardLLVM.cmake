# AllocguardLLVM.cmake - find installed LLVM majors and load one of them.
#
# Debian installs each major side by side under /usr/lib/llvm-NN; other
# layouts are found through llvm-config-NN or llvm-config on PATH.

set(ALLOCGUARD_LLVM_MIN 14)
set(ALLOCGUARD_LLVM_MAX 22)

# Returns the CMake package dir of LLVM `major` in `out`, or "" if absent.
function(allocguard_llvm_cmake_dir major out)
  set(dir "")
  foreach(candidate /usr/lib/llvm-${major}/lib/cmake/llvm
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
    find_program(_ag_clang_${lang} NAMES ${clang}-${major}
                 HINTS /usr/lib/llvm-${major}/bin NO_CACHE)
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
  unset(LLVM_DIR CACHE)
endfunction()
