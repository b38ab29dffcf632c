/* 5. Buffer messages: a typed array (int32 0..9) sent and received as a
 * buffer -- in C every message is one; the type is MPI_INT32_T.
 *   mpiexec -n 2 build/bin/example_05_buffers */
#include <stdint.h>
#include <stdio.h>

#include <mpi.h>

int main(int argc, char **argv)
{
  MPI_Init(&argc, &argv);
  int rank;
  int32_t data[10];
  MPI_Comm_rank(MPI_COMM_WORLD, &rank);
  if (rank == 0) {
    for (int i = 0; i < 10; i++) data[i] = i;
    MPI_Send(data, 10, MPI_INT32_T, 1, 13, MPI_COMM_WORLD);
  } else if (rank == 1) {
    MPI_Recv(data, 10, MPI_INT32_T, 0, 13, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
    printf("rank 1 received int32 buffer");
    for (int i = 0; i < 10; i++) printf(" %d", (int)data[i]);
    printf("\n");
  }
  MPI_Finalize();
  return 0;
}
