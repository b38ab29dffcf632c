/* The communicator check follows frees: a handle tofgrid has seen as an
 * intracommunicator, freed and reused by MPI for an intercommunicator, is
 * refused (it was taken from a cache keyed by handle: bcast hung, allreduce
 * returned the remote group's values); a freed handle is refused with a
 * status, not MPI's abort, and so is a call after MPI_Finalize. Runs at 2
 * ranks. */
#include <stdint.h>

#include "check_mpi.h"

int main(int argc, char **argv)
{
  MPI_Init(&argc, &argv);
  int size, rank;
  MPI_Comm_size(MPI_COMM_WORLD, &size);
  MPI_Comm_rank(MPI_COMM_WORLD, &rank);
  tg_test_rank = rank;
  CHECK(size == 2, "run on 2 ranks");

  double x[2] = {rank + 1.0, 10.0 * (rank + 1)}, y[2] = {0, 0};
#ifndef OPEN_MPI /* Open MPI's handles are pointers: using a freed one is undefined (it crashes in MPI itself) */
  MPI_Comm half, a, inter;
  MPI_Comm_split(MPI_COMM_WORLD, rank, 0, &half);
  MPI_Comm_dup(MPI_COMM_WORLD, &a);
  CHECK_OK(tg_allreduce(a, x, y, 2, TG_FLOAT64, TG_SUM)); /* a is now known as an intracommunicator */
  CHECK(y[0] == 3 && y[1] == 30, "sum over both ranks: %g %g", y[0], y[1]);
  MPI_Comm old = a;
  MPI_Comm_free(&a);
  MPI_Intercomm_create(half, 0, MPI_COMM_WORLD, 1 - rank, 7, &inter);
  /* MPI_Comm is an int (MPICH) or a pointer (Open MPI): printed as a number either way */
  CHECK(inter == old, "precondition: MPI reused the freed handle (%#llx, %#llx)", (unsigned long long)(uintptr_t)inter,
        (unsigned long long)(uintptr_t)old);
  CHECK_FAILS(tg_allreduce(inter, x, y, 2, TG_FLOAT64, TG_SUM), TG_ERR_COMM, "intercommunicators are not supported");
  CHECK_FAILS(tg_bcast(inter, x, 2, TG_FLOAT64, 0), TG_ERR_COMM, "intercommunicators are not supported");
  int sz = -1;
  CHECK_FAILS(tg_comm_info(inter, &sz, NULL), TG_ERR_COMM, "intercommunicators are not supported");
  MPI_Comm_free(&inter);
  MPI_Comm_free(&half);

  /* A stale copy of a freed handle: a status naming the problem. */
  MPI_Comm b, stale;
  MPI_Comm_dup(MPI_COMM_WORLD, &b);
  CHECK_OK(tg_bcast(b, x, 2, TG_FLOAT64, 0));
  stale = b;
  MPI_Comm_free(&b);
  CHECK_FAILS(tg_bcast(stale, x, 2, TG_FLOAT64, 0), TG_ERR_COMM, "not a valid communicator");

#endif
  /* The known communicators still take the fast path and give right values. */
  x[0] = rank + 1.0, x[1] = 10.0 * (rank + 1);
  CHECK_OK(tg_allreduce(MPI_COMM_WORLD, x, y, 2, TG_FLOAT64, TG_SUM));
  CHECK(y[0] == 3 && y[1] == 30, "sum on MPI_COMM_WORLD: %g %g", y[0], y[1]);
  MPI_Errhandler eh;
  MPI_Comm_get_errhandler(MPI_COMM_WORLD, &eh);
  CHECK(eh == MPI_ERRORS_ARE_FATAL, "the check restores MPI_COMM_WORLD's error handler");
  MPI_Errhandler_free(&eh);

  int failed = tg_test_finish(MPI_COMM_WORLD);
  MPI_Finalize();
  /* After MPI_Finalize: a status, not a call into a finalised MPI. */
  int after = tg_bcast(MPI_COMM_WORLD, x, 2, TG_FLOAT64, 0);
  if (after != TG_ERR_COMM || !strstr(tg_error_message(), "MPI has already been finalised")) {
    fprintf(stderr, "[rank %d] bcast after MPI_Finalize -> %s (%s)\n", rank, tg_status_name(after), tg_error_message());
    failed = 1;
  }
  return failed;
}
