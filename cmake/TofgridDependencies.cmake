# Every dependency of tofgrid, found here and nowhere else, as imported
# targets. Optional parts are tri-state: AUTO (use it if found), ON (required:
# fail with what to install), OFF (skip).
#
#   MPI::MPI_C (and MPI::MPI_Fortran)  FindMPI; MPI >= 3.1
#   LAPACK::LAPACK                     FindLAPACK (OpenBLAS)
#   tofgrid::lapacke                   LAPACKE, pkg-config lapacke
#   tofgrid::yaml                      libyaml, pkg-config yaml-0.1
#   Threads::Threads                   FindThreads (the kernel's thread-safety test)
#   HDF5::HDF5, HDF5_HL_LIBRARIES      FindHDF5, parallel (map files)   TOFGRID_HDF5
#   Python, SWIG, mpi4py, numpy        TofgridPython.cmake              TOFGRID_PYTHON
#   Fortran compiler with mpi_f08                                       TOFGRID_FORTRAN
set(TOFGRID_HDF5 AUTO CACHE STRING "Map files through parallel HDF5: AUTO, ON or OFF")
set(TOFGRID_PYTHON AUTO CACHE STRING "The Python package (SWIG + mpi4py + numpy): AUTO, ON or OFF")
set(TOFGRID_FORTRAN AUTO CACHE STRING "The Fortran module (use tofgrid): AUTO, ON or OFF")
foreach(opt TOFGRID_HDF5 TOFGRID_PYTHON TOFGRID_FORTRAN)
  set_property(CACHE ${opt} PROPERTY STRINGS AUTO ON OFF)
  string(TOUPPER "${${opt}}" v)
  if(v STREQUAL "TRUE" OR v STREQUAL "YES" OR v STREQUAL "1")
    set(v ON)
  elseif(v STREQUAL "FALSE" OR v STREQUAL "NO" OR v STREQUAL "0")
    set(v OFF)
  endif()
  if(NOT v MATCHES "^(AUTO|ON|OFF)$")
    message(FATAL_ERROR "${opt}=${${opt}}: use AUTO, ON or OFF")
  endif()
  set(${opt}_MODE ${v})
endforeach()

# tofgrid_feature(<name> <found> <what to install>): the verdict for one
# optional part, in TOFGRID_WITH_<name>.
function(tofgrid_feature name found hint)
  if(TOFGRID_${name}_MODE STREQUAL "OFF")
    set(TOFGRID_WITH_${name} OFF PARENT_SCOPE)
  elseif(found)
    set(TOFGRID_WITH_${name} ON PARENT_SCOPE)
  elseif(TOFGRID_${name}_MODE STREQUAL "ON")
    message(FATAL_ERROR "TOFGRID_${name}=ON but ${hint}")
  else()
    message(STATUS "tofgrid: ${name} disabled: ${hint}")
    set(TOFGRID_WITH_${name} OFF PARENT_SCOPE)
  endif()
endfunction()

# --- Fortran ---------------------------------------------------------------
if(NOT TOFGRID_FORTRAN_MODE STREQUAL "OFF")
  include(CheckLanguage)
  check_language(Fortran)
  if(CMAKE_Fortran_COMPILER)
    enable_language(Fortran)
  endif()
  tofgrid_feature(FORTRAN "${CMAKE_Fortran_COMPILER}" "no Fortran compiler found (apt install gfortran)")
else()
  set(TOFGRID_WITH_FORTRAN OFF)
endif()

# --- MPI -------------------------------------------------------------------
# Some MPI packages (Debian's MPICH among them) leak their own build flags
# through the Fortran wrapper, and FindMPI hands them on in MPI::MPI_Fortran
# -- to C sources too. tofgrid's Fortran has explicit interfaces everywhere and
# must build without -fallow-argument-mismatch, so those flags are removed
# here (our build only; a consumer's find_package(MPI) is left as it is).
set(tofgrid_mpi_components C)
if(TOFGRID_WITH_FORTRAN)
  list(APPEND tofgrid_mpi_components Fortran)
endif()
# MPI-3.1 or newer: counts beyond 2^31 - 1 go through MPI-4's large-count
# calls (MPICH >= 4.0, Open MPI >= 5.0) or, on MPI-3.1 (Open MPI 4.1, Cray
# MPICH 8), through derived datatypes and pieces (src/comm/large_count.c).
find_package(MPI 3.1 REQUIRED COMPONENTS ${tofgrid_mpi_components})
# The directory of the MPI library itself, for builds outside CMake (Makefiles,
# f2py): Debian's Open MPI wrappers leave it to the linker's default path, where
# the `mpi` alternative (MPICH, pinned) would answer -lmpi.
list(GET MPI_C_LIB_NAMES 0 tofgrid_mpi_lib_name)
get_filename_component(TOFGRID_MPI_LIBDIR "${MPI_${tofgrid_mpi_lib_name}_LIBRARY}" DIRECTORY)
# Which MPI (for the tests that depend on a launcher's or a handle's behaviour).
include(CheckSymbolExists)
set(CMAKE_REQUIRED_LIBRARIES MPI::MPI_C)
check_symbol_exists(OPEN_MPI mpi.h TOFGRID_OPEN_MPI)
unset(CMAKE_REQUIRED_LIBRARIES)
if(TOFGRID_WITH_FORTRAN)
  if(NOT MPI_Fortran_HAVE_F08_MODULE)
    if(TOFGRID_FORTRAN_MODE STREQUAL "ON")
      message(FATAL_ERROR "TOFGRID_FORTRAN=ON but ${MPI_Fortran_COMPILER} has no mpi_f08 module: install an MPI built "
                          "for this gfortran")
    endif()
    message(STATUS "tofgrid: FORTRAN disabled: the MPI has no mpi_f08 module")
    set(TOFGRID_WITH_FORTRAN OFF)
  else()
    get_target_property(opts MPI::MPI_Fortran INTERFACE_COMPILE_OPTIONS)
    if(opts)
      list(FILTER opts EXCLUDE REGEX "^-fallow-argument-mismatch$|^-fallow-invalid-boz$|^-ffile-prefix-map=")
      set_target_properties(MPI::MPI_Fortran PROPERTIES INTERFACE_COMPILE_OPTIONS "${opts}")
    endif()
  endif()
endif()

# --- LAPACK, LAPACKE, libyaml (required) ------------------------------------
set(BLA_VENDOR OpenBLAS CACHE STRING "BLAS/LAPACK vendor for FindBLAS/FindLAPACK")
find_package(LAPACK REQUIRED)
find_package(PkgConfig REQUIRED)
pkg_check_modules(TOFGRID_LAPACKE REQUIRED IMPORTED_TARGET GLOBAL lapacke)
pkg_check_modules(TOFGRID_YAML REQUIRED IMPORTED_TARGET GLOBAL yaml-0.1)
add_library(tofgrid::lapacke ALIAS PkgConfig::TOFGRID_LAPACKE)
add_library(tofgrid::yaml ALIAS PkgConfig::TOFGRID_YAML)
find_package(Threads REQUIRED)

# --- parallel HDF5 (optional) ------------------------------------------------
if(NOT TOFGRID_HDF5_MODE STREQUAL "OFF")
  set(HDF5_PREFER_PARALLEL TRUE)
  find_package(HDF5 COMPONENTS C HL) # HL: dimension scales (labelled axes in map files)
  set(found OFF)
  if(HDF5_FOUND AND HDF5_IS_PARALLEL AND TARGET HDF5::HDF5 AND HDF5_HL_LIBRARIES)
    set(found ON)
  endif()
  tofgrid_feature(HDF5 "${found}" "no parallel HDF5 found (apt install libhdf5-mpich-dev); map files are disabled")
else()
  set(TOFGRID_WITH_HDF5 OFF)
endif()

# --- Python (optional) -------------------------------------------------------
if(NOT TOFGRID_PYTHON_MODE STREQUAL "OFF")
  include(TofgridPython)
  tofgrid_feature(PYTHON "${TOFGRID_PYTHON_FOUND}" "${TOFGRID_PYTHON_MISSING}")
else()
  set(TOFGRID_WITH_PYTHON OFF)
endif()
# Tests and examples run Python scripts even without the package.
if(NOT Python_EXECUTABLE)
  find_package(Python 3.8 COMPONENTS Interpreter)
endif()
