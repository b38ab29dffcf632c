! Error paths of the Fortran face: each returns a status in ierr and a
! message naming the call and the problem; nothing is overwritten.
program test_errors_f
  use, intrinsic :: iso_fortran_env, only: real32, real64, int64
  use mpi_f08
  use tofgrid
  use checks
  implicit none
  integer :: nranks, rank, ierr
  real(real64) :: d(4), e(3), big(100)
  real(real32) :: f(4)
  logical :: l(2)
  integer(int64) :: off, cnt

  call MPI_Init()
  call MPI_Comm_size(MPI_COMM_WORLD, nranks)
  call MPI_Comm_rank(MPI_COMM_WORLD, rank)
  d = [1, 2, 3, 4]

  call tg_bcast(MPI_COMM_NULL, d, 0, ierr)
  call check_error(ierr, TG_ERR_COMM, "tg_bcast: the communicator is MPI_COMM_NULL", "COMM_NULL")
  call tg_bcast(MPI_COMM_WORLD, d, nranks, ierr)
  call check_error(ierr, TG_ERR_ARG, "is outside the communicator", "root out of range")
  call tg_bcast(MPI_COMM_WORLD, l, 0, ierr)
  call check_error(ierr, TG_ERR_ARG, "buf has an unsupported type", "logical buffer")
  call tg_allreduce(MPI_COMM_WORLD, d, f, TG_SUM, ierr)
  call check_error(ierr, TG_ERR_ARG, "sendbuf is real(real64) but recvbuf is real(real32)", "type mismatch")
  call tg_allreduce(MPI_COMM_WORLD, d, e, TG_SUM, ierr)
  call check_error(ierr, TG_ERR_ARG, "recvbuf has 3 elements, expected 4", "size mismatch")
  call tg_allreduce(MPI_COMM_WORLD, d, big(1:4), 17, ierr)
  call check_error(ierr, TG_ERR_ARG, "unknown op 17", "unknown op")
  call tg_allgather(MPI_COMM_WORLD, d, e, ierr)
  call check_error(ierr, TG_ERR_ARG, "tg_allgather: recvbuf has 3 elements", "allgather size")
  call tg_scatter_block(MPI_COMM_SELF, big(1:7), e, 7_int64, 0, ierr)  ! rank-dependent: on SELF
  call check_error(ierr, TG_ERR_ARG, "this rank's block of n = 7 has 7", "block size")
  call tg_gather_block(MPI_COMM_WORLD, e, big, -1_int64, 0, ierr)
  call check_error(ierr, TG_ERR_ARG, "n = -1 is negative", "negative n")
  call tg_block_range(10_int64, 2, 5, off, cnt, ierr)
  call check_error(ierr, TG_ERR_ARG, "rank 5 is outside [0, 2)", "block_range")
  call check(all(d == [1, 2, 3, 4]), "buffers untouched by failed calls")
  call finish_checks()
end program test_errors_f
