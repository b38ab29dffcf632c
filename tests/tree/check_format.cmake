# cmake -DCLANG_FORMAT=... -DSOURCE=... -P check_format.cmake: every C file of
# the project is as .clang-format formats it (fix: clang-format -i FILE).
file(GLOB_RECURSE files RELATIVE ${SOURCE}
     ${SOURCE}/src/*.c ${SOURCE}/src/*.h ${SOURCE}/include/*.h ${SOURCE}/fortran/*.c ${SOURCE}/swig/*.c
     ${SOURCE}/swig/*.h ${SOURCE}/tests/*.c ${SOURCE}/tests/*.h ${SOURCE}/bench/*.c ${SOURCE}/examples/*.c)
list(FILTER files EXCLUDE REGEX "^tests/fuzz/corpus/")
execute_process(COMMAND ${CLANG_FORMAT} --dry-run -Werror ${files} WORKING_DIRECTORY ${SOURCE}
                RESULT_VARIABLE rc ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "not formatted by .clang-format (run clang-format -i on these):\n${err}")
endif()
list(LENGTH files n)
message("format: ${n} files formatted")
