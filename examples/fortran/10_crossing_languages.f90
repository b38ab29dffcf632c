! 10. Crossing languages: a sub-communicator made with mpi_f08, handed to the
! C kernel through tofgrid (the same communicator on both sides).
!   mpiexec -n 2 build/bin/example_10_crossing_languages_f
program crossing_languages
  use, intrinsic :: iso_fortran_env, only: real64
  use mpi_f08
  use tofgrid
  implicit none
  type(MPI_Comm) :: sub
  type(tg_model) :: model
  type(tg_map) :: map
  integer :: rank, srank, ssize, prod
  call MPI_Init()
  call MPI_Comm_rank(MPI_COMM_WORLD, rank)
  call MPI_Comm_split(MPI_COMM_WORLD, rank, 0, sub)   ! one communicator per rank, from mpi_f08
  call MPI_Comm_rank(sub, srank)
  call MPI_Comm_size(sub, ssize)
  call tg_model_default(model)
  prod = tg_model_product(model)
  call tg_tof_grid(sub, model, "O2_g", [0.1d0, 0.3d0, 0.5d0], "CO_g", [0.01d0, 0.03d0, 0.05d0], map)   ! C works on `sub`
  if (srank == 0) print '(a,i0,a,i0,a,i0,a,es9.3,a,es9.3,a)', "world rank ", rank, ": sub-communicator of ", ssize, &
    " ranks: ", size(map%status), " points, TOF ", minval(map%tof(:, :, prod)), " .. ", maxval(map%tof(:, :, prod)), " s^-1"
  call tg_model_free(model)
  call MPI_Comm_free(sub)
  call MPI_Finalize()
end program crossing_languages
