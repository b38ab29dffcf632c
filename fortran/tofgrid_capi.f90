! Raw bind(C) interfaces to the C shims (tofgrid_shims.c) and the C core.
! Not for users: `use tofgrid`, whose generic interfaces name the
! collectives here directly, so a call goes from the caller to C with no
! Fortran layer in between. Each collective has two bodies bound to the same
! C function: the communicator as type(MPI_Comm) (mpi_f08) or as a legacy
! integer handle, both passed by reference (an MPI_Fint* in C). Arrays are
! assumed-type, assumed-rank and contiguous (the compiler copies a
! non-contiguous section in and out); absent optional arguments arrive as
! NULL. The C side puts the status in ierr, or stops when ierr is absent
! (error_stop below, shared with the Fortran-side calls through finish).
module tofgrid_capi
  use, intrinsic :: iso_c_binding, only: c_int, c_int64_t, c_char
  use mpi_f08, only: MPI_Comm
  implicit none
  private
  public :: tgf_bcast_f08, tgf_bcast_i, tgf_scatter_f08, tgf_scatter_i, tgf_gather_f08, tgf_gather_i, &
            tgf_allgather_f08, tgf_allgather_i, tgf_reduce_f08, tgf_reduce_i, tgf_allreduce_f08, &
            tgf_allreduce_i, tgf_reduce_inplace_f08, tgf_reduce_inplace_i, tgf_allreduce_inplace_f08, &
            tgf_allreduce_inplace_i, tgf_scatter_block_f08, tgf_scatter_block_i, tgf_gather_block_f08, &
            tgf_gather_block_i, tgf_allgather_block_f08, tgf_allgather_block_i
  public :: c_block_range, c_error_message, finish

  interface
    include "tofgrid_capi_twins.inc"

    integer(c_int) function c_block_range(n, size, rank, offset, count) bind(C, name="tg_block_range")
      import :: c_int, c_int64_t
      integer(c_int64_t), value :: n
      integer(c_int), value :: size, rank
      integer(c_int64_t), intent(out) :: offset, count
    end function

    subroutine c_error_message(buf, len) bind(C, name="tgf_error_message")
      import :: c_char, c_int64_t
      character(kind=c_char), intent(out) :: buf(*)
      integer(c_int64_t), value :: len
    end subroutine
  end interface

contains

  ! The one way a status reaches Fortran: into ierr when present; otherwise
  ! an error stops the program with its message (mpi_f08 style).
  subroutine finish(status, ierr)
    integer(c_int), intent(in) :: status
    integer, intent(out), optional :: ierr
    if (present(ierr)) then
      ierr = status
    else if (status /= 0) then
      call error_stop()
    end if
  end subroutine

  ! Also called by the C shims when a collective fails and ierr is absent.
  subroutine error_stop() bind(C, name="tgf_error_stop")
    character(len=1024) :: msg
    call c_error_message(msg, len(msg, kind=c_int64_t))
    error stop "tofgrid: " // trim(msg)
  end subroutine
end module tofgrid_capi
