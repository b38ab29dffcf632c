/* tofgrid's collectives from C, on your own communicator.
 *   mpiexec -n 2 build/bin/demo_collectives
 * Splits MPI_COMM_WORLD into even and odd ranks, then on each half:
 * scatters 0..9 in (possibly uneven) blocks, sums each block, gathers the
 * partial sums on the half's root and reduces them. */
#include <stdio.h>
#include <stdlib.h>

#include <tofgrid.h>

#define CHECK(call)                                                            \
  do {                                                                         \
    if ((call) != TG_SUCCESS) {                                                \
      fprintf(stderr, "tofgrid error: %s\n", tg_error_message());              \
      MPI_Abort(MPI_COMM_WORLD, 1); /* the program decides, not the library */ \
    }                                                                          \
  } while (0)

int main(int argc, char **argv)
{
  MPI_Init(&argc, &argv);
  int wrank;
  MPI_Comm_rank(MPI_COMM_WORLD, &wrank);
  MPI_Comm half; /* your communicator: tofgrid uses it as it is */
  MPI_Comm_split(MPI_COMM_WORLD, wrank % 2, wrank, &half);
  int size, rank;
  CHECK(tg_comm_info(half, &size, &rank));

  const int64_t n = 10;
  double all[10];
  for (int i = 0; i < n; i++) all[i] = i;
  int64_t offset, count;
  CHECK(tg_block_range(n, size, rank, &offset, &count));
  double *mine = malloc((size_t)(count ? count : 1) * sizeof *mine);
  CHECK(tg_scatter_block(half, all, mine, n, 1, TG_FLOAT64, 0));

  double partial = 0, total = 0;
  for (int64_t i = 0; i < count; i++) partial += mine[i];
  double *partials = malloc((size_t)size * sizeof *partials);
  CHECK(tg_gather(half, &partial, partials, 1, TG_FLOAT64, 0));
  CHECK(tg_allreduce(half, &partial, &total, 1, TG_FLOAT64, TG_SUM));

  if (rank == 0) { /* one printf per line, so the halves' lines do not interleave */
    char line[512];
    int len = snprintf(line, sizeof line, "half %d (%d ranks): partial sums", wrank % 2, size);
    for (int r = 0; r < size && len < (int)sizeof line; r++)
      len += snprintf(line + len, sizeof line - (size_t)len, " %g", partials[r]);
    printf("%s, total %g\n", line, total);
  }
  free(mine);
  free(partials);
  MPI_Comm_free(&half);
  MPI_Finalize();
  return 0;
}
