/**
 * @file tofgrid/collectives.h
 * @brief MPI collectives on the caller's own communicator.
 *
 * Conventions shared by every function here:
 * - The communicator comes first. It is used as is: no duplicate, no error
 *   handler is set on it; the first call on it attaches an attribute without
 *   data, whose delete callback tells tofgrid when it is freed. MPI must be
 *   initialised (by C, Fortran or mpi4py); tofgrid never calls MPI_Init or
 *   MPI_Finalize.
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
 * - Buffers hold elements of the given tg_dtype; "TG_IN_PLACE" is accepted
 *   exactly where MPI accepts MPI_IN_PLACE, and a send buffer that is the
 *   receive buffer is refused (pass TG_IN_PLACE instead).
 * - tg_bcast(), tg_scatter(), tg_gather() and tg_allreduce() are compiled
 *   inline in C11 callers (see TG_FAST_PATH); they behave the same either way.
 *
 * Every function here is **collective** over @p comm except tg_comm_info()
 * and tg_dtype_size(). Each one's "Collectivity" paragraph names the
 * arguments that must match on every rank.
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

/**
 * @def TG_FAST_PATH
 * @brief 1 when tg_bcast(), tg_scatter(), tg_gather() and tg_allreduce() are
 * compiled inline in the caller (tofgrid/fast_path.h), else 0.
 *
 * It is 1 for a C11 (or later) C compiler with <stdatomic.h> and C99 inline
 * semantics (not gnu89 inline), unless the caller defines TG_NO_FAST_PATH
 * before including tofgrid.h; C++ and older C compilers get 0 and call the
 * library. The inline code handles only the common valid call (root 0, a
 * known dtype, plain buffers, at most 2^27 elements, a communicator tofgrid
 * has already checked) and hands everything else to the library's full
 * checks, so results, status codes and messages are the same either way.
 */

/**
 * @def TG_FAST_INLINE
 * @brief @c inline when TG_FAST_PATH is 1, else empty: the specifier of the
 * declarations of tg_bcast(), tg_scatter(), tg_gather() and tg_allreduce().
 */

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
 *
 * Runs the communicator check that every collective here runs first, then
 * asks MPI for the size and rank. MPI must be initialised. Calls after
 * MPI_Finalize are erroneous, as in MPI; they are reported as TG_ERR_COMM
 * (tofgrid forgets every communicator in MPI_Finalize). A handle that is not
 * a valid communicator (freed, or never created) is reported as TG_ERR_COMM
 * below MPI_THREAD_MULTIPLE; under MPI_THREAD_MULTIPLE it raises MPI's error,
 * as in MPI itself.
 *
 * @par Collectivity
 * Not collective.
 *
 * @param[in]  comm  the communicator: an intracommunicator, not MPI_COMM_NULL
 * @param[out] size  number of ranks of @p comm, or NULL if not wanted
 * @param[out] rank  the calling process's rank in @p comm, or NULL if not wanted
 * @retval TG_SUCCESS   *size and *rank (where not NULL) are set
 * @retval TG_ERR_COMM  @p comm is MPI_COMM_NULL, an intercommunicator or not a
 *                      communicator, or MPI is not initialised or finalised;
 *                      *size and *rank are unchanged
 */
TG_API int tg_comm_info(MPI_Comm comm, int *size, int *rank);

/**
 * @brief Broadcast @p count elements of @p buf from @p root to every rank.
 *
 * MPI_Bcast_c on @p comm. Inline in C11 callers (TG_FAST_PATH).
 *
 * @par Collectivity
 * Collective on @p comm: every rank of @p comm must call it with matching
 * @p count, @p dtype and @p root.
 *
 * @param[in] comm     an intracommunicator (not MPI_COMM_NULL); used as is
 * @param[in,out] buf   @p count elements of @p dtype: the data at @p root, the
 *                      destination on the other ranks; not TG_IN_PLACE; may be
 *                      NULL only when @p count is 0
 * @param[in] count     number of elements (>= 0; may exceed 2^31-1)
 * @param[in] dtype     element type
 * @param[in] root      rank of @p comm that sends, 0 <= root < size
 * @retval TG_SUCCESS   the operation completed on this rank
 * @retval TG_ERR_COMM  @p comm is MPI_COMM_NULL or an intercommunicator, or MPI
 *                      is not initialised (see tg_comm_info())
 * @retval TG_ERR_ARG   @p root out of range, unknown @p dtype, @p buf is
 *                      TG_IN_PLACE, @p count negative or too large for the
 *                      address space, or @p buf NULL with @p count > 0
 * @retval TG_ERR_MPI   the MPI call failed and the error handler of @p comm
 *                      returned (MPI_ERRORS_RETURN); the message is MPI's
 *
 * @see tg_scatter(), tg_allgather()
 */
TG_API TG_FAST_INLINE int tg_bcast(MPI_Comm comm, void *buf, int64_t count, tg_dtype dtype, int root);

/**
 * @brief Scatter equal blocks from @p root: rank r receives elements
 * [r*count, (r+1)*count) of the root's @p sendbuf into its @p recvbuf.
 *
 * MPI_Scatter_c on @p comm. Inline in C11 callers (TG_FAST_PATH).
 *
 * @par Collectivity
 * Collective on @p comm: every rank of @p comm must call it with matching
 * @p count, @p dtype and @p root.
 *
 * @param[in] comm     an intracommunicator (not MPI_COMM_NULL); used as is
 * @param[in] sendbuf   at @p root: size*count elements, rank r's block at
 *                      element r*count; not TG_IN_PLACE. Ignored on the other
 *                      ranks (may be NULL there)
 * @param[out] recvbuf  @p count elements for this rank's block; at @p root it
 *                      may be TG_IN_PLACE (the root's block stays in
 *                      @p sendbuf), on other ranks not; NULL only if @p count is 0
 * @param[in] count     number of elements each rank receives (>= 0)
 * @param[in] dtype     element type
 * @param[in] root      rank of @p comm that sends, 0 <= root < size
 * @retval TG_SUCCESS   the operation completed on this rank
 * @retval TG_ERR_COMM  @p comm is MPI_COMM_NULL or an intercommunicator, or MPI
 *                      is not initialised (see tg_comm_info())
 * @retval TG_ERR_ARG   @p root out of range, unknown @p dtype, @p count
 *                      negative or size*count too large; at @p root a
 *                      TG_IN_PLACE @p sendbuf, or a NULL one with elements to
 *                      send; on another rank a TG_IN_PLACE @p recvbuf; a NULL
 *                      @p recvbuf with @p count > 0
 * @retval TG_ERR_MPI   the MPI call failed and the error handler of @p comm
 *                      returned (MPI_ERRORS_RETURN); the message is MPI's
 *
 * @see tg_scatterv(), tg_scatter_block(), tg_gather()
 */
TG_API TG_FAST_INLINE int tg_scatter(MPI_Comm comm, const void *sendbuf, void *recvbuf, int64_t count, tg_dtype dtype,
                                     int root);

/**
 * @brief Gather @p count elements from every rank into the root's @p recvbuf,
 * in rank order.
 *
 * MPI_Gather_c on @p comm. Inline in C11 callers (TG_FAST_PATH).
 *
 * @par Collectivity
 * Collective on @p comm: every rank of @p comm must call it with matching
 * @p count, @p dtype and @p root.
 *
 * @param[in] comm     an intracommunicator (not MPI_COMM_NULL); used as is
 * @param[in] sendbuf   @p count elements from this rank; at @p root it may be
 *                      TG_IN_PLACE (the root's block is already at element
 *                      root*count of @p recvbuf), on other ranks not; NULL
 *                      only if @p count is 0
 * @param[out] recvbuf  at @p root: size*count elements, rank r's block at
 *                      element r*count; not TG_IN_PLACE and not @p sendbuf
 *                      itself. Ignored on the other ranks (may be NULL there)
 * @param[in] count     number of elements each rank sends (>= 0)
 * @param[in] dtype     element type
 * @param[in] root      rank of @p comm that receives, 0 <= root < size
 * @retval TG_SUCCESS   the operation completed on this rank
 * @retval TG_ERR_COMM  @p comm is MPI_COMM_NULL or an intercommunicator, or MPI
 *                      is not initialised (see tg_comm_info())
 * @retval TG_ERR_ARG   @p root out of range, unknown @p dtype, @p count
 *                      negative or size*count too large, a NULL @p sendbuf
 *                      with @p count > 0; on another rank a TG_IN_PLACE
 *                      @p sendbuf; at @p root a TG_IN_PLACE @p recvbuf, a
 *                      NULL one with elements to receive, or
 *                      @p sendbuf == @p recvbuf
 * @retval TG_ERR_MPI   the MPI call failed and the error handler of @p comm
 *                      returned (MPI_ERRORS_RETURN); the message is MPI's
 *
 * @see tg_gatherv(), tg_gather_block(), tg_allgather(), tg_scatter()
 */
TG_API TG_FAST_INLINE int tg_gather(MPI_Comm comm, const void *sendbuf, void *recvbuf, int64_t count, tg_dtype dtype,
                                    int root);

/**
 * @brief Gather @p count elements from every rank into every rank's
 * @p recvbuf, in rank order.
 *
 * MPI_Allgather_c on @p comm.
 *
 * @par Collectivity
 * Collective on @p comm: every rank of @p comm must call it with matching
 * @p count and @p dtype, and TG_IN_PLACE on all ranks or on none.
 *
 * @param[in] comm     an intracommunicator (not MPI_COMM_NULL); used as is
 * @param[in] sendbuf   @p count elements from this rank, or TG_IN_PLACE (each
 *                      rank's block is already at element rank*count of its
 *                      @p recvbuf); NULL only if @p count is 0
 * @param[out] recvbuf  size*count elements, rank r's block at element
 *                      r*count; not TG_IN_PLACE and not @p sendbuf itself
 * @param[in] count     number of elements each rank sends (>= 0)
 * @param[in] dtype     element type
 * @retval TG_SUCCESS   the operation completed on this rank
 * @retval TG_ERR_COMM  @p comm is MPI_COMM_NULL or an intercommunicator, or MPI
 *                      is not initialised (see tg_comm_info())
 * @retval TG_ERR_ARG   unknown @p dtype, @p count negative or size*count too
 *                      large, a NULL buffer with elements in it, a TG_IN_PLACE
 *                      @p recvbuf, or @p sendbuf == @p recvbuf
 * @retval TG_ERR_MPI   the MPI call failed and the error handler of @p comm
 *                      returned (MPI_ERRORS_RETURN); the message is MPI's
 *
 * @see tg_gather(), tg_allgatherv(), tg_allgather_block()
 */
TG_API int tg_allgather(MPI_Comm comm, const void *sendbuf, void *recvbuf, int64_t count, tg_dtype dtype);

/**
 * @brief Element-wise reduction with @p op of @p count elements from every
 * rank into the root's @p recvbuf.
 *
 * MPI_Reduce_c on @p comm. TG_BYTE elements cannot be reduced; TG_MIN and
 * TG_MAX are not defined for TG_COMPLEX128.
 *
 * @par Collectivity
 * Collective on @p comm: every rank of @p comm must call it with matching
 * @p count, @p dtype, @p op and @p root.
 *
 * @param[in] comm     an intracommunicator (not MPI_COMM_NULL); used as is
 * @param[in] sendbuf   @p count elements from this rank; at @p root it may be
 *                      TG_IN_PLACE (the root's input is then taken from
 *                      @p recvbuf), on other ranks not; NULL only if @p count is 0
 * @param[out] recvbuf  at @p root: @p count elements, the result; not
 *                      TG_IN_PLACE and not @p sendbuf itself. Ignored on the
 *                      other ranks (may be NULL there)
 * @param[in] count     number of elements (>= 0)
 * @param[in] dtype     element type (not TG_BYTE)
 * @param[in] op        reduction operation (TG_MIN and TG_MAX not for
 *                      TG_COMPLEX128)
 * @param[in] root      rank of @p comm that receives, 0 <= root < size
 * @retval TG_SUCCESS   the operation completed on this rank
 * @retval TG_ERR_COMM  @p comm is MPI_COMM_NULL or an intercommunicator, or MPI
 *                      is not initialised (see tg_comm_info())
 * @retval TG_ERR_ARG   @p root out of range, unknown @p dtype or @p op,
 *                      @p count negative or too large, a NULL @p sendbuf with
 *                      @p count > 0; on another rank a TG_IN_PLACE @p sendbuf;
 *                      at @p root a TG_IN_PLACE @p recvbuf, a NULL one with
 *                      @p count > 0, or @p sendbuf == @p recvbuf
 * @retval TG_ERR_UNSUPPORTED  @p dtype is TG_BYTE, or @p op is TG_MIN or
 *                      TG_MAX with TG_COMPLEX128
 * @retval TG_ERR_MPI   the MPI call failed and the error handler of @p comm
 *                      returned (MPI_ERRORS_RETURN); the message is MPI's
 *
 * @see tg_allreduce()
 */
TG_API int tg_reduce(MPI_Comm comm, const void *sendbuf, void *recvbuf, int64_t count, tg_dtype dtype, tg_op op,
                     int root);

/**
 * @brief Element-wise reduction with @p op of @p count elements from every
 * rank into every rank's @p recvbuf.
 *
 * MPI_Allreduce_c on @p comm. Inline in C11 callers (TG_FAST_PATH). TG_BYTE
 * elements cannot be reduced; TG_MIN and TG_MAX are not defined for
 * TG_COMPLEX128.
 *
 * @par Collectivity
 * Collective on @p comm: every rank of @p comm must call it with matching
 * @p count, @p dtype and @p op, and TG_IN_PLACE on all ranks or on none.
 *
 * @param[in] comm     an intracommunicator (not MPI_COMM_NULL); used as is
 * @param[in] sendbuf   @p count elements from this rank, or TG_IN_PLACE (the
 *                      input is then taken from @p recvbuf); NULL only if
 *                      @p count is 0
 * @param[out] recvbuf  @p count elements, the result; not TG_IN_PLACE and not
 *                      @p sendbuf itself; NULL only if @p count is 0
 * @param[in] count     number of elements (>= 0)
 * @param[in] dtype     element type (not TG_BYTE)
 * @param[in] op        reduction operation (TG_MIN and TG_MAX not for
 *                      TG_COMPLEX128)
 * @retval TG_SUCCESS   the operation completed on this rank
 * @retval TG_ERR_COMM  @p comm is MPI_COMM_NULL or an intercommunicator, or MPI
 *                      is not initialised (see tg_comm_info())
 * @retval TG_ERR_ARG   unknown @p dtype or @p op, @p count negative or too
 *                      large, a NULL buffer with @p count > 0, a TG_IN_PLACE
 *                      @p recvbuf, or @p sendbuf == @p recvbuf
 * @retval TG_ERR_UNSUPPORTED  @p dtype is TG_BYTE, or @p op is TG_MIN or
 *                      TG_MAX with TG_COMPLEX128
 * @retval TG_ERR_MPI   the MPI call failed and the error handler of @p comm
 *                      returned (MPI_ERRORS_RETURN); the message is MPI's
 *
 * @see tg_reduce()
 */
TG_API TG_FAST_INLINE int tg_allreduce(MPI_Comm comm, const void *sendbuf, void *recvbuf, int64_t count, tg_dtype dtype,
                                       tg_op op);

/**
 * @brief Scatter blocks of different sizes from @p root: rank r receives the
 * root's @p sendcounts[r] elements, taken consecutively from @p sendbuf.
 *
 * MPI_Scatterv_c on @p comm. The displacements are the prefix sums of
 * @p sendcounts: tofgrid computes them.
 *
 * @par Collectivity
 * Collective on @p comm: every rank of @p comm must call it with matching
 * @p dtype and @p root, and each rank's @p recvcount must equal the root's
 * sendcounts[rank].
 *
 * @param[in] comm     an intracommunicator (not MPI_COMM_NULL); used as is
 * @param[in] sendbuf     at @p root: sendcounts[0] + ... + sendcounts[size-1]
 *                        elements, rank r's block after those of ranks 0..r-1;
 *                        not TG_IN_PLACE. Ignored on the other ranks
 * @param[in] sendcounts  at @p root: size counts (>= 0), one per rank.
 *                        Ignored on the other ranks (may be NULL there)
 * @param[out] recvbuf    @p recvcount elements for this rank's block; at
 *                        @p root it may be TG_IN_PLACE (the root's block stays
 *                        in @p sendbuf), on other ranks not; NULL only if
 *                        @p recvcount is 0
 * @param[in] recvcount   number of elements this rank receives (>= 0); must
 *                        equal sendcounts[rank] (checked at @p root)
 * @param[in] dtype       element type
 * @param[in] root        rank of @p comm that sends, 0 <= root < size
 * @retval TG_SUCCESS   the operation completed on this rank
 * @retval TG_ERR_COMM  @p comm is MPI_COMM_NULL or an intercommunicator, or MPI
 *                      is not initialised (see tg_comm_info())
 * @retval TG_ERR_ARG   unknown @p dtype, @p root out of range; at @p root a
 *                      NULL @p sendcounts, a negative count or a total too
 *                      large, a TG_IN_PLACE @p sendbuf or a NULL one with
 *                      elements to send, @p recvcount != sendcounts[root]
 *                      (unless @p recvbuf is TG_IN_PLACE); on another
 *                      rank a TG_IN_PLACE @p recvbuf; a negative
 *                      @p recvcount, or a NULL @p recvbuf with
 *                      @p recvcount > 0
 * @retval TG_ERR_NOMEM at @p root, when @p comm has more than 64 ranks: the
 *                      per-rank counts and displacements cannot be allocated
 * @retval TG_ERR_MPI   the MPI call failed and the error handler of @p comm
 *                      returned (MPI_ERRORS_RETURN); the message is MPI's
 *
 * @see tg_scatter(), tg_scatter_block(), tg_gatherv()
 */
TG_API int tg_scatterv(MPI_Comm comm, const void *sendbuf, const int64_t *sendcounts, void *recvbuf, int64_t recvcount,
                       tg_dtype dtype, int root);

/**
 * @brief Gather blocks of different sizes into the root's @p recvbuf: rank
 * r's @p sendcount elements are placed consecutively, in rank order.
 *
 * MPI_Gatherv_c on @p comm. The displacements are the prefix sums of
 * @p recvcounts: tofgrid computes them.
 *
 * @par Collectivity
 * Collective on @p comm: every rank of @p comm must call it with matching
 * @p dtype and @p root, and each rank's @p sendcount must equal the root's
 * recvcounts[rank].
 *
 * @param[in] comm     an intracommunicator (not MPI_COMM_NULL); used as is
 * @param[in] sendbuf     @p sendcount elements from this rank; at @p root it
 *                        may be TG_IN_PLACE (the root's block is already at
 *                        its place in @p recvbuf), on other ranks not; NULL
 *                        only if @p sendcount is 0
 * @param[in] sendcount   number of elements this rank sends (>= 0); must equal
 *                        recvcounts[rank] (checked at @p root, unless it
 *                        passes TG_IN_PLACE)
 * @param[out] recvbuf    at @p root: recvcounts[0] + ... + recvcounts[size-1]
 *                        elements, rank r's block after those of ranks
 *                        0..r-1; not TG_IN_PLACE and not @p sendbuf itself.
 *                        Ignored on the other ranks
 * @param[in] recvcounts  at @p root: size counts (>= 0), one per rank.
 *                        Ignored on the other ranks (may be NULL there)
 * @param[in] dtype       element type
 * @param[in] root        rank of @p comm that receives, 0 <= root < size
 * @retval TG_SUCCESS   the operation completed on this rank
 * @retval TG_ERR_COMM  @p comm is MPI_COMM_NULL or an intercommunicator, or MPI
 *                      is not initialised (see tg_comm_info())
 * @retval TG_ERR_ARG   unknown @p dtype, @p root out of range, a negative
 *                      @p sendcount or a NULL @p sendbuf with
 *                      @p sendcount > 0; on another rank a TG_IN_PLACE
 *                      @p sendbuf; at @p root a NULL @p recvcounts, a negative
 *                      count or a total too large, a TG_IN_PLACE @p recvbuf
 *                      or a NULL one with elements to receive,
 *                      @p sendcount != recvcounts[root], or
 *                      @p sendbuf == @p recvbuf
 * @retval TG_ERR_NOMEM at @p root, when @p comm has more than 64 ranks: the
 *                      per-rank counts and displacements cannot be allocated
 * @retval TG_ERR_MPI   the MPI call failed and the error handler of @p comm
 *                      returned (MPI_ERRORS_RETURN); the message is MPI's
 *
 * @see tg_gather(), tg_gather_block(), tg_allgatherv(), tg_scatterv()
 */
TG_API int tg_gatherv(MPI_Comm comm, const void *sendbuf, int64_t sendcount, void *recvbuf, const int64_t *recvcounts,
                      tg_dtype dtype, int root);

/**
 * @brief Gather blocks of different sizes into every rank's @p recvbuf: rank
 * r's @p sendcount elements are placed consecutively, in rank order.
 *
 * MPI_Allgatherv_c on @p comm: tg_gatherv() onto every rank.
 *
 * @par Collectivity
 * Collective on @p comm: every rank of @p comm must call it with matching
 * @p recvcounts and @p dtype, each rank's @p sendcount must equal
 * recvcounts[rank], and TG_IN_PLACE is given on all ranks or on none.
 *
 * @param[in] comm     an intracommunicator (not MPI_COMM_NULL); used as is
 * @param[in] sendbuf     @p sendcount elements from this rank, or TG_IN_PLACE
 *                        (each rank's block is already at its place in its
 *                        @p recvbuf); NULL only if @p sendcount is 0
 * @param[in] sendcount   number of elements this rank sends (>= 0); must equal
 *                        recvcounts[rank] (checked, unless TG_IN_PLACE)
 * @param[out] recvbuf    recvcounts[0] + ... + recvcounts[size-1] elements,
 *                        rank r's block after those of ranks 0..r-1; not
 *                        TG_IN_PLACE and not @p sendbuf itself
 * @param[in] recvcounts  size counts (>= 0), one per rank, on every rank
 * @param[in] dtype       element type
 * @retval TG_SUCCESS   the operation completed on this rank
 * @retval TG_ERR_COMM  @p comm is MPI_COMM_NULL or an intercommunicator, or MPI
 *                      is not initialised (see tg_comm_info())
 * @retval TG_ERR_ARG   unknown @p dtype, a NULL @p recvcounts, a negative
 *                      count or a total too large, a negative @p sendcount,
 *                      a NULL buffer with elements in it, a TG_IN_PLACE
 *                      @p recvbuf, @p sendcount != recvcounts[rank], or
 *                      @p sendbuf == @p recvbuf
 * @retval TG_ERR_NOMEM when @p comm has more than 64 ranks: the per-rank
 *                      counts and displacements cannot be allocated
 * @retval TG_ERR_MPI   the MPI call failed and the error handler of @p comm
 *                      returned (MPI_ERRORS_RETURN); the message is MPI's
 *
 * @see tg_gatherv(), tg_allgather(), tg_allgather_block()
 */
TG_API int tg_allgatherv(MPI_Comm comm, const void *sendbuf, int64_t sendcount, void *recvbuf,
                         const int64_t *recvcounts, tg_dtype dtype);

/**
 * @brief Scatter @p n items of @p width elements each from @p root in blocks:
 * rank r receives block r of tg_block_range().
 *
 * If tg_block_range(n, size, r, &offset_r, &count_r) gives rank r its block,
 * rank r receives the count_r * width elements that start at element
 * offset_r * width of the root's @p sendbuf. Counts need not be given: every
 * rank computes them. MPI_Scatterv_c on @p comm.
 *
 * @par Collectivity
 * Collective on @p comm: every rank of @p comm must call it with matching
 * @p n, @p width, @p dtype and @p root.
 *
 * @param[in] comm     an intracommunicator (not MPI_COMM_NULL); used as is
 * @param[in] sendbuf   at @p root: n*width elements (item i at element
 *                      i*width); not TG_IN_PLACE. Ignored on the other ranks
 * @param[out] recvbuf  count_r * width elements for this rank's block; at
 *                      @p root it may be TG_IN_PLACE (the root's block stays
 *                      in @p sendbuf), on other ranks not; NULL only if the
 *                      block is empty
 * @param[in] n         number of items (>= 0)
 * @param[in] width     number of elements per item (>= 0)
 * @param[in] dtype     element type
 * @param[in] root      rank of @p comm that sends, 0 <= root < size
 * @retval TG_SUCCESS   the operation completed on this rank
 * @retval TG_ERR_COMM  @p comm is MPI_COMM_NULL or an intercommunicator, or MPI
 *                      is not initialised (see tg_comm_info())
 * @retval TG_ERR_ARG   unknown @p dtype, @p root out of range, @p n or
 *                      @p width negative, n*width too large; at @p root a
 *                      TG_IN_PLACE @p sendbuf, or a NULL one with elements to
 *                      send; on another rank a TG_IN_PLACE @p recvbuf; a NULL
 *                      @p recvbuf for a non-empty block
 * @retval TG_ERR_NOMEM at @p root, when @p comm has more than 64 ranks: the
 *                      per-rank counts and displacements cannot be allocated
 * @retval TG_ERR_MPI   the MPI call failed and the error handler of @p comm
 *                      returned (MPI_ERRORS_RETURN); the message is MPI's
 *
 * @see tg_block_range(), tg_gather_block(), tg_scatterv()
 */
TG_API int tg_scatter_block(MPI_Comm comm, const void *sendbuf, void *recvbuf, int64_t n, int64_t width, tg_dtype dtype,
                            int root);

/**
 * @brief Gather @p n items of @p width elements each into the root's
 * @p recvbuf from blocks: the inverse of tg_scatter_block().
 *
 * Rank r sends its block of tg_block_range(), count_r * width elements,
 * which land at element offset_r * width of the root's @p recvbuf.
 * MPI_Gatherv_c on @p comm.
 *
 * @par Collectivity
 * Collective on @p comm: every rank of @p comm must call it with matching
 * @p n, @p width, @p dtype and @p root.
 *
 * @param[in] comm     an intracommunicator (not MPI_COMM_NULL); used as is
 * @param[in] sendbuf   this rank's block, count_r * width elements; at
 *                      @p root it may be TG_IN_PLACE (the root's block is
 *                      already at its place in @p recvbuf), on other ranks
 *                      not; NULL only if the block is empty
 * @param[out] recvbuf  at @p root: n*width elements (item i at element
 *                      i*width); not TG_IN_PLACE and not @p sendbuf itself.
 *                      Ignored on the other ranks
 * @param[in] n         number of items (>= 0)
 * @param[in] width     number of elements per item (>= 0)
 * @param[in] dtype     element type
 * @param[in] root      rank of @p comm that receives, 0 <= root < size
 * @retval TG_SUCCESS   the operation completed on this rank
 * @retval TG_ERR_COMM  @p comm is MPI_COMM_NULL or an intercommunicator, or MPI
 *                      is not initialised (see tg_comm_info())
 * @retval TG_ERR_ARG   unknown @p dtype, @p root out of range, @p n or
 *                      @p width negative, n*width too large, a NULL
 *                      @p sendbuf for a non-empty block; on another rank a
 *                      TG_IN_PLACE @p sendbuf; at @p root a TG_IN_PLACE or
 *                      NULL @p recvbuf (with elements to receive), or
 *                      @p sendbuf == @p recvbuf
 * @retval TG_ERR_NOMEM at @p root, when @p comm has more than 64 ranks: the
 *                      per-rank counts and displacements cannot be allocated
 * @retval TG_ERR_MPI   the MPI call failed and the error handler of @p comm
 *                      returned (MPI_ERRORS_RETURN); the message is MPI's
 *
 * @see tg_block_range(), tg_scatter_block(), tg_allgather_block(), tg_gatherv()
 */
TG_API int tg_gather_block(MPI_Comm comm, const void *sendbuf, void *recvbuf, int64_t n, int64_t width, tg_dtype dtype,
                           int root);

/**
 * @brief Gather @p n items of @p width elements each into every rank's
 * @p recvbuf from blocks: tg_gather_block() onto every rank.
 *
 * Rank r sends its block of tg_block_range(), count_r * width elements,
 * which land at element offset_r * width of every rank's @p recvbuf.
 * MPI_Allgatherv_c on @p comm.
 *
 * @par Collectivity
 * Collective on @p comm: every rank of @p comm must call it with matching
 * @p n, @p width and @p dtype, and TG_IN_PLACE on all ranks or on none.
 *
 * @param[in] comm     an intracommunicator (not MPI_COMM_NULL); used as is
 * @param[in] sendbuf   this rank's block, count_r * width elements, or
 *                      TG_IN_PLACE (each rank's block is already at its place
 *                      in its @p recvbuf); NULL only if the block is empty
 * @param[out] recvbuf  n*width elements (item i at element i*width); not
 *                      TG_IN_PLACE and not @p sendbuf itself
 * @param[in] n         number of items (>= 0)
 * @param[in] width     number of elements per item (>= 0)
 * @param[in] dtype     element type
 * @retval TG_SUCCESS   the operation completed on this rank
 * @retval TG_ERR_COMM  @p comm is MPI_COMM_NULL or an intercommunicator, or MPI
 *                      is not initialised (see tg_comm_info())
 * @retval TG_ERR_ARG   unknown @p dtype, @p n or @p width negative, n*width
 *                      too large, a NULL buffer with elements in it, a
 *                      TG_IN_PLACE @p recvbuf, or @p sendbuf == @p recvbuf
 * @retval TG_ERR_NOMEM when @p comm has more than 64 ranks: the per-rank
 *                      counts and displacements cannot be allocated
 * @retval TG_ERR_MPI   the MPI call failed and the error handler of @p comm
 *                      returned (MPI_ERRORS_RETURN); the message is MPI's
 *
 * @see tg_block_range(), tg_gather_block(), tg_allgatherv()
 */
TG_API int tg_allgather_block(MPI_Comm comm, const void *sendbuf, void *recvbuf, int64_t n, int64_t width,
                              tg_dtype dtype);

/**
 * @brief Size in bytes of one element of @p dtype.
 *
 * @par Collectivity
 * Not collective.
 *
 * @param[in] dtype  an element type (any value)
 * @return 1 for TG_BYTE, 4 for TG_INT32 and TG_FLOAT32, 8 for TG_INT64 and
 *         TG_FLOAT64, 16 for TG_COMPLEX128, and 0 for a value that is not a
 *         tg_dtype. This is a size, not a status.
 */
TG_API int tg_dtype_size(tg_dtype dtype);

#ifdef __cplusplus
}
#endif

#if TG_FAST_PATH
#include "tofgrid/fast_path.h"
#endif

#endif
