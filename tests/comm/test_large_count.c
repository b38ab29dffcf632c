/* Counts beyond 2^31-1 elements: a broadcast of 2^31 + 17 bytes (about
 * 2 GiB per rank) goes through MPI-4's large-count call in one piece. An
 * int-count implementation would truncate or reject it. */
#include <stdint.h>
#include <stdlib.h>

#include "check_mpi.h"

int main(int argc, char **argv)
{
  MPI_Init(&argc, &argv);
  int rank;
  MPI_Comm_rank(MPI_COMM_WORLD, &rank);
  tg_test_rank = rank;
  const int64_t n = ((int64_t)1 << 31) + 17;
  uint8_t *buf = malloc((size_t)n);
  CHECK(buf != NULL, "cannot allocate %lld bytes", (long long)n);
  if (buf) {
    const int64_t probes[] = {0, 1, INT32_MAX - 1, INT32_MAX, (int64_t)INT32_MAX + 1, n - 2, n - 1};
    const int np = (int)(sizeof probes / sizeof probes[0]);
    if (rank == 0) {
      for (int i = 0; i < np; i++) buf[probes[i]] = (uint8_t)(11 + i);
    } else {
      for (int i = 0; i < np; i++) buf[probes[i]] = 0;
    }
    CHECK_OK(tg_bcast(MPI_COMM_WORLD, buf, n, TG_BYTE, 0));
    for (int i = 0; i < np; i++)
      CHECK(buf[probes[i]] == 11 + i, "byte %lld is %d", (long long)probes[i], buf[probes[i]]);
    free(buf);
  }
  int failed = tg_test_finish(MPI_COMM_WORLD);
  MPI_Finalize();
  return failed;
}
