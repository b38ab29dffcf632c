/**
 * @file tofgrid/fast_path.h
 * @brief Inline bodies of tg_bcast, tg_scatter, tg_gather and tg_allreduce
 * (included by tofgrid/collectives.h; not an API of its own).
 *
 * The common valid call -- root 0, a known dtype, plain buffers, at most
 * 2^27 elements, a communicator tofgrid has already checked -- is recognised
 * by a few comparisons in the caller's own code and goes straight to MPI, so
 * it costs what the raw MPI call costs (an out-of-line wrapper costs 3-5 % of
 * a small scatter). Anything else calls the library's full checks
 * (tg__*_checked), which name what is wrong.
 *
 * These are C99 inline definitions: the library holds the external
 * definitions (src/collectives.c), so a call that is not inlined, a function
 * pointer, and the Fortran and Python faces reach the same code. C++ and
 * pre-C11 compilers see only the declarations in collectives.h.
 *
 * Names with a double underscore are tofgrid's internals, exported for these
 * bodies only: do not use them.
 */
#ifndef TOFGRID_FAST_PATH_H
#define TOFGRID_FAST_PATH_H

#include <stdatomic.h>
#include <stddef.h>
#include <stdint.h>

#include <mpi.h>

#include "tofgrid/export.h"
#include "tofgrid/types.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Communicators the library has checked: MPI_COMM_NULL or intracommunicators
 * stored once MPI was seen initialised and taken out when freed, before MPI
 * can reuse the handle (src/comm/check.c), so a hit needs no further test.
 * Relaxed atomic loads. */
#define TG__INTRA_CACHE 8
TG_API extern _Atomic(MPI_Comm) tg__intra_cache[TG__INTRA_CACHE];
#define TG__SEEN(c, i) ((c) == atomic_load_explicit(&tg__intra_cache[i], memory_order_relaxed))
#define TG__KNOWN_COMM(c)                                                                                      \
  (TG__SEEN(c, 0) || TG__SEEN(c, 1) || TG__SEEN(c, 2) || TG__SEEN(c, 3) || TG__SEEN(c, 4) || TG__SEEN(c, 5) || \
   TG__SEEN(c, 6) || TG__SEEN(c, 7))
#define TG__FAST_COMM(c) ((c) != MPI_COMM_NULL && TG__KNOWN_COMM(c))

/* MPI datatypes in tg_dtype order, and MPI ops in tg_op order, from the
 * tables in tofgrid/types.h (whose values are 0, 1, 2, ... in order). */
#define TG__COUNT_ROW(...) +1
#define TG__N_DTYPES (0 TG_DTYPE_TABLE(TG__COUNT_ROW))
#define TG__MPI_TYPE_OF(e, v, name, ctype, mpi, ...) mpi,
#define TG__MPI_TYPES               \
  {                                 \
    TG_DTYPE_TABLE(TG__MPI_TYPE_OF) \
  }
#define TG__MPI_OP_OF(e, v, name, mpi) mpi,
#define TG__MPI_OPS            \
  {                            \
    TG_OP_TABLE(TG__MPI_OP_OF) \
  }

/* Counts up to 2^27 elements cannot overflow in bytes or times any int
 * number of ranks (2^27 * 2^31 * 16 < 2^63). */
#define TG__FAST_COUNT(n) ((uint64_t)(n) <= ((uint64_t)1 << 27))

/* int32 ... float64 take every op; bytes and complex go the full way. */
#define TG__FAST_REDUCTION(dtype, op) ((dtype) >= TG_INT32 && (dtype) <= TG_FLOAT64 && (unsigned)(op) <= TG_MAX)

#if defined(__GNUC__) || defined(__clang__)
#define TG__LIKELY(x) __builtin_expect(!!(x), 1)
#else
#define TG__LIKELY(x) (x)
#endif

/* The MPI calls of the fast paths, whose counts (<= 2^27) fit an int:
 * MPI-4's large-count calls where the library has them, else MPI-3.1's.
 * TG__FITS_ONE_CALL: whether a count may go to them (bindings' fast paths). */
#if MPI_VERSION >= 4
#define TG__MPI_BCAST MPI_Bcast_c
#define TG__MPI_SCATTER MPI_Scatter_c
#define TG__MPI_GATHER MPI_Gather_c
#define TG__MPI_ALLREDUCE MPI_Allreduce_c
#define TG__MPI_NAME(name) name "_c"
#define TG__FITS_ONE_CALL(n) 1
#else
#define TG__MPI_BCAST(b, n, t, r, c) MPI_Bcast(b, (int)(n), t, r, c)
#define TG__MPI_SCATTER(s, n, t, r, m, u, root, c) MPI_Scatter(s, (int)(n), t, r, (int)(m), u, root, c)
#define TG__MPI_GATHER(s, n, t, r, m, u, root, c) MPI_Gather(s, (int)(n), t, r, (int)(m), u, root, c)
#define TG__MPI_ALLREDUCE(s, r, n, t, op, c) MPI_Allreduce(s, r, (int)(n), t, op, c)
#define TG__MPI_NAME(name) name
#define TG__FITS_ONE_CALL(n) ((uint64_t)(n) <= (uint64_t)INT32_MAX)
#endif

/* An MPI error code as a tofgrid status, with MPI's message. */
TG_API int tg__mpi_fail(int mpi_err, const char *fn, const char *call);

/* The full checks, then the MPI call. */
TG_API int tg__bcast_checked(MPI_Comm comm, void *buf, int64_t count, tg_dtype dtype, int root);
TG_API int tg__scatter_checked(MPI_Comm comm, const void *sendbuf, void *recvbuf, int64_t count, tg_dtype dtype,
                               int root);
TG_API int tg__gather_checked(MPI_Comm comm, const void *sendbuf, void *recvbuf, int64_t count, tg_dtype dtype,
                              int root);
TG_API int tg__allreduce_checked(MPI_Comm comm, const void *sendbuf, void *recvbuf, int64_t count, tg_dtype dtype,
                                 tg_op op);

inline int tg_bcast(MPI_Comm comm, void *buf, int64_t count, tg_dtype dtype, int root)
{
  static const MPI_Datatype types[TG__N_DTYPES] = TG__MPI_TYPES;
  if (TG__LIKELY(root == 0 && (unsigned)dtype < TG__N_DTYPES && TG__FAST_COMM(comm) && TG__FAST_COUNT(count) &&
                 buf != TG_IN_PLACE && (buf != NULL || count == 0))) {
    int err = TG__MPI_BCAST(buf, count, types[dtype], 0, comm);
    return TG__LIKELY(err == MPI_SUCCESS) ? TG_SUCCESS : tg__mpi_fail(err, "tg_bcast", TG__MPI_NAME("MPI_Bcast"));
  }
  return tg__bcast_checked(comm, buf, count, dtype, root);
}

inline int tg_scatter(MPI_Comm comm, const void *sendbuf, void *recvbuf, int64_t count, tg_dtype dtype, int root)
{
  static const MPI_Datatype types[TG__N_DTYPES] = TG__MPI_TYPES;
  if (TG__LIKELY(root == 0 && (unsigned)dtype < TG__N_DTYPES && TG__FAST_COMM(comm) && TG__FAST_COUNT(count) &&
                 sendbuf != TG_IN_PLACE && (sendbuf != NULL || count == 0) && recvbuf != TG_IN_PLACE &&
                 recvbuf != NULL)) {
    int err = TG__MPI_SCATTER(sendbuf, count, types[dtype], recvbuf, count, types[dtype], 0, comm);
    return TG__LIKELY(err == MPI_SUCCESS) ? TG_SUCCESS : tg__mpi_fail(err, "tg_scatter", TG__MPI_NAME("MPI_Scatter"));
  }
  return tg__scatter_checked(comm, sendbuf, recvbuf, count, dtype, root);
}

inline int tg_gather(MPI_Comm comm, const void *sendbuf, void *recvbuf, int64_t count, tg_dtype dtype, int root)
{
  static const MPI_Datatype types[TG__N_DTYPES] = TG__MPI_TYPES;
  if (TG__LIKELY(root == 0 && (unsigned)dtype < TG__N_DTYPES && TG__FAST_COMM(comm) && TG__FAST_COUNT(count) &&
                 sendbuf != TG_IN_PLACE && (sendbuf != NULL || count == 0) && recvbuf != TG_IN_PLACE &&
                 recvbuf != NULL && (sendbuf != recvbuf || count == 0))) {
    int err = TG__MPI_GATHER(sendbuf, count, types[dtype], recvbuf, count, types[dtype], 0, comm);
    return TG__LIKELY(err == MPI_SUCCESS) ? TG_SUCCESS : tg__mpi_fail(err, "tg_gather", TG__MPI_NAME("MPI_Gather"));
  }
  return tg__gather_checked(comm, sendbuf, recvbuf, count, dtype, root);
}

inline int tg_allreduce(MPI_Comm comm, const void *sendbuf, void *recvbuf, int64_t count, tg_dtype dtype, tg_op op)
{
  static const MPI_Datatype types[TG__N_DTYPES] = TG__MPI_TYPES;
  static const MPI_Op ops[] = TG__MPI_OPS;
  if (TG__LIKELY(TG__FAST_REDUCTION(dtype, op) && TG__FAST_COMM(comm) && TG__FAST_COUNT(count) &&
                 (sendbuf != NULL || count == 0) && recvbuf != TG_IN_PLACE && /* sendbuf may be TG_IN_PLACE */
                 (recvbuf != NULL || count == 0) && (sendbuf != recvbuf || count == 0))) {
    int err = TG__MPI_ALLREDUCE(sendbuf, recvbuf, count, types[dtype], ops[op], comm);
    return TG__LIKELY(err == MPI_SUCCESS) ? TG_SUCCESS
                                          : tg__mpi_fail(err, "tg_allreduce", TG__MPI_NAME("MPI_Allreduce"));
  }
  return tg__allreduce_checked(comm, sendbuf, recvbuf, count, dtype, op);
}

#ifdef __cplusplus
}
#endif

#endif
