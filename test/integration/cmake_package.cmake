# cmake_package.cmake - the installed CMake package, end to end: install the
# build tree into a fresh prefix, configure test/integration/Inputs/consumer against
# it with the same major's clang, and check that
#   1. a seeded violation two units below the root fails the build
#      (allocguard_check, FAIL_ON any) and is in the SARIF and markdown,
#   2. a call into a library built without the plugin fails it too
#      (FAIL_ON_UNKNOWN),
#   3. the fixed program builds and runs,
#   4. compilers the plugin cannot load into are refused at configure time,
#      naming both versions and the fix.
# With -DIN_TREE=<allocguard source dir> instead of -DBUILD_DIR, the consumer
# builds allocguard as a subdirectory and uses the same functions in-tree.
#
#   cmake -DBUILD_DIR=build/check -DCONSUMER=test/integration/Inputs/consumer
#         -DWORK=/tmp/x -DCLANG=/usr/lib/llvm-NN/bin/clang -DMAJOR=NN
#         "-DREFUSED=/usr/bin/cc;/usr/lib/llvm-MM/bin/clang"
#         -P test/integration/cmake_package.cmake
cmake_minimum_required(VERSION 3.20)
foreach(var CONSUMER WORK CLANG MAJOR)
  if(NOT DEFINED ${var})
    message(FATAL_ERROR "cmake_package.cmake: -D${var}= is required")
  endif()
endforeach()

# Runs a command; `out` gets status, stdout and stderr together.
function(run out)
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE rc
                  OUTPUT_VARIABLE o ERROR_VARIABLE e)
  set(${out} "${rc}\n${o}${e}" PARENT_SCOPE)
  set(${out}_rc "${rc}" PARENT_SCOPE)
endfunction()

function(fail what output)
  message(FATAL_ERROR "cmake_package: ${what}\n---- output ----\n${output}")
endfunction()

file(REMOVE_RECURSE ${WORK})
if(IN_TREE)
  # allocguard as a subdirectory of the consumer: the same functions on
  # the in-tree aliases, no install.
  set(common -S ${CONSUMER} -G Ninja -DALLOCGUARD_SOURCE_DIR=${IN_TREE}
             -DALLOCGUARD_LLVM_VERSION=${MAJOR} -DCMAKE_BUILD_TYPE=RelWithDebInfo)
else()
  set(prefix ${WORK}/prefix)
  run(install ${CMAKE_COMMAND} --install ${BUILD_DIR} --prefix ${prefix})
  if(NOT install_rc EQUAL 0)
    fail("cmake --install failed" "${install}")
  endif()
  foreach(f lib/allocguard-llvm${MAJOR}.so lib/liballocguard_rt.a
            lib/liballocguard_rt.so include/allocguard.h bin/allocguard-report
            lib/cmake/allocguard/allocguardConfig.cmake
            lib/cmake/allocguard/allocguardConfigVersion.cmake
            lib/cmake/allocguard/allocguardFunctions.cmake)
    if(NOT EXISTS ${prefix}/${f})
      fail("the install lacks ${f}" "${install}")
    endif()
  endforeach()
  set(common -S ${CONSUMER} -G Ninja -DCMAKE_PREFIX_PATH=${prefix}
             -DCMAKE_BUILD_TYPE=RelWithDebInfo)
endif()

# 1. Seeded: the gate fails the build and names the whole path.
set(b ${WORK}/seeded)
run(cfg ${CMAKE_COMMAND} ${common} -B ${b} -DCMAKE_C_COMPILER=${CLANG}
    -DSEED_VIOLATION=ON)
if(NOT cfg_rc EQUAL 0)
  fail("configuring the consumer with ${CLANG} failed" "${cfg}")
endif()
run(build ${CMAKE_COMMAND} --build ${b})
if(build_rc EQUAL 0)
  fail("the seeded violation did not fail the build" "${build}")
endif()
foreach(word render dsp_process util_label strdup)
  if(NOT build MATCHES "${word}")
    fail("the failing build's report does not name '${word}'" "${build}")
  endif()
endforeach()
foreach(f synth.sarif synth.md)
  if(NOT EXISTS ${b}/${f})
    fail("allocguard_check wrote no ${f}" "${build}")
  endif()
  file(READ ${b}/${f} text)
  if(NOT text MATCHES "strdup")
    fail("${f} does not name strdup" "${text}")
  endif()
endforeach()
# A failed check is not remembered as done: the next build checks again.
run(again ${CMAKE_COMMAND} --build ${b})
if(again_rc EQUAL 0)
  fail("a rebuild after a failed check passed without fixing anything" "${again}")
endif()

# 2. Unknown (same build tree): no allocation, but a call into a library
# without summaries; FAIL_ON_UNKNOWN fails the build and names it.
run(cfg ${CMAKE_COMMAND} -S ${CONSUMER} -B ${b} -DSEED_VIOLATION=OFF
    -DSEED_UNKNOWN=ON)
run(build ${CMAKE_COMMAND} --build ${b})
if(build_rc EQUAL 0)
  fail("a root reaching an unknown call passed FAIL_ON_UNKNOWN" "${cfg}${build}")
endif()
if(NOT build MATCHES "vendor_gain" OR NOT build MATCHES "cannot")
  fail("the unknown-call failure does not name vendor_gain" "${build}")
endif()

# 3. Fixed (same build tree): the gate passes and the program runs.
run(cfg ${CMAKE_COMMAND} -S ${CONSUMER} -B ${b} -DSEED_VIOLATION=OFF
    -DSEED_UNKNOWN=OFF)
run(build ${CMAKE_COMMAND} --build ${b})
if(NOT build_rc EQUAL 0)
  fail("the fixed consumer does not build" "${cfg}${build}")
endif()
run(app ${b}/synth)
if(NOT app_rc EQUAL 0 OR NOT app MATCHES "rendered")
  fail("the fixed consumer does not run cleanly" "${app}")
endif()

# 4. Refused compilers: not clang, or a clang of another major.
foreach(cc ${REFUSED})
  string(MAKE_C_IDENTIFIER "${cc}" id)
  run(cfg ${CMAKE_COMMAND} ${common} -B ${WORK}/refused_${id}
      -DCMAKE_C_COMPILER=${cc})
  if(cfg_rc EQUAL 0)
    fail("the package accepted ${cc}" "${cfg}")
  endif()
  string(REGEX REPLACE "[ \n]+" " " flat "${cfg}")
  if(NOT flat MATCHES "built for LLVM ${MAJOR}, but CMAKE_C_COMPILER"
     OR NOT flat MATCHES "-DCMAKE_C_COMPILER=${CLANG}")
    fail("refusing ${cc} did not name LLVM ${MAJOR} and the fix" "${cfg}")
  endif()
  execute_process(COMMAND ${cc} --version OUTPUT_VARIABLE v)
  if(v MATCHES "clang version ([0-9]+)")
    if(NOT flat MATCHES "is clang ${CMAKE_MATCH_1}[.0-9]* \\(LLVM ${CMAKE_MATCH_1}\\)")
      fail("refusing ${cc} did not name its version" "${cfg}")
    endif()
  elseif(NOT flat MATCHES "which is not clang")
    fail("refusing ${cc} did not say it is not clang" "${cfg}")
  endif()
endforeach()
message(STATUS "cmake_package: gate, fix and refusals all as expected")
