# RunDemo.cmake - compile the example with the plugin, then run it.
# Invoked by the `demo` target (examples/CMakeLists.txt).
file(RELATIVE_PATH source_rel ${CMAKE_CURRENT_LIST_DIR}/.. ${SOURCE})
message("\n== 1. Static report: clang -g -fpass-plugin=allocguard ${source_rel}\n")
execute_process(
  COMMAND ${CLANG} -g -O2 -I${INCLUDE_DIR} -fpass-plugin=${PLUGIN}
          ${source_rel} ${RUNTIME} -lpthread -o ${WORK_DIR}/audio_callback
  RESULT_VARIABLE compile_status)
if(NOT compile_status EQUAL 0)
  message(FATAL_ERROR "demo: compiling ${source_rel} failed (${compile_status})")
endif()

message("\n== 2. Run time: the strdup two calls below audio_callback aborts\n")
execute_process(COMMAND ${WORK_DIR}/audio_callback
                RESULT_VARIABLE run_status
                ERROR_VARIABLE run_stderr OUTPUT_VARIABLE run_stdout)
message("${run_stdout}${run_stderr}")
if(run_status EQUAL 0 OR NOT run_stderr MATCHES "audio_callback.c:[0-9]+:[0-9]+")
  message(FATAL_ERROR "demo: expected an abort naming audio_callback.c:LINE:COL "
                      "(exit status: ${run_status})")
endif()
message("== The program was stopped (${run_status}) at the allocation above.\n"
        "   Fix the callback, or run with ALLOCGUARD_OPTIONS=mode=log to list\n"
        "   every violating site and continue.")
