! 5. Buffer messages: a typed array (int32 0..9) sent and received as a buffer.
!   mpiexec -n 2 build/bin/example_05_buffers_f
program buffers
  use, intrinsic :: iso_fortran_env, only: int32
  use mpi_f08
  implicit none
  integer :: rank, i
  integer(int32) :: data(10)
  call MPI_Init()
  call MPI_Comm_rank(MPI_COMM_WORLD, rank)
  if (rank == 0) then
    data = [(i, i = 0, 9)]
    call MPI_Send(data, 10, MPI_INTEGER4, 1, 13, MPI_COMM_WORLD)
  else if (rank == 1) then
    call MPI_Recv(data, 10, MPI_INTEGER4, 0, 13, MPI_COMM_WORLD, MPI_STATUS_IGNORE)
    print '(a,10(1x,i0))', "rank 1 received int32 buffer", data
  end if
  call MPI_Finalize()
end program buffers
