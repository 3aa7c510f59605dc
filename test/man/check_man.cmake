# check_man.cmake - the man pages cannot drift from the options: every
# -mllvm option the plugin declares (plugin/ag_shim.cpp) is a row of
# README's option table and every row an option the plugin declares (the
# table is what allocguard(7) is generated from); every option in
# runtime/ag_rt_flags.inc and report/ag_rep_options.inc is in the generated
# pages, and every plugin option a setting in allocguard-clang(1) when the
# build has the compiler drivers; groff formats every page without a
# warning.
#
#   cmake -DSOURCE=. -DMAN_DIR=build/check/man -DGROFF=/usr/bin/groff \
#         -P test/man/check_man.cmake
cmake_minimum_required(VERSION 3.20)
set(problems "")

# The plugin's options: cl::opt declarations in ag_shim.cpp, or rows of an
# options table (plugin/ag_options.def) they are expanded from.
file(READ ${SOURCE}/plugin/ag_shim.cpp shim)
string(REGEX MATCHALL "cl::opt<[^>]*> *[A-Za-z0-9_]+\\(\"allocguard-[a-z-]+\""
       decls "${shim}")
if(EXISTS ${SOURCE}/plugin/ag_options.def)
  file(READ ${SOURCE}/plugin/ag_options.def def)
  string(REGEX MATCHALL "\nAG_OPTION\\([a-z_0-9]+, *\"allocguard-[a-z-]+\""
         rows "${def}")
  list(APPEND decls ${rows})
endif()
set(declared "")
foreach(d ${decls})
  string(REGEX REPLACE ".*\"(allocguard-[a-z-]+)\"" "\\1" name "${d}")
  list(APPEND declared ${name})
endforeach()
list(REMOVE_DUPLICATES declared)
if(NOT declared)
  message(FATAL_ERROR "check_man: found no -allocguard-* option in "
                      "plugin/ag_shim.cpp or plugin/ag_options.def")
endif()
file(STRINGS ${SOURCE}/README.md rows REGEX "^\\| `-allocguard-[a-z-]+")
set(documented "")
foreach(row ${rows})
  string(REGEX REPLACE "^\\| `-(allocguard-[a-z-]+).*" "\\1" name "${row}")
  list(APPEND documented ${name})
endforeach()
foreach(name ${declared})
  if(NOT name IN_LIST documented)
    string(APPEND problems "the plugin declares -${name}, README's option "
           "table (and so allocguard(7)) lacks it\n")
  endif()
endforeach()
foreach(name ${documented})
  if(NOT name IN_LIST declared)
    string(APPEND problems "README's option table lists -${name}, which the "
           "plugin does not declare\n")
  endif()
endforeach()

# Generated pages hold every option of the tables.
file(READ ${MAN_DIR}/allocguard.7 page7)
file(READ ${MAN_DIR}/allocguard-report.1 page1)
foreach(name ${declared})
  string(REPLACE "-" "\\-" roff "${name}")
  string(FIND "${page7}" "\\fB\\-mllvm \\-${roff}" at)
  if(at EQUAL -1)
    string(APPEND problems "allocguard.7 lacks -${name}\n")
  endif()
endforeach()
file(STRINGS ${SOURCE}/runtime/ag_rt_flags.inc flags REGEX "^AG_FLAG\\(")
foreach(f ${flags})
  string(REGEX REPLACE "^AG_FLAG\\([a-z_0-9]+, *([a-z_0-9]+),.*" "\\1" name "${f}")
  string(FIND "${page7}" ".TP\n\\fB${name}\\fR=" at)
  if(at EQUAL -1)
    string(APPEND problems "allocguard.7 lacks the runtime option ${name}\n")
  endif()
endforeach()
file(STRINGS ${SOURCE}/report/ag_rep_options.inc opts REGEX "^AG_REP_OPTION\\([A-Z_]+,")
foreach(o ${opts})
  string(REGEX REPLACE "^AG_REP_OPTION\\([A-Z_]+, *\"([a-z-]+)\".*" "\\1" name "${o}")
  string(REPLACE "-" "\\-" roff "${name}")
  string(FIND "${page1}" ".TP\n\\fB\\-\\-${roff}\\fR" at)
  if(at EQUAL -1)
    string(APPEND problems "allocguard-report.1 lacks --${name}\n")
  endif()
endforeach()
# The compiler drivers take the same options as --allocguard-NAME.
set(pages allocguard.7 allocguard-report.1)
if(EXISTS ${SOURCE}/driver/CMakeLists.txt)
  if(NOT EXISTS ${MAN_DIR}/allocguard-clang.1)
    string(APPEND problems "the build has driver/ but no allocguard-clang.1\n")
  else()
    list(APPEND pages allocguard-clang.1)
    file(READ ${MAN_DIR}/allocguard-clang.1 page_drv)
    foreach(name ${declared})
      string(REPLACE "-" "\\-" roff "${name}")
      string(FIND "${page_drv}" ".TP\n\\fB\\-\\-${roff}\\fR=" at)
      if(at EQUAL -1)
        string(APPEND problems "allocguard-clang.1 lacks --${name}\n")
      endif()
    endforeach()
  endif()
endif()

list(LENGTH flags nflags)
list(LENGTH opts nopts)
list(LENGTH declared nplugin)
if(nflags LESS 5 OR nopts LESS 5)
  string(APPEND problems "read only ${nflags} runtime and ${nopts} report options\n")
endif()

# groff -ww: every warning; -z: format, print nothing else.
foreach(page ${pages})
  execute_process(COMMAND ${GROFF} -man -Tutf8 -ww -z ${MAN_DIR}/${page}
                  RESULT_VARIABLE rc ERROR_VARIABLE err OUTPUT_QUIET)
  if(NOT rc EQUAL 0 OR err)
    string(APPEND problems "groff on ${page} (${rc}): ${err}\n")
  endif()
endforeach()

if(problems)
  message(FATAL_ERROR "check_man:\n${problems}")
endif()
message(STATUS "check_man: ${nplugin} plugin, ${nflags} runtime and ${nopts} "
               "report options, each in the man pages")
