# tofgrid_add_mpi_test(NAME <name> NPROCS <n> COMMAND <exe> [args...]
#                      [TIMEOUT <s>] [PYTHON] [LABELS ...])
#
# The one way to add a test that runs under MPI: FindMPI's launch line
#   MPIEXEC_EXECUTABLE MPIEXEC_NUMPROC_FLAG n MPIEXEC_PREFLAGS exe MPIEXEC_POSTFLAGS args
# with PROCESSORS n (so `ctest -j` never oversubscribes more than needed),
# a timeout, one OpenBLAS thread per rank, and PYTHONPATH for Python tests
# (PYTHON runs COMMAND with the configured interpreter), and in a sanitized
# build the sanitizers' options (plus the preloaded runtimes for PYTHON; see
# TofgridSanitize.cmake, which also serves tests added with plain add_test).
include(TofgridSanitize)
function(tofgrid_add_mpi_test)
  cmake_parse_arguments(T "PYTHON" "NAME;NPROCS;TIMEOUT" "COMMAND;LABELS" ${ARGN})
  if(NOT T_NAME OR NOT T_NPROCS OR NOT T_COMMAND)
    message(FATAL_ERROR "tofgrid_add_mpi_test: NAME, NPROCS and COMMAND are required")
  endif()
  if(NOT T_TIMEOUT)
    set(T_TIMEOUT 120)
  endif()
  list(POP_FRONT T_COMMAND exe)
  set(env "OPENBLAS_NUM_THREADS=1" ${TOFGRID_TEST_ENV})
  if(T_PYTHON)
    set(args ${exe} ${T_COMMAND})
    set(exe ${Python_EXECUTABLE})
    list(APPEND env "PYTHONPATH=${TOFGRID_PYTHON_BUILD_DIR}" "PYTHONDONTWRITEBYTECODE=1" ${TOFGRID_PRELOAD_TEST_ENV})
    list(APPEND T_LABELS python)
  else()
    set(args ${T_COMMAND})
  endif()
  add_test(NAME ${T_NAME}
    COMMAND ${MPIEXEC_EXECUTABLE} ${MPIEXEC_NUMPROC_FLAG} ${T_NPROCS} ${MPIEXEC_PREFLAGS}
            ${exe} ${MPIEXEC_POSTFLAGS} ${args})
  set_tests_properties(${T_NAME} PROPERTIES
    PROCESSORS ${T_NPROCS} TIMEOUT ${T_TIMEOUT} ENVIRONMENT "${env}" LABELS "mpi;${T_LABELS}")
endfunction()
