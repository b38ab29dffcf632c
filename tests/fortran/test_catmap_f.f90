! CatMAP models from Fortran: a model with descriptors (tutorial 2's YAML,
! the first argument) solved at CatMAP's golden point (E_O = -1.0,
! E_CO = -0.5 eV; exact roots from the reference specification, section 10.1)
! and mapped over its descriptors, the map equal to single solves bit for bit;
! the solver settings (k_scale, initial, t_max), the analyses (orders and
! E_app against finite differences) and a model from text.
program test_catmap_f
  use, intrinsic :: iso_fortran_env, only: real64
  use mpi_f08, only: MPI_Init, MPI_Finalize, MPI_COMM_WORLD, MPI_Comm_rank, MPI_Comm_size
  use tofgrid
  use checks
  use, intrinsic :: ieee_arithmetic, only: ieee_value, ieee_quiet_nan
  implicit none
  type(tg_model) :: model
  type(tg_solution) :: sol
  type(tg_map) :: map
  character(len=512) :: path
  real(real64) :: p(3), os(3), cos(2), t
  real(real64), parameter :: theta(3) = [0.999999999999999952238062293935_real64, &
                                         4.77619373293482417971742951253e-17_real64, &
                                         3.76717134835310124719693046664e-25_real64]
  integer :: ierr, rank, i, j, k, unit, length, ranks
  character(len=64) :: csv
  real(real64) :: tof0, up, down, d(2)
  character(len=:), allocatable :: text
  type(tg_model) :: parsed
  type(tg_solution), allocatable :: states(:)

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
  call check_error(ierr, TG_ERR_ARG, "descriptors (one per descriptor of the model) (1 given for 2)", "a descriptor missing")
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

  ! A map with analyses at a fixed temperature and E_CO: every point equals a single solve there
  call tg_tof_grid(MPI_COMM_WORLD, model, "O_s", os, "", cos, map, temperature=600.0_real64, &
                   descriptors=[ieee_value(1.0_real64, ieee_quiet_nan), 1.2_real64], &
                   analyses=ior(ior(TG_ANALYSIS_ORDERS, TG_ANALYSIS_RATE_CONTROL), TG_ANALYSIS_XRC), ierr=ierr)
  call check(ierr == 0, "map with analyses and fixed conditions")
  if (rank == 0) then
    call check(allocated(map%orders) .and. allocated(map%rate_control) .and. allocated(map%xrc) .and. &
               .not. allocated(map%eapp) .and. .not. allocated(map%selectivity), "the analyses' arrays asked for")
    do i = 1, 3
      call tg_solve(model, p, sol, temperature=600.0_real64, descriptors=[os(i), 1.2_real64], &
                    analyses=ior(ior(TG_ANALYSIS_ORDERS, TG_ANALYSIS_RATE_CONTROL), TG_ANALYSIS_XRC), ierr=ierr)
      call check(all(map%tof(i, 1, :) == sol%tof) .and. all(map%orders(i, 1, :, :) == sol%orders) .and. &
                 all(map%rate_control(i, 1, :, :) == sol%rate_control) .and. all(map%xrc(i, 1, :) == sol%xrc), &
                 "map point's analyses equal a single solve's")
    end do
  end if
  ! a y axis named but given no values: refused (it was taken for a 1-D map, written past the arrays)
  call tg_tof_grid(MPI_COMM_WORLD, model, "O_s", os, "CO_s", cos(1:0), map, analyses=TG_ANALYSIS_ORDERS, ierr=ierr)
  call check_error(ierr, TG_ERR_ARG, "axis y is empty", "an empty y axis")
  call tg_tof_grid_file(MPI_COMM_WORLD, model, "O_s", os, "CO_s", cos(1:0), "", csv="empty_y.csv", ierr=ierr)
  call check_error(ierr, TG_ERR_ARG, "axis y is empty", "an empty y axis of a map file")
  call tg_tof_grid(MPI_COMM_WORLD, model, "O_s", os, "", cos, map, pressures=[1.0_real64], ierr=ierr)
  call check_error(ierr, TG_ERR_ARG, "pressures has 1 values; the model has 3 gases", "pressures of the wrong size")
  call check(.not. allocated(map%tof), "a refused map is deallocated")
  call tg_tof_grid(MPI_COMM_WORLD, model, "O_s", os, "", cos, map, descriptors=[1.0_real64], ierr=ierr)
  call check_error(ierr, TG_ERR_ARG, "descriptors has 1 values; the model has 2 descriptors", &
                   "descriptors of the wrong size")
  call tg_tof_grid(MPI_COMM_WORLD, model, "O_s", os, "", cos, map, &
                   descriptors=[0.5_real64, ieee_value(1.0_real64, ieee_quiet_nan)], ierr=ierr)
  call check_error(ierr, TG_ERR_ARG, "descriptor O_s is fixed (0.5) and is axis x", "a fixed descriptor on an axis")

  ! Settings: k_f and k_r scaled alike keep the state and scale the TOF; another start, the same state
  d = [1.0_real64, 1.0_real64]
  call tg_solve(model, p, sol, descriptors=d, ierr=ierr)
  tof0 = sol%tof(1)
  call tg_solve(model, p, sol, descriptors=d, k_scale=[2.0_real64, 2.0_real64, 2.0_real64], ierr=ierr)
  call check(ierr == 0 .and. abs(sol%tof(1) / tof0 - 2) < 1e-9_real64, "k_scale 2: TOF doubled")
  call tg_solve(model, p, sol, descriptors=d, initial=[0.5_real64, 0.5_real64], ierr=ierr)
  call check(ierr == 0 .and. abs(sol%tof(1) / tof0 - 1) < 1e-9_real64, "another start, the same state")
  call tg_solve(model, p, sol, descriptors=d, initial=[0.5_real64], ierr=ierr)
  call check_error(ierr, TG_ERR_ARG, "initial (one coverage per adsorbate) (1 given for 2)", "initial's size")
  call tg_solve(model, p, sol, descriptors=d, t_end=10.0_real64, t_max=1.0_real64, ierr=ierr)
  call check_error(ierr, TG_ERR_ARG, "t_max = 1 s must be >= t_end", "t_max below t_end")

  ! Steady states: one here, the clean surface's, stable
  call tg_steady_states(model, p, states, descriptors=d, ierr=ierr)
  call check(ierr == 0 .and. size(states) == 1, "one steady state at (1, 1)")
  if (size(states) == 1) call check(states(1)%stable == 1 .and. abs(states(1)%tof(1) / tof0 - 1) < 1e-12_real64, &
                                    "it is the clean surface's, stable")
  call tg_steady_states(model, p(1:2), states, descriptors=d, ierr=ierr)
  call check_error(ierr, TG_ERR_ARG, "one element per gas", "steady states: short pressures")

  ! Analyses (gases in order CO2_g, CO_g, O2_g): against central differences
  call tg_solve(model, p, sol, descriptors=d, analyses=ior(TG_ANALYSIS_ORDERS, TG_ANALYSIS_EAPP), ierr=ierr)
  call check(ierr == 0 .and. sol%analyses == ior(TG_ANALYSIS_ORDERS, TG_ANALYSIS_EAPP), "analyses filled")
  block
    type(tg_solution) :: other
    real(real64) :: q(3)
    q = p
    q(2) = p(2) * exp(1e-4_real64)
    call tg_solve(model, q, other, descriptors=d)
    up = log(other%tof(1))
    q(2) = p(2) * exp(-1e-4_real64)
    call tg_solve(model, q, other, descriptors=d)
    down = log(other%tof(1))
    call check(abs(sol%orders(2, 1) - (up - down) / 2e-4_real64) < 1e-6_real64, "order of the CO2 TOF in CO")
    call tg_solve(model, p, other, descriptors=d, temperature=t + 1e-2_real64)
    up = log(other%tof(1))
    call tg_solve(model, p, other, descriptors=d, temperature=t - 1e-2_real64)
    down = log(other%tof(1))
    call check(abs(sol%eapp(1) - 8.617332478e-5_real64 * t * t * (up - down) / 2e-2_real64) < 1e-6_real64 * &
               abs(sol%eapp(1)), "E_app of the CO2 TOF")
  end block

  ! A model from text: the file's text gives the same model; a broken text names its origin
  open (newunit=unit, file=trim(path), access="stream", form="unformatted", action="read")
  inquire (unit=unit, size=length)
  allocate (character(len=length) :: text)
  read (unit) text
  close (unit)
  call tg_model_parse(parsed, text, ierr)
  call check(ierr == 0 .and. tg_model_count(parsed, TG_DESCRIPTOR) == 2, "a model from text")
  call tg_solve(parsed, p, sol, descriptors=d, ierr=ierr)
  call check(ierr == 0 .and. sol%tof(1) == tof0, "the same model as from its file")
  call tg_model_parse(parsed, "species: [", ierr, origin="mine.yaml")
  call check_error(ierr, TG_ERR_PARSE, "mine.yaml", "a broken text names its origin")
  call tg_model_free(parsed)

  ! A map file (CSV) with checkpoints, as the C API writes it: every row equals a single solve
  call MPI_Comm_size(MPI_COMM_WORLD, ranks)
  write (csv, '("fortran_catmap_map.np", i0, ".csv")') ranks  ! its own file: the np1 and np2 runs may overlap
  call tg_tof_grid_file(MPI_COMM_WORLD, model, "O_s", os, "CO_s", cos, "", csv=trim(csv), &
                        schedule=TG_SCHEDULE_DYNAMIC, checkpoint=trim(csv) // ".ckpt", ierr=ierr)
  call check(ierr == 0, "map file with checkpoints")
  if (rank == 0) then
    block
      character(len=2048) :: line
      real(real64) :: row(5)
      integer :: io, rows
      logical :: unused
      call open_csv(trim(csv), unit, line, "", unused)
      rows = 0
      do
        read (unit, *, iostat=io) row
        if (io /= 0) exit
        rows = rows + 1
        call tg_solve(model, p, sol, descriptors=row(1:2), ierr=ierr)
        call check(ierr == 0 .and. abs(row(3) - sol%tof(1)) <= 1e-15_real64 * abs(sol%tof(1)), "CSV row = a solve")
      end do
      close (unit, status="delete")
      call check(rows == 6, "every point in the CSV")
    end block
  end if
  ! ... at a fixed temperature, with an analysis: the CSV states both, and its rows are solves at 600 K
  write (csv, '("fortran_catmap_fixed.np", i0, ".csv")') ranks
  call tg_tof_grid_file(MPI_COMM_WORLD, model, "O_s", os, "CO_s", cos, "", csv=trim(csv), temperature=600.0_real64, &
                        analyses=TG_ANALYSIS_EAPP, ierr=ierr)
  call check(ierr == 0, "map file at a fixed temperature with an analysis")
  if (rank == 0) then
    block
      character(len=2048) :: line
      real(real64) :: row(5)
      logical :: stated, column
      call open_csv(trim(csv), unit, line, "# conditions: T = 600 K", stated)
      column = index(line, ",eapp[CO2_g],") > 0
      read (unit, *) row
      call tg_solve(model, p, sol, temperature=600.0_real64, descriptors=row(1:2), ierr=ierr)
      close (unit, status="delete")
      call check(stated .and. column, "the CSV states the temperature and has the eapp columns")
      call check(ierr == 0 .and. row(3) == sol%tof(1), "its first row is a solve at 600 K")
    end block
  end if
  call tg_tof_grid_file(MPI_COMM_WORLD, model, "O_s", os, "CO_s", cos, "", csv="x.csv", resume=.true., ierr=ierr)
  call check_error(ierr, TG_ERR_ARG, "options->resume is set but options->checkpoint is NULL", "resume needs checkpoints")
  call tg_tof_grid_file(MPI_COMM_WORLD, model, "Cu_s", os, "CO_s", cos, "", csv="x.csv", ierr=ierr)
  call check_error(ierr, TG_ERR_ARG, "tg_tof_grid_file: axis x: 'Cu_s'", "an unknown axis name")
  call tg_model_free(model)
  call finish_checks()
contains
  ! A map CSV opened at its first row: the header line in `header`, and whether a comment line
  ! (the lines before it, "#") starts with `comment`.
  subroutine open_csv(path, unit, header, comment, found)
    character(len=*), intent(in) :: path, comment
    integer, intent(out) :: unit
    character(len=*), intent(out) :: header
    logical, intent(out) :: found
    open (newunit=unit, file=path, action="read")
    found = .false.
    do
      read (unit, '(a)') header
      found = found .or. (len(comment) > 0 .and. index(header, comment) == 1)
      if (header(1:1) /= "#") exit
    end do
  end subroutine
end program test_catmap_f
