/* 1. Communicators: COMM_WORLD and COMM_SELF, rank, size, group, Split --
 * then a tofgrid collective on the split communicator.
 *   mpiexec -n 4 build/bin/example_01_communicators */
#include <stdio.h>

#include <tofgrid.h>

int main(int argc, char **argv)
{
  MPI_Init(&argc, &argv);
  int rank, size, self_size;
  MPI_Comm_rank(MPI_COMM_WORLD, &rank);     /* who am I among all processes */
  MPI_Comm_size(MPI_COMM_WORLD, &size);     /* how many are we */
  MPI_Comm_size(MPI_COMM_SELF, &self_size); /* COMM_SELF: just me */

  MPI_Group group; /* the group behind a communicator */
  int group_size;
  MPI_Comm_group(MPI_COMM_WORLD, &group);
  MPI_Group_size(group, &group_size);
  MPI_Group_free(&group);
  if (rank == 0) printf("world size %d, self size %d, group size %d\n", size, self_size, group_size);

  /* Split by parity: even and odd ranks get communicators of their own. */
  MPI_Comm half;
  MPI_Comm_split(MPI_COMM_WORLD, rank % 2, rank, &half);
  int hrank, hsize;
  MPI_Comm_rank(half, &hrank);
  MPI_Comm_size(half, &hsize);

  /* A tofgrid collective on the split communicator: sum of world ranks. */
  int64_t mine = rank, sum = 0;
  if (tg_allreduce(half, &mine, &sum, 1, TG_INT64, TG_SUM) != TG_SUCCESS) {
    fprintf(stderr, "%s\n", tg_error_message());
    MPI_Abort(MPI_COMM_WORLD, 1);
  }
  if (hrank == 0)
    printf("split %s: %d ranks, sum of world ranks %lld\n", rank % 2 ? "odd" : "even", hsize, (long long)sum);
  MPI_Comm_free(&half);
  MPI_Finalize();
  return 0;
}
