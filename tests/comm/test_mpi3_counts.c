/* The MPI-3.1 path for counts beyond 2^31 - 1 (src/comm/large_count.c), on
 * any MPI: with "fits in one call" set to 10 elements and blocks of 7, every
 * collective of more than 10 elements goes the way a count beyond INT_MAX
 * goes on Open MPI 4.1 -- one element of a spanning derived datatype (moves),
 * pieces (reductions), point to point (v-variants) -- and must give what the
 * plain call gives, in place too. The library uses this path when MPI_VERSION
 * < 4; the Open MPI CI pass runs the whole suite through it. */
#include <stdlib.h>
#include <string.h>

#include "check_mpi.h"
#include "comm/comm.h"

static int rank, size;

/* Every element of a (n of them) equals what f gives for its index. */
#define ALL_EQUAL(a, n, f, what)                                                    \
  do {                                                                              \
    int bad_ = 0;                                                                   \
    for (int64_t i_ = 0; i_ < (n); i_++) bad_ += (a)[i_] != (f);                    \
    CHECK(bad_ == 0, "%s: %d of %lld elements differ", what, bad_, (long long)(n)); \
  } while (0)

static void moves(void)
{
  int root = size - 1, n = 23;
  int *buf = malloc(64 * sizeof *buf), *all = malloc((size_t)(n * size) * sizeof *all);
  for (int i = 0; i < 50; i++) buf[i] = rank == root ? 1000 + i : -1;
  CHECK(tg__mpi3_bcast(buf, 50, MPI_INT, root, MPI_COMM_WORLD) == MPI_SUCCESS, "bcast");
  ALL_EQUAL(buf, 50, 1000 + i_, "bcast of 50");
  for (int i = 0; i < n * size; i++) all[i] = rank == root ? 7 * i : -1;
  CHECK(tg__mpi3_scatter(all, buf, n, MPI_INT, root, MPI_COMM_WORLD) == MPI_SUCCESS, "scatter");
  ALL_EQUAL(buf, n, 7 * (rank * n + i_), "scatter of 23 a rank");
  for (int i = 0; i < n; i++) buf[i] = 100 * rank + i;
  memset(all, 0xff, (size_t)(n * size) * sizeof *all);
  CHECK(tg__mpi3_gather(buf, all, n, MPI_INT, root, MPI_COMM_WORLD) == MPI_SUCCESS, "gather");
  if (rank == root) ALL_EQUAL(all, n * size, 100 * (i_ / n) + i_ % n, "gather of 23 a rank");
  memset(all, 0xff, (size_t)(n * size) * sizeof *all);
  CHECK(tg__mpi3_allgather(buf, all, n, MPI_INT, MPI_COMM_WORLD) == MPI_SUCCESS, "allgather");
  ALL_EQUAL(all, n * size, 100 * (i_ / n) + i_ % n, "allgather of 23 a rank");
  free(buf), free(all);
}

static void reductions(void)
{
  int n = 45, root = size - 1;
  double *s = malloc((size_t)n * sizeof *s), *r = malloc((size_t)n * sizeof *r);
  double ranks = size * (size - 1) / 2.0;
  for (int i = 0; i < n; i++) s[i] = rank + i;
  CHECK(tg__mpi3_allreduce(s, r, n, MPI_DOUBLE, MPI_SUM, MPI_COMM_WORLD) == MPI_SUCCESS, "allreduce");
  ALL_EQUAL(r, n, ranks + (double)size * i_, "allreduce of 45 in pieces of 7");
  CHECK(tg__mpi3_allreduce(MPI_IN_PLACE, s, n, MPI_DOUBLE, MPI_MAX, MPI_COMM_WORLD) == MPI_SUCCESS, "in place");
  ALL_EQUAL(s, n, (double)(size - 1) + i_, "allreduce in place");
  for (int i = 0; i < n; i++) s[i] = rank + i, r[i] = -1;
  CHECK(tg__mpi3_reduce(s, rank == root ? r : NULL, n, MPI_DOUBLE, MPI_SUM, root, MPI_COMM_WORLD) == MPI_SUCCESS,
        "reduce");
  if (rank == root) ALL_EQUAL(r, n, ranks + (double)size * i_, "reduce of 45 in pieces of 7");
  CHECK(tg__mpi3_reduce(rank == root ? MPI_IN_PLACE : s, rank == root ? s : NULL, n, MPI_DOUBLE, MPI_SUM, root,
                        MPI_COMM_WORLD) == MPI_SUCCESS,
        "reduce in place");
  if (rank == root) ALL_EQUAL(s, n, ranks + (double)size * i_, "reduce in place at the root");
  free(s), free(r);
}

/* Rank k holds 3 + 11 k elements, placed with a gap of 2 after each. */
static void v_variants(void)
{
  int root = 0;
  MPI_Count *counts = malloc((size_t)size * sizeof *counts);
  MPI_Aint *displs = malloc((size_t)size * sizeof *displs);
  int64_t total = 0, n = 3 + 11 * rank;
  for (int k = 0; k < size; k++) counts[k] = 3 + 11 * k, displs[k] = total, total += counts[k] + 2;
  long *all = malloc((size_t)total * sizeof *all), *mine = malloc((size_t)n * sizeof *mine);
  for (int64_t i = 0; i < n; i++) mine[i] = 1000 * rank + i;
  for (int64_t i = 0; i < total; i++) all[i] = -7;
  CHECK(tg__mpi3_gatherv(mine, n, all, counts, displs, MPI_LONG, root, MPI_COMM_WORLD) == MPI_SUCCESS, "gatherv");
  int bad = 0;
  for (int k = 0; rank == root && k < size; k++)
    for (int64_t i = 0; i < counts[k] + 2; i++) bad += all[displs[k] + i] != (i < counts[k] ? 1000 * k + i : -7);
  CHECK(bad == 0, "gatherv: %d elements wrong (gaps untouched)", bad);
  for (int64_t i = 0; i < total; i++) all[i] = -7;
  for (int64_t i = 0; i < n; i++) all[displs[rank] + i] = 1000 * rank + i;
  CHECK(tg__mpi3_allgatherv(MPI_IN_PLACE, 0, all, counts, displs, MPI_LONG, MPI_COMM_WORLD) == MPI_SUCCESS,
        "allgatherv in place");
  bad = 0;
  for (int k = 0; k < size; k++)
    for (int64_t i = 0; i < counts[k] + 2; i++) bad += all[displs[k] + i] != (i < counts[k] ? 1000 * k + i : -7);
  CHECK(bad == 0, "allgatherv in place: %d elements wrong", bad);
  for (int64_t i = 0; i < n; i++) mine[i] = -1;
  CHECK(tg__mpi3_scatterv(all, counts, displs, mine, n, MPI_LONG, root, MPI_COMM_WORLD) == MPI_SUCCESS, "scatterv");
  ALL_EQUAL(mine, n, 1000 * rank + i_, "scatterv");
  free(counts), free(displs), free(all), free(mine);
}

int main(int argc, char **argv)
{
  MPI_Init(&argc, &argv);
  MPI_Comm_rank(MPI_COMM_WORLD, &rank);
  MPI_Comm_size(MPI_COMM_WORLD, &size);
  tg_test_rank = rank;
  tg__mpi3_set_limits(10, 7); /* beyond 10 elements: the large-count path, in blocks of 7 */
  moves();
  reductions();
  v_variants();
  tg__mpi3_set_limits(0, 0); /* the defaults: the same calls in one piece */
  moves();
  reductions();
  v_variants();
  int failed = tg_test_finish(MPI_COMM_WORLD);
  MPI_Finalize();
  return failed;
}
