! 2. Blocking point-to-point: rank 0 sends 0..9 to rank 1 with a tag.
!   mpiexec -n 2 build/bin/example_02_p2p_blocking_f
program p2p_blocking
  use mpi_f08
  implicit none
  integer :: rank, i, data(10)
  call MPI_Init()
  call MPI_Comm_rank(MPI_COMM_WORLD, rank)
  if (rank == 0) then
    data = [(i, i = 0, 9)]
    call MPI_Send(data, 10, MPI_INTEGER, 1, 11, MPI_COMM_WORLD)   ! returns when data may be reused
  else if (rank == 1) then
    call MPI_Recv(data, 10, MPI_INTEGER, 0, 11, MPI_COMM_WORLD, MPI_STATUS_IGNORE)   ! waits for it
    print '(a,10(1x,i0))', "rank 1 received", data
  end if
  call MPI_Finalize()
end program p2p_blocking
