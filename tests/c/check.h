/* A minimal assertion harness for MPI tests: every rank counts its own
 * checks, tg_test_finish() sums them and rank 0 prints "N passed, N failed". */
#ifndef TOFGRID_TEST_CHECK_H
#define TOFGRID_TEST_CHECK_H

#include <stdio.h>
#include <string.h>

#include <mpi.h>

#include "tofgrid.h"

static long tg_test_checks, tg_test_failures;
static int tg_test_rank;

#define CHECK(cond, ...)                                                                        \
  do {                                                                                          \
    tg_test_checks++;                                                                           \
    if (!(cond)) {                                                                              \
      tg_test_failures++;                                                                       \
      fprintf(stderr, "[rank %d] %s:%d: CHECK(%s) failed: ", tg_test_rank, __FILE__, __LINE__, #cond); \
      fprintf(stderr, __VA_ARGS__);                                                             \
      fputc('\n', stderr);                                                                      \
    }                                                                                           \
  } while (0)

/* A tofgrid call that must succeed. */
#define CHECK_OK(call)                                                      \
  do {                                                                      \
    int rc_ = (call);                                                       \
    CHECK(rc_ == TG_SUCCESS, "%s -> %s: %s", #call, tg_status_name(rc_), tg_error_message()); \
  } while (0)

/* A tofgrid call that must fail with `status` and a message containing `text`. */
#define CHECK_FAILS(call, status, text)                                                   \
  do {                                                                                    \
    int rc_ = (call);                                                                     \
    CHECK(rc_ == (status), "%s -> %s, expected %s (%s)", #call, tg_status_name(rc_), #status, \
          tg_error_message());                                                            \
    CHECK(strstr(tg_error_message(), (text)) != NULL, "%s: message \"%s\" lacks \"%s\"", #call, \
          tg_error_message(), (text));                                                    \
  } while (0)

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
