/* Internal helpers shared by the C core and the language shims. Not installed. */
#ifndef TOFGRID_INTERNAL_H
#define TOFGRID_INTERNAL_H

#include <complex.h>
#include <stdatomic.h>
#include <stddef.h>
#include <stdint.h>

#include <mpi.h>

#include "tofgrid.h"

#if !TG_FAST_PATH /* its macros and declarations are used below */
#error "tofgrid's sources need C11 (tofgrid/fast_path.h)"
#endif

#if defined(__GNUC__) || defined(__clang__)
#define TG_PRINTF(f, a) __attribute__((format(printf, f, a)))
#define TG_UNLIKELY(x) __builtin_expect(!!(x), 0)
#define TG_LIKELY(x) __builtin_expect(!!(x), 1)
#define TG_NOINLINE __attribute__((noinline)) /* a fast path's fallback: keeps its register saves off the fast path */
#else
#define TG_NOINLINE
#define TG_PRINTF(f, a)
#define TG_UNLIKELY(x) (x)
#define TG_LIKELY(x) (x)
#endif

/* Record "fn: message" as the thread's last error and return status.
 * Exported (but not public) so the Fortran and Python shims report errors the
 * same way. */
TG_API int tg__fail(int status, const char *fn, const char *fmt, ...) TG_PRINTF(3, 4);

/* An MPI return code as a tofgrid status (message: MPI's own text; tg__mpi_fail
 * is declared in tofgrid/fast_path.h). */
static inline int tg__mpi(int mpi_err, const char *fn, const char *call)
{
  return TG_LIKELY(mpi_err == MPI_SUCCESS) ? TG_SUCCESS : tg__mpi_fail(mpi_err, fn, call);
}

/* The one table of element types (their MPI datatypes, in the same order,
 * are TG__MPI_TYPES in tofgrid/fast_path.h): */
/* dtype, name, element size, reducible, ordered (min/max) */
#define TG_DTYPE_LIST(X)                                      \
  X(TG_BYTE, "byte", 1, 0, 0)                                 \
  X(TG_INT32, "int32", sizeof(int32_t), 1, 1)                 \
  X(TG_INT64, "int64", sizeof(int64_t), 1, 1)                 \
  X(TG_FLOAT32, "float32", sizeof(float), 1, 1)               \
  X(TG_FLOAT64, "float64", sizeof(double), 1, 1)              \
  X(TG_COMPLEX128, "complex128", sizeof(double _Complex), 1, 0)

/* Out-of-line error reports of the lookups below (dtype.c). */
int tg__bad_dtype(tg_dtype dtype, const char *fn);
int tg__bad_op(tg_op op, tg_dtype dtype, const char *fn);

/* tg_dtype -> MPI datatype and element size. */
static inline int tg__dtype(tg_dtype dtype, const char *fn, MPI_Datatype *type, size_t *size)
{
  static const MPI_Datatype types[TG__N_DTYPES] = TG__MPI_TYPES;
  switch (dtype) {
#define TG_DTYPE_CASE(d, name, sz, red, ord) \
  case d: *type = types[d]; *size = sz; return TG_SUCCESS;
    TG_DTYPE_LIST(TG_DTYPE_CASE)
#undef TG_DTYPE_CASE
  }
  return tg__bad_dtype(dtype, fn);
}

/* tg_op -> MPI_Op, refused where MPI does not define it for the dtype. */
static inline int tg__op(tg_op op, tg_dtype dtype, const char *fn, MPI_Op *mpi_op)
{
  int reducible = 0, ordered = 0;
  switch (dtype) {
#define TG_DTYPE_FLAGS(d, name, sz, red, ord) case d: reducible = red; ordered = ord; break;
    TG_DTYPE_LIST(TG_DTYPE_FLAGS)
#undef TG_DTYPE_FLAGS
  }
  switch (op) {
  case TG_SUM: *mpi_op = MPI_SUM; break;
  case TG_PROD: *mpi_op = MPI_PROD; break;
  case TG_MIN: *mpi_op = MPI_MIN; break;
  case TG_MAX: *mpi_op = MPI_MAX; break;
  default: return tg__bad_op(op, dtype, fn);
  }
  if (TG_UNLIKELY(!reducible || (!ordered && (op == TG_MIN || op == TG_MAX)))) return tg__bad_op(op, dtype, fn);
  return TG_SUCCESS;
}

/* A communicator that passed tg__comm; size and rank are -1 until a check
 * needs them (collectives.c asks MPI lazily). */
typedef struct tg__ctx {
  MPI_Comm comm;
  int size, rank;
} tg__ctx;

/* The even collectives after the communicator check (collectives.c): the
 * public functions are tg__comm + these; the Fortran shims, which query the
 * communicator themselves, call these directly so nothing is checked twice. */
TG_API int tg__bcast_on(tg__ctx *c, void *buf, int64_t count, tg_dtype dtype, int root, const char *fn);
TG_API int tg__scatter_on(tg__ctx *c, const void *sendbuf, void *recvbuf, int64_t count, tg_dtype dtype,
                          int root, const char *fn);
TG_API int tg__gather_on(tg__ctx *c, const void *sendbuf, void *recvbuf, int64_t count, tg_dtype dtype,
                         int root, const char *fn);
TG_API int tg__allgather_on(tg__ctx *c, const void *sendbuf, void *recvbuf, int64_t count, tg_dtype dtype,
                            const char *fn);
TG_API int tg__reduce_on(tg__ctx *c, const void *sendbuf, void *recvbuf, int64_t count, tg_dtype dtype,
                         tg_op op, int root, const char *fn);
TG_API int tg__allreduce_on(tg__ctx *c, const void *sendbuf, void *recvbuf, int64_t count, tg_dtype dtype,
                            tg_op op, const char *fn);

/* Argument checks (check.c); each returns TG_SUCCESS or records the error. */
/* Check comm; fill size and rank only where the pointers are not NULL.
 * Inline fast path: MPI seen initialised, comm a known intracommunicator,
 * nothing asked; everything else goes to tg__comm_slow (check.c). */
enum { TG_INTRA_CACHE = TG__INTRA_CACHE }; /* tg__intra_cache: tofgrid/fast_path.h */
TG_API int tg__comm_slow(MPI_Comm comm, const char *fn, int *size, int *rank);

static inline int tg__known_intracomm(MPI_Comm comm) { return TG__KNOWN_COMM(comm); }

static inline int tg__comm(MPI_Comm comm, const char *fn, int *size, int *rank)
{
  if (TG_LIKELY(!size && !rank && comm != MPI_COMM_NULL && tg__known_intracomm(comm)))
    return TG_SUCCESS;
  return tg__comm_slow(comm, fn, size, rank);
}

/* The fast paths' tests for the Fortran shims, from the public fast path's
 * macros (tofgrid/fast_path.h): a communicator already seen as a valid
 * intracommunicator, the MPI type and op of a valid dtype and op. Everything
 * they refuse takes the full checks. */
static inline int tg__fast_comm(MPI_Comm comm) { return TG__FAST_COMM(comm); }
#define TG_FAST_COUNT(n) TG__FAST_COUNT(n)

/* dtype must be valid: (unsigned)dtype < TG__N_DTYPES. */
static inline MPI_Datatype tg__mpi_type(tg_dtype dtype)
{
  static const MPI_Datatype types[TG__N_DTYPES] = TG__MPI_TYPES;
  return types[dtype];
}

static inline int tg__fast_reduction(tg_dtype dtype, tg_op op) { return TG__FAST_REDUCTION(dtype, op); }

/* op must be valid: (unsigned)op <= TG_MAX. */
static inline MPI_Op tg__mpi_op(tg_op op)
{
  static const MPI_Op ops[] = TG__MPI_OPS;
  return ops[op];
}

int tg__counts(const int64_t *counts, int size, size_t elem_size, const char *fn, const char *name,
               int64_t *total);

/* The per-call checks are inline: they run on every collective. */
static inline int tg__root(int root, int size, const char *fn)
{
  if (TG_UNLIKELY(root < 0 || root >= size))
    return tg__fail(TG_ERR_ARG, fn, "root %d is outside the communicator (size %d)", root, size);
  return TG_SUCCESS;
}

/* A buffer of count elements: count >= 0, bytes within the address space,
 * not NULL unless empty. */
static inline int tg__buffer(const void *buf, int64_t count, size_t elem_size, const char *fn, const char *name)
{
  int64_t bytes;
  if (TG_UNLIKELY(count < 0)) return tg__fail(TG_ERR_ARG, fn, "%s: count %lld is negative", name, (long long)count);
  if (TG_UNLIKELY(__builtin_mul_overflow(count, (int64_t)elem_size, &bytes) || bytes > PTRDIFF_MAX))
    return tg__fail(TG_ERR_ARG, fn, "%s: count %lld of %zu-byte elements overflows the address space", name,
                    (long long)count, elem_size);
  if (TG_UNLIKELY(buf == NULL && count > 0))
    return tg__fail(TG_ERR_ARG, fn, "%s is NULL but count is %lld", name, (long long)count);
  return TG_SUCCESS;
}
/* A private duplicate of comm for a library object's own messages, made
 * once and cached (private_comm.c). Errors on it return (MPI_ERRORS_RETURN). */
int tg__private_comm(MPI_Comm comm, const char *fn, MPI_Comm *dup);

#define TG_CALL(expr)              \
  do {                             \
    int tg_rc_ = (expr);           \
    if (TG_UNLIKELY(tg_rc_)) return tg_rc_; \
  } while (0)

#endif
