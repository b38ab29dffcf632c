! 3. Non-blocking point-to-point: an immediate send (completed with
! MPI_Wait) received with a blocking receive; then a non-blocking receive.
!   mpiexec -n 2 build/bin/example_03_p2p_nonblocking_f
program p2p_nonblocking
  use mpi_f08
  implicit none
  integer :: rank, i
  integer, asynchronous :: data(10)
  type(MPI_Request) :: req
  call MPI_Init()
  call MPI_Comm_rank(MPI_COMM_WORLD, rank)
  if (rank == 0) then
    data = [(i, i = 0, 9)]
    call MPI_Isend(data, 10, MPI_INTEGER, 1, 11, MPI_COMM_WORLD, req)   ! starts, returns at once
    call MPI_Wait(req, MPI_STATUS_IGNORE)                               ! data may be reused only now
    call MPI_Send(data, 10, MPI_INTEGER, 1, 12, MPI_COMM_WORLD)
  else if (rank == 1) then
    call MPI_Recv(data, 10, MPI_INTEGER, 0, 11, MPI_COMM_WORLD, MPI_STATUS_IGNORE)
    print '(a,10(1x,i0))', "rank 1 received (blocking receive)", data
    call MPI_Irecv(data, 10, MPI_INTEGER, 0, 12, MPI_COMM_WORLD, req)   ! post, do other work ...
    call MPI_Wait(req, MPI_STATUS_IGNORE)                               ! ... then wait for it
    print '(a,10(1x,i0))', "rank 1 received (non-blocking receive)", data
  end if
  call MPI_Finalize()
end program p2p_nonblocking
