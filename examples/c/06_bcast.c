/* 6. Broadcast: 0..9 from rank 0 to every rank, with tofgrid's bcast.
 *   mpiexec -n 3 build/bin/example_06_bcast */
#include <stdio.h>

#include <tofgrid.h>

int main(int argc, char **argv)
{
  MPI_Init(&argc, &argv);
  int rank;
  int64_t data[10] = {0};
  MPI_Comm_rank(MPI_COMM_WORLD, &rank);
  if (rank == 0)
    for (int i = 0; i < 10; i++) data[i] = i;
  if (tg_bcast(MPI_COMM_WORLD, data, 10, TG_INT64, 0) != TG_SUCCESS) { /* every rank calls it */
    fprintf(stderr, "%s\n", tg_error_message());
    MPI_Abort(MPI_COMM_WORLD, 1);
  }
  int64_t sum = 0;
  for (int i = 0; i < 10; i++) sum += data[i];
  printf("rank %d has %lld..%lld (sum %lld)\n", rank, (long long)data[0], (long long)data[9], (long long)sum);
  MPI_Finalize();
  return 0;
}
