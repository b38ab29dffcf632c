! CatMAP models from Fortran: a model with descriptors (tutorial 2's YAML,
! the first argument) solved at CatMAP's golden point (E_O = -1.0,
! E_CO = -0.5 eV; exact roots from the reference specification, section 10.1)
! and mapped over its descriptors, the map equal to single solves bit for bit.
program test_catmap_f
  use, intrinsic :: iso_fortran_env, only: real64
  use mpi_f08, only: MPI_Init, MPI_Finalize, MPI_COMM_WORLD, MPI_Comm_rank
  use tofgrid
  use checks
  implicit none
  type(tg_model) :: model
  type(tg_solution) :: sol
  type(tg_map) :: map
  character(len=512) :: path
  real(real64) :: p(3), os(3), cos(2), t
  real(real64), parameter :: theta(3) = [0.999999999999999952238062293935_real64, &
                                         4.77619373293482417971742951253e-17_real64, &
                                         3.76717134835310124719693046664e-25_real64]
  integer :: ierr, rank, i, j, k

  call MPI_Init()
  call MPI_Comm_rank(MPI_COMM_WORLD, rank)
  call get_command_argument(1, path)
  call tg_model_load(model, trim(path), ierr)
  call check(ierr == 0, "tutorial 2 loads")
  call check(tg_model_count(model, TG_DESCRIPTOR) == 2, "two descriptors")
  call check(trim(tg_model_species(model, TG_DESCRIPTOR, 1)) == "O_s" .and. &
             trim(tg_model_species(model, TG_DESCRIPTOR, 2)) == "CO_s", "descriptor names in order")
  call tg_model_conditions(model, t, p)
  call tg_solve(model, p, sol, descriptors=[-1.0_real64, -0.5_real64], ierr=ierr)
  call check(ierr == 0, "golden point solved")
  do k = 1, 3
    call check(abs(sol%coverages(k) - theta(k)) <= 1e-8_real64 * theta(k), "golden point coverage")
  end do
  call tg_solve(model, p, sol, descriptors=[-1.0_real64], ierr=ierr)
  call check_error(ierr, TG_ERR_ARG, "descriptors: 1 for 2", "a descriptor missing")
  call tg_solve(model, p, sol, ierr=ierr)
  call check_error(ierr, TG_ERR_ARG, "give the descriptors' values", "no point of its own")

  os = [-1.0_real64, 1.0_real64, 3.0_real64]
  cos = [-0.5_real64, 2.0_real64]
  call tg_tof_grid(MPI_COMM_WORLD, model, "O_s", os, "CO_s", cos, map, TG_SCHEDULE_DYNAMIC, ierr=ierr)
  call check(ierr == 0, "map over the descriptors")
  if (rank == 0) then
    do i = 1, 3
      do j = 1, 2
        call tg_solve(model, p, sol, descriptors=[os(i), cos(j)], ierr=ierr)
        call check(all(map%coverages(i, j, :) == sol%coverages) .and. all(map%tof(i, j, :) == sol%tof), &
                   "map point equals a single solve")
      end do
    end do
  end if
  call tg_tof_grid(MPI_COMM_WORLD, model, "Cu_s", os, "", cos, map, ierr=ierr)
  call check_error(ierr, TG_ERR_ARG, "a descriptor of it", "unknown axis names descriptors too")
  call tg_model_free(model)
  call finish_checks()
end program test_catmap_f
