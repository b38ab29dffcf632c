/**
 * @file tofgrid/decomp.h
 * @brief Block decomposition of n items over the ranks of a communicator.
 */
#ifndef TOFGRID_DECOMP_H
#define TOFGRID_DECOMP_H

#include <stdint.h>

#include "tofgrid/export.h"

#ifdef __cplusplus
extern "C" {
#endif

/**
 * @brief The block of @p n items owned by @p rank out of @p size ranks.
 *
 * Blocks are contiguous and in rank order; the first n % size ranks get one
 * item more than the others, so block sizes differ by at most one and empty
 * blocks occur only when n < size. Every scatter/gather "block" variant and
 * every language face uses this rule. Pure arithmetic: needs no MPI.
 *
 * @par Collectivity
 * Not collective.
 *
 * @param[in]  n       number of items (>= 0)
 * @param[in]  size    number of ranks (> 0)
 * @param[in]  rank    the rank whose block is wanted, 0 <= rank < size
 * @param[out] offset  index of the block's first item (0-based); not NULL
 * @param[out] count   number of items in the block (>= 0); not NULL
 * @return TG_SUCCESS, or TG_ERR_ARG for a negative @p n, @p size <= 0,
 *         @p rank out of range, or a NULL @p offset or @p count (the outputs
 *         are then left unchanged).
 *
 * @see tg_scatter_block(), tg_gather_block(), tg_allgather_block()
 */
TG_API int tg_block_range(int64_t n, int size, int rank, int64_t *offset, int64_t *count);

#ifdef __cplusplus
}
#endif

#endif
