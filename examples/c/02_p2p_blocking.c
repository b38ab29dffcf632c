/* 2. Blocking point-to-point: rank 0 sends 0..9 to rank 1 with a tag.
 *   mpiexec -n 2 build/bin/example_02_p2p_blocking */
#include <stdio.h>

#include <mpi.h>

int main(int argc, char **argv)
{
  MPI_Init(&argc, &argv);
  int rank, data[10];
  MPI_Comm_rank(MPI_COMM_WORLD, &rank);
  if (rank == 0) {
    for (int i = 0; i < 10; i++) data[i] = i;
    MPI_Send(data, 10, MPI_INT, 1, 11, MPI_COMM_WORLD); /* returns when data may be reused */
  } else if (rank == 1) {
    MPI_Recv(data, 10, MPI_INT, 0, 11, MPI_COMM_WORLD, MPI_STATUS_IGNORE); /* waits for it */
    printf("rank 1 received");
    for (int i = 0; i < 10; i++) printf(" %d", data[i]);
    printf("\n");
  }
  MPI_Finalize();
  return 0;
}
