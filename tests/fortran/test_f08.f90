! The Fortran face with mpi_f08 communicators: every collective over real64,
! real32, int32, int64, complex(real64) and int8, as scalars, rank-1 and
! rank-2 arrays and strided sections, with exact expected values.
program test_f08
  use, intrinsic :: iso_fortran_env, only: real32, real64, int8, int32, int64
  use mpi_f08
  use tofgrid
  use checks
  implicit none
  type(MPI_Comm) :: comm
  integer :: nranks, rank, i, r, ierr, root
  real(real64) :: d(5), dall(15), s, t, grid(2, 7)
  real(real64), allocatable :: dgather(:), block(:, :), vall(:)
  real(real32) :: f(2, 3), fsum(2, 3)
  integer(int32) :: i4, i4all(3), i4sum(3), im(3), ir(3)
  integer(int64) :: i8(4), i8max(4)
  complex(real64) :: z(2), zs(2)
  integer(int8) :: b(3)
  integer(int64) :: off, cnt, n

  call MPI_Init()
  comm = MPI_COMM_WORLD
  call MPI_Comm_size(comm, nranks)
  call MPI_Comm_rank(comm, rank)
  root = nranks - 1

  ! bcast: rank-1 real64, rank-2 real32, scalar int32, complex, int8
  d = 0; if (rank == root) d = [(10.0_real64 * i, i = 1, 5)]
  call tg_bcast(comm, d, root, ierr)
  call check(ierr == TG_SUCCESS .and. all(d == [(10.0_real64 * i, i = 1, 5)]), "bcast real64")
  f = 0; if (rank == 0) f = reshape([(1.5_real32 * i, i = 1, 6)], [2, 3])
  call tg_bcast(comm, f)
  call check(all(f == reshape([(1.5_real32 * i, i = 1, 6)], [2, 3])), "bcast real32 rank-2, default root")
  i4 = merge(42, -1, rank == 0)
  call tg_bcast(comm, i4)
  call check(i4 == 42, "bcast int32 scalar")
  z = merge((1.0_real64, 2.0_real64), (0.0_real64, 0.0_real64), rank == 0)
  call tg_bcast(comm, z)
  call check(all(z == (1.0_real64, 2.0_real64)), "bcast complex")
  b = 0; if (rank == 0) b = [1_int8, 2_int8, 3_int8]
  call tg_bcast(comm, b)
  call check(all(b == [1_int8, 2_int8, 3_int8]), "bcast int8")
  ! a strided section is copied in and out
  dall = -1; if (rank == 0) dall(1:15:3) = [(i * 1.0_real64, i = 1, 5)]
  call tg_bcast(comm, dall(1:15:3))
  call check(all(dall(1:15:3) == [(i * 1.0_real64, i = 1, 5)]) .and. all(dall(2:15:3) == -1), "bcast strided section")

  ! scatter / gather / allgather, equal blocks of 3
  allocate (dgather(3 * nranks))
  dgather = [(1.0_real64 * i, i = 1, 3 * nranks)]
  call tg_scatter(comm, dgather, d(1:3), 0, ierr)
  call check(ierr == 0 .and. all(d(1:3) == [(1.0_real64 * (3 * rank + i), i = 1, 3)]), "scatter real64")
  d(1:3) = rank * 100 + [1, 2, 3]
  dgather = 0
  call tg_gather(comm, d(1:3), dgather, root)
  if (rank == root) call check(all(dgather == [((100.0_real64 * r + i, i = 1, 3), r = 0, nranks - 1)]), "gather real64")
  deallocate (dgather)
  ag: block
    integer(int32), allocatable :: all2(:, :)
    integer(int32) :: mine(2, 1)
    allocate (all2(2, nranks))
    mine(:, 1) = [rank, -rank]
    call tg_allgather(comm, mine, all2)
    call check(all(all2(1, :) == [(r, r = 0, nranks - 1)]) .and. all(all2(2, :) == [(-r, r = 0, nranks - 1)]), &
               "allgather int32 rank-2")
  end block ag

  ! reductions: sum, prod, min, max over the kinds
  s = rank + 1.0_real64
  call tg_allreduce(comm, s, t)
  call check(t == nranks * (nranks + 1) / 2.0_real64, "allreduce sum real64 scalar")
  call tg_allreduce(comm, s, t, TG_PROD)
  call check(t == product([(r + 1.0_real64, r = 0, nranks - 1)]), "allreduce prod real64")
  im = [rank, 2 * rank, 3]
  call tg_allreduce(comm, im, ir, TG_MIN)
  call check(all(ir == [0, 0, 3]), "allreduce min int32")
  i8 = [(int(rank, int64) * 10_int64**12 + i, i = 1, 4)]
  call tg_allreduce(comm, i8, i8max, TG_MAX)
  call check(all(i8max == [((nranks - 1_int64) * 10_int64**12 + i, i = 1, 4)]), "allreduce max int64")
  f = rank
  call tg_reduce(comm, f, fsum, TG_SUM, root)
  if (rank == root) call check(all(fsum == nranks * (nranks - 1) / 2.0_real32), "reduce real32 rank-2 to last rank")
  z = cmplx(rank, 1, real64)
  call tg_allreduce(comm, z, zs)
  call check(all(zs == cmplx(nranks * (nranks - 1) / 2, nranks, real64)), "allreduce complex")
  i4all = [1, rank, 2]
  call tg_allreduce_inplace(comm, i4all, TG_SUM)
  call check(all(i4all == [nranks, nranks * (nranks - 1) / 2, 2 * nranks]), "allreduce in place")
  i4sum = [1, rank, 2]
  call tg_reduce_inplace(comm, i4sum, TG_MAX, 0)
  if (rank == 0) call check(all(i4sum == [1, nranks - 1, 2]), "reduce in place at root")

  ! keyword arguments (op absent, root given), an expression as sendbuf and a
  ! strided recvbuf, which the compiler copies back out
  dall = -1
  call tg_reduce(comm, [s, 2 * s], dall(2:4:2), root=0, ierr=ierr)
  call check(ierr == 0, "reduce with keywords, status")
  if (rank == 0) call check(all(dall(2:4:2) == [1, 2] * (nranks * (nranks + 1) / 2.0_real64)) .and. dall(3) == -1, &
                            "reduce into a strided section, default op")
  dall = -1
  call tg_gather(comm, recvbuf=dall(1:2 * nranks:2), sendbuf=[rank * 1.0_real64], root=root)
  if (rank == root) call check(all(dall(1:2 * nranks:2) == [(1.0_real64 * r, r = 0, nranks - 1)]) .and. &
                               all(dall(2:2 * nranks:2) == -1), "gather into a strided section, keywords")

  ! uneven blocks: 7 items of width 2 (columns of a rank-2 array)
  n = 7
  call tg_block_range(n, nranks, rank, off, cnt)
  allocate (block(2, cnt))
  grid = reshape([(1.0_real64 * i, i = 1, 14)], [2, 7])
  call tg_scatter_block(comm, grid, block, n, 0, ierr)
  call check(ierr == 0, "scatter_block status")
  call check(all(block == grid(:, off + 1:off + cnt)), "scatter_block columns")
  block = -block
  grid = 0
  call tg_gather_block(comm, block, grid, n, 0)
  if (rank == 0) call check(all(grid == -reshape([(1.0_real64 * i, i = 1, 14)], [2, 7])), "gather_block")
  allocate (vall(n))
  call tg_allgather_block(comm, block(1, :), vall, n)
  call check(all(vall == [(-(2.0_real64 * i - 1), i = 1, 7)]), "allgather_block rank-1")

  call finish_checks()
end program test_f08
