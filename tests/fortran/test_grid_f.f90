! TOF maps from Fortran: both schedules, mpi_f08 and integer handles, equal to
! single-point solves; an unknown gas is refused through ierr.
program test_grid_f
  use, intrinsic :: iso_fortran_env, only: real64
  use mpi_f08
  use tofgrid
  use checks
  implicit none
  type(tg_model) :: model
  type(tg_map) :: a, b
  type(tg_solution) :: sol
  real(real64) :: xs(5), ys(4), p(3)
  integer :: rank, size, i, j, ierr
  call MPI_Init()
  call MPI_Comm_rank(MPI_COMM_WORLD, rank)
  call tg_model_default(model)
  xs = [(1d-5 + i * (0.5d0 - 1d-5) / 4, i = 0, 4)]
  ys = [(1d-5 + i * (0.5d0 - 1d-5) / 3, i = 0, 3)]
  call tg_tof_grid(MPI_COMM_WORLD, model, "O2_g", xs, "CO_g", ys, a, TG_SCHEDULE_STATIC, ierr=ierr)
  call check(ierr == 0, "static map")
  call tg_tof_grid(MPI_COMM_WORLD%MPI_VAL, model, "O2_g", xs, "CO_g", ys, b, TG_SCHEDULE_DYNAMIC)
  if (rank == 0) then
    call check(all(a%tof == b%tof) .and. all(a%coverages == b%coverages), "schedules agree bit for bit")
    call tg_model_conditions(model, p(1), p)
    do i = 1, 5
      do j = 1, 4
        p(tg_model_gas_index(model, "O2_g")) = xs(i)
        p(tg_model_gas_index(model, "CO_g")) = ys(j)
        call tg_solve(model, p, sol)
        call check(all(a%tof(i, j, :) == sol%tof) .and. all(a%coverages(i, j, :) == sol%coverages), "map = solve")
      end do
    end do
  end if
  ! The map is allocated on the root only (every rank allocated all of it).
  call check(allocated(a%tof) .eqv. (rank == 0), "map allocated on the root only")
  if (rank == 0) call check(all(shape(a%tof) == [5, 4, 3]) .and. all(shape(a%coverages) == [5, 4, 3]) .and. &
                            all(shape(a%status) == [5, 4]), "the root's map shapes")
  call MPI_Comm_size(MPI_COMM_WORLD, size)
  call tg_tof_grid(MPI_COMM_WORLD, model, "O2_g", xs, "", ys, b, root=size - 1, ierr=ierr)
  call check(ierr == 0 .and. (allocated(b%tof) .eqv. (rank == size - 1)), "1-D map on the last rank only")
  if (rank == size - 1) call check(all(shape(b%tof) == [5, 1, 3]), "1-D map shape")
  ! An unknown gas is named as the user typed it (an internal 9999 was printed).
  call tg_tof_grid(MPI_COMM_WORLD, model, "N2_g", xs, "", ys, a, ierr=ierr)
  call check_error(ierr, TG_ERR_ARG, "axis x: 'N2_g' is neither a gas of the model (CO2_g, CO_g, O2_g) nor 'T'", &
                   "unknown gas refused")
  call tg_tof_grid(MPI_COMM_WORLD, model, "O2_g", xs, "C0_g", ys, a, ierr=ierr)
  call check_error(ierr, TG_ERR_ARG, "axis y: 'C0_g' is neither", "unknown y gas refused")
  ! one_rank_bad_axis_name_fails_every_rank: the others used to wait in the sweep
  call MPI_Comm_size(MPI_COMM_WORLD, size)
  if (size > 1) then
    call tg_tof_grid(MPI_COMM_WORLD, model, merge("N2_g", "O2_g", rank == 1), xs, "", ys, a, ierr=ierr)
    if (rank == 1) then
      call check_error(ierr, TG_ERR_ARG, "axis x: 'N2_g' is neither", "the rank with the bad name says so")
    else
      call check_error(ierr, TG_ERR_ARG, "another rank was given invalid arguments", "the other ranks fail too")
    end if
  end if
  call tg_model_free(model)
  call finish_checks()
end program test_grid_f
