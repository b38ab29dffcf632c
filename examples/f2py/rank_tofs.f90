! A user's own Fortran, called from Python through numpy.f2py on an mpi4py
! communicator (run.py): the founding tutorial's second route from Python to
! compiled code. It takes the communicator as a Fortran integer handle
! (comm.py2f()), solves the steady state at its rank's CO pressure with
! tofgrid's kernel, and sums the TOFs over the communicator with tofgrid's
! allreduce -- Python, Fortran and tofgrid's C core on one MPI_Comm.
!
! Build (needs tofgrid's Fortran library: a CMake build or install, not pip's
! package; numpy.f2py's meson backend: pip install meson ninja), then run:
!   FC=mpif90 LDFLAGS="-Wl,-rpath,<libdir>" python -m numpy.f2py -c rank_tofs.f90 -m rank_tofs \
!       --backend meson -I<prefix>/include/tofgrid/fortran -L<libdir> -ltofgrid_fortran -ltofgrid
!   mpiexec -n 4 python run.py          (rank_tofs*.so and tofgrid on PYTHONPATH)
subroutine rank_tofs(fcomm, p_co, mine, total, ierr)
  use mpi, only: MPI_Comm_rank
  use tofgrid
  implicit none
  integer, intent(in) :: fcomm                 ! comm.py2f(): any communicator of the caller's
  double precision, intent(in) :: p_co(:)      ! one CO pressure per rank of fcomm
  double precision, intent(out) :: mine, total ! this rank's TOF; the sum over the communicator
  integer, intent(out) :: ierr
  type(tg_model) :: model
  type(tg_solution) :: sol
  double precision :: p(3), t, one(1), sum(1)
  integer :: rank, e
  call MPI_Comm_rank(fcomm, rank, e)
  call tg_model_default(model)
  call tg_model_conditions(model, t, p)
  p(tg_model_gas_index(model, "CO_g")) = p_co(rank + 1)
  call tg_solve(model, p, sol, ierr=ierr)       ! no steady state: ierr /= 0 and NaN results
  mine = sol%tof(tg_model_product(model))
  one = mine
  ! Every rank takes part in the collective, whatever its own solve did (a rank
  ! skipping it would leave the others waiting); a NaN makes the sum NaN.
  call tg_allreduce(fcomm, one, sum, TG_SUM, e)
  if (ierr == 0) ierr = e
  total = sum(1)
  call tg_model_free(model)
end subroutine rank_tofs
