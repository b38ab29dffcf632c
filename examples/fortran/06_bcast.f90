! 6. Broadcast: 0..9 from rank 0 to every rank, with tofgrid's bcast.
!   mpiexec -n 3 build/bin/example_06_bcast_f
program bcast
  use, intrinsic :: iso_fortran_env, only: int64
  use mpi_f08
  use tofgrid
  implicit none
  integer :: rank, i
  integer(int64) :: data(10)
  call MPI_Init()
  call MPI_Comm_rank(MPI_COMM_WORLD, rank)
  data = 0
  if (rank == 0) data = [(int(i, int64), i = 0, 9)]
  call tg_bcast(MPI_COMM_WORLD, data, 0)     ! every rank calls it; no ierr: an error stops with its message
  print '(a,i0,a,i0,a,i0,a,i0,a)', "rank ", rank, " has ", data(1), "..", data(10), " (sum ", sum(data), ")"
  call MPI_Finalize()
end program bcast
