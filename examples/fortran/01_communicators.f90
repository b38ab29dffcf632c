! 1. Communicators: MPI_COMM_WORLD and MPI_COMM_SELF, rank, size, group,
! Split (mpi_f08) -- then a tofgrid collective on the split communicator.
!   mpiexec -n 4 build/bin/example_01_communicators_f
program communicators
  use, intrinsic :: iso_fortran_env, only: int64
  use mpi_f08
  use tofgrid
  implicit none
  type(MPI_Comm) :: half
  type(MPI_Group) :: group
  integer :: rank, nranks, self_size, group_size, hrank, hsize
  integer(int64) :: mine, total
  call MPI_Init()
  call MPI_Comm_rank(MPI_COMM_WORLD, rank)          ! who am I among all processes
  call MPI_Comm_size(MPI_COMM_WORLD, nranks)        ! how many are we
  call MPI_Comm_size(MPI_COMM_SELF, self_size)      ! COMM_SELF: just me
  call MPI_Comm_group(MPI_COMM_WORLD, group)        ! the group behind a communicator
  call MPI_Group_size(group, group_size)
  call MPI_Group_free(group)
  if (rank == 0) print '(a,i0,a,i0,a,i0)', "world size ", nranks, ", self size ", self_size, ", group size ", group_size
  call MPI_Comm_split(MPI_COMM_WORLD, mod(rank, 2), rank, half)   ! even and odd ranks
  call MPI_Comm_rank(half, hrank)
  call MPI_Comm_size(half, hsize)
  mine = rank
  call tg_allreduce(half, mine, total)               ! a tofgrid collective on the split communicator
  if (hrank == 0) print '(a,a,a,i0,a,i0)', "split ", trim(merge("odd ", "even", mod(rank, 2) == 1)), ": ", hsize, &
    " ranks, sum of world ranks ", total
  call MPI_Comm_free(half)
  call MPI_Finalize()
end program communicators
