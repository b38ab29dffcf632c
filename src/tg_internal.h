/* Internal helpers shared by the C core and the language shims. Not installed. */
#ifndef TOFGRID_INTERNAL_H
#define TOFGRID_INTERNAL_H

#include <stddef.h>
#include <stdint.h>

#include <mpi.h>

#include "tofgrid.h"

#if defined(__GNUC__) || defined(__clang__)
#define TG_PRINTF(f, a) __attribute__((format(printf, f, a)))
#define TG_UNLIKELY(x) __builtin_expect(!!(x), 0)
#else
#define TG_PRINTF(f, a)
#define TG_UNLIKELY(x) (x)
#endif

/* Record "fn: message" as the thread's last error and return status.
 * Exported (but not public) so the Fortran and Python shims report errors the
 * same way. */
TG_API int tg__fail(int status, const char *fn, const char *fmt, ...) TG_PRINTF(3, 4);

/* Turn an MPI return code into a tofgrid status (message: MPI's own text). */
int tg__mpi(int mpi_err, const char *fn, const char *call);

/* Element type and reduction-op tables (dtype.c). */
int tg__dtype(tg_dtype dtype, const char *fn, MPI_Datatype *type, size_t *size);
int tg__op(tg_op op, tg_dtype dtype, const char *fn, MPI_Op *mpi_op);

/* Argument checks (check.c); each returns TG_SUCCESS or records the error. */
TG_API int tg__comm(MPI_Comm comm, const char *fn, int *size, int *rank);
int tg__root(int root, int size, const char *fn);
int tg__buffer(const void *buf, int64_t count, size_t elem_size, const char *fn, const char *name);
int tg__counts(const int64_t *counts, int size, size_t elem_size, const char *fn, const char *name,
               int64_t *total);

#define TG_CALL(expr)              \
  do {                             \
    int tg_rc_ = (expr);           \
    if (TG_UNLIKELY(tg_rc_)) return tg_rc_; \
  } while (0)

#endif
