! The message matches the status: a rank whose call succeeds exposes no
! message from a root-only check that failed only where it does not apply
! (it did); kernel errors handed over by Fortran carry one "fn:" prefix, not
! "tofgrid: fn:"; an invalid legacy integer handle (made up, or freed) gives
! ierr = TG_ERR_COMM instead of aborting inside tofgrid's own check. 2 ranks.
program test_messages_f
  use, intrinsic :: iso_fortran_env, only: real64
  use mpi_f08
  use tofgrid
  use checks
  implicit none
  integer :: nranks, rank, ierr, bad_handle, freed_handle
  real(real64) :: whole(4), wrong(3), part(2), t, p(1)
  character(len=512) :: msg
  type(MPI_Comm) :: c
  type(tg_model) :: model

  call MPI_Init()
  call MPI_Comm_size(MPI_COMM_WORLD, nranks)
  call MPI_Comm_rank(MPI_COMM_WORLD, rank)
  call check(nranks == 2, "run on 2 ranks")

  ! Root-only buffers of the wrong size on the non-root rank only: no error, no message.
  whole = [1, 2, 3, 4]
  if (rank == 0) then
    call tg_scatter(MPI_COMM_WORLD, whole, part, 0, ierr)
  else
    call tg_scatter(MPI_COMM_WORLD, wrong, part, 0, ierr)
  end if
  call tg_error_message(msg)
  call check(ierr == 0, "scatter succeeds on every rank")
  call check(part(1) == 2 * rank + 1 .and. part(2) == 2 * rank + 2, "scatter: this rank's part")
  call check(len_trim(msg) == 0, "scatter: no message on a rank that succeeded: '" // trim(msg) // "'")
  part = [10.0_real64 * rank, 1.0_real64]
  if (rank == 0) then
    call tg_gather(MPI_COMM_WORLD, part, whole, 0, ierr)
  else
    call tg_gather(MPI_COMM_WORLD, part, wrong, 0, ierr)
  end if
  call tg_error_message(msg)
  call check(ierr == 0, "gather succeeds on every rank")
  if (rank == 0) call check(all(whole == [0, 1, 10, 1]), "gather: the parts in rank order")
  call check(len_trim(msg) == 0, "gather: no message on a rank that succeeded: '" // trim(msg) // "'")

  ! A kernel error found in Fortran: one prefix, the function's.
  call tg_model_default(model)
  call tg_model_conditions(model, t, p, ierr)
  call tg_error_message(msg)
  call check(ierr == TG_ERR_ARG, "conditions with one pressure: TG_ERR_ARG")
  call check(index(msg, "tg_model_conditions: ") == 1, "one prefix: '" // trim(msg) // "'")
  call tg_model_free(model)

  ! Invalid legacy handles: a status, not an abort.
  bad_handle = 12345
  call tg_bcast(bad_handle, whole, 0, ierr)
  call check_error(ierr, TG_ERR_COMM, "tg_bcast: the communicator is not a valid communicator", "made-up handle")
  call MPI_Comm_dup(MPI_COMM_WORLD, c)
  freed_handle = c%MPI_VAL
  call tg_allreduce(freed_handle, part, whole(1:2), TG_SUM, ierr)
  call check(ierr == 0, "allreduce on the live handle")
  call MPI_Comm_free(c)
  call tg_allreduce(freed_handle, part, whole(1:2), TG_SUM, ierr)
  call check_error(ierr, TG_ERR_COMM, "not a valid communicator", "freed handle")
  call tg_scatter(bad_handle, whole, part, 0, ierr)
  call check_error(ierr, TG_ERR_COMM, "tg_scatter: the communicator is not a valid communicator", "scatter, made-up")
  call check(all(part == [10.0_real64 * rank, 1.0_real64]), "nothing overwritten")

  call finish_checks()
end program test_messages_f
