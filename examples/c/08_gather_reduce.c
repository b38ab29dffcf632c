/* 8. Gather: each rank's number gathered at the root with tofgrid; and a
 * reduce (their sum).
 *   mpiexec -n 3 build/bin/example_08_gather_reduce */
#include <stdio.h>
#include <stdlib.h>

#include <tofgrid.h>

int main(int argc, char **argv)
{
  MPI_Init(&argc, &argv);
  int rank, size;
  MPI_Comm_rank(MPI_COMM_WORLD, &rank);
  MPI_Comm_size(MPI_COMM_WORLD, &size);
  int64_t mine = rank, total = 0, *all = malloc((size_t)size * sizeof *all);
  int rc = tg_gather(MPI_COMM_WORLD, &mine, all, 1, TG_INT64, 0);
  if (!rc) rc = tg_reduce(MPI_COMM_WORLD, &mine, &total, 1, TG_INT64, TG_SUM, 0);
  if (rc) {
    fprintf(stderr, "%s\n", tg_error_message());
    MPI_Abort(MPI_COMM_WORLD, 1);
  }
  if (rank == 0) {
    printf("gathered");
    for (int r = 0; r < size; r++) printf(" %lld", (long long)all[r]);
    printf("\nreduced sum %lld\n", (long long)total);
  }
  free(all);
  MPI_Finalize();
  return 0;
}
