# MPI for tofgrid's own build. Some MPI packages (Debian's MPICH among them)
# leak their own build flags through the Fortran wrapper, and FindMPI hands
# them on in MPI::MPI_Fortran -- to C sources too. tofgrid's Fortran has
# explicit interfaces everywhere and must build without
# -fallow-argument-mismatch, so those flags are removed here (our build only;
# a consumer's find_package(MPI) is left as it is).
set(tofgrid_mpi_components C)
if(TOFGRID_FORTRAN)
  list(APPEND tofgrid_mpi_components Fortran)
endif()
# Large counts (MPI_Bcast_c, ...) are MPI-4: MPICH >= 4.0, Open MPI >= 5.0.
find_package(MPI 4.0 REQUIRED COMPONENTS ${tofgrid_mpi_components})

if(TOFGRID_FORTRAN)
  if(NOT MPI_Fortran_HAVE_F08_MODULE)
    message(FATAL_ERROR "tofgrid's Fortran module needs the mpi_f08 module, which ${MPI_Fortran_COMPILER} lacks. "
                        "Install an MPI built for this gfortran, or configure with -DTOFGRID_FORTRAN=OFF.")
  endif()
  get_target_property(opts MPI::MPI_Fortran INTERFACE_COMPILE_OPTIONS)
  if(opts)
    list(FILTER opts EXCLUDE REGEX "^-fallow-argument-mismatch$|^-fallow-invalid-boz$|^-ffile-prefix-map=")
    set_target_properties(MPI::MPI_Fortran PROPERTIES INTERFACE_COMPILE_OPTIONS "${opts}")
  endif()
endif()
