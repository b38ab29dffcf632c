# Python, numpy, SWIG and mpi4py for the Python face (found at the top level
# so tests and examples see Python_EXECUTABLE too).
find_package(Python 3.8 REQUIRED COMPONENTS Interpreter Development.Module NumPy)
find_package(SWIG 4.0 REQUIRED COMPONENTS python)
include(UseSWIG)

execute_process(
  COMMAND ${Python_EXECUTABLE} -c "import mpi4py; print(mpi4py.get_include())"
  OUTPUT_VARIABLE MPI4PY_INCLUDE_DIR OUTPUT_STRIP_TRAILING_WHITESPACE RESULT_VARIABLE rc)
if(NOT rc EQUAL 0 OR NOT EXISTS "${MPI4PY_INCLUDE_DIR}/mpi4py/mpi4py.i")
  message(FATAL_ERROR "tofgrid's Python package needs mpi4py (built against ${MPI_C_LIBRARY_VERSION_STRING}): "
                      "MPICC=mpicc ${Python_EXECUTABLE} -m pip install --no-binary=mpi4py mpi4py, "
                      "or configure with -DTOFGRID_PYTHON=OFF")
endif()

# The importable package is assembled here in the build tree.
set(TOFGRID_PYTHON_BUILD_DIR ${PROJECT_BINARY_DIR}/python)
