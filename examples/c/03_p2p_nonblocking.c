/* 3. Non-blocking point-to-point: an immediate send (completed with
 * MPI_Wait) received with a blocking receive; then a non-blocking receive.
 *   mpiexec -n 2 build/bin/example_03_p2p_nonblocking */
#include <stdio.h>

#include <mpi.h>

static void show(const char *what, const int *d)
{
  printf("rank 1 received (%s)", what);
  for (int i = 0; i < 10; i++) printf(" %d", d[i]);
  printf("\n");
}

int main(int argc, char **argv)
{
  MPI_Init(&argc, &argv);
  int rank, data[10];
  MPI_Request req;
  MPI_Comm_rank(MPI_COMM_WORLD, &rank);
  if (rank == 0) {
    for (int i = 0; i < 10; i++) data[i] = i;
    MPI_Isend(data, 10, MPI_INT, 1, 11, MPI_COMM_WORLD, &req); /* starts the send, returns at once */
    MPI_Wait(&req, MPI_STATUS_IGNORE);                         /* data may be reused only now */
    MPI_Send(data, 10, MPI_INT, 1, 12, MPI_COMM_WORLD);
  } else if (rank == 1) {
    MPI_Recv(data, 10, MPI_INT, 0, 11, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
    show("blocking receive", data);
    MPI_Irecv(data, 10, MPI_INT, 0, 12, MPI_COMM_WORLD, &req); /* post the receive, do other work ... */
    MPI_Wait(&req, MPI_STATUS_IGNORE);                         /* ... then wait for it */
    show("non-blocking receive", data);
  }
  MPI_Finalize();
  return 0;
}
