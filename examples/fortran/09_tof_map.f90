! 9. The TOF map, as the tutorial structures it: scatter the pO2 values, each
! rank loops over pCO with tofgrid's kernel, gather the TOF rows on the root
! and print the map -- next to the one-call tg_tof_grid version.
!   mpiexec -n 2 build/bin/example_09_tof_map_f
program tof_map
  use, intrinsic :: iso_fortran_env, only: real64, int64
  use mpi_f08
  use tofgrid
  implicit none
  integer, parameter :: n = 10
  type(tg_model) :: model
  type(tg_solution) :: sol
  type(tg_map) :: one_call
  real(real64) :: pO2(n), pCO(n), p(3), t, map(n, n)
  real(real64), allocatable :: my_pO2(:), rows(:, :)
  integer(int64) :: off, cnt
  integer :: rank, nranks, i, j, gO2, gCO, prod
  call MPI_Init()
  call MPI_Comm_rank(MPI_COMM_WORLD, rank)
  call MPI_Comm_size(MPI_COMM_WORLD, nranks)
  call tg_model_default(model)                     ! the tutorial's CO oxidation
  gO2 = tg_model_gas_index(model, "O2_g")
  gCO = tg_model_gas_index(model, "CO_g")
  prod = tg_model_product(model)
  pO2 = [(1d-5 + i * (0.5d0 - 1d-5) / (n - 1), i = 0, n - 1)]   ! linspace(1e-5, 0.5, 10)
  pCO = pO2
  pO2(n) = 0.5d0
  pCO(n) = 0.5d0
  call tg_block_range(int(n, int64), nranks, rank, off, cnt)
  allocate (my_pO2(cnt), rows(n, cnt))              ! a column per pO2: Fortran keeps columns contiguous
  call tg_scatter_block(MPI_COMM_WORLD, pO2, my_pO2, int(n, int64))   ! scatter the pO2 axis
  call tg_model_conditions(model, t, p)
  do i = 1, int(cnt)                                 ! each rank loops over pCO for its pO2 values
    do j = 1, n
      p(gO2) = my_pO2(i)
      p(gCO) = pCO(j)
      call tg_solve(model, p, sol)
      rows(j, i) = sol%tof(prod)
    end do
  end do
  call tg_gather_block(MPI_COMM_WORLD, rows, map, int(n, int64))     ! gather the rows, in pO2 order
  call tg_tof_grid(MPI_COMM_WORLD, model, "O2_g", pO2, "CO_g", pCO, one_call)   ! the same in one call
  if (rank == 0) then
    print '(a)', "log10 TOF(CO2) / s^-1: rows pO2, columns pCO"
    do i = 1, n
      print '(a,f6.4,a,*(1x,f6.1))', "pO2 ", pO2(i), ":", log10(map(:, i))
    end do
    if (all(map == transpose(one_call%tof(:, :, prod)))) then
      print '(a)', "one-call tg_tof_grid map identical"
    else
      print '(a)', "one-call tg_tof_grid map DIFFERS"
    end if
  end if
  call tg_model_free(model)
  call MPI_Finalize()
end program tof_map
