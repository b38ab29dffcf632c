/**
 * @file tofgrid/error.h
 * @brief Status codes and the thread-local last-error message.
 *
 * Every tofgrid function returns an int status: TG_SUCCESS (0) or one of the
 * codes below. On failure a message saying what was wrong, in which function,
 * is kept per thread until the next failure; read it with tg_error_message().
 * tofgrid never prints, exits or aborts on its own.
 */
#ifndef TOFGRID_ERROR_H
#define TOFGRID_ERROR_H

#include "tofgrid/export.h"

#ifdef __cplusplus
extern "C" {
#endif

/* One list for codes, names and descriptions, so they cannot drift apart. */
#define TG_STATUS_LIST(X)                                                    \
  X(TG_SUCCESS, 0, "success")                                                \
  X(TG_ERR_ARG, 1, "invalid argument")                                       \
  X(TG_ERR_COMM, 2, "invalid communicator")                                  \
  X(TG_ERR_MPI, 3, "MPI call failed")                                        \
  X(TG_ERR_NOMEM, 4, "out of memory")                                        \
  X(TG_ERR_UNSUPPORTED, 5, "operation not supported for these arguments")                  \
  X(TG_ERR_IO, 6, "file cannot be read or written")                                         \
  X(TG_ERR_PARSE, 7, "malformed input file")                                                \
  X(TG_ERR_MODEL, 8, "inconsistent model")                                                  \
  X(TG_ERR_CONVERGENCE, 9, "no steady state found within the work bounds")

/** Status codes returned by every tofgrid function. */
typedef enum tg_status {
#define TG_STATUS_ENUM(name, value, text) name = value,
  TG_STATUS_LIST(TG_STATUS_ENUM)
#undef TG_STATUS_ENUM
} tg_status;

/**
 * @brief The message of the last failure on the calling thread ("" if none).
 *
 * The text names the tofgrid function and says what was wrong, e.g.
 * "tg_bcast: root 3 is outside the communicator (size 2)".
 * Not collective. The pointer stays valid until the next tofgrid failure on
 * this thread.
 */
TG_API const char *tg_error_message(void);

/** @brief The symbolic name of a status code ("TG_ERR_ARG"), or "TG_UNKNOWN". Not collective. */
TG_API const char *tg_status_name(int status);

/** @brief A one-line description of a status code. Not collective. */
TG_API const char *tg_status_string(int status);

#ifdef __cplusplus
}
#endif

#endif
