/* Verdicts agreed across ranks: a failure on one rank (a full disk, no
 * memory) must not leave the other ranks waiting in a collective it will
 * never enter, and every rank should report the same cause: the first
 * failing rank's status and message are given to the ranks that did not
 * fail. */
#include <limits.h>
#include <string.h>

#include "map/map.h"

int tg__agree(MPI_Comm dup, int rc, const char *fn)
{
  int rank = 0, err = MPI_Comm_rank(dup, &rank);
  if (err != MPI_SUCCESS) return tg__mpi_fail(err, fn, "MPI_Comm_rank");
  int mine[2] = {rc ? rank : INT_MAX, rc}, first[2]; /* MINLOC: the lowest failing rank, and its status */
  err = MPI_Allreduce(mine, first, 1, MPI_2INT, MPI_MINLOC, dup);
  if (err != MPI_SUCCESS) return tg__mpi_fail(err, fn, "MPI_Allreduce");
  if (first[0] == INT_MAX) return TG_SUCCESS;
  char message[1024] = "";
  if (rank == first[0]) snprintf(message, sizeof message, "%s", tg_error_message());
  err = MPI_Bcast(message, (int)sizeof message, MPI_CHAR, first[0], dup);
  if (rc) return rc; /* a failing rank keeps its own message */
  if (err != MPI_SUCCESS) return tg__mpi_fail(err, fn, "MPI_Bcast");
  size_t skip = strncmp(message, fn, strlen(fn)) == 0 && !strncmp(message + strlen(fn), ": ", 2) ? strlen(fn) + 2 : 0;
  return tg__fail(first[1], fn, "on rank %d: %s", first[0], message + skip);
}
