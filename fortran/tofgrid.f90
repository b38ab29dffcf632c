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
!> a silent misread. All collectives are collective over `comm`.
module tofgrid
  use, intrinsic :: iso_c_binding, only: c_int, c_int64_t
  use mpi_f08, only: MPI_Comm
  use tofgrid_capi
  use tofgrid_kernel  ! the TOF kernel: tg_model, tg_solution, tg_solve, ...
  implicit none
  private
  public :: tg_model, tg_solution, tg_model_default, tg_model_load, tg_model_free, tg_model_count, &
            tg_model_species, tg_model_gas_index, tg_model_product, tg_model_conditions, tg_solve, &
            TG_ADSORBATE, TG_SITE, TG_GAS, TG_STEPS, TG_STEADY_OK, TG_STEADY_PAST_T_END, TG_STEADY_FAILED, &
            tg_tof_grid, tg_map, TG_SCHEDULE_STATIC, TG_SCHEDULE_DYNAMIC

  ! Reduction operations (values of the C enum tg_op).
  integer, parameter, public :: TG_SUM = 0, TG_PROD = 1, TG_MIN = 2, TG_MAX = 3
  ! Status codes (values of the C enum tg_status).
  integer, parameter, public :: TG_SUCCESS = 0, TG_ERR_ARG = 1, TG_ERR_COMM = 2, TG_ERR_MPI = 3, &
                                TG_ERR_NOMEM = 4, TG_ERR_UNSUPPORTED = 5, TG_ERR_IO = 6, TG_ERR_PARSE = 7, &
                                TG_ERR_MODEL = 8, TG_ERR_CONVERGENCE = 9

  public :: tg_bcast, tg_scatter, tg_gather, tg_allgather, tg_reduce, tg_allreduce, &
            tg_reduce_inplace, tg_allreduce_inplace, tg_scatter_block, tg_gather_block, &
            tg_allgather_block, tg_block_range, tg_error_message

  !> call tg_bcast(comm, buf [, root=0] [, ierr])
  interface tg_bcast
    module procedure bcast_i, bcast_f08
  end interface
  !> call tg_scatter(comm, sendbuf, recvbuf [, root] [, ierr]): rank r receives
  !> elements r*size(recvbuf)+1 ... of the root's sendbuf (size(sendbuf) = nranks*size(recvbuf)).
  interface tg_scatter
    module procedure scatter_i, scatter_f08
  end interface
  !> call tg_gather(comm, sendbuf, recvbuf [, root] [, ierr]): inverse of tg_scatter.
  interface tg_gather
    module procedure gather_i, gather_f08
  end interface
  !> call tg_allgather(comm, sendbuf, recvbuf [, ierr])
  interface tg_allgather
    module procedure allgather_i, allgather_f08
  end interface
  !> call tg_reduce(comm, sendbuf, recvbuf [, op=TG_SUM] [, root] [, ierr])
  interface tg_reduce
    module procedure reduce_i, reduce_f08
  end interface
  !> call tg_allreduce(comm, sendbuf, recvbuf [, op=TG_SUM] [, ierr])
  interface tg_allreduce
    module procedure allreduce_i, allreduce_f08
  end interface
  !> call tg_reduce_inplace(comm, buf [, op] [, root] [, ierr]): the root's buf receives the result.
  interface tg_reduce_inplace
    module procedure reduce_inplace_i, reduce_inplace_f08
  end interface
  !> call tg_allreduce_inplace(comm, buf [, op] [, ierr])
  interface tg_allreduce_inplace
    module procedure allreduce_inplace_i, allreduce_inplace_f08
  end interface
  !> call tg_scatter_block(comm, sendbuf, recvbuf, n [, root] [, ierr]): the root's n items
  !> (along the last dimension) are split in blocks (tg_block_range); recvbuf is this rank's block.
  interface tg_scatter_block
    module procedure scatter_block_i, scatter_block_f08
  end interface
  !> call tg_gather_block(comm, sendbuf, recvbuf, n [, root] [, ierr]): inverse of tg_scatter_block.
  interface tg_gather_block
    module procedure gather_block_i, gather_block_f08
  end interface
  !> call tg_allgather_block(comm, sendbuf, recvbuf, n [, ierr])
  interface tg_allgather_block
    module procedure allgather_block_i, allgather_block_f08
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
  subroutine tg_error_message(msg)
    character(len=*), intent(out) :: msg
    call c_error_message(msg, len(msg, kind=c_int64_t))
  end subroutine

  ! Hand the status to ierr, or stop with the message when ierr is absent.
  subroutine finish(status, ierr)
    integer(c_int), intent(in) :: status
    integer, intent(out), optional :: ierr
    character(len=1024) :: msg
    if (present(ierr)) then
      ierr = status
    else if (status /= 0) then
      call tg_error_message(msg)
      error stop "tofgrid: " // trim(msg)
    end if
  end subroutine

  integer(c_int) function opt(x, default)
    integer, intent(in), optional :: x
    integer, intent(in) :: default
    opt = default
    if (present(x)) opt = x
  end function

  ! --- specifics: integer handle and type(MPI_Comm); both call the C shim directly ---

  subroutine bcast_i(comm, buf, root, ierr)
    integer, intent(in) :: comm
    type(*), dimension(..), intent(inout), contiguous :: buf
    integer, intent(in), optional :: root
    integer, intent(out), optional :: ierr
    call finish(c_bcast(comm, buf, opt(root, 0)), ierr)
  end subroutine
  subroutine bcast_f08(comm, buf, root, ierr)
    type(MPI_Comm), intent(in) :: comm
    type(*), dimension(..), intent(inout), contiguous :: buf
    integer, intent(in), optional :: root
    integer, intent(out), optional :: ierr
    call finish(c_bcast(comm%MPI_VAL, buf, opt(root, 0)), ierr)
  end subroutine

  subroutine scatter_i(comm, sendbuf, recvbuf, root, ierr)
    integer, intent(in) :: comm
    type(*), dimension(..), intent(in), contiguous :: sendbuf
    type(*), dimension(..), intent(inout), contiguous :: recvbuf
    integer, intent(in), optional :: root
    integer, intent(out), optional :: ierr
    call finish(c_scatter(comm, sendbuf, recvbuf, opt(root, 0)), ierr)
  end subroutine
  subroutine scatter_f08(comm, sendbuf, recvbuf, root, ierr)
    type(MPI_Comm), intent(in) :: comm
    type(*), dimension(..), intent(in), contiguous :: sendbuf
    type(*), dimension(..), intent(inout), contiguous :: recvbuf
    integer, intent(in), optional :: root
    integer, intent(out), optional :: ierr
    call finish(c_scatter(comm%MPI_VAL, sendbuf, recvbuf, opt(root, 0)), ierr)
  end subroutine

  subroutine gather_i(comm, sendbuf, recvbuf, root, ierr)
    integer, intent(in) :: comm
    type(*), dimension(..), intent(in), contiguous :: sendbuf
    type(*), dimension(..), intent(inout), contiguous :: recvbuf
    integer, intent(in), optional :: root
    integer, intent(out), optional :: ierr
    call finish(c_gather(comm, sendbuf, recvbuf, opt(root, 0)), ierr)
  end subroutine
  subroutine gather_f08(comm, sendbuf, recvbuf, root, ierr)
    type(MPI_Comm), intent(in) :: comm
    type(*), dimension(..), intent(in), contiguous :: sendbuf
    type(*), dimension(..), intent(inout), contiguous :: recvbuf
    integer, intent(in), optional :: root
    integer, intent(out), optional :: ierr
    call finish(c_gather(comm%MPI_VAL, sendbuf, recvbuf, opt(root, 0)), ierr)
  end subroutine

  subroutine allgather_i(comm, sendbuf, recvbuf, ierr)
    integer, intent(in) :: comm
    type(*), dimension(..), intent(in), contiguous :: sendbuf
    type(*), dimension(..), intent(inout), contiguous :: recvbuf
    integer, intent(out), optional :: ierr
    call finish(c_allgather(comm, sendbuf, recvbuf), ierr)
  end subroutine
  subroutine allgather_f08(comm, sendbuf, recvbuf, ierr)
    type(MPI_Comm), intent(in) :: comm
    type(*), dimension(..), intent(in), contiguous :: sendbuf
    type(*), dimension(..), intent(inout), contiguous :: recvbuf
    integer, intent(out), optional :: ierr
    call finish(c_allgather(comm%MPI_VAL, sendbuf, recvbuf), ierr)
  end subroutine

  subroutine reduce_i(comm, sendbuf, recvbuf, op, root, ierr)
    integer, intent(in) :: comm
    type(*), dimension(..), intent(in), contiguous :: sendbuf
    type(*), dimension(..), intent(inout), contiguous :: recvbuf
    integer, intent(in), optional :: op, root
    integer, intent(out), optional :: ierr
    call finish(c_reduce(comm, sendbuf, recvbuf, opt(op, TG_SUM), opt(root, 0)), ierr)
  end subroutine
  subroutine reduce_f08(comm, sendbuf, recvbuf, op, root, ierr)
    type(MPI_Comm), intent(in) :: comm
    type(*), dimension(..), intent(in), contiguous :: sendbuf
    type(*), dimension(..), intent(inout), contiguous :: recvbuf
    integer, intent(in), optional :: op, root
    integer, intent(out), optional :: ierr
    call finish(c_reduce(comm%MPI_VAL, sendbuf, recvbuf, opt(op, TG_SUM), opt(root, 0)), ierr)
  end subroutine

  subroutine allreduce_i(comm, sendbuf, recvbuf, op, ierr)
    integer, intent(in) :: comm
    type(*), dimension(..), intent(in), contiguous :: sendbuf
    type(*), dimension(..), intent(inout), contiguous :: recvbuf
    integer, intent(in), optional :: op
    integer, intent(out), optional :: ierr
    call finish(c_allreduce(comm, sendbuf, recvbuf, opt(op, TG_SUM)), ierr)
  end subroutine
  subroutine allreduce_f08(comm, sendbuf, recvbuf, op, ierr)
    type(MPI_Comm), intent(in) :: comm
    type(*), dimension(..), intent(in), contiguous :: sendbuf
    type(*), dimension(..), intent(inout), contiguous :: recvbuf
    integer, intent(in), optional :: op
    integer, intent(out), optional :: ierr
    call finish(c_allreduce(comm%MPI_VAL, sendbuf, recvbuf, opt(op, TG_SUM)), ierr)
  end subroutine

  subroutine reduce_inplace_i(comm, buf, op, root, ierr)
    integer, intent(in) :: comm
    type(*), dimension(..), intent(inout), contiguous :: buf
    integer, intent(in), optional :: op, root
    integer, intent(out), optional :: ierr
    call finish(c_reduce_inplace(comm, buf, opt(op, TG_SUM), opt(root, 0)), ierr)
  end subroutine
  subroutine reduce_inplace_f08(comm, buf, op, root, ierr)
    type(MPI_Comm), intent(in) :: comm
    type(*), dimension(..), intent(inout), contiguous :: buf
    integer, intent(in), optional :: op, root
    integer, intent(out), optional :: ierr
    call finish(c_reduce_inplace(comm%MPI_VAL, buf, opt(op, TG_SUM), opt(root, 0)), ierr)
  end subroutine

  subroutine allreduce_inplace_i(comm, buf, op, ierr)
    integer, intent(in) :: comm
    type(*), dimension(..), intent(inout), contiguous :: buf
    integer, intent(in), optional :: op
    integer, intent(out), optional :: ierr
    call finish(c_allreduce_inplace(comm, buf, opt(op, TG_SUM)), ierr)
  end subroutine
  subroutine allreduce_inplace_f08(comm, buf, op, ierr)
    type(MPI_Comm), intent(in) :: comm
    type(*), dimension(..), intent(inout), contiguous :: buf
    integer, intent(in), optional :: op
    integer, intent(out), optional :: ierr
    call finish(c_allreduce_inplace(comm%MPI_VAL, buf, opt(op, TG_SUM)), ierr)
  end subroutine

  subroutine scatter_block_i(comm, sendbuf, recvbuf, n, root, ierr)
    integer, intent(in) :: comm
    type(*), dimension(..), intent(in), contiguous :: sendbuf
    type(*), dimension(..), intent(inout), contiguous :: recvbuf
    integer(c_int64_t), intent(in) :: n
    integer, intent(in), optional :: root
    integer, intent(out), optional :: ierr
    call finish(c_scatter_block(comm, sendbuf, recvbuf, n, opt(root, 0)), ierr)
  end subroutine
  subroutine scatter_block_f08(comm, sendbuf, recvbuf, n, root, ierr)
    type(MPI_Comm), intent(in) :: comm
    type(*), dimension(..), intent(in), contiguous :: sendbuf
    type(*), dimension(..), intent(inout), contiguous :: recvbuf
    integer(c_int64_t), intent(in) :: n
    integer, intent(in), optional :: root
    integer, intent(out), optional :: ierr
    call finish(c_scatter_block(comm%MPI_VAL, sendbuf, recvbuf, n, opt(root, 0)), ierr)
  end subroutine

  subroutine gather_block_i(comm, sendbuf, recvbuf, n, root, ierr)
    integer, intent(in) :: comm
    type(*), dimension(..), intent(in), contiguous :: sendbuf
    type(*), dimension(..), intent(inout), contiguous :: recvbuf
    integer(c_int64_t), intent(in) :: n
    integer, intent(in), optional :: root
    integer, intent(out), optional :: ierr
    call finish(c_gather_block(comm, sendbuf, recvbuf, n, opt(root, 0)), ierr)
  end subroutine
  subroutine gather_block_f08(comm, sendbuf, recvbuf, n, root, ierr)
    type(MPI_Comm), intent(in) :: comm
    type(*), dimension(..), intent(in), contiguous :: sendbuf
    type(*), dimension(..), intent(inout), contiguous :: recvbuf
    integer(c_int64_t), intent(in) :: n
    integer, intent(in), optional :: root
    integer, intent(out), optional :: ierr
    call finish(c_gather_block(comm%MPI_VAL, sendbuf, recvbuf, n, opt(root, 0)), ierr)
  end subroutine

  subroutine allgather_block_i(comm, sendbuf, recvbuf, n, ierr)
    integer, intent(in) :: comm
    type(*), dimension(..), intent(in), contiguous :: sendbuf
    type(*), dimension(..), intent(inout), contiguous :: recvbuf
    integer(c_int64_t), intent(in) :: n
    integer, intent(out), optional :: ierr
    call finish(c_allgather_block(comm, sendbuf, recvbuf, n), ierr)
  end subroutine
  subroutine allgather_block_f08(comm, sendbuf, recvbuf, n, ierr)
    type(MPI_Comm), intent(in) :: comm
    type(*), dimension(..), intent(in), contiguous :: sendbuf
    type(*), dimension(..), intent(inout), contiguous :: recvbuf
    integer(c_int64_t), intent(in) :: n
    integer, intent(out), optional :: ierr
    call finish(c_allgather_block(comm%MPI_VAL, sendbuf, recvbuf, n), ierr)
  end subroutine

end module tofgrid
