# llvm_dir.cmake - -DLLVM_DIR= picks the LLVM major, as in other LLVM
# projects; with ALLOCGUARD_LLVM_VERSION naming another major, or a
# directory without LLVM's CMake package, configuring fails and says why.
# Configure only (BUILD_TESTING=OFF), so it takes seconds.
#
#   cmake -DSOURCE=. -DWORK=/tmp/x "-DMAJORS=22;19;14" -P test/integration/llvm_dir.cmake
cmake_minimum_required(VERSION 3.20)
foreach(var SOURCE WORK MAJORS)
  if(NOT DEFINED ${var})
    message(FATAL_ERROR "llvm_dir.cmake: -D${var}= is required")
  endif()
endforeach()

function(configure out dir)
  execute_process(COMMAND ${CMAKE_COMMAND} -S ${SOURCE} -B ${dir} -G Ninja
                          -DBUILD_TESTING=OFF ${ARGN}
                  RESULT_VARIABLE rc OUTPUT_VARIABLE o ERROR_VARIABLE e)
  string(REGEX REPLACE "[ \n]+" " " flat "${o}${e}")
  set(${out} "${flat}" PARENT_SCOPE)
  set(${out}_rc "${rc}" PARENT_SCOPE)
endfunction()

function(fail what output)
  message(FATAL_ERROR "llvm_dir: ${what}\n---- output ----\n${output}")
endfunction()

function(cached dir var out)
  file(STRINGS ${dir}/CMakeCache.txt line REGEX "^${var}:[A-Z]+=")
  string(REGEX REPLACE "^[^=]*=" "" value "${line}")
  set(${out} "${value}" PARENT_SCOPE)
endfunction()

function(expect_major dir major output)
  cached(${dir} ALLOCGUARD_LLVM_VERSION v)
  if(NOT v STREQUAL major)
    fail("ALLOCGUARD_LLVM_VERSION is '${v}', not ${major}" "${output}")
  endif()
  if(NOT output MATCHES "allocguard: LLVM ${major}\\.[0-9.]+ \\(/usr/lib/llvm-${major}/bin\\)")
    fail("configure did not load LLVM ${major}" "${output}")
  endif()
endfunction()

file(REMOVE_RECURSE ${WORK})
list(GET MAJORS 0 newest)

# 1. Each installed major, by LLVM_DIR alone; Debian's short
#    /usr/lib/llvm-NN/cmake link is as good as the real directory.
foreach(major ${MAJORS})
  configure(out ${WORK}/m${major} -DLLVM_DIR=/usr/lib/llvm-${major}/lib/cmake/llvm)
  if(NOT out_rc EQUAL 0)
    fail("LLVM_DIR of LLVM ${major} did not configure" "${out}")
  endif()
  expect_major(${WORK}/m${major} ${major} "${out}")
endforeach()

list(LENGTH MAJORS n)
if(n GREATER 1)
  list(GET MAJORS 1 other)
  # 2. A reconfigure with another LLVM_DIR moves to that major (the first
  #    configure's choice was allocguard's own, not the user's), and one
  #    without LLVM_DIR keeps the cached one.
  set(b ${WORK}/switch)
  configure(out ${b})
  expect_major(${b} ${newest} "${out}")
  configure(out ${b} -DLLVM_DIR=/usr/lib/llvm-${other}/cmake)
  if(NOT out_rc EQUAL 0)
    fail("reconfiguring with LLVM_DIR of LLVM ${other} failed" "${out}")
  endif()
  expect_major(${b} ${other} "${out}")
  configure(out ${b})
  expect_major(${b} ${other} "${out}")

  # 3. Both named, different majors: an error naming both.
  configure(out ${WORK}/conflict
            -DLLVM_DIR=/usr/lib/llvm-${other}/lib/cmake/llvm
            -DALLOCGUARD_LLVM_VERSION=${newest})
  if(out_rc EQUAL 0)
    fail("LLVM_DIR of ${other} with ALLOCGUARD_LLVM_VERSION=${newest} configured" "${out}")
  endif()
  if(NOT out MATCHES "is LLVM ${other}, but ALLOCGUARD_LLVM_VERSION=${newest}\\.")
    fail("the conflict's message does not name both majors" "${out}")
  endif()
endif()

# 4. Both named, the same major: fine.
configure(out ${WORK}/same -DLLVM_DIR=/usr/lib/llvm-${newest}/lib/cmake/llvm
          -DALLOCGUARD_LLVM_VERSION=${newest})
if(NOT out_rc EQUAL 0)
  fail("LLVM_DIR and ALLOCGUARD_LLVM_VERSION naming ${newest} failed" "${out}")
endif()
expect_major(${WORK}/same ${newest} "${out}")

# 5. No LLVM package there.
configure(out ${WORK}/bogus -DLLVM_DIR=${WORK})
if(out_rc EQUAL 0 OR NOT out MATCHES "LLVM_DIR=.* holds no LLVM CMake package")
  fail("an LLVM_DIR without LLVMConfig.cmake was not refused clearly" "${out}")
endif()
message(STATUS "llvm_dir: LLVM_DIR picks ${MAJORS}; conflicts and bogus dirs refused")
