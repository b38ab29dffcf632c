! Assertion helper for the Fortran tests: count checks per rank, then
! `finish_checks` sums them and rank 0 prints "N passed, N failed".
module checks
  use mpi_f08
  implicit none
  integer :: n_checks = 0, n_failed = 0
contains
  subroutine check(ok, what)
    logical, intent(in) :: ok
    character(len=*), intent(in) :: what
    integer :: rank
    n_checks = n_checks + 1
    if (.not. ok) then
      n_failed = n_failed + 1
      call MPI_Comm_rank(MPI_COMM_WORLD, rank)
      write (*, '(a,i0,2a)') "[rank ", rank, "] FAILED: ", what
    end if
  end subroutine

  ! ierr must be `status` and the message must contain `text`.
  subroutine check_error(ierr, status, text, what)
    use tofgrid, only: tg_error_message
    integer, intent(in) :: ierr, status
    character(len=*), intent(in) :: text, what
    character(len=512) :: msg
    call tg_error_message(msg)
    call check(ierr == status, what // ": status")
    call check(index(msg, text) > 0, what // ": message '" // trim(msg) // "' lacks '" // text // "'")
  end subroutine

  subroutine finish_checks()
    integer :: local(2), total(2), rank
    local = [n_checks - n_failed, n_failed]
    call MPI_Allreduce(local, total, 2, MPI_INTEGER, MPI_SUM, MPI_COMM_WORLD)
    call MPI_Comm_rank(MPI_COMM_WORLD, rank)
    if (rank == 0) write (*, '(i0,a,i0,a)') total(1), " passed, ", total(2), " failed"
    call MPI_Finalize()
    if (total(2) > 0) error stop 1
  end subroutine
end module checks
