/* The internal surface the language bindings use (fortran/tofgrid_shims.c):
 * the collectives after the communicator check and the fast paths' tests.
 * Declared here and nowhere else; the functions are exported under the
 * version node TOFGRID_INTERNAL_<SOVERSION> (cmake/tofgrid.map.in, kept in
 * step with this file by the test tree.layering), so a binding meets only the library
 * it was built with. Not installed. */
#ifndef TOFGRID_COMM_SURFACE_H
#define TOFGRID_COMM_SURFACE_H

#include <stddef.h>
#include <stdint.h>

#include <mpi.h>

#include "core/core.h"
#include "tofgrid/collectives.h"

#if !TG_FAST_PATH /* its macros and declarations are used below */
#error "tofgrid's sources need C11 (tofgrid/fast_path.h)"
#endif

/* An MPI return code as a tofgrid status (message: MPI's own text;
 * tg__mpi_fail is declared in tofgrid/fast_path.h). */
static inline int tg__mpi(int mpi_err, const char *fn, const char *call)
{
  return TG_LIKELY(mpi_err == MPI_SUCCESS) ? TG_SUCCESS : tg__mpi_fail(mpi_err, fn, call);
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
TG_INTERNAL int tg__bcast_on(tg__ctx *c, void *buf, int64_t count, tg_dtype dtype, int root, const char *fn);
TG_INTERNAL int tg__scatter_on(tg__ctx *c, const void *sendbuf, void *recvbuf, int64_t count, tg_dtype dtype, int root,
                               const char *fn);
TG_INTERNAL int tg__gather_on(tg__ctx *c, const void *sendbuf, void *recvbuf, int64_t count, tg_dtype dtype, int root,
                              const char *fn);
TG_INTERNAL int tg__allgather_on(tg__ctx *c, const void *sendbuf, void *recvbuf, int64_t count, tg_dtype dtype,
                                 const char *fn);
TG_INTERNAL int tg__reduce_on(tg__ctx *c, const void *sendbuf, void *recvbuf, int64_t count, tg_dtype dtype, tg_op op,
                              int root, const char *fn);
TG_INTERNAL int tg__allreduce_on(tg__ctx *c, const void *sendbuf, void *recvbuf, int64_t count, tg_dtype dtype,
                                 tg_op op, const char *fn);

/* Check comm; fill size and rank only where the pointers are not NULL.
 * Inline fast path: comm a known intracommunicator (which implies MPI was
 * seen initialised), nothing asked; everything else goes to tg__comm_slow
 * (check.c). */
TG_INTERNAL int tg__comm_slow(MPI_Comm comm, const char *fn, int *size, int *rank);

static inline int tg__comm(MPI_Comm comm, const char *fn, int *size, int *rank)
{
  if (TG_LIKELY(!size && !rank && comm != MPI_COMM_NULL && TG__KNOWN_COMM(comm))) return TG_SUCCESS;
  return tg__comm_slow(comm, fn, size, rank);
}

/* The fast paths' tests, from the public fast path's macros
 * (tofgrid/fast_path.h): a communicator already seen as a valid
 * intracommunicator, a count that cannot overflow, the MPI type and op of a
 * valid dtype and op. Everything they refuse takes the full checks. */
static inline int tg__fast_comm(MPI_Comm comm) { return TG__FAST_COMM(comm); }
#define TG_FAST_COUNT(n) TG__FAST_COUNT(n)
static inline int tg__fast_reduction(tg_dtype dtype, tg_op op) { return TG__FAST_REDUCTION(dtype, op); }

/* dtype must be valid: (unsigned)dtype < TG__N_DTYPES. */
static inline MPI_Datatype tg__mpi_type(tg_dtype dtype)
{
  static const MPI_Datatype types[TG__N_DTYPES] = TG__MPI_TYPES;
  return types[dtype];
}

/* op must be valid: (unsigned)op <= TG_MAX. */
static inline MPI_Op tg__mpi_op(tg_op op)
{
  static const MPI_Op ops[] = TG__MPI_OPS;
  return ops[op];
}

#endif
