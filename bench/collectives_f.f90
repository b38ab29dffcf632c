! Collective latency: tofgrid's Fortran API against the same mpi_f08 calls,
! in the same run: batch pairs (order alternating), medians of each side and
! of the per-pair ratios. Prints "ROW fortran <op> <bytes> <tofgrid us> <baseline us> <ratio>".
program collectives_f
  use, intrinsic :: iso_fortran_env, only: real64, int64
  use mpi_f08
  use tofgrid
  implicit none
  integer, parameter :: batches = 41, max_elems = 2**20 / 8
  integer(int64), parameter :: sizes(7) = [8_int64, 64_int64, 512_int64, 4096_int64, 32768_int64, 262144_int64, 1048576_int64]
  character(len=9), parameter :: ops(4) = [character(len=9) :: "bcast", "allreduce", "scatter", "gather"]
  real(real64), allocatable :: sendbuf(:), recvbuf(:)
  real(real64) :: once, t(batches, 2), ratio(batches)
  integer :: nranks, rank, op, b, k, reps, n
  integer(int64) :: bytes

  call MPI_Init()
  call MPI_Comm_size(MPI_COMM_WORLD, nranks)
  call MPI_Comm_rank(MPI_COMM_WORLD, rank)
  allocate (sendbuf(max_elems * nranks), recvbuf(max_elems * nranks))
  sendbuf = 1
  recvbuf = 0
  do op = 1, 4
    do k = 1, size(sizes)
      bytes = sizes(k)
      n = int(bytes / 8)
      once = batch(op, .false., n, 10)
      reps = max(5, min(20000, int(2d-3 / max(once, 1d-7))))
      do b = 1, batches  ! a pair per batch, the order alternating
        if (mod(b, 2) == 0) then
          t(b, 1) = batch(op, .true., n, reps)
          t(b, 2) = batch(op, .false., n, reps)
        else
          t(b, 2) = batch(op, .false., n, reps)
          t(b, 1) = batch(op, .true., n, reps)
        end if
        ratio(b) = t(b, 1) / t(b, 2)
      end do
      if (rank == 0) write (*, '(a,a,1x,i0,3(1x,f0.4))') "ROW fortran ", trim(ops(op)), bytes, &
        median(t(:, 1)) * 1d6, median(t(:, 2)) * 1d6, median(ratio)
    end do
  end do
  call MPI_Finalize()

contains

  real(real64) function batch(op, use_tofgrid, n, reps)
    integer, intent(in) :: op, n, reps
    logical, intent(in) :: use_tofgrid
    integer :: i
    real(real64) :: t0
    call MPI_Barrier(MPI_COMM_WORLD)
    t0 = MPI_Wtime()
    do i = 1, reps
      select case (op)
      case (1)
        if (use_tofgrid) then
          call tg_bcast(MPI_COMM_WORLD, sendbuf(1:n), 0)
        else
          call MPI_Bcast(sendbuf, n, MPI_DOUBLE_PRECISION, 0, MPI_COMM_WORLD)
        end if
      case (2)
        if (use_tofgrid) then
          call tg_allreduce(MPI_COMM_WORLD, sendbuf(1:n), recvbuf(1:n), TG_SUM)
        else
          call MPI_Allreduce(sendbuf, recvbuf, n, MPI_DOUBLE_PRECISION, MPI_SUM, MPI_COMM_WORLD)
        end if
      case (3)
        if (use_tofgrid) then
          call tg_scatter(MPI_COMM_WORLD, sendbuf(1:n * nranks), recvbuf(1:n), 0)
        else
          call MPI_Scatter(sendbuf, n, MPI_DOUBLE_PRECISION, recvbuf, n, MPI_DOUBLE_PRECISION, 0, MPI_COMM_WORLD)
        end if
      case (4)
        if (use_tofgrid) then
          call tg_gather(MPI_COMM_WORLD, sendbuf(1:n), recvbuf(1:n * nranks), 0)
        else
          call MPI_Gather(sendbuf, n, MPI_DOUBLE_PRECISION, recvbuf, n, MPI_DOUBLE_PRECISION, 0, MPI_COMM_WORLD)
        end if
      end select
    end do
    batch = (MPI_Wtime() - t0) / reps
    call MPI_Bcast(batch, 1, MPI_DOUBLE_PRECISION, 0, MPI_COMM_WORLD)
  end function

  real(real64) function median(x)
    real(real64), intent(in) :: x(:)
    real(real64) :: s(size(x)), tmp
    integer :: i, j
    s = x
    do i = 2, size(s)  ! insertion sort: a few dozen values
      tmp = s(i)
      j = i - 1
      do while (j >= 1)
        if (s(j) <= tmp) exit
        s(j + 1) = s(j)
        j = j - 1
      end do
      s(j + 1) = tmp
    end do
    median = s((size(s) + 1) / 2)
  end function
end program collectives_f
