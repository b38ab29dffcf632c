! A legacy Fortran program (`use mpi`, integer handles) built as a Makefile
! would build it: mpif90 legacy.f90 $(pkg-config --cflags --libs tofgrid-fortran).
program legacy_pc
  use mpi
  use tofgrid
  implicit none
  integer :: rank, nranks, ierr
  double precision :: mine(1), total(1)
  call MPI_Init(ierr)
  call MPI_Comm_rank(MPI_COMM_WORLD, rank, ierr)
  call MPI_Comm_size(MPI_COMM_WORLD, nranks, ierr)
  mine = rank + 1
  call tg_allreduce(MPI_COMM_WORLD, mine, total, TG_SUM, ierr)
  if (rank == 0) then
    if (ierr == 0 .and. nint(total(1)) == nranks * (nranks + 1) / 2) then
      print '(a,i0,a)', "legacy_pc: sum ", nint(total(1)), " ok"
    else
      print '(a,i0,a)', "legacy_pc: sum ", nint(total(1)), " WRONG"
    end if
  end if
  call MPI_Finalize(ierr)
end program legacy_pc
