/* 4. The four send modes side by side: standard (MPI may buffer), buffered
 * (into a buffer we attach), synchronous (completes when the receive has
 * started), ready (allowed only once the receive is posted).
 *   mpiexec -n 2 build/bin/example_04_send_modes */
#include <stdio.h>
#include <stdlib.h>

#include <mpi.h>

int main(int argc, char **argv)
{
  MPI_Init(&argc, &argv);
  int rank, data[10];
  MPI_Comm_rank(MPI_COMM_WORLD, &rank);
  const char *modes[4] = {"standard", "buffered", "synchronous", "ready"};
  if (rank == 0) {
    for (int i = 0; i < 10; i++) data[i] = i;
    MPI_Send(data, 10, MPI_INT, 1, 0, MPI_COMM_WORLD);
    int size = 10 * (int)sizeof(int) + MPI_BSEND_OVERHEAD;
    void *buf = malloc((size_t)size);
    MPI_Buffer_attach(buf, size); /* Bsend copies into this buffer and returns */
    MPI_Bsend(data, 10, MPI_INT, 1, 1, MPI_COMM_WORLD);
    MPI_Buffer_detach(&buf, &size); /* waits until the buffered message has left */
    free(buf);
    MPI_Ssend(data, 10, MPI_INT, 1, 2, MPI_COMM_WORLD);
    MPI_Barrier(MPI_COMM_WORLD); /* rank 1 has posted its receive for the ready send */
    MPI_Rsend(data, 10, MPI_INT, 1, 3, MPI_COMM_WORLD);
  } else if (rank == 1) {
    for (int mode = 0; mode < 3; mode++) {
      MPI_Recv(data, 10, MPI_INT, 0, mode, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
      printf("%s send: received %d..%d\n", modes[mode], data[0], data[9]);
    }
    MPI_Request req;
    MPI_Irecv(data, 10, MPI_INT, 0, 3, MPI_COMM_WORLD, &req);
    MPI_Barrier(MPI_COMM_WORLD);
    MPI_Wait(&req, MPI_STATUS_IGNORE);
    printf("%s send: received %d..%d\n", modes[3], data[0], data[9]);
  } else {
    MPI_Barrier(MPI_COMM_WORLD);
  }
  MPI_Finalize();
  return 0;
}
