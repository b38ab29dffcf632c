# cmake -P script: install tofgrid, build the consumer project against it, run it.
function(run)
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
  message("${out}${err}")
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "downstream: failed (${rc}): ${ARGN}")
  endif()
  set(last_output "${out}" PARENT_SCOPE)
endfunction()

file(REMOVE_RECURSE ${PREFIX} ${WORK})
set(hdf5_wrapper "")
if(H5PCC) # the parallel HDF5 of the same MPI
  set(hdf5_wrapper -DHDF5_C_COMPILER_EXECUTABLE=${H5PCC})
endif()
if(STATIC_SOURCE) # a static libtofgrid (and Fortran module), built here first
  run(${CMAKE_COMMAND} -S ${STATIC_SOURCE} -B ${BUILD_DIR} -G ${GENERATOR} -DBUILD_SHARED_LIBS=OFF
      -DMPI_C_COMPILER=${MPICC} -DMPI_Fortran_COMPILER=${MPIF90} -DMPIEXEC_EXECUTABLE=${MPIEXEC} ${hdf5_wrapper}
      -DTOFGRID_PYTHON=OFF -DTOFGRID_EXAMPLES=OFF -DTOFGRID_BENCHMARKS=OFF -DBUILD_TESTING=OFF
      -DCMAKE_BUILD_TYPE=Release)
  run(${CMAKE_COMMAND} --build ${BUILD_DIR} -j 2)
  set(pc_static --static)
endif()
run(${CMAKE_COMMAND} --install ${BUILD_DIR} --prefix ${PREFIX})
# The consumer uses the MPI tofgrid was built with (its wrappers: an mpi_f08 module is one MPI's).
run(${CMAKE_COMMAND} -S ${SOURCE} -B ${WORK} -G ${GENERATOR} -DCMAKE_PREFIX_PATH=${PREFIX} -DWITH_FORTRAN=${FORTRAN}
    -DMPI_C_COMPILER=${MPICC} -DMPI_Fortran_COMPILER=${MPIF90} ${hdf5_wrapper})
run(${CMAKE_COMMAND} --build ${WORK})
separate_arguments(preflags UNIX_COMMAND "${MPIEXEC_PREFLAGS}")
run(${MPIEXEC} -n 2 ${preflags} ${WORK}/consumer_c)
if(NOT last_output MATCHES "consumer_c: sum 3 ok")
  message(FATAL_ERROR "downstream: C consumer printed: ${last_output}")
endif()
if(FORTRAN)
  run(${MPIEXEC} -n 2 ${preflags} ${WORK}/consumer_f)
  if(NOT last_output MATCHES "consumer_f: sum 3 ok")
    message(FATAL_ERROR "downstream: Fortran consumer printed: ${last_output}")
  endif()
endif()

# pkg-config, as a Makefile would build: a program compiled with an MPI wrapper
# and one .pc file alone (named), run on 2 ranks, must print `expect`.
function(pc_consumer package compiler source program expect)
  execute_process(COMMAND ${PKG_CONFIG} ${pc_static} --cflags --libs ${package} OUTPUT_VARIABLE flags
                  OUTPUT_STRIP_TRAILING_WHITESPACE RESULT_VARIABLE rc)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "downstream: pkg-config does not know ${package}")
  endif()
  separate_arguments(flags UNIX_COMMAND "${flags}")
  run(${compiler} ${SOURCE}/${source} -o ${WORK}/${program} -L${MPI_LIBDIR} ${flags})
  run(${MPIEXEC} -n 2 ${preflags} ${WORK}/${program})
  if(NOT last_output MATCHES "${expect}")
    message(FATAL_ERROR "downstream: ${program} (${package}.pc) printed: ${last_output}")
  endif()
endfunction()
find_program(PKG_CONFIG pkg-config)
set(ENV{PKG_CONFIG_PATH} ${PREFIX}/lib/pkgconfig)
if(PKG_CONFIG AND MPICC) # the same C program, with tofgrid.pc
  pc_consumer(tofgrid ${MPICC} consumer.c consumer_pc "consumer_c: sum 3 ok")
endif()
if(FORTRAN AND PKG_CONFIG AND MPIF90) # a legacy `use mpi` program, with tofgrid-fortran.pc
  pc_consumer(tofgrid-fortran ${MPIF90} legacy.f90 legacy_pc "legacy_pc: sum 3 ok")
endif()
message("downstream: all consumers passed")
