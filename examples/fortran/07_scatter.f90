! 7. Scatter: 0..9 over the ranks with tofgrid -- one item each at 10 ranks,
! uneven blocks (tg_block_range) at other counts.
!   mpiexec -n 10 build/bin/example_07_scatter_f   (or -n 3)
program scatter
  use, intrinsic :: iso_fortran_env, only: int64
  use mpi_f08
  use tofgrid
  implicit none
  integer :: rank, nranks, i
  integer(int64) :: all(10), off, cnt
  integer(int64), allocatable :: mine(:)
  character(len=128) :: line
  call MPI_Init()
  call MPI_Comm_rank(MPI_COMM_WORLD, rank)
  call MPI_Comm_size(MPI_COMM_WORLD, nranks)
  all = [(int(i, int64), i = 0, 9)]                 ! read at the root only
  call tg_block_range(10_int64, nranks, rank, off, cnt)   ! my block: items off+1 .. off+cnt
  allocate (mine(cnt))
  call tg_scatter_block(MPI_COMM_WORLD, all, mine, 10_int64)
  write (line, '(a,i0,a,*(1x,i0))') "rank ", rank, " got", mine
  print '(a)', trim(line)
  call MPI_Finalize()
end program scatter
