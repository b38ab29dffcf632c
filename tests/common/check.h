/* A minimal assertion harness: every test counts its own checks and prints
 * "N passed, N failed" (tg_test_summary; MPI tests: tg_test_finish in
 * check_mpi.h, which sums over the ranks). No MPI here: the kernel's tests
 * build without it. */
#ifndef TOFGRID_TEST_CHECK_H
#define TOFGRID_TEST_CHECK_H

#include <stdio.h>
#include <string.h>

#include "tofgrid/error.h"

static long tg_test_checks, tg_test_failures;
static int tg_test_rank;

#define CHECK(cond, ...)                                                                               \
  do {                                                                                                 \
    tg_test_checks++;                                                                                  \
    if (!(cond)) {                                                                                     \
      tg_test_failures++;                                                                              \
      fprintf(stderr, "[rank %d] %s:%d: CHECK(%s) failed: ", tg_test_rank, __FILE__, __LINE__, #cond); \
      fprintf(stderr, __VA_ARGS__);                                                                    \
      fputc('\n', stderr);                                                                             \
    }                                                                                                  \
  } while (0)

/* A tofgrid call that must succeed. */
#define CHECK_OK(call)                                                                        \
  do {                                                                                        \
    int rc_ = (call);                                                                         \
    CHECK(rc_ == TG_SUCCESS, "%s -> %s: %s", #call, tg_status_name(rc_), tg_error_message()); \
  } while (0)

/* A tofgrid call that must fail with `status` and a message containing `text`. */
#define CHECK_FAILS(call, status, text)                                                                             \
  do {                                                                                                              \
    int rc_ = (call);                                                                                               \
    CHECK(rc_ == (status), "%s -> %s, expected %s (%s)", #call, tg_status_name(rc_), #status, tg_error_message());  \
    CHECK(strstr(tg_error_message(), (text)) != NULL, "%s: message \"%s\" lacks \"%s\"", #call, tg_error_message(), \
          (text));                                                                                                  \
  } while (0)

static inline int tg_test_summary(void)
{
  printf("%ld passed, %ld failed\n", tg_test_checks - tg_test_failures, tg_test_failures);
  return tg_test_failures ? 1 : 0;
}

#endif
