# FetchSarifMultitool.cmake - unpack @microsoft/sarif-multitool-linux into
# DIR (DIR/package/Sarif.Multitool and DIR/package/sarif-2.1.0.json).
#   cmake -DNPM=/usr/bin/npm -DDIR=build/test/sarif-multitool -P FetchSarifMultitool.cmake
set(version 5.7.0)
if(EXISTS ${DIR}/package/Sarif.Multitool AND
   EXISTS ${DIR}/package/sarif-2.1.0.json AND
   EXISTS ${DIR}/fetched-${version})
  message(STATUS "SARIF multitool ${version} already in ${DIR}")
  return()
endif()
if(NOT NPM)
  message(FATAL_ERROR "npm not found: the SARIF tests fetch the validator "
                      "with 'npm pack' (install node and npm)")
endif()
file(REMOVE_RECURSE ${DIR})
file(MAKE_DIRECTORY ${DIR})
execute_process(
  COMMAND ${NPM} pack --silent @microsoft/sarif-multitool-linux@${version}
  WORKING_DIRECTORY ${DIR}
  RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
file(GLOB tarball ${DIR}/*.tgz)
if(NOT rc EQUAL 0 OR NOT tarball)
  message(FATAL_ERROR "npm pack @microsoft/sarif-multitool-linux@${version} "
                      "failed (${rc}): ${out} ${err}")
endif()
file(ARCHIVE_EXTRACT INPUT ${tarball} DESTINATION ${DIR})
file(REMOVE ${tarball})
file(CHMOD ${DIR}/package/Sarif.Multitool
     PERMISSIONS OWNER_READ OWNER_WRITE OWNER_EXECUTE GROUP_READ
                 GROUP_EXECUTE WORLD_READ WORLD_EXECUTE)
file(TOUCH ${DIR}/fetched-${version})
message(STATUS "SARIF multitool ${version} unpacked in ${DIR}")
