/* Shared communicators, proven: COMM_WORLD is split into even and odd ranks
 * with MPI's own MPI_Comm_split, and tofgrid collectives run on both halves at
 * the same time. Every result must contain exactly the ranks of its own half.
 * One check runs on MPI_COMM_SELF. */
#include <stdlib.h>

#include "check_mpi.h"

int main(int argc, char **argv)
{
  MPI_Init(&argc, &argv);
  int wsize, wrank;
  MPI_Comm_size(MPI_COMM_WORLD, &wsize);
  MPI_Comm_rank(MPI_COMM_WORLD, &wrank);
  tg_test_rank = wrank;

  MPI_Comm half;
  MPI_Comm_split(MPI_COMM_WORLD, wrank % 2, wrank, &half);
  int hsize, hrank;
  CHECK_OK(tg_comm_info(half, &hsize, &hrank));

  /* allgather of world ranks: exactly my parity class, in order. */
  int64_t me = wrank, *ranks = malloc((size_t)hsize * sizeof *ranks);
  CHECK_OK(tg_allgather(half, &me, ranks, 1, TG_INT64));
  for (int i = 0; i < hsize; i++)
    CHECK(ranks[i] == 2 * i + wrank % 2, "half %d slot %d holds world rank %lld", wrank % 2, i, (long long)ranks[i]);

  /* allreduce: the sum of my half's world ranks only. */
  int64_t sum = 0, expect = 0;
  CHECK_OK(tg_allreduce(half, &me, &sum, 1, TG_INT64, TG_SUM));
  for (int r = wrank % 2; r < wsize; r += 2) expect += r;
  CHECK(sum == expect, "sum over half %d = %lld, expected %lld", wrank % 2, (long long)sum, (long long)expect);

  /* bcast from the half's last rank: each half gets its own root's value. */
  int64_t v = me;
  CHECK_OK(tg_bcast(half, &v, 1, TG_INT64, hsize - 1));
  CHECK(v == 2 * (hsize - 1) + wrank % 2, "bcast in half %d gave %lld", wrank % 2, (long long)v);

  /* COMM_SELF: a communicator of one. */
  double d = 1.5 + wrank, out = 0;
  CHECK_OK(tg_allreduce(MPI_COMM_SELF, &d, &out, 1, TG_FLOAT64, TG_SUM));
  CHECK(out == d, "allreduce on COMM_SELF gave %g", out);

  free(ranks);
  MPI_Comm_free(&half);
  int failed = tg_test_finish(MPI_COMM_WORLD);
  MPI_Finalize();
  return failed;
}
