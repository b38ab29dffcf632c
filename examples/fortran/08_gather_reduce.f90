! 8. Gather: each rank's number gathered at the root with tofgrid; and a reduce.
!   mpiexec -n 3 build/bin/example_08_gather_reduce_f
program gather_reduce
  use, intrinsic :: iso_fortran_env, only: int64
  use mpi_f08
  use tofgrid
  implicit none
  integer :: rank, nranks
  integer(int64) :: mine, total
  integer(int64), allocatable :: everyone(:)
  call MPI_Init()
  call MPI_Comm_rank(MPI_COMM_WORLD, rank)
  call MPI_Comm_size(MPI_COMM_WORLD, nranks)
  allocate (everyone(nranks))
  mine = rank
  call tg_gather(MPI_COMM_WORLD, mine, everyone)
  call tg_reduce(MPI_COMM_WORLD, mine, total, TG_SUM)
  if (rank == 0) then
    print '(a,*(1x,i0))', "gathered", everyone
    print '(a,i0)', "reduced sum ", total
  end if
  call MPI_Finalize()
end program gather_reduce
