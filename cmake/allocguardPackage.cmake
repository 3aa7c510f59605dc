# allocguardPackage.cmake - the allocguard:: targets (in-tree aliases and the
# installed, exported ones), install rules and the CMake package.
#
#   cmake --install build/demo --prefix /opt/allocguard
#   cmake -DCMAKE_C_COMPILER=clang-NN -DCMAKE_PREFIX_PATH=/opt/allocguard ..
#   # then find_package(allocguard REQUIRED) and cmake/allocguardFunctions.cmake
#
# Included by the top-level CMakeLists.txt after the components exist.
include(CMakePackageConfigHelpers)
include(GNUInstallDirs)

set(_ag_major ${ALLOCGUARD_LLVM_VERSION})
set(_ag_plugin allocguard-llvm${_ag_major})
set(_ag_cmake_dir ${CMAKE_INSTALL_LIBDIR}/cmake/allocguard)

#===-- Targets -------------------------------------------------------------===#
# plugin/ installs every major's plugin; the package exports the configured
# major's, the only one its config accepts a compiler for.
set_target_properties(${_ag_plugin} PROPERTIES EXPORT_NAME plugin)
set_target_properties(allocguard_rt_static PROPERTIES EXPORT_NAME runtime_static)
set_target_properties(allocguard_rt_shared PROPERTIES EXPORT_NAME runtime_shared)
set_target_properties(allocguard_rt_nointercept PROPERTIES
                      EXPORT_NAME runtime_nointercept)
set_target_properties(allocguard_rt_nointercept_shared PROPERTIES
                      EXPORT_NAME runtime_nointercept_shared)

# allocguard::runtime: the static runtime (what the README links).
add_library(allocguard_runtime INTERFACE)
set_target_properties(allocguard_runtime PROPERTIES EXPORT_NAME runtime)
target_link_libraries(allocguard_runtime INTERFACE allocguard_rt_static)

# allocguard::flags: compile with the plugin. -fplugin loads it before
# -mllvm options are parsed (clang <= 19 needs that); -fpass-plugin
# registers the pass.
add_library(allocguard_flags INTERFACE)
set_target_properties(allocguard_flags PROPERTIES EXPORT_NAME flags)
set(_ag_lang "$<COMPILE_LANGUAGE:C,CXX>")
set(_ag_build_so "$<TARGET_FILE:${_ag_plugin}>")
set(_ag_install_so "$<INSTALL_PREFIX>/${CMAKE_INSTALL_LIBDIR}/${_ag_plugin}${CMAKE_SHARED_MODULE_SUFFIX}")
foreach(flag -fplugin -fpass-plugin)
  target_compile_options(allocguard_flags INTERFACE
    "$<${_ag_lang}:$<BUILD_INTERFACE:${flag}=${_ag_build_so}>>"
    "$<${_ag_lang}:$<INSTALL_INTERFACE:${flag}=${_ag_install_so}>>")
endforeach()
target_include_directories(allocguard_flags INTERFACE
  $<BUILD_INTERFACE:${PROJECT_SOURCE_DIR}/include>
  $<INSTALL_INTERFACE:${CMAKE_INSTALL_INCLUDEDIR}>)

# allocguard::allocguard: the plugin and the static runtime, for
# target_link_libraries(app PRIVATE allocguard::allocguard).
add_library(allocguard_allocguard INTERFACE)
set_target_properties(allocguard_allocguard PROPERTIES EXPORT_NAME allocguard)
target_link_libraries(allocguard_allocguard INTERFACE allocguard_flags
                                                      allocguard_runtime)

# The same names in-tree, so allocguardFunctions.cmake works in both.
add_library(allocguard::plugin ALIAS ${_ag_plugin})
add_library(allocguard::runtime ALIAS allocguard_runtime)
add_library(allocguard::runtime_static ALIAS allocguard_rt_static)
add_library(allocguard::runtime_shared ALIAS allocguard_rt_shared)
add_library(allocguard::runtime_nointercept ALIAS allocguard_rt_nointercept)
add_library(allocguard::runtime_nointercept_shared ALIAS
            allocguard_rt_nointercept_shared)
add_library(allocguard::flags ALIAS allocguard_flags)
add_library(allocguard::allocguard ALIAS allocguard_allocguard)
set(_ag_exported ${_ag_plugin} allocguard_runtime allocguard_flags
                 allocguard_allocguard)
# report/ builds allocguard-report-llvm<NN> (file name allocguard-report)
# per major; the configured major's is the one installed and exported.
foreach(_ag_candidate allocguard-report-llvm${_ag_major} allocguard-report)
  if(TARGET ${_ag_candidate})
    set(_ag_report ${_ag_candidate})
    set_target_properties(${_ag_report} PROPERTIES EXPORT_NAME report)
    add_executable(allocguard::report ALIAS ${_ag_report})
    list(APPEND _ag_exported ${_ag_report})
    break()
  endif()
endforeach()
# In-tree, allocguard_instrument/_check make a target wait for these: a
# dependency on a utility target orders the whole build of what it depends
# on before the target's compiles, where one on the plugin itself would
# (with Ninja) only order the plugin's object files.
add_custom_target(allocguard-tools-built)
add_dependencies(allocguard-tools-built ${_ag_plugin})
if(TARGET allocguard::report)
  add_dependencies(allocguard-tools-built ${_ag_report})
endif()
include(${CMAKE_CURRENT_LIST_DIR}/allocguardFunctions.cmake)

#===-- Install -------------------------------------------------------------===#
# runtime/ puts its libraries in the export set already; the others join it
# here (installing a file twice is harmless).
install(TARGETS ${_ag_exported} EXPORT allocguardTargets
  RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR}
  LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR})
install(EXPORT allocguardTargets NAMESPACE allocguard::
        DESTINATION ${_ag_cmake_dir})

# The package records the LLVM major and the clang it was built with, so it
# can refuse (and name the fix for) a consumer compiler of another major.
set(ALLOCGUARD_CLANG ${AG_LLVM${_ag_major}_TOOLS_DIR}/clang CACHE INTERNAL
    "the clang allocguard's plugin loads into")
configure_package_config_file(cmake/allocguardConfig.cmake.in
  ${CMAKE_CURRENT_BINARY_DIR}/allocguardConfig.cmake
  INSTALL_DESTINATION ${_ag_cmake_dir})
# 0.x: a new minor may change the options the functions pass.
write_basic_package_version_file(
  ${CMAKE_CURRENT_BINARY_DIR}/allocguardConfigVersion.cmake
  COMPATIBILITY SameMinorVersion)
install(FILES ${CMAKE_CURRENT_BINARY_DIR}/allocguardConfig.cmake
              ${CMAKE_CURRENT_BINARY_DIR}/allocguardConfigVersion.cmake
              cmake/allocguardFunctions.cmake
        DESTINATION ${_ag_cmake_dir})

# pkg-config files, one per built major and allocguard.pc.
include(${CMAKE_CURRENT_LIST_DIR}/allocguardPkgConfig.cmake)
