! Without ierr, an error stops the program with a clear message (the test
! passes when the output shows it): a collective's error, found in C, with
! no argument; a kernel call's error, handed over in Fortran, with "kernel";
! a size error found in Fortran, with "size".
program test_stop_f
  use mpi_f08
  use tofgrid
  implicit none
  real :: x(2) = 0
  double precision :: t, p(1)
  character(len=16) :: which
  type(tg_model) :: model
  call MPI_Init()
  call get_command_argument(1, which)
  if (which == "kernel") then
    call tg_model_load(model, "/nonexistent/model.yaml")
  else if (which == "size") then
    call tg_model_default(model)
    call tg_model_conditions(model, t, p)
  else
    call tg_bcast(MPI_COMM_WORLD, x, 99)
  end if
  print *, "not reached"
  call MPI_Finalize()
end program test_stop_f
