# Python, numpy, SWIG and mpi4py for the Python face (included by
# TofgridDependencies.cmake). Sets TOFGRID_PYTHON_FOUND, or
# TOFGRID_PYTHON_MISSING to what to install.
set(TOFGRID_PYTHON_FOUND OFF)
find_package(Python 3.8 COMPONENTS Interpreter Development.Module NumPy)
find_package(SWIG 4.0 COMPONENTS python)
if(NOT Python_FOUND OR NOT Python_NumPy_FOUND OR NOT Python_Development.Module_FOUND)
  set(TOFGRID_PYTHON_MISSING "Python 3 with its headers and numpy not found (apt install python3-dev; pip install numpy)")
  return()
endif()
if(NOT SWIG_FOUND)
  set(TOFGRID_PYTHON_MISSING "SWIG >= 4.0 not found (apt install swig)")
  return()
endif()
include(UseSWIG)
execute_process(
  COMMAND ${Python_EXECUTABLE} -c "import mpi4py; print(mpi4py.get_include())"
  OUTPUT_VARIABLE MPI4PY_INCLUDE_DIR OUTPUT_STRIP_TRAILING_WHITESPACE RESULT_VARIABLE rc ERROR_QUIET)
if(NOT rc EQUAL 0 OR NOT EXISTS "${MPI4PY_INCLUDE_DIR}/mpi4py/mpi4py.i")
  set(TOFGRID_PYTHON_MISSING "mpi4py not found (built against ${MPI_C_LIBRARY_VERSION_STRING}): "
                             "MPICC=mpicc ${Python_EXECUTABLE} -m pip install --no-binary=mpi4py mpi4py")
  return()
endif()
set(TOFGRID_PYTHON_FOUND ON)
# The importable package is assembled here in the build tree.
set(TOFGRID_PYTHON_BUILD_DIR ${PROJECT_BINARY_DIR}/python)
