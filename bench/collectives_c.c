/* Collective latency: tofgrid's C API against the same raw MPI calls, in the
 * same run. Each batch pair runs both sides back to back (order alternating,
 * so drift hits both alike); reported are the medians of each side's
 * per-call time and the median of the per-pair ratios. Prints one line per
 * (op, size): "ROW c <op> <bytes> <tofgrid us> <baseline us> <ratio>". */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <tofgrid.h>

enum { BATCHES = 41 };
static const int64_t sizes[] = {8, 64, 512, 4096, 32768, 262144, 1048576};
enum op { BCAST, ALLREDUCE, SCATTER, GATHER };
static const char *op_names[] = {"bcast", "allreduce", "scatter", "gather"};

static double *sendbuf, *recvbuf;
static int size;

static void call(enum op op, int tofgrid, int64_t n)
{
  MPI_Comm c = MPI_COMM_WORLD;
  switch (op) {
  case BCAST: tofgrid ? tg_bcast(c, sendbuf, n, TG_FLOAT64, 0) : MPI_Bcast(sendbuf, (int)n, MPI_DOUBLE, 0, c); break;
  case ALLREDUCE:
    tofgrid ? tg_allreduce(c, sendbuf, recvbuf, n, TG_FLOAT64, TG_SUM)
            : MPI_Allreduce(sendbuf, recvbuf, (int)n, MPI_DOUBLE, MPI_SUM, c);
    break;
  case SCATTER:
    tofgrid ? tg_scatter(c, sendbuf, recvbuf, n, TG_FLOAT64, 0)
            : MPI_Scatter(sendbuf, (int)n, MPI_DOUBLE, recvbuf, (int)n, MPI_DOUBLE, 0, c);
    break;
  case GATHER:
    tofgrid ? tg_gather(c, sendbuf, recvbuf, n, TG_FLOAT64, 0)
            : MPI_Gather(sendbuf, (int)n, MPI_DOUBLE, recvbuf, (int)n, MPI_DOUBLE, 0, c);
    break;
  }
}

static double batch(enum op op, int tofgrid, int64_t n, int reps)
{
  MPI_Barrier(MPI_COMM_WORLD);
  double t0 = MPI_Wtime();
  for (int i = 0; i < reps; i++) call(op, tofgrid, n);
  double t = (MPI_Wtime() - t0) / reps;
  MPI_Bcast(&t, 1, MPI_DOUBLE, 0, MPI_COMM_WORLD); /* rank 0's clock decides */
  return t;
}

static int cmp(const void *a, const void *b)
{
  double x = *(const double *)a, y = *(const double *)b;
  return (x > y) - (x < y);
}

int main(int argc, char **argv)
{
  MPI_Init(&argc, &argv);
  int rank;
  MPI_Comm_size(MPI_COMM_WORLD, &size);
  MPI_Comm_rank(MPI_COMM_WORLD, &rank);
  const int64_t max_elems = (1 << 20) / 8;
  sendbuf = calloc((size_t)(max_elems * size), sizeof *sendbuf);
  recvbuf = calloc((size_t)(max_elems * size), sizeof *recvbuf);
  for (int op = BCAST; op <= GATHER; op++)
    for (size_t k = 0; k < sizeof sizes / sizeof sizes[0]; k++) {
      int64_t bytes = sizes[k], n = bytes / 8;
      double once = batch(op, 0, n, 10); /* calibrate: ~2 ms per batch */
      int reps = (int)(2e-3 / (once > 1e-7 ? once : 1e-7));
      reps = reps < 5 ? 5 : reps > 20000 ? 20000 : reps;
      double tg[BATCHES], raw[BATCHES], ratio[BATCHES];
      for (int b = 0; b < BATCHES; b++) { /* a pair per batch, the order alternating */
        if (b % 2) {
          tg[b] = batch(op, 1, n, reps);
          raw[b] = batch(op, 0, n, reps);
        } else {
          raw[b] = batch(op, 0, n, reps);
          tg[b] = batch(op, 1, n, reps);
        }
        ratio[b] = tg[b] / raw[b];
      }
      qsort(tg, BATCHES, sizeof *tg, cmp);
      qsort(raw, BATCHES, sizeof *raw, cmp);
      qsort(ratio, BATCHES, sizeof *ratio, cmp);
      if (rank == 0)
        printf("ROW c %s %lld %.4f %.4f %.4f\n", op_names[op], (long long)bytes, tg[BATCHES / 2] * 1e6,
               raw[BATCHES / 2] * 1e6, ratio[BATCHES / 2]);
    }
  free(sendbuf);
  free(recvbuf);
  MPI_Finalize();
  return 0;
}
