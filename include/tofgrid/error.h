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

/**
 * @brief The one list of status codes, as an X-macro: X(name, value, description).
 *
 * The enum tg_status, tg_status_name() and tg_status_string() are all
 * generated from it, so codes, names and descriptions cannot drift apart.
 * Values are stable: the Fortran and Python faces use them.
 */
#define TG_STATUS_LIST(X)                                                 \
  X(TG_SUCCESS, 0, "success")                                             \
  X(TG_ERR_ARG, 1, "invalid argument")                                    \
  X(TG_ERR_COMM, 2, "invalid communicator")                               \
  X(TG_ERR_MPI, 3, "MPI call failed")                                     \
  X(TG_ERR_NOMEM, 4, "out of memory")                                     \
  X(TG_ERR_UNSUPPORTED, 5, "operation not supported for these arguments") \
  X(TG_ERR_IO, 6, "file cannot be read or written")                       \
  X(TG_ERR_PARSE, 7, "malformed input file")                              \
  X(TG_ERR_MODEL, 8, "inconsistent model")                                \
  X(TG_ERR_CONVERGENCE, 9, "no steady state found within the work bounds")

/**
 * @def TG_STATUS_ENUM
 * @brief Turns one TG_STATUS_LIST row into an enumerator of tg_status
 * (defined and @c \#undef'd inside the enum).
 */

/**
 * @brief Status codes returned by every tofgrid function that returns an int
 * status (TG_STATUS_LIST).
 *
 * 0 is success; every other code is a failure, described by
 * tg_error_message() on the calling thread.
 */
typedef enum tg_status {
#define TG_STATUS_ENUM(name, value, text) name = value,
  TG_STATUS_LIST(TG_STATUS_ENUM)
#undef TG_STATUS_ENUM
} tg_status;

/** @var TG_SUCCESS
 *  The call did what it was asked (0). */
/** @var TG_ERR_ARG
 *  An argument is invalid: NULL where a pointer is required, a negative or
 *  overflowing count, a root outside the communicator, an unknown dtype or
 *  op, TG_IN_PLACE where it is not allowed, counts that do not match, a
 *  condition (temperature, pressure, solver option) out of range. */
/** @var TG_ERR_COMM
 *  The communicator cannot be used: MPI_COMM_NULL, an intercommunicator, or
 *  MPI not initialised (or already finalised). */
/** @var TG_ERR_MPI
 *  An MPI call failed and the communicator's error handler returned
 *  (MPI_ERRORS_RETURN); the message holds MPI's own text. */
/** @var TG_ERR_NOMEM
 *  Memory could not be allocated. */
/** @var TG_ERR_UNSUPPORTED
 *  The arguments are valid but the operation is not supported for them:
 *  a reduction of TG_BYTE, min or max of complex128, a model with liquids,
 *  map files in a build without parallel HDF5. */
/** @var TG_ERR_IO
 *  A file cannot be opened, read or written. */
/** @var TG_ERR_PARSE
 *  An input file is malformed (YAML syntax, a value of the wrong type or not a
 *  number); the message names the file, line and column. */
/** @var TG_ERR_MODEL
 *  A model is well-formed YAML but inconsistent (unknown keys or species,
 *  missing energies, pressures or site totals, unbalanced steps, ...); the
 *  message names the file and line. */
/** @var TG_ERR_CONVERGENCE
 *  No steady state was found within the solver's work bounds. */

/**
 * @brief The message of the last failure on the calling thread.
 *
 * The text names the tofgrid function and says what was wrong, e.g.
 * "tg_bcast: root 3 is outside the communicator (size 2)". Each thread keeps
 * its own message (at most 1023 characters, longer ones are truncated); a
 * successful call does not clear it.
 *
 * @par Collectivity
 * Not collective.
 *
 * @return The message, or "" if no tofgrid call has failed on this thread.
 *         Never NULL. The text stays valid until the next tofgrid failure on
 *         this thread, which overwrites it; do not free it.
 *
 * @see tg_status_name(), tg_status_string()
 */
TG_API const char *tg_error_message(void);

/**
 * @brief The symbolic name of a status code, e.g. "TG_ERR_ARG".
 *
 * @par Collectivity
 * Not collective.
 *
 * @param[in] status  a status code returned by a tofgrid function (any int)
 * @return The enumerator's name ("TG_SUCCESS", "TG_ERR_ARG", ...), or
 *         "TG_UNKNOWN" for a value that is not a tg_status. A static string;
 *         never NULL.
 *
 * @see tg_status_string(), tg_error_message()
 */
TG_API const char *tg_status_name(int status);

/**
 * @brief A one-line description of a status code, e.g. "invalid argument".
 *
 * The description is generic; tg_error_message() says what went wrong in a
 * particular call.
 *
 * @par Collectivity
 * Not collective.
 *
 * @param[in] status  a status code returned by a tofgrid function (any int)
 * @return The description from TG_STATUS_LIST, or "unknown status" for a value
 *         that is not a tg_status. A static string; never NULL.
 *
 * @see tg_status_name(), tg_error_message()
 */
TG_API const char *tg_status_string(int status);

#ifdef __cplusplus
}
#endif

#endif
