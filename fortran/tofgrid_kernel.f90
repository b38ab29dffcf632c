!> The TOF kernel for Fortran (re-exported by `use tofgrid`): mean-field
!> microkinetic models and their steady states. Not collective; no MPI needed.
!>
!>   type(tg_model) :: model
!>   type(tg_solution) :: sol
!>   call tg_model_default(model)                  ! or tg_model_load(model, "my.yaml", ierr)
!>   call tg_solve(model, pressures, sol, ierr=ierr)   ! pressures in gas order (tg_model_species)
!>   print *, sol%tof(tg_model_product(model)), sol%coverages
!>   call tg_model_free(model)
module tofgrid_kernel
  use, intrinsic :: iso_c_binding
  use tofgrid_capi, only: finish  ! status -> ierr, or stop with the message
  use, intrinsic :: ieee_arithmetic, only: ieee_is_finite, ieee_value, ieee_quiet_nan
  use tofgrid_constants, only: TG_STEADY_FAILED, TG_SCHEDULE_STATIC, TG_ADSORBATE, TG_SITE, TG_GAS, TG_SUCCESS, &
                               TG_ERR_CONVERGENCE, TG_AXIS_TEMPERATURE, TG_MODEL_TEMPERATURE, TG_DESCRIPTOR, &
                               TG_TRANSITION_STATE, TG_ANALYSIS_ORDERS, TG_ANALYSIS_EAPP, TG_ANALYSIS_RATE_CONTROL, &
                               TG_ANALYSIS_SELECTIVITY, TG_ANALYSIS_SELECTIVITY_CONTROL, TG_ANALYSIS_XRC
  implicit none
  private

  ! tg_model_count's kind for the number of steps (the C API's -1).
  integer, parameter, public :: TG_STEPS = -1

  !> A model (opaque; free it with tg_model_free).
  type, public :: tg_model
    type(c_ptr) :: ptr = c_null_ptr
  end type

  !> The steady state at one point (arrays in the model's orders; 1-based).
  type, public :: tg_solution
    integer :: status = TG_STEADY_FAILED   !< TG_STEADY_OK, TG_STEADY_PAST_T_END or TG_STEADY_FAILED
    integer :: iterations = 0, time_steps = 0
    integer :: poisoned_by = 0             !< adsorbate index covering its sites, 0 if none
    logical :: has_xrc = .false.
    integer :: analyses = 0                !< the TG_ANALYSIS_* values filled (ior of them)
    integer :: stable = -1                 !< tg_steady_states: 1 stable, -1 no verdict (an eigenvalue below roundoff)
    real(c_double) :: t_reached = 0, residual = 0
    real(c_double), allocatable :: coverages(:)  !< adsorbates, then free sites
    real(c_double), allocatable :: tof(:)        !< per gas (product > 0, consumed < 0)
    real(c_double), allocatable :: rf(:), rr(:), net(:), xrc(:)  !< per step
    !> With analyses (docs/analyses.md; np = adsorbates + transition states):
    !> orders(k, g) = d ln|TOF_g| / d ln p_k, eapp(g) (eV), rate_control(j, g),
    !> selectivity(g), selectivity_control(j, g) (j: adsorbates, then transition states)
    real(c_double), allocatable :: orders(:, :), eapp(:), rate_control(:, :), selectivity(:), &
                                   selectivity_control(:, :)
  end type

  public :: tg_model_default, tg_model_load, tg_model_parse, tg_model_free, tg_model_count, tg_model_species, &
            tg_model_gas_index, tg_model_product, tg_model_conditions, tg_solve, tg_steady_states, tg_tof_grid, tg_tof_grid_file


  !> A TOF map on the root: tof(i, j, gas), coverages(i, j, species), status(i, j).
  !> With analyses= (TG_ANALYSIS_* values, ior'ed; NaN where a point failed), as
  !> tg_solution's per point: orders(i, j, k, g), eapp(i, j, g), rate_control(i, j, c, g),
  !> selectivity(i, j, g), selectivity_control(i, j, c, g), xrc(i, j, step); the others
  !> stay deallocated.
  type, public :: tg_map
    real(c_double), allocatable :: tof(:, :, :), coverages(:, :, :)
    integer(c_int), allocatable :: status(:, :)
    real(c_double), allocatable :: orders(:, :, :, :), eapp(:, :, :), rate_control(:, :, :, :), &
                                   selectivity(:, :, :), selectivity_control(:, :, :, :), xrc(:, :, :)
  end type

  !> call tg_tof_grid(comm, model, x_gas, xs, y_gas, ys, map [, schedule] [, root] [, ierr]
  !>                  [, temperature] [, pressures] [, descriptors] [, analyses])
  !> with comm a type(MPI_Comm) or an integer handle; y_gas = "" for a 1-D map; "T" for temperature.
  !> Conditions on no axis are the model's unless fixed: temperature (K), pressures (one per gas,
  !> NaN for the model's), descriptors (one per descriptor, NaN for the model's); analyses:
  !> TG_ANALYSIS_* values ior'ed, computed at every point (map%orders, ...).
  interface tg_tof_grid
    module procedure tof_grid_i, tof_grid_f08
  end interface

  !> The map written to files, with checkpoints and resume (see tof_grid_file_i).
  interface tg_tof_grid_file
    module procedure tof_grid_file_i, tof_grid_file_f08
  end interface

  interface
    integer(c_int) function c_default(model) bind(C, name="tg_model_default")
      import :: c_int, c_ptr
      type(c_ptr), intent(out) :: model
    end function
    integer(c_int) function c_load(path, model) bind(C, name="tg_model_load")
      import :: c_int, c_ptr, c_char
      character(kind=c_char), intent(in) :: path(*)
      type(c_ptr), intent(out) :: model
    end function
    subroutine c_free(model) bind(C, name="tg_model_free")
      import :: c_ptr
      type(c_ptr), value :: model
    end subroutine
    integer(c_int) function c_count(model, kind) bind(C, name="tg_model_count")
      import :: c_int, c_ptr
      type(c_ptr), value :: model
      integer(c_int), value :: kind
    end function
    integer(c_int) function c_gas_index(model, name) bind(C, name="tg_model_gas_index")
      import :: c_int, c_ptr, c_char
      type(c_ptr), value :: model
      character(kind=c_char), intent(in) :: name(*)
    end function
    integer(c_int) function c_descriptor_index(model, name) bind(C, name="tg_model_descriptor_index")
      import :: c_int, c_ptr, c_char
      type(c_ptr), value :: model
      character(kind=c_char), intent(in) :: name(*)
    end function
    integer(c_int) function c_product(model) bind(C, name="tg_model_product")
      import :: c_int, c_ptr
      type(c_ptr), value :: model
    end function
    integer(c_int) function c_conditions(model, temperature, pressures) bind(C, name="tg_model_conditions")
      import :: c_int, c_ptr, c_double
      type(c_ptr), value :: model
      real(c_double), intent(out) :: temperature, pressures(*)
    end function
    subroutine c_species_name(model, kind, index, buf, len) bind(C, name="tgf_species_name")
      import :: c_ptr, c_int, c_char, c_int64_t
      type(c_ptr), value :: model
      integer(c_int), value :: kind, index
      character(kind=c_char), intent(out) :: buf(*)
      integer(c_int64_t), value :: len
    end subroutine
    integer(c_int) function c_fail(message) bind(C, name="tgf_fail")
      import :: c_int, c_char
      character(kind=c_char), intent(in) :: message(*)
    end function
    integer(c_int) function c_tof_grid(comm, model, xvar, nx, xs, yvar, ny, ys, schedule, root, temperature, &
                                       pressures, descriptors, analyses, tof, cov, status, orders, eapp, &
                                       rate_control, selectivity, selectivity_control, xrc) bind(C, name="tgf_tof_grid")
      import :: c_int, c_ptr, c_double, c_int64_t
      integer(c_int), value :: comm, xvar, yvar, schedule, root, analyses
      type(c_ptr), value :: model
      integer(c_int64_t), value :: nx, ny
      real(c_double), value :: temperature
      real(c_double), intent(in) :: xs(*), ys(*), pressures(*), descriptors(*)
      real(c_double), intent(out) :: tof(*), cov(*), orders(*), eapp(*), rate_control(*), selectivity(*), &
                                     selectivity_control(*), xrc(*)
      integer(c_int), intent(out) :: status(*)
    end function
    integer(c_int) function c_solve(model, temperature, pressures, want_xrc, has, times, initial, k_scale, &
                                    descriptors, analyses, coverages, tof, rf, rr, net, xrc, analysis, ints, reals) &
        bind(C, name="tgf_solve")
      import :: c_int, c_ptr, c_double
      type(c_ptr), value :: model
      real(c_double), value :: temperature
      real(c_double), intent(in) :: pressures(*), times(2), initial(*), k_scale(*), descriptors(*)
      integer(c_int), value :: want_xrc, analyses
      integer(c_int), intent(in) :: has(3)
      real(c_double), intent(out) :: coverages(*), tof(*), rf(*), rr(*), net(*), xrc(*), analysis(*), reals(2)
      integer(c_int), intent(out) :: ints(6)
    end function
    integer(c_int) function c_tof_grid_file(comm, model, xvar, nx, xs, yvar, ny, ys, path, csv, schedule, checkpoint, &
                                            resume, temperature, pressures, descriptors, analyses) &
        bind(C, name="tgf_tof_grid_file")
      import :: c_int, c_ptr, c_double, c_int64_t, c_char
      integer(c_int), value :: comm, xvar, yvar, schedule, resume, analyses
      type(c_ptr), value :: model
      integer(c_int64_t), value :: nx, ny
      real(c_double), value :: temperature
      real(c_double), intent(in) :: xs(*), ys(*), pressures(*), descriptors(*)
      character(kind=c_char), intent(in) :: path(*), csv(*), checkpoint(*)
    end function
    integer(c_int) function c_steady_states(model, temperature, pressures, has_descriptors, descriptors, max, &
                                            coverages, tof, stable, status, found) bind(C, name="tgf_steady_states")
      import :: c_int, c_ptr, c_double
      type(c_ptr), value :: model
      real(c_double), value :: temperature
      real(c_double), intent(in) :: pressures(*), descriptors(*)
      integer(c_int), value :: has_descriptors, max
      real(c_double), intent(out) :: coverages(*), tof(*)
      integer(c_int), intent(out) :: stable(*), status(*), found
    end function
    integer(c_int) function c_parse(text, length, origin, model) bind(C, name="tg_model_parse")
      import :: c_int, c_ptr, c_char, c_size_t
      character(kind=c_char), intent(in) :: text(*), origin(*)
      integer(c_size_t), value :: length
      type(c_ptr), intent(out) :: model
    end function
  end interface

contains

  !> The tutorial's CO oxidation (SCAKS model A), embedded in the library.
  subroutine tg_model_default(model, ierr)
    type(tg_model), intent(inout) :: model
    integer, intent(out), optional :: ierr
    call tg_model_free(model)
    call finish(c_default(model%ptr), ierr)
  end subroutine

  !> Read a model from a YAML file (errors name the file, line and column).
  subroutine tg_model_load(model, path, ierr)
    type(tg_model), intent(inout) :: model
    character(len=*), intent(in) :: path
    integer, intent(out), optional :: ierr
    call tg_model_free(model)
    if (index(path, c_null_char) > 0) then  ! C would read the file name only up to it
      call finish(c_fail("tg_model_load: the path '" // path(:index(path, c_null_char) - 1) // &
                         "\0...' has a NUL byte, where a C file name would end" // c_null_char), ierr)
      return
    end if
    call finish(c_load(trim(path) // c_null_char, model%ptr), ierr)
  end subroutine

  !> Read a model from YAML text (errors name `origin`, default "<string>", line and column).
  subroutine tg_model_parse(model, text, ierr, origin)
    type(tg_model), intent(inout) :: model
    character(len=*), intent(in) :: text
    integer, intent(out), optional :: ierr
    character(len=*), intent(in), optional :: origin
    character(kind=c_char) :: chars(max(len(text), 1))
    integer :: k
    call tg_model_free(model)
    do k = 1, len(text)
      chars(k) = text(k:k)
    end do
    if (present(origin)) then
      call finish(c_parse(chars, int(len(text), c_size_t), trim(origin) // c_null_char, model%ptr), ierr)
    else
      call finish(c_parse(chars, int(len(text), c_size_t), "<string>" // c_null_char, model%ptr), ierr)
    end if
  end subroutine

  subroutine tg_model_free(model)
    type(tg_model), intent(inout) :: model
    call c_free(model%ptr)
    model%ptr = c_null_ptr
  end subroutine

  !> Number of species of kind TG_ADSORBATE, TG_SITE, TG_GAS, or of steps (TG_STEPS).
  integer function tg_model_count(model, kind)
    type(tg_model), intent(in) :: model
    integer, intent(in) :: kind
    tg_model_count = c_count(model%ptr, kind)
  end function

  !> Name of species i (1-based) of a kind.
  function tg_model_species(model, kind, i) result(name)
    type(tg_model), intent(in) :: model
    integer, intent(in) :: kind, i
    character(len=64) :: name
    call c_species_name(model%ptr, kind, i - 1, name, len(name, kind=c_int64_t))
  end function

  !> Index (1-based) of a gas by name, 0 if the model has none.
  integer function tg_model_gas_index(model, name)
    type(tg_model), intent(in) :: model
    character(len=*), intent(in) :: name
    tg_model_gas_index = c_gas_index(model%ptr, trim(name) // c_null_char) + 1
  end function

  !> Index (1-based) of the product gas, 0 if the model names none.
  integer function tg_model_product(model)
    type(tg_model), intent(in) :: model
    tg_model_product = c_product(model%ptr) + 1
  end function

  !> The model's temperature (K) and pressures (gas order).
  subroutine tg_model_conditions(model, temperature, pressures, ierr)
    type(tg_model), intent(in) :: model
    real(c_double), intent(out) :: temperature
    real(c_double), intent(out) :: pressures(:)
    integer, intent(out), optional :: ierr
    character(len=64) :: counts
    if (size(pressures) /= c_count(model%ptr, TG_GAS)) then
      write (counts, '(" (", i0, " given for ", i0, " gases)")') size(pressures), c_count(model%ptr, TG_GAS)
      call finish(c_fail("tg_model_conditions: pressures must have one element per gas" // trim(counts) // &
                         c_null_char), ierr)
      return
    end if
    call finish(c_conditions(model%ptr, temperature, pressures), ierr)
  end subroutine

  !> The steady state SCAKS reports at `pressures` (gas order) and `temperature`
  !> (K, finite and > 0; absent: the model's); for a CatMAP model at
  !> `descriptors` (eV, in the order of tg_model_species(model, TG_DESCRIPTOR, k);
  !> absent: the model's own point). Solver settings (absent: the model's):
  !> t_end, t_max (s), initial (adsorbate coverages), k_scale (per step);
  !> analyses: ior of TG_ANALYSIS_* values (docs/analyses.md), into sol%orders,
  !> sol%eapp, ... ierr = 0 on success, TG_ERR_CONVERGENCE (9) when no steady
  !> state was found (sol%status = TG_STEADY_FAILED); on every error the results are NaN.
  subroutine tg_solve(model, pressures, sol, temperature, xrc, ierr, descriptors, t_end, t_max, initial, k_scale, &
                      analyses)
    type(tg_model), intent(in) :: model
    real(c_double), intent(in) :: pressures(:)
    type(tg_solution), intent(inout) :: sol
    real(c_double), intent(in), optional :: temperature
    logical, intent(in), optional :: xrc
    integer, intent(out), optional :: ierr
    real(c_double), intent(in), optional :: descriptors(:), t_end, t_max, initial(:), k_scale(:)
    integer, intent(in), optional :: analyses
    integer :: n, na, ng, ns, np, nd, want, which
    integer(c_int) :: ints(6), rc, has(3)
    real(c_double) :: reals(2), t, times(2), none(1)
    real(c_double), allocatable :: analysis(:), init_c(:), ks_c(:), d_c(:)
    character(len=48) :: text
    na = c_count(model%ptr, TG_ADSORBATE)
    n = na + c_count(model%ptr, TG_SITE)
    ng = c_count(model%ptr, TG_GAS)
    ns = c_count(model%ptr, TG_STEPS)
    nd = c_count(model%ptr, TG_DESCRIPTOR)
    np = na + c_count(model%ptr, TG_TRANSITION_STATE)
    if (.not. c_associated(model%ptr)) then
      call finish(c_fail("tg_solve: no model (load one first)" // c_null_char), ierr)
      return
    end if
    call resize(sol%coverages, n)
    call resize(sol%tof, ng)
    call resize(sol%rf, ns)
    call resize(sol%rr, ns)
    call resize(sol%net, ns)
    call resize(sol%xrc, ns)
    call resize2(sol%orders, ng, ng)
    call resize(sol%eapp, ng)
    call resize2(sol%rate_control, np, ng)
    call resize(sol%selectivity, ng)
    call resize2(sol%selectivity_control, np, ng)
    if (size(pressures) /= ng) then
      call failed_point()
      write (text, '(" (", i0, " given for ", i0, " gases)")') size(pressures), ng
      call finish(c_fail("tg_solve: pressures do not have one element per gas" // trim(text) // c_null_char), ierr)
      return
    end if
    ! (absent optional arrays are never passed on: gfortran reads their descriptors)
    none = 0
    init_c = none
    ks_c = none
    d_c = none
    if (present(initial)) then
      if (.not. sized(size(initial), na, "initial (one coverage per adsorbate)")) return
      init_c = initial
    end if
    if (present(k_scale)) then
      if (.not. sized(size(k_scale), ns, "k_scale (one factor per step)")) return
      ks_c = k_scale
    end if
    if (present(descriptors)) then
      if (.not. sized(size(descriptors), nd, "descriptors (one per descriptor of the model)")) return
      d_c = descriptors
    end if
    t = TG_MODEL_TEMPERATURE  ! absent: the model's; a given value must be a temperature
    if (present(temperature)) then
      if (.not. (temperature > 0 .and. ieee_is_finite(temperature))) then
        call failed_point()
        write (text, '(g0.6)') temperature
        call finish(c_fail("tg_solve: temperature = " // trim(text) // &
                           " K must be finite and > 0 (leave it out for the model's)" // c_null_char), ierr)
        return
      end if
      t = temperature
    end if
    want = 0
    if (present(xrc)) want = merge(1, 0, xrc)
    which = 0
    if (present(analyses)) which = analyses
    times = ieee_value(t, ieee_quiet_nan)
    if (present(t_end)) times(1) = t_end
    if (present(t_max)) times(2) = t_max
    has = [merge(1, 0, present(initial)), merge(1, 0, present(k_scale)), merge(1, 0, present(descriptors))]
    allocate (analysis(ng * ng + 2 * ng + 2 * ng * np))
    rc = c_solve(model%ptr, t, pressures, want, has, times, init_c, ks_c, d_c, which, sol%coverages, sol%tof, sol%rf, &
                 sol%rr, sol%net, sol%xrc, analysis, ints, reals)
    if (rc == TG_SUCCESS .or. rc == TG_ERR_CONVERGENCE) then
      sol%status = ints(1)
      sol%iterations = ints(2)
      sol%time_steps = ints(3)
      sol%poisoned_by = ints(4) + 1
      sol%has_xrc = ints(5) /= 0
      sol%analyses = ints(6)
      sol%t_reached = reals(1)
      sol%residual = reals(2)
      sol%orders = reshape(analysis(1:ng * ng), [ng, ng])
      sol%eapp = analysis(ng * ng + 1:ng * ng + ng)
      sol%rate_control = reshape(analysis(ng * ng + ng + 1:ng * ng + ng + ng * np), [np, ng])
      sol%selectivity = analysis(ng * ng + ng + ng * np + 1:ng * ng + 2 * ng + ng * np)
      sol%selectivity_control = reshape(analysis(ng * ng + 2 * ng + ng * np + 1:), [np, ng])
    else
      call failed_point()
    end if
    call finish(rc, ierr)
  contains
    ! An optional array's size as it must be, or a refused point.
    logical function sized(given, m, what)
      integer, intent(in) :: given, m
      character(len=*), intent(in) :: what
      sized = given == m
      if (sized) return
      call failed_point()
      write (text, '(" (", i0, " given for ", i0, ")")') given, m
      call finish(c_fail("tg_solve: " // what // trim(text) // c_null_char), ierr)
    end function
    ! A refused point: NaN results, as the C library leaves them.
    subroutine failed_point()
      real(c_double) :: nan
      nan = ieee_value(nan, ieee_quiet_nan)
      sol%status = TG_STEADY_FAILED
      sol%iterations = 0
      sol%time_steps = 0
      sol%poisoned_by = 0
      sol%has_xrc = .false.
      sol%analyses = 0
      sol%t_reached = nan
      sol%residual = nan
      sol%coverages = nan
      sol%tof = nan
      sol%rf = nan
      sol%rr = nan
      sol%net = nan
      sol%xrc = nan
      sol%orders = nan
      sol%eapp = nan
      sol%rate_control = nan
      sol%selectivity = nan
      sol%selectivity_control = nan
    end subroutine
    subroutine resize2(a, m1, m2)
      real(c_double), allocatable, intent(inout) :: a(:, :)
      integer, intent(in) :: m1, m2
      if (allocated(a)) then
        if (size(a, 1) == m1 .and. size(a, 2) == m2) return
        deallocate (a)
      end if
      allocate (a(m1, m2))
    end subroutine
    subroutine resize(a, m)
      real(c_double), allocatable, intent(inout) :: a(:)
      integer, intent(in) :: m
      if (allocated(a)) then
        if (size(a) == m) return
        deallocate (a)
      end if
      allocate (a(m))
    end subroutine
  end subroutine
  !> The map is allocated on the root only; on the other ranks its arrays
  !> are left deallocated (the C library returns data there only).
  subroutine tof_grid_i(comm, model, x_gas, xs, y_gas, ys, map, schedule, root, ierr, temperature, pressures, &
                        descriptors, analyses)
    use mpi_f08, only: MPI_Comm, MPI_Comm_rank, MPI_COMM_NULL, operator(==)
    integer, intent(in) :: comm
    type(tg_model), intent(in) :: model
    character(len=*), intent(in) :: x_gas, y_gas
    real(c_double), intent(in) :: xs(:), ys(:)
    type(tg_map), intent(inout) :: map
    integer, intent(in), optional :: schedule, root, analyses
    integer, intent(out), optional :: ierr
    real(c_double), intent(in), optional :: temperature, pressures(:), descriptors(:)
    integer :: xv, yv, r, s, nx, ny, ng, nc, nctl, nst, me, e, bits
    integer(c_int) :: rc
    real(c_double) :: none(1), no_tof(1), no_cov(1), t
    real(c_double), allocatable :: p(:), d(:)
    integer(c_int) :: no_status(1)
    type(MPI_Comm) :: c
    logical :: two_d, ok, stand_in(6)
    character(len=:), allocatable :: bad_axis
    two_d = len_trim(y_gas) > 0
    nx = size(xs)
    ny = merge(size(ys), 1, two_d)
    ng = c_count(model%ptr, TG_GAS)
    nc = c_count(model%ptr, TG_ADSORBATE) + c_count(model%ptr, TG_SITE)
    nctl = c_count(model%ptr, TG_ADSORBATE) + c_count(model%ptr, TG_TRANSITION_STATE)
    nst = c_count(model%ptr, TG_STEPS)
    call free_map(map)
    ok = map_arguments(model, "tg_tof_grid", x_gas, y_gas, temperature, pressures, descriptors, analyses, xv, yv, t, &
                       p, d, bits, bad_axis)
    r = 0
    if (present(root)) r = root
    s = TG_SCHEDULE_STATIC
    if (present(schedule)) s = schedule
    ! Only the root receives the map; a null or broken communicator is left
    ! to the library, which reports it.
    c%MPI_VAL = comm
    me = -1
    if (.not. (c == MPI_COMM_NULL)) call MPI_Comm_rank(c, me, e)
    if (ok .and. me == r .and. c_associated(model%ptr)) then
      allocate (map%tof(nx, ny, ng), map%coverages(nx, ny, nc), map%status(nx, ny))
      if (iand(bits, TG_ANALYSIS_ORDERS) /= 0) allocate (map%orders(nx, ny, ng, ng))
      if (iand(bits, TG_ANALYSIS_EAPP) /= 0) allocate (map%eapp(nx, ny, ng))
      if (iand(bits, TG_ANALYSIS_RATE_CONTROL) /= 0) allocate (map%rate_control(nx, ny, nctl, ng))
      if (iand(bits, TG_ANALYSIS_SELECTIVITY) /= 0) allocate (map%selectivity(nx, ny, ng))
      if (iand(bits, TG_ANALYSIS_SELECTIVITY_CONTROL) /= 0) allocate (map%selectivity_control(nx, ny, nctl, ng))
      if (iand(bits, TG_ANALYSIS_XRC) /= 0) allocate (map%xrc(nx, ny, nst))
    end if
    ! The analyses not asked for (and all on other ranks) get a one-element stand-in for the call:
    ! the library writes only the arrays of the analyses asked for, on the root.
    stand_in = [.not. allocated(map%orders), .not. allocated(map%eapp), .not. allocated(map%rate_control), &
                .not. allocated(map%selectivity), .not. allocated(map%selectivity_control), .not. allocated(map%xrc)]
    if (stand_in(1)) allocate (map%orders(1, 1, 1, 1))
    if (stand_in(2)) allocate (map%eapp(1, 1, 1))
    if (stand_in(3)) allocate (map%rate_control(1, 1, 1, 1))
    if (stand_in(4)) allocate (map%selectivity(1, 1, 1))
    if (stand_in(5)) allocate (map%selectivity_control(1, 1, 1, 1))
    if (stand_in(6)) allocate (map%xrc(1, 1, 1))
    if (allocated(map%tof)) then
      rc = call_grid(map%tof, map%coverages, map%status)
    else
      rc = call_grid(no_tof, no_cov, no_status)
    end if
    if (stand_in(1)) deallocate (map%orders)
    if (stand_in(2)) deallocate (map%eapp)
    if (stand_in(3)) deallocate (map%rate_control)
    if (stand_in(4)) deallocate (map%selectivity)
    if (stand_in(5)) deallocate (map%selectivity_control)
    if (stand_in(6)) deallocate (map%xrc)
    if (.not. ok) rc = c_fail(bad_axis // c_null_char) ! this rank's own message, as the user typed the name
    if (rc /= TG_SUCCESS) call free_map(map)
    call finish(rc, ierr)
  contains
    integer(c_int) function call_grid(tof, cov, status)
      real(c_double), intent(out) :: tof(*), cov(*)
      integer(c_int), intent(out) :: status(*)
      if (two_d) then
        call_grid = c_tof_grid(comm, model%ptr, xv, int(nx, c_int64_t), xs, yv, int(ny, c_int64_t), ys, s, r, &
                               t, p, d, bits, tof, cov, status, map%orders, map%eapp, map%rate_control, &
                               map%selectivity, map%selectivity_control, map%xrc)
      else
        call_grid = c_tof_grid(comm, model%ptr, xv, int(nx, c_int64_t), xs, 0, -1_c_int64_t, none, s, r, &
                               t, p, d, bits, tof, cov, status, map%orders, map%eapp, map%rate_control, &
                               map%selectivity, map%selectivity_control, map%xrc)
      end if
    end function
  end subroutine

  subroutine tof_grid_f08(comm, model, x_gas, xs, y_gas, ys, map, schedule, root, ierr, temperature, pressures, &
                          descriptors, analyses)
    use mpi_f08, only: MPI_Comm
    type(MPI_Comm), intent(in) :: comm
    type(tg_model), intent(in) :: model
    character(len=*), intent(in) :: x_gas, y_gas
    real(c_double), intent(in) :: xs(:), ys(:)
    type(tg_map), intent(inout) :: map
    integer, intent(in), optional :: schedule, root, analyses
    integer, intent(out), optional :: ierr
    real(c_double), intent(in), optional :: temperature, pressures(:), descriptors(:)
    call tof_grid_i(comm%MPI_VAL, model, x_gas, xs, y_gas, ys, map, schedule, root, ierr, temperature, pressures, &
                    descriptors, analyses)
  end subroutine

  subroutine free_map(map)
    type(tg_map), intent(inout) :: map
    if (allocated(map%tof)) deallocate (map%tof)
    if (allocated(map%coverages)) deallocate (map%coverages)
    if (allocated(map%status)) deallocate (map%status)
    if (allocated(map%orders)) deallocate (map%orders)
    if (allocated(map%eapp)) deallocate (map%eapp)
    if (allocated(map%rate_control)) deallocate (map%rate_control)
    if (allocated(map%selectivity)) deallocate (map%selectivity)
    if (allocated(map%selectivity_control)) deallocate (map%selectivity_control)
    if (allocated(map%xrc)) deallocate (map%xrc)
  end subroutine

  !> A map's arguments as the library takes them: axis variables (a bad name: a variable no model
  !> has, so that every rank still enters the library's call and fails there alike, not leaving the
  !> others in the sweep), fixed conditions (map_conditions) and analysis bits. False with msg (this
  !> rank's own message, as the user typed the name) if one is bad.
  logical function map_arguments(model, fn, x_name, y_name, temperature, pressures, descriptors, analyses, xv, yv, &
                                 t, p, d, bits, msg) result(ok)
    type(tg_model), intent(in) :: model
    character(len=*), intent(in) :: fn, x_name, y_name
    real(c_double), intent(in), optional :: temperature, pressures(:), descriptors(:)
    integer, intent(in), optional :: analyses
    integer, intent(out) :: xv, yv, bits
    real(c_double), intent(out) :: t
    real(c_double), allocatable, intent(out) :: p(:), d(:)
    character(len=:), allocatable, intent(inout) :: msg
    xv = 0
    yv = 0
    ok = axis_variable(model, x_name, "x", fn, xv, msg)
    if (ok .and. len_trim(y_name) > 0) ok = axis_variable(model, y_name, "y", fn, yv, msg)
    if (ok) ok = map_conditions(model, fn, temperature, pressures, descriptors, t, p, d, msg)
    if (.not. allocated(p)) then
      allocate (p(1), d(1))
      p = 0
      d = 0
      t = 0
    end if
    bits = 0
    if (present(analyses)) bits = analyses
    if (.not. ok) xv = -huge(0)
  end function

  !> The fixed conditions of a map as the library takes them: t (0: the model's), p (one per gas)
  !> and d (one per descriptor, at least one), NaN for the model's. False (with msg) if an array has
  !> the wrong size.
  logical function map_conditions(model, fn, temperature, pressures, descriptors, t, p, d, msg) result(ok)
    type(tg_model), intent(in) :: model
    character(len=*), intent(in) :: fn
    real(c_double), intent(in), optional :: temperature, pressures(:), descriptors(:)
    real(c_double), intent(out) :: t
    real(c_double), allocatable, intent(out) :: p(:), d(:)
    character(len=:), allocatable, intent(inout) :: msg
    integer :: ng, nd
    character(len=24) :: a, b
    ng = c_count(model%ptr, TG_GAS)
    nd = c_count(model%ptr, TG_DESCRIPTOR)
    allocate (p(max(ng, 1)), d(max(nd, 1)))
    p = ieee_value(t, ieee_quiet_nan)
    d = p(1)
    t = 0
    if (present(temperature)) t = temperature
    ok = .true.
    if (present(pressures)) then
      ok = size(pressures) == ng
      if (ok .and. ng > 0) p(1:ng) = pressures
      write (a, '(i0)') size(pressures)
      write (b, '(i0)') ng
      if (.not. ok) msg = fn // ": pressures has " // trim(a) // " values; the model has " // trim(b) // &
                          " gases (NaN for the model's own)"
    end if
    if (ok .and. present(descriptors)) then
      ok = size(descriptors) == nd
      if (ok .and. nd > 0) d(1:nd) = descriptors
      write (a, '(i0)') size(descriptors)
      write (b, '(i0)') nd
      if (.not. ok) msg = fn // ": descriptors has " // trim(a) // " values; the model has " // trim(b) // &
                          " descriptors (NaN for the model's own)"
    end if
  end function

  !> Every distinct steady state not found unstable, from the clean surface
  !> (first) and from each adsorbate covering its sites: states(k)%coverages,
  !> %tof, %status, %stable (1, or -1: an eigenvalue within roundoff of 0).
  !> temperature, descriptors: as for tg_solve. ierr = TG_ERR_CONVERGENCE
  !> (9) when no start reached one (states has size 0).
  subroutine tg_steady_states(model, pressures, states, temperature, descriptors, ierr)
    type(tg_model), intent(in) :: model
    real(c_double), intent(in) :: pressures(:)
    type(tg_solution), allocatable, intent(inout) :: states(:)
    real(c_double), intent(in), optional :: temperature, descriptors(:)
    integer, intent(out), optional :: ierr
    integer :: n, ng, max, k
    integer(c_int) :: rc, found
    real(c_double) :: t
    real(c_double), allocatable :: cov(:, :), tof(:, :)
    integer(c_int), allocatable :: stable(:), status(:)
    if (allocated(states)) deallocate (states)
    allocate (states(0))
    if (.not. c_associated(model%ptr)) then
      call finish(c_fail("tg_steady_states: no model (load one first)" // c_null_char), ierr)
      return
    end if
    n = c_count(model%ptr, TG_ADSORBATE) + c_count(model%ptr, TG_SITE)
    ng = c_count(model%ptr, TG_GAS)
    max = c_count(model%ptr, TG_ADSORBATE) + 1
    if (size(pressures) /= ng) then
      call finish(c_fail("tg_steady_states: pressures do not have one element per gas" // c_null_char), ierr)
      return
    end if
    t = TG_MODEL_TEMPERATURE
    if (present(temperature)) t = temperature  ! the library checks it
    allocate (cov(n, max), tof(ng, max), stable(max), status(max))
    if (present(descriptors)) then
      rc = c_steady_states(model%ptr, t, pressures, 1, descriptors, max, cov, tof, stable, status, found)
    else
      rc = c_steady_states(model%ptr, t, pressures, 0, [0.0_c_double], max, cov, tof, stable, status, found)
    end if
    if (rc == TG_SUCCESS) then
      deallocate (states)
      allocate (states(found))
      do k = 1, found
        states(k)%coverages = cov(:, k)
        states(k)%tof = tof(:, k)
        states(k)%stable = stable(k)
        states(k)%status = status(k)
      end do
    end if
    call finish(rc, ierr)
  end subroutine

  ! The axis variable of a gas name, a descriptor's or "T"; an unknown name
  ! is refused here, as the user typed it (message, in fn's name), with the
  ! model's gases and descriptors.
  logical function axis_variable(model, name, axis, fn, var, message)
    type(tg_model), intent(in) :: model
    character(len=*), intent(in) :: name, axis, fn
    integer, intent(out) :: var
    character(len=:), allocatable, intent(inout) :: message
    character(len=:), allocatable :: known, descs
    integer :: g
    axis_variable = .true.
    if (trim(name) == "T") then
      var = TG_AXIS_TEMPERATURE
      return
    end if
    var = c_gas_index(model%ptr, trim(name) // c_null_char)
    if (var >= 0 .or. .not. c_associated(model%ptr)) return  ! no model: the library says so
    var = c_descriptor_index(model%ptr, trim(name) // c_null_char)
    if (var >= 0) then
      var = TG_AXIS_TEMPERATURE - 1 - var  ! TG_AXIS_DESCRIPTOR(k)
      return
    end if
    known = ""
    do g = 1, c_count(model%ptr, TG_GAS)
      known = known // merge(", ", "  ", g > 1) // trim(tg_model_species(model, TG_GAS, g))
    end do
    if (c_count(model%ptr, TG_DESCRIPTOR) == 0) then
      message = fn // ": axis " // axis // ": '" // trim(name) // "' is neither a gas of the model (" &
                // known(3:) // ") nor 'T'"
    else
      descs = ""
      do g = 1, c_count(model%ptr, TG_DESCRIPTOR)
        descs = descs // merge(", ", "  ", g > 1) // trim(tg_model_species(model, TG_DESCRIPTOR, g))
      end do
      message = fn // ": axis " // axis // ": '" // trim(name) // "' is neither a gas of the model (" &
                // known(3:) // "), a descriptor of it (" // descs(3:) // ") nor 'T'"
    end if
    axis_variable = .false.
  end function

  !> call tg_tof_grid_file(comm, model, x_name, xs, y_name, ys, path [, csv] [, schedule] [, checkpoint]
  !>                       [, resume] [, ierr]): the map written collectively to the HDF5 file `path`
  !> ("" for none) and/or the CSV file `csv`, with checkpoints (finished rows recorded in
  !> CHECKPOINT.<rank>) and resume after a kill (the C API's tg_tof_grid_file). Axes as for
  !> tg_tof_grid; comm a type(MPI_Comm) or an integer handle.
  subroutine tof_grid_file_i(comm, model, x_name, xs, y_name, ys, path, csv, schedule, checkpoint, resume, ierr, &
                             temperature, pressures, descriptors, analyses)
    integer, intent(in) :: comm
    type(tg_model), intent(in) :: model
    character(len=*), intent(in) :: x_name, y_name, path
    real(c_double), intent(in) :: xs(:), ys(:)
    character(len=*), intent(in), optional :: csv, checkpoint
    integer, intent(in), optional :: schedule, analyses
    logical, intent(in), optional :: resume
    integer, intent(out), optional :: ierr
    real(c_double), intent(in), optional :: temperature, pressures(:), descriptors(:)
    integer :: xv, yv, s, bits
    integer(c_int) :: rc, res
    real(c_double) :: t
    real(c_double), allocatable :: p(:), d(:)
    logical :: two_d, ok
    character(len=:), allocatable :: bad_axis, csv_c, ckpt_c
    two_d = len_trim(y_name) > 0
    ok = map_arguments(model, "tg_tof_grid_file", x_name, y_name, temperature, pressures, descriptors, analyses, xv, &
                       yv, t, p, d, bits, bad_axis)
    s = TG_SCHEDULE_STATIC
    if (present(schedule)) s = schedule
    res = 0
    if (present(resume)) res = merge(1, 0, resume)
    csv_c = c_null_char
    if (present(csv)) csv_c = trim(csv) // c_null_char
    ckpt_c = c_null_char
    if (present(checkpoint)) ckpt_c = trim(checkpoint) // c_null_char
    if (two_d) then
      rc = c_tof_grid_file(comm, model%ptr, xv, int(size(xs), c_int64_t), xs, yv, int(size(ys), c_int64_t), ys, &
                           trim(path) // c_null_char, csv_c, s, ckpt_c, res, t, p, d, bits)
    else
      rc = c_tof_grid_file(comm, model%ptr, xv, int(size(xs), c_int64_t), xs, 0, -1_c_int64_t, [0.0_c_double], &
                           trim(path) // c_null_char, csv_c, s, ckpt_c, res, t, p, d, bits)
    end if
    if (.not. ok) rc = c_fail(bad_axis // c_null_char)
    call finish(rc, ierr)
  end subroutine

  subroutine tof_grid_file_f08(comm, model, x_name, xs, y_name, ys, path, csv, schedule, checkpoint, resume, ierr, &
                               temperature, pressures, descriptors, analyses)
    use mpi_f08, only: MPI_Comm
    type(MPI_Comm), intent(in) :: comm
    type(tg_model), intent(in) :: model
    character(len=*), intent(in) :: x_name, y_name, path
    real(c_double), intent(in) :: xs(:), ys(:)
    character(len=*), intent(in), optional :: csv, checkpoint
    integer, intent(in), optional :: schedule, analyses
    logical, intent(in), optional :: resume
    integer, intent(out), optional :: ierr
    real(c_double), intent(in), optional :: temperature, pressures(:), descriptors(:)
    call tof_grid_file_i(comm%MPI_VAL, model, x_name, xs, y_name, ys, path, csv, schedule, checkpoint, resume, ierr, &
                         temperature, pressures, descriptors, analyses)
  end subroutine
end module tofgrid_kernel
