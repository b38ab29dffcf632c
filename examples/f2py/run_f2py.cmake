# cmake -P: build examples/f2py/rank_tofs.f90 with numpy.f2py (meson backend,
# tofgrid's MPI Fortran wrapper, its module and libraries), then run run.py.
file(REMOVE_RECURSE ${WORK})
file(MAKE_DIRECTORY ${WORK})
set(ENV{FC} ${MPIF90})
set(ENV{LDFLAGS} "-Wl,-rpath,${LIBDIR}")
execute_process(COMMAND ${PYTHON} -m numpy.f2py -c ${SOURCE}/rank_tofs.f90 -m rank_tofs --backend meson
                        -I${MODDIR} -L${LIBDIR} -L${MPI_LIBDIR} -ltofgrid_fortran -ltofgrid
                WORKING_DIRECTORY ${WORK} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "f2py: numpy.f2py failed (${rc}):\n${out}${err}")
endif()
set(ENV{PYTHONPATH} "${WORK}:$ENV{PYTHONPATH}") # the extension just built, then tofgrid
string(REPLACE "|" ";" run_env "${RUN_ENV}")       # NAME=VALUE pairs for the run only (sanitizer runtimes)
foreach(pair IN LISTS run_env)
  string(FIND "${pair}" "=" eq)
  string(SUBSTRING "${pair}" 0 ${eq} name)
  math(EXPR eq "${eq} + 1")
  string(SUBSTRING "${pair}" ${eq} -1 value)
  set(ENV{${name}} "${value}")
endforeach()
separate_arguments(preflags UNIX_COMMAND "${MPIEXEC_PREFLAGS}")
execute_process(COMMAND ${MPIEXEC} -n 4 ${preflags} ${PYTHON} ${SOURCE}/run.py
                WORKING_DIRECTORY ${WORK} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
message("${out}${err}")
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "f2py: run.py failed (${rc})")
endif()
