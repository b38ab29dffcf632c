! A Fortran program using the installed tofgrid module.
program consumer_f
  use, intrinsic :: iso_fortran_env, only: int64
  use mpi_f08
  use tofgrid
  implicit none
  integer :: rank, nranks, ierr
  integer(int64) :: mine, total
  call MPI_Init()
  call MPI_Comm_rank(MPI_COMM_WORLD, rank)
  call MPI_Comm_size(MPI_COMM_WORLD, nranks)
  mine = rank + 1
  call tg_allreduce(MPI_COMM_WORLD, mine, total, TG_SUM, ierr)
  if (rank == 0) then
    if (ierr == 0 .and. total == nranks * (nranks + 1) / 2) then
      print '(a,i0,a)', "consumer_f: sum ", total, " ok"
    else
      print '(a,i0,a)', "consumer_f: sum ", total, " WRONG"
    end if
  end if
  call MPI_Finalize()
end program consumer_f
