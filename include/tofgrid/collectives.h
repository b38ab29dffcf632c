/**
 * @file tofgrid/collectives.h
 * @brief MPI collectives on the caller's own communicator.
 *
 * Conventions shared by every function here:
 * - The communicator comes first. It is used as is: no duplicate, no error
 *   handler or attribute is set on it. MPI must be initialised (by C, Fortran
 *   or mpi4py); tofgrid never calls MPI_Init or MPI_Finalize.
 * - Counts are int64_t numbers of elements and may exceed 2^31-1 (MPI-4
 *   large-count calls). Arguments are checked locally before MPI is entered:
 *   MPI_COMM_NULL or an intercommunicator, a NULL buffer with a positive
 *   count, a negative or overflowing count, a root out of range, an unknown
 *   dtype or op give a status and a message, never a crash.
 * - Arguments that MPI requires to agree across ranks (count, dtype, op, root)
 *   must agree here too. A rank that finds an error returns before the
 *   collective, so the others may wait for it, as they would in MPI: check the
 *   status everywhere.
 * - An error reported by MPI itself reaches the caller only if the
 *   communicator's error handler returns (MPI_ERRORS_RETURN); it becomes
 *   TG_ERR_MPI with MPI's own message.
 *
 * All functions are **collective** over @p comm.
 */
#ifndef TOFGRID_COLLECTIVES_H
#define TOFGRID_COLLECTIVES_H

#include <stdint.h>

#include <mpi.h>

#include "tofgrid/export.h"
#include "tofgrid/types.h"

/* C11 callers compile tg_bcast, tg_scatter, tg_gather and tg_allreduce
 * inline (tofgrid/fast_path.h): their common case then costs what the raw
 * MPI call costs. Define TG_NO_FAST_PATH to call the library instead. */
#if !defined(__cplusplus) && defined(__STDC_VERSION__) && __STDC_VERSION__ >= 201112L && \
    !defined(__STDC_NO_ATOMICS__) && !defined(__GNUC_GNU_INLINE__) && !defined(TG_NO_FAST_PATH)
#define TG_FAST_PATH 1
#define TG_FAST_INLINE inline
#else
#define TG_FAST_PATH 0
#define TG_FAST_INLINE
#endif

#ifdef __cplusplus
extern "C" {
#endif

/**
 * @brief Size and rank of @p comm, after checking that it is usable.
 * Not collective. Fails with TG_ERR_COMM for MPI_COMM_NULL, an
 * intercommunicator, or MPI not initialised / already finalised.
 */
TG_API int tg_comm_info(MPI_Comm comm, int *size, int *rank);

/** @brief Broadcast @p count elements of @p buf from @p root to every rank. Collective. */
TG_API TG_FAST_INLINE int tg_bcast(MPI_Comm comm, void *buf, int64_t count, tg_dtype dtype, int root);

/**
 * @brief Scatter equal blocks: rank r receives elements [r*count, (r+1)*count)
 * of the root's @p sendbuf (significant at root only) into @p recvbuf.
 * At root @p recvbuf may be TG_IN_PLACE (its block stays in sendbuf). Collective.
 */
TG_API TG_FAST_INLINE int tg_scatter(MPI_Comm comm, const void *sendbuf, void *recvbuf, int64_t count,
                      tg_dtype dtype, int root);

/**
 * @brief Gather @p count elements from every rank into the root's @p recvbuf
 * (size*count elements, rank order; significant at root only). At root
 * @p sendbuf may be TG_IN_PLACE. Collective.
 */
TG_API TG_FAST_INLINE int tg_gather(MPI_Comm comm, const void *sendbuf, void *recvbuf, int64_t count,
                     tg_dtype dtype, int root);

/** @brief Gather @p count elements from every rank into every rank's @p recvbuf
 * (size*count elements). @p sendbuf may be TG_IN_PLACE. Collective. */
TG_API int tg_allgather(MPI_Comm comm, const void *sendbuf, void *recvbuf, int64_t count,
                        tg_dtype dtype);

/** @brief Element-wise reduction of @p count elements into the root's @p recvbuf.
 * At root @p sendbuf may be TG_IN_PLACE. Not for TG_BYTE; min/max not for
 * complex128. Collective. */
TG_API int tg_reduce(MPI_Comm comm, const void *sendbuf, void *recvbuf, int64_t count,
                     tg_dtype dtype, tg_op op, int root);

/** @brief Element-wise reduction of @p count elements into every rank's @p recvbuf.
 * @p sendbuf may be TG_IN_PLACE. Collective. */
TG_API TG_FAST_INLINE int tg_allreduce(MPI_Comm comm, const void *sendbuf, void *recvbuf, int64_t count,
                        tg_dtype dtype, tg_op op);

/**
 * @brief Scatter blocks of different sizes. The root's @p sendcounts[r]
 * elements go to rank r, taken consecutively from @p sendbuf (displacements
 * are the prefix sums: tofgrid computes them). @p sendbuf and @p sendcounts
 * are significant at root only; every rank gives its own @p recvcount, which
 * must equal sendcounts[rank]. At root @p recvbuf may be TG_IN_PLACE. Collective.
 */
TG_API int tg_scatterv(MPI_Comm comm, const void *sendbuf, const int64_t *sendcounts,
                       void *recvbuf, int64_t recvcount, tg_dtype dtype, int root);

/**
 * @brief Gather blocks of different sizes: rank r's @p sendcount elements are
 * placed consecutively, in rank order, in the root's @p recvbuf;
 * @p recvcounts[r] (significant at root only) must equal rank r's sendcount.
 * At root @p sendbuf may be TG_IN_PLACE (its block already in place). Collective.
 */
TG_API int tg_gatherv(MPI_Comm comm, const void *sendbuf, int64_t sendcount, void *recvbuf,
                      const int64_t *recvcounts, tg_dtype dtype, int root);

/** @brief tg_gatherv onto every rank; @p recvcounts is significant everywhere.
 * @p sendbuf may be TG_IN_PLACE. Collective. */
TG_API int tg_allgatherv(MPI_Comm comm, const void *sendbuf, int64_t sendcount, void *recvbuf,
                         const int64_t *recvcounts, tg_dtype dtype);

/**
 * @brief Scatter @p n items of @p width elements each in blocks (tg_block_range):
 * rank r receives block r, count_r * width elements. @p n and @p width must
 * agree on every rank; @p sendbuf (n*width elements) matters at root only.
 * At root @p recvbuf may be TG_IN_PLACE. Collective.
 */
TG_API int tg_scatter_block(MPI_Comm comm, const void *sendbuf, void *recvbuf, int64_t n,
                            int64_t width, tg_dtype dtype, int root);

/** @brief Inverse of tg_scatter_block: each rank sends its block (count_r*width
 * elements) and the root receives all n*width. Root's @p sendbuf may be
 * TG_IN_PLACE. Collective. */
TG_API int tg_gather_block(MPI_Comm comm, const void *sendbuf, void *recvbuf, int64_t n,
                           int64_t width, tg_dtype dtype, int root);

/** @brief tg_gather_block onto every rank. @p sendbuf may be TG_IN_PLACE. Collective. */
TG_API int tg_allgather_block(MPI_Comm comm, const void *sendbuf, void *recvbuf, int64_t n,
                              int64_t width, tg_dtype dtype);

/** @brief Size in bytes of one element of @p dtype, or 0 for an unknown dtype. Not collective. */
TG_API int tg_dtype_size(tg_dtype dtype);

#ifdef __cplusplus
}
#endif

#if TG_FAST_PATH
#include "tofgrid/fast_path.h"
#endif

#endif
