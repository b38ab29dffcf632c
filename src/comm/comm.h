/* The comm layer's private header: argument checks, element types and the
 * collectives' internals (checks.c, dtype.c, collectives*.c). Includes the
 * bindings' surface (surface.h). Not installed. */
#ifndef TOFGRID_COMM_H
#define TOFGRID_COMM_H

#include <complex.h>
#include <stdatomic.h>
#include <stdint.h>

#include "comm/surface.h"
#include "tofgrid/collectives.h"
#include "tofgrid/decomp.h"
#include "tofgrid/version.h"

/* Counts beyond 2^31 - 1 on MPI-3.1 libraries (large_count.c): int-count
 * calls, with derived datatypes or in pieces where a count does not fit.
 * tg__mpi3_set_limits makes "fits" and the block small (tests; 0: the
 * defaults INT_MAX and 2^30). Each returns an MPI error code. */
void tg__mpi3_set_limits(MPI_Count fits_in_one_call, MPI_Count block);
int tg__mpi3_bcast(void *buf, MPI_Count n, MPI_Datatype t, int root, MPI_Comm comm);
int tg__mpi3_scatter(const void *s, void *r, MPI_Count n, MPI_Datatype t, int root, MPI_Comm comm);
int tg__mpi3_gather(const void *s, void *r, MPI_Count n, MPI_Datatype t, int root, MPI_Comm comm);
int tg__mpi3_allgather(const void *s, void *r, MPI_Count n, MPI_Datatype t, MPI_Comm comm);
int tg__mpi3_reduce(const void *s, void *r, MPI_Count n, MPI_Datatype t, MPI_Op op, int root, MPI_Comm comm);
int tg__mpi3_allreduce(const void *s, void *r, MPI_Count n, MPI_Datatype t, MPI_Op op, MPI_Comm comm);
int tg__mpi3_gatherv(const void *s, MPI_Count n, void *r, const MPI_Count *counts, const MPI_Aint *displs,
                     MPI_Datatype t, int root, MPI_Comm comm);
int tg__mpi3_allgatherv(const void *s, MPI_Count n, void *r, const MPI_Count *counts, const MPI_Aint *displs,
                        MPI_Datatype t, MPI_Comm comm);
int tg__mpi3_scatterv(const void *s, const MPI_Count *counts, const MPI_Aint *displs, void *r, MPI_Count n,
                      MPI_Datatype t, int root, MPI_Comm comm);

/* The large-count collectives tofgrid calls: MPI-4's _c calls where the MPI
 * library has them, else the MPI-3.1 path above. Messages name TG__LARGE. */
#if MPI_VERSION >= 4
#define TG__LARGE(name) name "_c"
#define tg__large_bcast(b, n, t, root, c) MPI_Bcast_c(b, n, t, root, c)
#define tg__large_scatter(s, r, n, t, root, c) MPI_Scatter_c(s, n, t, r, n, t, root, c)
#define tg__large_gather(s, r, n, t, root, c) MPI_Gather_c(s, n, t, r, n, t, root, c)
#define tg__large_allgather(s, r, n, t, c) MPI_Allgather_c(s, n, t, r, n, t, c)
#define tg__large_reduce(s, r, n, t, op, root, c) MPI_Reduce_c(s, r, n, t, op, root, c)
#define tg__large_allreduce(s, r, n, t, op, c) MPI_Allreduce_c(s, r, n, t, op, c)
#define tg__large_gatherv(s, n, r, counts, displs, t, root, c) MPI_Gatherv_c(s, n, t, r, counts, displs, t, root, c)
#define tg__large_allgatherv(s, n, r, counts, displs, t, c) MPI_Allgatherv_c(s, n, t, r, counts, displs, t, c)
#define tg__large_scatterv(s, counts, displs, r, n, t, root, c) MPI_Scatterv_c(s, counts, displs, t, r, n, t, root, c)
#else
#define TG__LARGE(name) name
#define tg__large_bcast tg__mpi3_bcast
#define tg__large_scatter tg__mpi3_scatter
#define tg__large_gather tg__mpi3_gather
#define tg__large_allgather tg__mpi3_allgather
#define tg__large_reduce tg__mpi3_reduce
#define tg__large_allreduce tg__mpi3_allreduce
#define tg__large_gatherv tg__mpi3_gatherv
#define tg__large_allgatherv tg__mpi3_allgatherv
#define tg__large_scatterv tg__mpi3_scatterv
#endif

/* Out-of-line error reports of the lookups below (dtype.c). */
int tg__bad_dtype(tg_dtype dtype, const char *fn);
int tg__bad_op(tg_op op, tg_dtype dtype, const char *fn);

/* tg_dtype -> MPI datatype and element size (TG_DTYPE_TABLE). */
static inline int tg__dtype(tg_dtype dtype, const char *fn, MPI_Datatype *type, size_t *size)
{
  switch (dtype) {
#define TG_DTYPE_CASE(d, v, name, ctype, mpi, ...) \
  case d:                                          \
    *type = mpi;                                   \
    *size = sizeof(ctype);                         \
    return TG_SUCCESS;
    TG_DTYPE_TABLE(TG_DTYPE_CASE)
#undef TG_DTYPE_CASE
  }
  return tg__bad_dtype(dtype, fn);
}

/* tg_op -> MPI_Op, refused where MPI does not define it for the dtype. */
static inline int tg__op(tg_op op, tg_dtype dtype, const char *fn, MPI_Op *mpi_op)
{
  int reducible = 0, ordered = 0;
  switch (dtype) {
#define TG_DTYPE_FLAGS(d, v, name, ctype, mpi, red, ord, ...) \
  case d:                                                     \
    reducible = red;                                          \
    ordered = ord;                                            \
    break;
    TG_DTYPE_TABLE(TG_DTYPE_FLAGS)
#undef TG_DTYPE_FLAGS
  }
  switch (op) {
#define TG_OP_CASE(e, v, name, mpi) \
  case e: *mpi_op = mpi; break;
    TG_OP_TABLE(TG_OP_CASE)
#undef TG_OP_CASE
  default: return tg__bad_op(op, dtype, fn);
  }
  if (TG_UNLIKELY(!reducible || (!ordered && (op == TG_MIN || op == TG_MAX)))) return tg__bad_op(op, dtype, fn);
  return TG_SUCCESS;
}

/* A keyval of an attribute tofgrid attaches to communicators, made on first
 * use by one thread and freed at MPI_Finalize; on_delete runs when a
 * communicator carrying it is freed (attr.c). *kv starts MPI_KEYVAL_INVALID. */
int tg__keyval_slow(_Atomic int *kv, MPI_Comm_delete_attr_function *on_delete, const char *fn, int *keyval);
static inline int tg__keyval(_Atomic int *kv, MPI_Comm_delete_attr_function *on_delete, const char *fn, int *keyval)
{
  int k = atomic_load_explicit(kv, memory_order_acquire);
  if (TG_LIKELY(k != MPI_KEYVAL_INVALID)) return *keyval = k, TG_SUCCESS;
  return tg__keyval_slow(kv, on_delete, fn, keyval);
}

/* Forget every communicator seen, and that MPI was seen initialised (check.c;
 * run at MPI_Finalize by attr.c). */
void tg__forget_comms(void);

/* Argument checks (check.c); each returns TG_SUCCESS or records the error. */
enum { TG_INTRA_CACHE = TG__INTRA_CACHE }; /* tg__intra_cache: tofgrid/fast_path.h */

int tg__counts(const int64_t *counts, int size, size_t elem_size, const char *fn, const char *name, int64_t *total);

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

#endif
