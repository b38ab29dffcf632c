/* The assertion harness for MPI tests: every rank counts its own checks,
 * tg_test_finish() sums them and rank 0 prints "N passed, N failed". */
#ifndef TOFGRID_TEST_CHECK_MPI_H
#define TOFGRID_TEST_CHECK_MPI_H

#include <mpi.h>

#include "check.h"
#include "tofgrid.h"

static inline int tg_test_finish(MPI_Comm comm)
{
  long local[2] = {tg_test_checks - tg_test_failures, tg_test_failures}, total[2];
  MPI_Allreduce(local, total, 2, MPI_LONG, MPI_SUM, comm);
  int rank;
  MPI_Comm_rank(comm, &rank);
  if (rank == 0) printf("%ld passed, %ld failed\n", total[0], total[1]);
  return total[1] ? 1 : 0;
}

#endif
