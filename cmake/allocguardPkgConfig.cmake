# allocguardPkgConfig.cmake - pkg-config files: allocguard-llvm<NN>.pc for
# every major whose plugin is built (named like the plugins), and
# allocguard.pc for the configured major (as allocguard.so is).
#
#   cmake --install build/demo --prefix /opt/allocguard
#   export PKG_CONFIG_PATH=/opt/allocguard/lib/pkgconfig
#   clang-NN $(pkg-config --cflags --libs allocguard) app.c -o app
#   pkg-config --variable=plugin allocguard     # also clang, llvm_major,
#                                               # runtime_shared, report
#
# Included by cmake/allocguardPackage.cmake. The files are written when
# they are installed, from the prefix of that install (cmake --install
# --prefix, DESTDIR and cpack all give the right one), not the configured
# CMAKE_INSTALL_PREFIX.

set(_ag_pc_dir ${CMAKE_CURRENT_BINARY_DIR}/pkgconfig)
foreach(major ${ALLOCGUARD_LLVM_MAJORS})
  set(names allocguard-llvm${major})
  if(major EQUAL ALLOCGUARD_LLVM_VERSION)
    list(APPEND names allocguard)
  endif()
  # Clang 19 and older parse -mllvm before they load -fpass-plugin, so
  # -fplugin= loads it first (README, "Compiling with the plugin").
  if(major LESS_EQUAL 19)
    set(flags "-fplugin=\${plugin} -fpass-plugin=\${plugin}")
  else()
    set(flags "-fpass-plugin=\${plugin}")
  endif()
  # The report tool is installed for the configured major only.
  set(report "")
  if(major EQUAL ALLOCGUARD_LLVM_VERSION AND TARGET allocguard::report)
    set(report "report=\${bindir}/allocguard-report\n")
  endif()
  foreach(name ${names})
    # @AG_PC_PREFIX@ is filled at install time; the rest now.
    set(AG_PC_NAME ${name})
    set(AG_PC_MAJOR ${major})
    set(AG_PC_CLANG ${AG_LLVM${major}_TOOLS_DIR}/clang)
    set(AG_PC_PLUGIN_FLAGS "${flags}")
    set(AG_PC_REPORT "${report}")
    set(AG_PC_PREFIX "@AG_PC_PREFIX@")
    configure_file(cmake/allocguard.pc.in ${_ag_pc_dir}/${name}.pc.in @ONLY)
    # Staged per destination: installs into different prefixes (the
    # tests, cpack) may run at once.
    install(CODE "
      set(AG_PC_PREFIX \"\${CMAKE_INSTALL_PREFIX}\")
      string(MD5 stage \"\$ENV{DESTDIR}\${CMAKE_INSTALL_PREFIX}\")
      set(stage \"${_ag_pc_dir}/install-\${stage}\")
      configure_file(\"${_ag_pc_dir}/${name}.pc.in\" \"\${stage}/${name}.pc\" @ONLY)
      file(INSTALL DESTINATION \"\${CMAKE_INSTALL_PREFIX}/${CMAKE_INSTALL_LIBDIR}/pkgconfig\"
           TYPE FILE FILES \"\${stage}/${name}.pc\")")
  endforeach()
endforeach()
