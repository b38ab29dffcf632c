/* A sweep's private duplicate lives and dies with the caller's communicator:
 * a communicator freed after a sweep, whose handle MPI then reuses on some
 * ranks only, must not lend its old duplicate to the next sweep (it was
 * cached by handle value: the next sweep deadlocked). Many sweeps on
 * short-lived communicators run out of nothing. Runs at 2 ranks. */
#include "check_mpi.h"

static tg_model *m;

static void sweep_ok(MPI_Comm comm, const tg_axis *x, int rank, const char *what)
{
  tg_grid g;
  int rc = tg_tof_grid(comm, m, x, NULL, TG_SCHEDULE_DYNAMIC, 0, &g);
  CHECK(rc == TG_SUCCESS, "%s: %s", what, tg_error_message());
  if (rc == TG_SUCCESS && rank == 0)
    CHECK(g.nx == x->n && g.status[0] == 0 && g.tof[tg_model_product(m)] > 0, "%s: a converged point, TOF %g", what,
          g.tof[tg_model_product(m)]);
  tg_grid_free(&g);
}

int main(int argc, char **argv)
{
  MPI_Init(&argc, &argv);
  int size, rank;
  MPI_Comm_size(MPI_COMM_WORLD, &size);
  MPI_Comm_rank(MPI_COMM_WORLD, &rank);
  tg_test_rank = rank;
  CHECK(size == 2, "run on 2 ranks");
  CHECK_OK(tg_model_default(&m));
  double xs[2] = {0.1, 0.2};
  tg_axis x = {tg_model_gas_index(m, "O2_g"), 2, xs};

  MPI_Comm c1, c2, mine = MPI_COMM_NULL;
  MPI_Comm_dup(MPI_COMM_WORLD, &c1);
  sweep_ok(c1, &x, rank, "c1");
  MPI_Comm old = c1;
  MPI_Comm_free(&c1);
  if (rank == 1) MPI_Comm_dup(MPI_COMM_SELF, &mine); /* takes c1's old handle here only */
  MPI_Comm_dup(MPI_COMM_WORLD, &c2);
  int reused = c2 == old, any;
  MPI_Allreduce(&reused, &any, 1, MPI_INT, MPI_LOR, MPI_COMM_WORLD);
  CHECK(any && (rank == 0) == reused, "precondition: c2 reuses c1's handle on rank 0 only");
  sweep_ok(c2, &x, rank, "c2, a reused handle on one rank");
  MPI_Comm_free(&c2);
  if (mine != MPI_COMM_NULL) MPI_Comm_free(&mine);

  /* More short-lived communicators than MPI has context ids for the
   * duplicates if they outlived them (MPICH: about 2000). */
  int failures = 0;
  for (int i = 0; i < 2100 && !failures; i++) {
    MPI_Comm c;
    MPI_Comm_dup(MPI_COMM_WORLD, &c);
    tg_grid g;
    if (tg_tof_grid(c, m, &x, NULL, TG_SCHEDULE_STATIC, 0, &g) != TG_SUCCESS) failures++;
    tg_grid_free(&g);
    MPI_Comm_free(&c);
  }
  CHECK(failures == 0, "2100 sweeps on freed communicators: %s", tg_error_message());

  tg_model_free(m);
  int failed = tg_test_finish(MPI_COMM_WORLD);
  MPI_Finalize();
  return failed;
}
