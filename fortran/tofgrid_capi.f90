! Raw bind(C) interfaces to the C shims (tofgrid_shims.c) and the C core.
! Not for users: `use tofgrid` instead. Communicators cross as integer
! handles (MPI_Fint) and arrays as assumed-type, assumed-rank descriptors.
module tofgrid_capi
  use, intrinsic :: iso_c_binding, only: c_int, c_int64_t, c_char, c_ptr
  implicit none
  private
  public :: c_bcast, c_scatter, c_gather, c_allgather, c_reduce, c_allreduce, &
            c_reduce_inplace, c_allreduce_inplace, c_scatter_block, c_gather_block, &
            c_allgather_block, c_block_range, c_error_message

  interface
    integer(c_int) function c_bcast(comm, buf, root) bind(C, name="tgf_bcast")
      import :: c_int
      integer(c_int), value :: comm, root
      type(*), dimension(..), intent(inout) :: buf
    end function

    integer(c_int) function c_scatter(comm, sendbuf, recvbuf, root) bind(C, name="tgf_scatter")
      import :: c_int
      integer(c_int), value :: comm, root
      type(*), dimension(..), intent(in) :: sendbuf
      type(*), dimension(..), intent(inout) :: recvbuf
    end function

    integer(c_int) function c_gather(comm, sendbuf, recvbuf, root) bind(C, name="tgf_gather")
      import :: c_int
      integer(c_int), value :: comm, root
      type(*), dimension(..), intent(in) :: sendbuf
      type(*), dimension(..), intent(inout) :: recvbuf
    end function

    integer(c_int) function c_allgather(comm, sendbuf, recvbuf) bind(C, name="tgf_allgather")
      import :: c_int
      integer(c_int), value :: comm
      type(*), dimension(..), intent(in) :: sendbuf
      type(*), dimension(..), intent(inout) :: recvbuf
    end function

    integer(c_int) function c_reduce(comm, sendbuf, recvbuf, op, root) bind(C, name="tgf_reduce")
      import :: c_int
      integer(c_int), value :: comm, op, root
      type(*), dimension(..), intent(in) :: sendbuf
      type(*), dimension(..), intent(inout) :: recvbuf
    end function

    integer(c_int) function c_allreduce(comm, sendbuf, recvbuf, op) bind(C, name="tgf_allreduce")
      import :: c_int
      integer(c_int), value :: comm, op
      type(*), dimension(..), intent(in) :: sendbuf
      type(*), dimension(..), intent(inout) :: recvbuf
    end function

    integer(c_int) function c_reduce_inplace(comm, buf, op, root) bind(C, name="tgf_reduce_inplace")
      import :: c_int
      integer(c_int), value :: comm, op, root
      type(*), dimension(..), intent(inout) :: buf
    end function

    integer(c_int) function c_allreduce_inplace(comm, buf, op) bind(C, name="tgf_allreduce_inplace")
      import :: c_int
      integer(c_int), value :: comm, op
      type(*), dimension(..), intent(inout) :: buf
    end function

    integer(c_int) function c_scatter_block(comm, sendbuf, recvbuf, n, root) bind(C, name="tgf_scatter_block")
      import :: c_int, c_int64_t
      integer(c_int), value :: comm, root
      integer(c_int64_t), value :: n
      type(*), dimension(..), intent(in) :: sendbuf
      type(*), dimension(..), intent(inout) :: recvbuf
    end function

    integer(c_int) function c_gather_block(comm, sendbuf, recvbuf, n, root) bind(C, name="tgf_gather_block")
      import :: c_int, c_int64_t
      integer(c_int), value :: comm, root
      integer(c_int64_t), value :: n
      type(*), dimension(..), intent(in) :: sendbuf
      type(*), dimension(..), intent(inout) :: recvbuf
    end function

    integer(c_int) function c_allgather_block(comm, sendbuf, recvbuf, n) bind(C, name="tgf_allgather_block")
      import :: c_int, c_int64_t
      integer(c_int), value :: comm
      integer(c_int64_t), value :: n
      type(*), dimension(..), intent(in) :: sendbuf
      type(*), dimension(..), intent(inout) :: recvbuf
    end function

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
end module tofgrid_capi
