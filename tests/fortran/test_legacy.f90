! The Fortran face with legacy integer handles from `use mpi`: the same
! generic names resolve to the integer-communicator specifics.
program test_legacy
  use, intrinsic :: iso_fortran_env, only: real64, int64
  use mpi
  use tofgrid
  implicit none
  integer :: comm, nranks, rank, ierr, i, failures, total
  real(real64) :: d(4), s, g(8)
  real(real64), allocatable :: mine(:), all(:)
  integer(int64) :: n, off, cnt

  call MPI_Init(ierr)
  comm = MPI_COMM_WORLD
  call MPI_Comm_size(comm, nranks, ierr)
  call MPI_Comm_rank(comm, rank, ierr)
  failures = 0

  d = merge([1d0, 2d0, 3d0, 4d0], [0d0, 0d0, 0d0, 0d0], rank == 0)
  call tg_bcast(comm, d, 0, ierr)
  if (ierr /= 0 .or. any(d /= [1d0, 2d0, 3d0, 4d0])) failures = failures + 1

  call tg_allreduce(comm, real(rank, real64), s, TG_SUM, ierr)
  if (ierr /= 0 .or. s /= nranks * (nranks - 1) / 2d0) failures = failures + 1

  g = 0
  call tg_gather(comm, [rank * 1d0, -rank * 1d0], g(1:2 * nranks), root=0, ierr=ierr)
  if (ierr /= 0 .or. (rank == 0 .and. any(g(1:2 * nranks) /= [(i / 2 * merge(1d0, -1d0, mod(i, 2) == 0), &
                                                               i = 0, 2 * nranks - 1)]))) failures = failures + 1
  call tg_reduce(comm, [rank + 1d0], g(1:1), TG_MAX, nranks - 1, ierr)
  if (ierr /= 0 .or. (rank == nranks - 1 .and. g(1) /= nranks)) failures = failures + 1

  n = 5  ! uneven at 2 and 3 ranks
  call tg_block_range(n, nranks, rank, off, cnt)
  allocate (mine(cnt), all(n))
  all = [(10d0 * i, i = 1, 5)]
  call tg_scatter_block(comm, all, mine, n, 0, ierr)
  if (ierr /= 0 .or. any(mine /= [(10d0 * (off + i), i = 1, cnt)])) failures = failures + 1
  all = 0
  call tg_allgather_block(comm, mine + 1, all, n, ierr)
  if (ierr /= 0 .or. any(all /= [(10d0 * i + 1, i = 1, 5)])) failures = failures + 1

  call MPI_Allreduce(failures, total, 1, MPI_INTEGER, MPI_SUM, comm, ierr)
  if (rank == 0) write (*, '(i0,a,i0,a)') 6 * nranks - total, " passed, ", total, " failed"
  call MPI_Finalize(ierr)
  if (total > 0) error stop 1
end program test_legacy
