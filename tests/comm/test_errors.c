/* Bad input gets a status and a message naming the function and the problem,
 * never a crash; MPI's own errors come back as TG_ERR_MPI when the
 * communicator's handler returns. Runs at 1 and 2 ranks. */
#include <stdint.h>

#include "check_mpi.h"

int main(int argc, char **argv)
{
  /* Before MPI_Init: a status, not MPI's "used before initialization" abort. */
  double x[4] = {1, 2, 3, 4}, y[4];
  int pre = tg_bcast(MPI_COMM_WORLD, x, 4, TG_FLOAT64, 0);
  MPI_Init(&argc, &argv);
  int size, rank;
  MPI_Comm_size(MPI_COMM_WORLD, &size);
  MPI_Comm_rank(MPI_COMM_WORLD, &rank);
  tg_test_rank = rank;
  CHECK(pre == TG_ERR_COMM, "bcast before MPI_Init -> %s", tg_status_name(pre));
  MPI_Comm w = MPI_COMM_WORLD;

  CHECK_FAILS(tg_bcast(MPI_COMM_NULL, x, 4, TG_FLOAT64, 0), TG_ERR_COMM, "tg_bcast: the communicator is MPI_COMM_NULL");
  CHECK_FAILS(tg_allreduce(MPI_COMM_NULL, x, y, 4, TG_FLOAT64, TG_SUM), TG_ERR_COMM, "MPI_COMM_NULL");
  CHECK_FAILS(tg_bcast(w, NULL, 4, TG_FLOAT64, 0), TG_ERR_ARG, "tg_bcast: buf is NULL but count is 4");
  CHECK_OK(tg_bcast(w, NULL, 0, TG_FLOAT64, 0)); /* nothing to send: NULL is fine */
  CHECK_FAILS(tg_bcast(w, x, -1, TG_FLOAT64, 0), TG_ERR_ARG, "count -1 is negative");
  CHECK_FAILS(tg_bcast(w, x, INT64_MAX / 2, TG_FLOAT64, 0), TG_ERR_ARG, "overflows");
  CHECK_FAILS(tg_bcast(w, x, 4, TG_FLOAT64, size), TG_ERR_ARG, "is outside the communicator");
  CHECK_FAILS(tg_bcast(w, x, 4, TG_FLOAT64, -1), TG_ERR_ARG, "root -1 is outside");
  CHECK_FAILS(tg_bcast(w, x, 4, (tg_dtype)42, 0), TG_ERR_ARG, "unknown dtype 42");
  CHECK_FAILS(tg_bcast(w, TG_IN_PLACE, 4, TG_FLOAT64, 0), TG_ERR_ARG, "TG_IN_PLACE is not allowed");
  CHECK_FAILS(tg_allreduce(w, x, y, 4, TG_FLOAT64, (tg_op)9), TG_ERR_ARG, "unknown op 9");
  CHECK_FAILS(tg_allreduce(w, x, y, 4, TG_COMPLEX128, TG_MAX), TG_ERR_UNSUPPORTED, "not defined for complex128");
  CHECK_FAILS(tg_allreduce(w, x, y, 4, TG_BYTE, TG_SUM), TG_ERR_UNSUPPORTED, "byte elements cannot be reduced");
  CHECK_FAILS(tg_allreduce(w, x, x, 4, TG_FLOAT64, TG_SUM), TG_ERR_ARG, "pass TG_IN_PLACE");
  CHECK_FAILS(tg_allreduce(w, x, TG_IN_PLACE, 4, TG_FLOAT64, TG_SUM), TG_ERR_ARG, "not allowed for recvbuf");
  /* Checks of root-only arguments run on COMM_SELF: on a larger communicator
   * the other ranks would enter the collective and wait for the root. */
  MPI_Comm self = MPI_COMM_SELF;
  CHECK_FAILS(tg_reduce(self, x, NULL, 4, TG_FLOAT64, TG_SUM, 0), TG_ERR_ARG, "tg_reduce: recvbuf is NULL");
  CHECK_FAILS(tg_scatter(self, NULL, y, 1, TG_FLOAT64, 0), TG_ERR_ARG, "tg_scatter: sendbuf is NULL");
  CHECK_FAILS(tg_gather(w, x, y, INT64_MAX / 4, TG_FLOAT64, 0), TG_ERR_ARG, "overflows");
  int64_t bad[1] = {-2};
  CHECK_FAILS(tg_scatterv(self, x, bad, y, 1, TG_FLOAT64, 0), TG_ERR_ARG, "sendcounts[0] = -2 is negative");
  CHECK_FAILS(tg_gatherv(self, x, 1, y, NULL, TG_FLOAT64, 0), TG_ERR_ARG, "tg_gatherv: recvcounts is NULL");
  int64_t two[1] = {2};
  CHECK_FAILS(tg_gatherv(self, x, 1, y, two, TG_FLOAT64, 0), TG_ERR_ARG, "sends 1 elements but its block has 2");
  CHECK_FAILS(tg_scatterv(self, x, two, y, 1, TG_FLOAT64, 0), TG_ERR_ARG,
              "receives 1 elements but its own block has 2");
  CHECK_FAILS(tg_scatter_block(w, x, y, -3, 1, TG_FLOAT64, 0), TG_ERR_ARG, "tg_scatter_block: n = -3 is negative");
  CHECK_FAILS(tg_allgather_block(w, x, y, 2, -1, TG_FLOAT64), TG_ERR_ARG, "width = -1 is negative");
  CHECK_FAILS(tg_gather_block(w, x, y, INT64_MAX / 2, 4, TG_FLOAT64, 0), TG_ERR_ARG, "overflows");
  int64_t off, cnt;
  CHECK_FAILS(tg_block_range(10, 0, 0, &off, &cnt), TG_ERR_ARG, "size = 0 must be positive");
  CHECK_FAILS(tg_block_range(10, 2, 2, &off, &cnt), TG_ERR_ARG, "rank 2 is outside [0, 2)");
  CHECK_FAILS(tg_block_range(-1, 2, 0, &off, &cnt), TG_ERR_ARG, "n = -1 is negative");
  CHECK_FAILS(tg_block_range(1, 2, 0, NULL, &cnt), TG_ERR_ARG, "must not be NULL");
  CHECK(strcmp(tg_status_name(TG_ERR_COMM), "TG_ERR_COMM") == 0, "status name");
  CHECK(strcmp(tg_status_name(12345), "TG_UNKNOWN") == 0, "unknown status name");
  CHECK(strcmp(tg_status_string(TG_ERR_MPI), "MPI call failed") == 0, "status text");

  /* An intercommunicator is refused before MPI is entered. */
  if (size == 2) {
    MPI_Comm half, inter;
    MPI_Comm_split(w, rank, 0, &half);
    MPI_Intercomm_create(half, 0, w, 1 - rank, 7, &inter);
    CHECK_FAILS(tg_bcast(inter, x, 4, TG_FLOAT64, 0), TG_ERR_COMM, "intercommunicators are not supported");
    MPI_Comm_free(&inter);
    MPI_Comm_free(&half);

    /* MPI's own error (a count mismatch) on a communicator whose handler
     * returns: TG_ERR_MPI with MPI's text. The library did not set the handler. */
    MPI_Comm ret;
    MPI_Comm_dup(w, &ret);
    MPI_Comm_set_errhandler(ret, MPI_ERRORS_RETURN);
    double z[4] = {5, 6, 7, 8};
    /* A valid call first, so the failing one takes the fast path (communicator seen). */
    CHECK(tg_bcast(ret, z, 4, TG_FLOAT64, 0) == TG_SUCCESS, "bcast on the returning communicator: %s",
          tg_error_message());
    int rc = tg_bcast(ret, z, rank == 0 ? 4 : 1, TG_FLOAT64, 0);
    if (rank == 1) {
      CHECK(rc == TG_ERR_MPI, "count mismatch -> %s (%s)", tg_status_name(rc), tg_error_message());
      CHECK(
          strstr(tg_error_message(), MPI_VERSION >= 4 ? "tg_bcast: MPI_Bcast_c failed" : "tg_bcast: MPI_Bcast failed"),
          "message: %s", tg_error_message());
    }
    MPI_Errhandler eh;
    MPI_Comm_get_errhandler(w, &eh);
    CHECK(eh == MPI_ERRORS_ARE_FATAL, "tofgrid must not change the caller's error handler");
    MPI_Errhandler_free(&eh);
    MPI_Comm_free(&ret);
  }
  /* Nothing is lost on error: the buffer is untouched. */
  CHECK(x[0] == 1 && x[1] == 2 && x[2] == 3 && x[3] == 4, "buffer changed by a failed call");

  int failed = tg_test_finish(w);
  MPI_Finalize();
  return failed;
}
