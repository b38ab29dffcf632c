# The tests' environment in a TOFGRID_SANITIZE=ON build (CI's second pass);
# every variable is empty, and the function does nothing, in other builds.
#
#   TOFGRID_TEST_ENV          for every test: UBSan prints a stack and stops at
#                             the first error. Leak checking stays on: MPICH
#                             reports no leak of its own at 1-4 ranks (what LSan
#                             finds under MPI_Comm_dup is a communicator the
#                             caller never freed), so there is no suppression list.
#                             (CI's pass 2 sets ASAN_OPTIONS=detect_leaks=0 until
#                             the map layer frees its private communicators.)
#   TOFGRID_PRELOAD_TEST_ENV  for tests whose program is not sanitized but loads
#                             tofgrid's sanitized libraries later (python3
#                             importing the extension; the `tofgrid` command's
#                             plotter): the ASan and UBSan runtimes preloaded
#                             (ASan must come first in the process), leak checking
#                             off (CPython and mpiexec leak by design at exit).
#                             Not for a program linked to libtofgrid itself: a
#                             preloaded ASan initialises after the libraries'
#                             constructors, and with HDF5's libgnutls among them
#                             it hangs in MPI_Init (duplocale); link such programs
#                             with TOFGRID_SANITIZER_LINK_FLAGS instead.
#   tofgrid_sanitize_test_env(<test>... [PRELOAD])
#                             appends them to tests added with plain add_test
#                             (tofgrid_add_mpi_test does it itself).
set(TOFGRID_TEST_ENV "")
set(TOFGRID_PRELOAD_TEST_ENV "")
if(TOFGRID_SANITIZE)
  # gcc links the shared runtimes (libasan, libubsan); clang has one for both.
  if(CMAKE_C_COMPILER_ID STREQUAL "Clang")
    set(runtimes libclang_rt.asan-${CMAKE_SYSTEM_PROCESSOR}.so)
  else()
    set(runtimes libasan.so libubsan.so)
  endif()
  set(preload "")
  foreach(name IN LISTS runtimes)
    execute_process(COMMAND ${CMAKE_C_COMPILER} -print-file-name=${name}
                    OUTPUT_VARIABLE path OUTPUT_STRIP_TRAILING_WHITESPACE ERROR_QUIET)
    if(NOT IS_ABSOLUTE "${path}" OR NOT EXISTS "${path}")
      message(WARNING "TOFGRID_SANITIZE: ${CMAKE_C_COMPILER} has no ${name}; the Python tests will fail")
      continue()
    endif()
    list(APPEND preload ${path})
  endforeach()
  list(JOIN preload ":" preload)
  set(TOFGRID_TEST_ENV "UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1")
  set(TOFGRID_PRELOAD_TEST_ENV "LD_PRELOAD=${preload}" "ASAN_OPTIONS=detect_leaks=0")
endif()

function(tofgrid_sanitize_test_env)
  cmake_parse_arguments(S "PRELOAD" "" "" ${ARGN})
  if(NOT TOFGRID_SANITIZE OR NOT S_UNPARSED_ARGUMENTS)
    return()
  endif()
  set(env ${TOFGRID_TEST_ENV})
  if(S_PRELOAD)
    list(APPEND env ${TOFGRID_PRELOAD_TEST_ENV})
  endif()
  set_property(TEST ${S_UNPARSED_ARGUMENTS} APPEND PROPERTY ENVIRONMENT ${env})
endfunction()
