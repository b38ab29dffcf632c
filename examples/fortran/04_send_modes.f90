! 4. The four send modes side by side: standard, buffered (with an attached
! buffer), synchronous, ready (only once the receive is posted).
!   mpiexec -n 2 build/bin/example_04_send_modes_f
program send_modes
  use, intrinsic :: iso_c_binding, only: c_ptr, c_f_pointer
  use mpi_f08
  implicit none
  integer :: rank, i, tag, size_
  integer, asynchronous :: data(10)
  integer, pointer :: buf(:)
  type(c_ptr) :: mem, detached
  type(MPI_Request) :: req
  character(len=11), parameter :: modes(4) = [character(len=11) :: "standard", "buffered", "synchronous", "ready"]
  call MPI_Init()
  call MPI_Comm_rank(MPI_COMM_WORLD, rank)
  if (rank == 0) then
    data = [(i, i = 0, 9)]
    call MPI_Send(data, 10, MPI_INTEGER, 1, 0, MPI_COMM_WORLD)
    size_ = 40 + MPI_BSEND_OVERHEAD
    call MPI_Alloc_mem(int(size_, MPI_ADDRESS_KIND), MPI_INFO_NULL, mem)
    call c_f_pointer(mem, buf, [size_ / 4 + 1])
    call MPI_Buffer_attach(buf, size_)                 ! Bsend copies into it and returns
    call MPI_Bsend(data, 10, MPI_INTEGER, 1, 1, MPI_COMM_WORLD)
    call MPI_Buffer_detach(detached, size_)            ! waits until the message has left
    call MPI_Free_mem(buf)
    call MPI_Ssend(data, 10, MPI_INTEGER, 1, 2, MPI_COMM_WORLD)
    call MPI_Barrier(MPI_COMM_WORLD)                   ! rank 1 has posted its receive
    call MPI_Rsend(data, 10, MPI_INTEGER, 1, 3, MPI_COMM_WORLD)
  else if (rank == 1) then
    do tag = 0, 2
      call MPI_Recv(data, 10, MPI_INTEGER, 0, tag, MPI_COMM_WORLD, MPI_STATUS_IGNORE)
      print '(a,a,i0,a,i0)', trim(modes(tag + 1)), " send: received ", data(1), "..", data(10)
    end do
    call MPI_Irecv(data, 10, MPI_INTEGER, 0, 3, MPI_COMM_WORLD, req)
    call MPI_Barrier(MPI_COMM_WORLD)
    call MPI_Wait(req, MPI_STATUS_IGNORE)
    print '(a,a,i0,a,i0)', trim(modes(4)), " send: received ", data(1), "..", data(10)
  else
    call MPI_Barrier(MPI_COMM_WORLD)
  end if
  call MPI_Finalize()
end program send_modes
