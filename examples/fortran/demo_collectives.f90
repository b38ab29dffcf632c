! tofgrid's collectives from Fortran, on your own mpi_f08 communicator.
!   mpiexec -n 2 build/bin/demo_collectives_f
! Splits MPI_COMM_WORLD into even and odd ranks, scatters 0..9 in blocks on
! each half, sums the blocks, gathers and reduces the partial sums.
program demo_collectives_f
  use, intrinsic :: iso_fortran_env, only: real64, int64
  use mpi_f08
  use tofgrid
  implicit none
  type(MPI_Comm) :: half
  integer :: wrank, nranks, rank, i
  integer(int64), parameter :: n = 10
  integer(int64) :: offset, count
  real(real64) :: all(n), partial, total
  real(real64), allocatable :: mine(:), partials(:)
  character(len=256) :: line

  call MPI_Init()
  call MPI_Comm_rank(MPI_COMM_WORLD, wrank)
  call MPI_Comm_split(MPI_COMM_WORLD, mod(wrank, 2), wrank, half)
  call MPI_Comm_size(half, nranks)
  call MPI_Comm_rank(half, rank)

  all = [(real(i, real64), i = 0, n - 1)]
  call tg_block_range(n, nranks, rank, offset, count)
  allocate (mine(count), partials(nranks))
  call tg_scatter_block(half, all, mine, n)   ! no ierr: an error stops with its message
  partial = sum(mine)
  call tg_gather(half, partial, partials)
  call tg_allreduce(half, partial, total)
  if (rank == 0) then
    write (line, '(*(1x,f0.1))') partials
    print '(a,i0,a,i0,3a,f0.1)', "half ", mod(wrank, 2), " (", nranks, " ranks): partial sums", trim(line), ", total ", total
  end if
  call MPI_Comm_free(half)
  call MPI_Finalize()
end program demo_collectives_f
