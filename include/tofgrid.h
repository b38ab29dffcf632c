/**
 * @file tofgrid.h
 * @brief tofgrid: MPI collectives on your communicator, and turnover-frequency
 * maps of surface reactions. Include this one header.
 */

/**
 * @mainpage tofgrid C API
 *
 * tofgrid offers MPI collectives on the caller's own communicator (with
 * int64_t counts, checked arguments and error messages instead of aborts),
 * a mean-field microkinetic kernel that finds steady states and turnover
 * frequencies (TOFs) of surface reactions, and TOF maps over grids of
 * conditions spread over the ranks of a communicator. Include tofgrid.h.
 *
 * | Header                | Contents                                          |
 * |-----------------------|---------------------------------------------------|
 * | tofgrid/error.h       | status codes, tg_error_message()                  |
 * | tofgrid/types.h       | element types (tg_dtype) and reductions (tg_op)   |
 * | tofgrid/decomp.h      | the block decomposition, tg_block_range()         |
 * | tofgrid/collectives.h | tg_bcast(), tg_scatter(), tg_gather(), ...        |
 * | tofgrid/model.h       | microkinetic models, tg_solve()                   |
 * | tofgrid/grid.h        | TOF maps over a communicator                      |
 * | tofgrid/version.h     | tg_version()                                      |
 *
 * @section conventions Conventions of every manual page
 *
 * - **Status.** Functions that can fail return an int tg_status: TG_SUCCESS
 *   (0) or an error code. Each page lists the codes the function really
 *   returns. On failure, tg_error_message() says what was wrong and in which
 *   function. tofgrid never prints, exits or aborts on its own.
 * - **Collectivity.** Each page says either "Collective on comm", naming the
 *   arguments that must match on every rank of the communicator, or "Not
 *   collective". A rank that finds an error in its arguments returns before
 *   the collective, so the other ranks may wait for it, as they would in MPI:
 *   check the status on every rank.
 * - **Parameters** are marked [in], [out] or [in,out]; units and valid
 *   ranges are given with them.
 * - **MPI.** tofgrid never calls MPI_Init or MPI_Finalize and never changes
 *   the caller's communicator.
 * - Names with a double underscore (tg__*, TG__*) are internals: do not use
 *   them.
 */
#ifndef TOFGRID_H
#define TOFGRID_H

#include "tofgrid/version.h"
#include "tofgrid/error.h"
#include "tofgrid/types.h"
#include "tofgrid/decomp.h"
#include "tofgrid/collectives.h"
#include "tofgrid/model.h"
#include "tofgrid/grid.h"

#endif
