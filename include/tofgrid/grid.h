/**
 * @file tofgrid/grid.h
 * @brief TOF maps: steady states over a 1-D or 2-D grid of conditions, spread
 * over the ranks of any communicator.
 */
#ifndef TOFGRID_GRID_H
#define TOFGRID_GRID_H

#include <stdint.h>

#include <mpi.h>

#include "tofgrid/export.h"
#include "tofgrid/model.h"

#ifdef __cplusplus
extern "C" {
#endif

/** An axis varies one gas pressure (gas index of the model) or the temperature. */
#define TG_AXIS_TEMPERATURE (-1)

typedef struct tg_axis {
  int variable;          /**< gas index (tg_model_gas_index) or TG_AXIS_TEMPERATURE */
  int64_t n;             /**< number of values (>= 1) */
  const double *values;  /**< the values, e.g. from tg_linspace / tg_logspace */
} tg_axis;

/** How points are shared among ranks. Results are bit-identical either way. */
typedef enum tg_schedule {
  TG_SCHEDULE_STATIC = 0,  /**< the tutorial's: rank r gets block r of the outer axis's rows */
  TG_SCHEDULE_DYNAMIC = 1  /**< ranks claim chunks of points from a shared atomic counter (MPI-3 RMA) */
} tg_schedule;

/**
 * Results on the root, point (i, j) at index i*ny + j (i: outer axis x, j: inner axis y;
 * ny = 1 for a 1-D map). Arrays are allocated by tg_tof_grid and freed by tg_grid_free.
 */
typedef struct tg_grid {
  int64_t nx, ny;
  int ng, ncov;       /**< gases, coverages (adsorbates then free sites) per point */
  double *tof;        /**< [nx*ny*ng]: TOF of every gas at every point */
  double *coverages;  /**< [nx*ny*ncov] */
  int *status;        /**< [nx*ny]: tg_steady_status */
  int *iterations;    /**< [nx*ny]: Newton iterations */
  double seconds;     /**< wall time of the sweep */
} tg_grid;

/** @brief n values from lo to hi, evenly spaced (numpy.linspace). Not collective. */
TG_API int tg_linspace(double lo, double hi, int64_t n, double *out);
/** @brief n values from lo to hi, evenly spaced in log10 (lo, hi > 0). Not collective. */
TG_API int tg_logspace(double lo, double hi, int64_t n, double *out);

/**
 * @brief Steady state of @p model at every point of x (times y, unless y is NULL),
 * computed in parallel over @p comm and gathered on @p root into @p out (significant
 * at root only; zeroed elsewhere). Every point is the kernel's clean-start answer
 * (SCAKS's branch), whatever the rank count or schedule. The sweep talks on a private
 * duplicate of @p comm, made once and cached (never per call; the caller's
 * communicator is not changed). Conditions not on an axis are the model's.
 * Points without a steady state have status TG_STEADY_FAILED; they do not fail the call.
 * **Collective** over @p comm; every argument but @p out must agree across ranks.
 */
TG_API int tg_tof_grid(MPI_Comm comm, const tg_model *model, const tg_axis *x, const tg_axis *y,
                       tg_schedule schedule, int root, tg_grid *out);

/**
 * @brief Like tg_tof_grid, but the map goes to an HDF5 file at @p path, written
 * collectively with parallel HDF5 (MPI-IO) so that no rank ever holds the whole
 * grid: datasets tof (nx, ny, gases), coverages (nx, ny, species), status and
 * iterations (nx, ny), x and y (with attribute "name"); file attributes model,
 * gases, species, product. Written under PATH.tmp and renamed at the end, so a
 * failure leaves an earlier file intact. TG_ERR_UNSUPPORTED if tofgrid was built
 * without parallel HDF5. **Collective** over @p comm.
 */
TG_API int tg_tof_grid_write(MPI_Comm comm, const tg_model *model, const tg_axis *x, const tg_axis *y,
                             tg_schedule schedule, const char *path);

/** Options of a file sweep (tg_tof_grid_file); zero-initialise, then set what you need. */
typedef struct tg_sweep_options {
  tg_schedule schedule;
  /** Record finished rows in CHECKPOINT.<rank> as the sweep goes (NULL: no checkpoints). */
  const char *checkpoint;
  /** Skip the rows recorded in existing checkpoint files (any earlier rank count); a
   *  checkpoint of another map or a damaged file is an error. */
  int resume;
  /** Called on every rank after each row: points this rank has done (resumed ones
   *  included) and the map's total. */
  void (*progress)(int64_t done, int64_t total, void *context);
  void *context;
  /** Also write the map as CSV to this path (NULL: no CSV): a comment line, a header line, then one line per
   *  point (x, y, the TOF of every gas, the coverages, status, iterations), written collectively with MPI-IO. */
  const char *csv;
  /** If not NULL: receives, on every rank, the number of points that have a steady state. */
  int64_t *converged;
} tg_sweep_options;

/**
 * @brief tg_tof_grid_write with checkpoints, resume, progress and a CSV file; @p path may be NULL when
 * options->csv names a file (a build without HDF5 writes CSV only). After a kill
 * (even kill -9) the same call with resume = 1 finishes the map, and the file is
 * bit-identical to an uninterrupted run's; the checkpoint files are removed once
 * the map is written. **Collective** over @p comm.
 */
TG_API int tg_tof_grid_file(MPI_Comm comm, const tg_model *model, const tg_axis *x, const tg_axis *y,
                            const char *path, const tg_sweep_options *options);

/** @brief Free the arrays of a grid result (and zero it); NULL members are fine. Not collective. */
TG_API void tg_grid_free(tg_grid *grid);

#ifdef __cplusplus
}
#endif

#endif
