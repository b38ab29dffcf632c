#define _DEFAULT_SOURCE /* getrusage */
/* One TOF-map sweep over MPI_COMM_WORLD (model A, pO2 x pCO in [1e-5, 0.5]):
 *   bench_grid N static|dynamic|alone [FILE.h5|-] [MODEL.yaml]
 * With a file: written collectively, not gathered. With a model that has
 * descriptors (a CatMAP model): N x N over its first two descriptors'
 * ranges instead.
 * prints "ROW <ranks> <N> <schedule> <seconds> <points/s> <peak MiB per rank (max)>".
 * "alone": every rank sweeps the same first N/2 rows on MPI_COMM_SELF -- no
 * communication, equal work -- and the slowest rank's time is printed: how
 * much running side by side alone slows a rank on this machine. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>

#include <tofgrid.h>

int main(int argc, char **argv)
{
  MPI_Init(&argc, &argv);
  int rank, size;
  MPI_Comm_rank(MPI_COMM_WORLD, &rank);
  MPI_Comm_size(MPI_COMM_WORLD, &size);
  int n = argc > 1 ? atoi(argv[1]) : 300;
  const char *mode = argc > 2 ? argv[2] : "dynamic";
  int alone = strcmp(mode, "alone") == 0;
  tg_schedule sched = strcmp(mode, "dynamic") == 0 ? TG_SCHEDULE_DYNAMIC : TG_SCHEDULE_STATIC;
  tg_model *m;
  int rc = argc > 4 ? tg_model_load(argv[4], &m) : tg_model_default(&m);
  if (rc) {
    if (rank == 0) printf("ERROR %s\n", tg_error_message());
    MPI_Finalize();
    return rc;
  }
  double *v = malloc(2 * (size_t)n * sizeof *v), *w = v + n, lo, hi;
  tg_axis x = {tg_model_gas_index(m, "O2_g"), alone ? n / 2 : n, v}, y = {tg_model_gas_index(m, "CO_g"), n, w};
  if (tg_model_count(m, TG_DESCRIPTOR) >= 2) {
    for (int k = 0; k < 2; k++) {
      tg_model_descriptor(m, k, &lo, &hi, NULL, NULL);
      tg_linspace(lo, hi, n, k ? w : v);
    }
    x.variable = TG_AXIS_DESCRIPTOR(0), y.variable = TG_AXIS_DESCRIPTOR(1);
  } else {
    tg_linspace(1e-5, 0.5, n, v);
    tg_linspace(1e-5, 0.5, n, w);
  }
  tg_grid g;
  MPI_Barrier(MPI_COMM_WORLD);
  double t0 = MPI_Wtime();
  const char *file = argc > 3 && strcmp(argv[3], "-") ? argv[3] : NULL; /* written collectively, not gathered */
  memset(&g, 0, sizeof g);
  MPI_Comm comm = alone ? MPI_COMM_SELF : MPI_COMM_WORLD;
  rc = file ? tg_tof_grid_write(comm, m, &x, &y, sched, file) : tg_tof_grid(comm, m, &x, &y, sched, 0, &g);
  double t = MPI_Wtime() - t0, slowest = t;
  if (alone) MPI_Reduce(&t, &slowest, 1, MPI_DOUBLE, MPI_MAX, 0, MPI_COMM_WORLD);
  struct rusage ru;
  getrusage(RUSAGE_SELF, &ru);
  double mib = ru.ru_maxrss / 1024.0, peak = 0;
  MPI_Reduce(&mib, &peak, 1, MPI_DOUBLE, MPI_MAX, 0, MPI_COMM_WORLD);
  if (rank == 0 && rc) printf("ERROR %s\n", tg_error_message());
  if (rank == 0 && !rc)
    printf("ROW %d %d %s %.4f %.0f %.1f\n", size, n, mode, slowest, (double)x.n * n * (alone ? size : 1) / slowest,
           peak);
  tg_grid_free(&g);
  free(v);
  tg_model_free(m);
  MPI_Finalize();
  return rc;
}
