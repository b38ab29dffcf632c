! Shared communicators from Fortran: MPI_COMM_WORLD split with mpi_f08's own
! MPI_Comm_split into even and odd ranks, tofgrid collectives on both halves
! at once; each result holds exactly its own half. Plus MPI_COMM_SELF.
program test_split_f
  use, intrinsic :: iso_fortran_env, only: int64, real64
  use mpi_f08
  use tofgrid
  use checks
  implicit none
  type(MPI_Comm) :: half
  integer :: wsize, wrank, hsize, hrank, r
  integer(int64) :: me, s, v
  integer(int64), allocatable :: ranks(:)
  real(real64) :: x, y

  call MPI_Init()
  call MPI_Comm_size(MPI_COMM_WORLD, wsize)
  call MPI_Comm_rank(MPI_COMM_WORLD, wrank)
  call MPI_Comm_split(MPI_COMM_WORLD, mod(wrank, 2), wrank, half)
  call MPI_Comm_size(half, hsize)
  call MPI_Comm_rank(half, hrank)
  me = wrank
  allocate (ranks(hsize))
  call tg_allgather(half, me, ranks)
  call check(all(ranks == [(2 * r + mod(wrank, 2), r = 0, hsize - 1)]), "allgather stays in its half")
  call tg_allreduce(half, me, s)
  call check(s == sum([(r, r = mod(wrank, 2), wsize - 1, 2)]), "allreduce stays in its half")
  v = me
  call tg_bcast(half, v, hsize - 1)
  call check(v == 2 * (hsize - 1) + mod(wrank, 2), "bcast from the half's own root")
  ! the legacy handle of the same communicator works too
  v = -1
  if (hrank == 0) v = 1000 + wrank
  call tg_bcast(half%MPI_VAL, v, 0)
  call check(v == 1000 + mod(wrank, 2), "bcast through the integer handle")
  x = wrank + 0.5_real64
  call tg_allreduce(MPI_COMM_SELF, x, y)
  call check(y == x, "allreduce on MPI_COMM_SELF")
  call MPI_Comm_free(half)
  call finish_checks()
end program test_split_f
