!> tofgrid for Fortran: `use tofgrid`.
!>
!> Every collective takes the communicator first, as `type(MPI_Comm)` from
!> mpi_f08 or as a legacy integer handle from `use mpi`, and accepts arrays of
!> any rank (and scalars) of integer(int8|int32|int64), real(real32|real64) or
!> complex(real64); non-contiguous sections are copied in and out. The
!> trailing `ierr` is optional (mpi_f08 style): present, it receives the
!> status (TG_SUCCESS = 0); absent, an error stops the program with the
!> message. `tg_error_message(msg)` returns the text of the last error.
!> Buffer sizes are checked against the call: a wrong size is an error, not
!> a silent misread. All collectives are collective over `comm`. A legacy
!> integer handle that is not a communicator (freed, or never one) gives
!> ierr = TG_ERR_COMM below MPI_THREAD_MULTIPLE; under MPI_THREAD_MULTIPLE it
!> meets MPI's error handler, as in MPI itself.
module tofgrid
  use, intrinsic :: iso_c_binding, only: c_int, c_int64_t
  use mpi_f08, only: MPI_Comm
  use tofgrid_capi
  use tofgrid_constants ! generated from the C headers
  use tofgrid_kernel  ! the TOF kernel: tg_model, tg_solution, tg_solve, ...
  implicit none
  private
  public :: tg_model, tg_solution, tg_model_default, tg_model_load, tg_model_parse, tg_model_free, tg_model_count, &
            tg_model_species, tg_model_gas_index, tg_model_product, tg_model_conditions, tg_solve, &
            TG_STEPS, tg_tof_grid, tg_tof_grid_file, tg_steady_states, tg_map

  include "tofgrid_constants_public.inc"

  public :: tg_bcast, tg_scatter, tg_gather, tg_allgather, tg_reduce, tg_allreduce, &
            tg_reduce_inplace, tg_allreduce_inplace, tg_scatter_block, tg_gather_block, &
            tg_allgather_block, tg_block_range, tg_error_message

  !> call tg_bcast(comm, buf [, root=0] [, ierr])
  interface tg_bcast
    procedure :: tgf_bcast_f08, tgf_bcast_i
  end interface
  !> call tg_scatter(comm, sendbuf, recvbuf [, root] [, ierr]): rank r receives
  !> elements r*size(recvbuf)+1 ... of the root's sendbuf (size(sendbuf) = nranks*size(recvbuf)).
  interface tg_scatter
    procedure :: tgf_scatter_f08, tgf_scatter_i
  end interface
  !> call tg_gather(comm, sendbuf, recvbuf [, root] [, ierr]): inverse of tg_scatter.
  interface tg_gather
    procedure :: tgf_gather_f08, tgf_gather_i
  end interface
  !> call tg_allgather(comm, sendbuf, recvbuf [, ierr])
  interface tg_allgather
    procedure :: tgf_allgather_f08, tgf_allgather_i
  end interface
  !> call tg_reduce(comm, sendbuf, recvbuf [, op=TG_SUM] [, root] [, ierr])
  interface tg_reduce
    procedure :: tgf_reduce_f08, tgf_reduce_i
  end interface
  !> call tg_allreduce(comm, sendbuf, recvbuf [, op=TG_SUM] [, ierr])
  interface tg_allreduce
    procedure :: tgf_allreduce_f08, tgf_allreduce_i
  end interface
  !> call tg_reduce_inplace(comm, buf [, op] [, root] [, ierr]): the root's buf receives the result.
  interface tg_reduce_inplace
    procedure :: tgf_reduce_inplace_f08, tgf_reduce_inplace_i
  end interface
  !> call tg_allreduce_inplace(comm, buf [, op] [, ierr])
  interface tg_allreduce_inplace
    procedure :: tgf_allreduce_inplace_f08, tgf_allreduce_inplace_i
  end interface
  !> call tg_scatter_block(comm, sendbuf, recvbuf, n [, root] [, ierr]): the root's n items
  !> (along the last dimension) are split in blocks (tg_block_range); recvbuf is this rank's block.
  interface tg_scatter_block
    procedure :: tgf_scatter_block_f08, tgf_scatter_block_i
  end interface
  !> call tg_gather_block(comm, sendbuf, recvbuf, n [, root] [, ierr]): inverse of tg_scatter_block.
  interface tg_gather_block
    procedure :: tgf_gather_block_f08, tgf_gather_block_i
  end interface
  !> call tg_allgather_block(comm, sendbuf, recvbuf, n [, ierr])
  interface tg_allgather_block
    procedure :: tgf_allgather_block_f08, tgf_allgather_block_i
  end interface

contains

  !> The block of n items owned by `rank` of `nranks`: items offset+1 .. offset+count.
  !> Not collective.
  subroutine tg_block_range(n, nranks, rank, offset, count, ierr)
    integer(c_int64_t), intent(in) :: n
    integer, intent(in) :: nranks, rank
    integer(c_int64_t), intent(out) :: offset, count
    integer, intent(out), optional :: ierr
    call finish(c_block_range(n, nranks, rank, offset, count), ierr)
  end subroutine

  !> The message of the last tofgrid error on this thread (blank if none).
  !> It belongs to the last call that returned ierr /= 0: a call that
  !> succeeds records no message (not even from a check that only applies on
  !> the root), but does not erase an older one.
  subroutine tg_error_message(msg)
    character(len=*), intent(out) :: msg
    call c_error_message(msg, len(msg, kind=c_int64_t))
  end subroutine

end module tofgrid
