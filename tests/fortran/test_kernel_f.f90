! The TOF kernel from Fortran: the default model against SCAKS's reference
! points (file given as the first argument), a model file, and errors in ierr.
program test_kernel_f
  use, intrinsic :: iso_fortran_env, only: real64
  use mpi_f08, only: MPI_Init
  use tofgrid
  use checks
  implicit none
  type(tg_model) :: model, bad
  type(tg_solution) :: sol
  character(len=512) :: csv, line, msg
  real(real64) :: p(3), pO2, pCO, pCO2, tof(3), th(3), t
  integer :: u, ios, idx, gO2, gCO, gCO2, ierr, points

  call MPI_Init()
  call get_command_argument(1, csv)
  call tg_model_default(model)
  call check(tg_model_count(model, TG_ADSORBATE) == 2 .and. tg_model_count(model, TG_GAS) == 3, "model A sizes")
  call check(trim(tg_model_species(model, TG_ADSORBATE, 1)) == "CO_s" .and. trim(tg_model_species(model, TG_SITE, 1)) == "*_s", &
             "species names")
  gO2 = tg_model_gas_index(model, "O2_g")
  gCO = tg_model_gas_index(model, "CO_g")
  gCO2 = tg_model_gas_index(model, "CO2_g")
  call check(tg_model_product(model) == gCO2 .and. gCO > 0 .and. gO2 > 0, "gas indices")
  call tg_model_conditions(model, t, p)
  call check(t == 500 .and. p(gCO2) == 1.32d-7, "default conditions")

  open (newunit=u, file=csv, status="old", action="read")
  points = 0
  do
    read (u, '(a)', iostat=ios) line
    if (ios /= 0) exit
    if (line(1:1) == "#" .or. line(1:1) == "i") cycle
    read (line, *) idx, pO2, pCO, pCO2, tof, th
    if (mod(idx, 9) /= 0) cycle
    p(gO2) = pO2
    p(gCO) = pCO
    p(gCO2) = pCO2
    call tg_solve(model, p, sol, ierr=ierr)
    call check(ierr == 0 .and. sol%status == TG_STEADY_OK, "solve status")
    call check(abs(sol%tof(gCO2) / tof(1) - 1) < 1d-8 .and. abs(sol%tof(gCO) / tof(2) - 1) < 1d-8 .and. &
               abs(sol%tof(gO2) / tof(3) - 1) < 1d-8, "TOFs vs SCAKS")
    call check(all(abs(sol%coverages / th - 1) < 1d-8), "coverages vs SCAKS")
    points = points + 1
  end do
  close (u)
  call check(points == 12, "points read")

  call tg_solve(model, p, sol, xrc=.true.)
  call check(sol%has_xrc .and. abs(sum(sol%xrc) - 1) < 1d-9, "degree of rate control sums to 1")

  ! The model's temperature is an absent argument; a given one must be a
  ! temperature (0, negative or NaN used to mean the model's).
  call tg_solve(model, p, sol, ierr=ierr)
  tof = sol%tof
  call tg_solve(model, p, sol, temperature=500d0, ierr=ierr)
  call check(ierr == 0 .and. all(sol%tof == tof), "absent temperature is the model's 500 K")
  call tg_solve(model, p, sol, temperature=0d0, ierr=ierr)
  call check_error(ierr, TG_ERR_ARG, "tg_solve: temperature = 0", "temperature 0")
  call check_error(ierr, TG_ERR_ARG, "K must be finite and > 0 (leave it out for the model's)", "temperature 0")
  call check(all(sol%tof /= sol%tof), "a refused point's TOFs are NaN")
  call tg_solve(model, p, sol, temperature=-300d0, ierr=ierr)
  call check_error(ierr, TG_ERR_ARG, "temperature = -300", "negative temperature")
  t = 0
  call tg_solve(model, p, sol, temperature=t / t, ierr=ierr)
  call check_error(ierr, TG_ERR_ARG, "temperature = NaN K must be finite and > 0", "NaN temperature")
  call check(all(sol%coverages /= sol%coverages), "a refused point's coverages are NaN")
  call check(TG_MODEL_TEMPERATURE == -1, "TG_MODEL_TEMPERATURE is exported")

  p(gCO) = -1
  call tg_solve(model, p, sol, ierr=ierr)
  call tg_error_message(msg)
  call check(ierr == TG_ERR_ARG .and. index(msg, "pressure of CO_g is -1") > 0, "negative pressure: " // trim(msg))
  call tg_solve(model, p(1:2), sol, ierr=ierr)
  call tg_error_message(msg)
  call check(ierr == TG_ERR_ARG .and. index(msg, "pressures do not have one element per gas (2 given for 3 gases)") > 0, &
             "short pressures: " // trim(msg))
  call tg_model_load(bad, "no-such-file.yaml", ierr)
  call tg_error_message(msg)
  call check(ierr == TG_ERR_IO .and. index(msg, "no-such-file.yaml") > 0, "missing file: " // trim(msg))
  call tg_model_load(bad, "no-such-file.yaml" // achar(0) // "more", ierr)
  call check_error(ierr, TG_ERR_ARG, "the path 'no-such-file.yaml\0...' has a NUL byte", "NUL in a path")
  call tg_model_free(model)
  call finish_checks()
end program test_kernel_f
