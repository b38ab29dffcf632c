! Without ierr, an error stops the program with a clear message
! (the test passes when the output shows it).
program test_stop_f
  use mpi_f08
  use tofgrid
  implicit none
  real :: x(2) = 0
  call MPI_Init()
  call tg_bcast(MPI_COMM_WORLD, x, 99)
  print *, "not reached"
  call MPI_Finalize()
end program test_stop_f
