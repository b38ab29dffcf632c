/* A C program linking the installed tofgrid. */
#include <stdio.h>

#include <tofgrid.h>

int main(int argc, char **argv)
{
  MPI_Init(&argc, &argv);
  int rank, size;
  MPI_Comm_rank(MPI_COMM_WORLD, &rank);
  MPI_Comm_size(MPI_COMM_WORLD, &size);
  int64_t mine = rank + 1, sum = 0;
  int rc = tg_allreduce(MPI_COMM_WORLD, &mine, &sum, 1, TG_INT64, TG_SUM);
  int ok = rc == TG_SUCCESS && sum == (int64_t)size * (size + 1) / 2;
  if (rank == 0) printf("consumer_c: sum %lld %s (tofgrid %s)\n", (long long)sum, ok ? "ok" : "WRONG", tg_version());
  MPI_Finalize();
  return ok ? 0 : 1;
}
