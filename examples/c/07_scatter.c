/* 7. Scatter: 0..9 over the ranks with tofgrid -- one item each at 10 ranks,
 * uneven blocks (tg_block_range) at other counts.
 *   mpiexec -n 10 build/bin/example_07_scatter   (or -n 3) */
#include <stdio.h>
#include <stdlib.h>

#include <tofgrid.h>

int main(int argc, char **argv)
{
  MPI_Init(&argc, &argv);
  int rank, size;
  MPI_Comm_rank(MPI_COMM_WORLD, &rank);
  MPI_Comm_size(MPI_COMM_WORLD, &size);
  int64_t all[10], off, cnt;
  for (int i = 0; i < 10; i++) all[i] = i;    /* read at the root only */
  tg_block_range(10, size, rank, &off, &cnt); /* my block of the 10 items */
  int64_t *mine = malloc((size_t)(cnt ? cnt : 1) * sizeof *mine);
  if (tg_scatter_block(MPI_COMM_WORLD, all, mine, 10, 1, TG_INT64, 0) != TG_SUCCESS) {
    fprintf(stderr, "%s\n", tg_error_message());
    MPI_Abort(MPI_COMM_WORLD, 1);
  }
  char line[128];
  int len = snprintf(line, sizeof line, "rank %d got", rank);
  for (int64_t i = 0; i < cnt; i++) len += snprintf(line + len, sizeof line - (size_t)len, " %lld", (long long)mine[i]);
  puts(line);
  free(mine);
  MPI_Finalize();
  return 0;
}
