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

/** @brief Value of tg_axis::variable for an axis that varies the temperature. */
#define TG_AXIS_TEMPERATURE (-1)
/** @brief Value of tg_axis::variable for an axis that varies descriptor @p k of a CatMAP model
 *  (tg_model_descriptor_index()); descriptors on no axis keep the model's values. */
#define TG_AXIS_DESCRIPTOR(k) (-2 - (k))

/**
 * @brief One axis of a map: the values of one condition, a gas pressure or
 * the temperature. Conditions not on an axis are the model's.
 */
typedef struct tg_axis {
  int variable;         /**< gas index (tg_model_gas_index), TG_AXIS_TEMPERATURE or TG_AXIS_DESCRIPTOR(k) */
  int64_t n;            /**< number of values (>= 1) */
  const double *values; /**< the values, e.g. from tg_linspace / tg_logspace */
} tg_axis;

/** @brief How points are shared among ranks. Results are bit-identical either way. */
typedef enum tg_schedule {
  TG_SCHEDULE_STATIC = 0, /**< the tutorial's: rank r gets block r of the outer axis's rows */
  TG_SCHEDULE_DYNAMIC = 1 /**< ranks claim chunks of points from a shared atomic counter (MPI-3 RMA) */
} tg_schedule;

/**
 * @brief What every point of a map shares: the conditions no axis varies, and
 * the analyses computed at each point. Zero-initialise, then set what you
 * need: all zero is the model's conditions and no analyses.
 *
 * A condition fixed here must not be on an axis, nor (CatMAP models) set by a
 * thermodynamic descriptor; either is TG_ERR_ARG, never silently replaced.
 */
typedef struct tg_map_options {
  /** Temperature of every point (K, finite and > 0), or 0 (or TG_MODEL_TEMPERATURE): the model's. */
  double temperature;
  /** Pressure of every gas (tg_model_gas_index order; the model's unit), NaN for the model's own;
   *  or NULL: every pressure the model's. */
  const double *pressures;
  /** A CatMAP model's descriptor values (eV, or the descriptor's unit), NaN for the model's own
   *  point; or NULL: the model's point for every descriptor on no axis. */
  const double *descriptors;
  /** A bitwise or of tg_analysis values computed at every point (the grid's analysis arrays and
   *  the file's datasets). TG_ANALYSIS_XRC needs a product, rate and selectivity control a CatMAP
   *  model. Cost: docs/analyses.md. */
  int analyses;
} tg_map_options;

/**
 * @brief A map gathered on the root by tg_tof_grid().
 *
 * Point (i, j) is at index i*ny + j (i: outer axis x, j: inner axis y;
 * ny = 1 for a 1-D map). Arrays are allocated by tg_tof_grid() and freed by
 * tg_grid_free().
 */
typedef struct tg_grid {
  int64_t nx, ny;
  int ng, ncov;      /**< gases, coverages (adsorbates then free sites) per point */
  double *tof;       /**< TOF of every gas at every point, nx*ny*ng values (s^-1 per site) */
  double *coverages; /**< coverages at every point, nx*ny*ncov values */
  int *status;       /**< status of every point, nx*ny values: a tg_steady_status */
  int *iterations;   /**< Newton iterations at every point, nx*ny values */
  double seconds;    /**< wall time of the sweep */
  /* The analyses asked for (tg_map_options.analyses); arrays of the others are NULL.
   * Point k = i*ny + j; NaN where the point failed, else as tg_solution's (orders and eapp
   * NaN where TOF_g = 0, rate and selectivity control 0 there, as CatMAP defines them). */
  int analyses;                /**< the tg_analysis values computed */
  int nsteps;                  /**< steps of the model (xrc's second dimension) */
  int ncontrol;                /**< species whose free energies rate control varies: adsorbates, then
                                    transition states (tg_model_species kinds) */
  double *orders;              /**< [k][ng][ng]: d ln|TOF_g| / d ln p_l at [k*ng*ng + g*ng + l] */
  double *eapp;                /**< [k][ng]: apparent activation energy of TOF_g (eV) */
  double *rate_control;        /**< [k][ng][ncontrol]: -kB T d ln TOF_g / d G_c */
  double *selectivity;         /**< [k][ng] */
  double *selectivity_control; /**< [k][ng][ncontrol]: -kB T d ln S_g / d G_c */
  double *xrc;                 /**< [k][nsteps]: degree of rate control of the product's TOF per step */
} tg_grid;

/** @var tg_grid::nx
 *  Number of points on the outer axis x. */
/** @var tg_grid::ny
 *  Number of points on the inner axis y (1 for a 1-D map). */
/** @var tg_grid::ng
 *  Gases per point (tg_model_count(model, TG_GAS)). */

/**
 * @brief @p n values from @p lo to @p hi, evenly spaced (numpy.linspace).
 *
 * @par Collectivity
 * Not collective.
 *
 * @param[in]  lo   first value (finite)
 * @param[in]  hi   last value (finite); exactly @p hi when n > 1
 * @param[in]  n    number of values (>= 1)
 * @param[out] out  @p n values
 * @retval TG_SUCCESS  @p out is filled
 * @retval TG_ERR_ARG  @p n < 1, @p out NULL, or a bound not finite
 */
TG_API int tg_linspace(double lo, double hi, int64_t n, double *out);
/**
 * @brief @p n values from @p lo to @p hi, evenly spaced in log10 (numpy.geomspace).
 *
 * @par Collectivity
 * Not collective.
 *
 * @param[in]  lo   first value (> 0, finite)
 * @param[in]  hi   last value (> 0, finite); exactly @p hi when n > 1
 * @param[in]  n    number of values (>= 1)
 * @param[out] out  @p n values
 * @retval TG_SUCCESS  @p out is filled
 * @retval TG_ERR_ARG  a bound not positive or not finite, @p n < 1, or @p out NULL
 */
TG_API int tg_logspace(double lo, double hi, int64_t n, double *out);

/**
 * @brief Steady state of @p model at every point of x (times y, unless y is NULL),
 * computed in parallel over @p comm and gathered on @p root into @p out.
 *
 * Every point is the kernel's clean-start answer (SCAKS's branch), whatever the
 * rank count or schedule. The sweep talks on a private duplicate of @p comm, made
 * on its first sweep and kept as an attribute of @p comm (never per call):
 * freeing @p comm frees it (MPI_Finalize for MPI_COMM_WORLD and MPI_COMM_SELF).
 * Conditions not on an axis are the model's. Points without a steady state have
 * status TG_STEADY_FAILED and NaN TOFs and coverages; they do not fail the call.
 *
 * @par Collectivity
 * Collective on @p comm: every rank of @p comm must call it with matching
 * @p model, @p x, @p y, @p schedule and @p root (checked: a mismatch is
 * TG_ERR_ARG on every rank). An error on one rank is an error on every rank.
 *
 * @param[in]  comm      an intracommunicator (not MPI_COMM_NULL)
 * @param[in]  model     the model
 * @param[in]  x         the outer axis (values: temperatures > 0 or pressures >= 0, finite)
 * @param[in]  y         the inner axis, or NULL for a 1-D map
 * @param[in]  schedule  how points are shared among ranks
 * @param[in]  root      rank of @p comm that receives the map, 0 <= root < size
 * @param[out] out       at @p root: the map, to be freed with tg_grid_free();
 *                       zeroed on the other ranks (but for the time taken)
 * @retval TG_SUCCESS    the map is on @p root
 * @retval TG_ERR_COMM  @p comm is MPI_COMM_NULL or an intercommunicator, or MPI
 *                      is not initialised (see tg_comm_info())
 * @retval TG_ERR_ARG    @p out or @p model NULL, an axis NULL, empty, of an
 *                       unknown variable or with a bad value, both axes on one
 *                       variable, an unknown @p schedule, @p root out of
 *                       range, or arguments that differ between ranks
 * @retval TG_ERR_NOMEM  out of memory on some rank, or the map would not fit
 *                       in the root's memory (the message has the estimate)
 * @retval TG_ERR_MPI   an MPI call on the sweep's private communicator failed
 *                      (duplicating @p comm, gathering, one-sided counters)
 */
TG_API int tg_tof_grid(MPI_Comm comm, const tg_model *model, const tg_axis *x, const tg_axis *y, tg_schedule schedule,
                       int root, tg_grid *out);

/**
 * @brief tg_tof_grid() with fixed conditions and analyses.
 *
 * @par Collectivity
 * Collective on @p comm, as tg_tof_grid(); @p options must match on every rank too.
 *
 * @param[in]  comm      an intracommunicator (not MPI_COMM_NULL)
 * @param[in]  model     the model
 * @param[in]  x         the outer axis
 * @param[in]  y         the inner axis, or NULL for a 1-D map
 * @param[in]  schedule  how points are shared among ranks
 * @param[in]  root      rank of @p comm that receives the map
 * @param[in]  options   fixed conditions and analyses, or NULL (the model's conditions, no analyses)
 * @param[out] out       at @p root: the map (with the analyses' arrays), to be freed with tg_grid_free()
 * @retval TG_SUCCESS  the map is on @p root
 * @retval TG_ERR_ARG  as tg_tof_grid(), or a bad option: a condition not finite or out of range, fixed
 *                     and on an axis, or set by a descriptor; an unknown analysis, xrc without a
 *                     product, rate or selectivity control of a model that is not CatMAP's
 * @retval others      as tg_tof_grid()
 */
TG_API int tg_tof_grid_with(MPI_Comm comm, const tg_model *model, const tg_axis *x, const tg_axis *y,
                            tg_schedule schedule, int root, const tg_map_options *options, tg_grid *out);

/**
 * @brief Like tg_tof_grid(), but the map goes to an HDF5 file at @p path.
 *
 * Written collectively with parallel HDF5 (MPI-IO) so that no rank ever holds the
 * whole grid: datasets tof (nx, ny, gases), coverages (nx, ny, species), status and
 * iterations (nx, ny), x and y (with attribute "name"); file attributes model,
 * gases, species, product. Written under a new temporary (PATH.tmp.PID.N) and
 * renamed at the end, so a failure leaves an earlier file intact; while it
 * runs, rank 0 holds a POSIX lock on PATH.lock, and a second call on the same
 * path is refused. Identical calls write identical bytes.
 *
 * @par Collectivity
 * Collective on @p comm: every rank of @p comm must call it with matching
 * @p model, @p x, @p y, @p schedule and @p path.
 *
 * @param[in] comm      an intracommunicator (not MPI_COMM_NULL)
 * @param[in] model     the model
 * @param[in] x         the outer axis
 * @param[in] y         the inner axis, or NULL for a 1-D map
 * @param[in] schedule  how points are shared among ranks
 * @param[in] path      the HDF5 file to write (not NULL or empty)
 * @retval TG_SUCCESS          the file is written
 * @retval TG_ERR_COMM  @p comm is MPI_COMM_NULL or an intercommunicator, or MPI
 *                      is not initialised (see tg_comm_info())
 * @retval TG_ERR_ARG          @p path NULL or empty, @p model NULL, a bad axis or
 *                             @p schedule
 * @retval TG_ERR_NOMEM        out of memory on some rank, or the map would not
 *                             fit in a rank's memory (the message has the estimate)
 * @retval TG_ERR_IO           the file cannot be created, written or renamed,
 *                             or another run is writing it
 * @retval TG_ERR_UNSUPPORTED  tofgrid was built without parallel HDF5
 * @retval TG_ERR_MPI   an MPI call on the sweep's private communicator failed
 *                      (duplicating @p comm, gathering, one-sided counters)
 */
TG_API int tg_tof_grid_write(MPI_Comm comm, const tg_model *model, const tg_axis *x, const tg_axis *y,
                             tg_schedule schedule, const char *path);

/** @brief Options of a file sweep (tg_tof_grid_file()); zero-initialise, then set what you need. */
typedef struct tg_sweep_options {
  tg_schedule schedule; /**< how points are shared among ranks */
  /** Record finished rows in CHECKPOINT.\<rank\> as the sweep goes (NULL: no checkpoints). */
  const char *checkpoint;
  /** Skip the rows recorded in existing checkpoint files (any earlier rank count; needs
   *  @c checkpoint). A checkpoint of another map (model, solver settings, axes) or format, or
   *  with a damaged header, is an error; a damaged or cut-short record is dropped (see
   *  @c dropped) and its row computed again. */
  int resume;
  /** Called on every rank after each row: points this rank has done (resumed ones
   *  included) and the map's total. */
  void (*progress)(int64_t done, int64_t total, void *context);
  void *context; /**< passed to @c progress as is */
  /** Also write the map as CSV to this path (NULL: no CSV): a comment line, a header line, then one line per
   *  point (x, y, the TOF of every gas, the coverages, status, iterations), written collectively with MPI-IO. */
  const char *csv;
  /** If not NULL: receives, on every rank, the number of points that have a steady state. */
  int64_t *converged;
  /** If not NULL: receives, on every rank, the number of checkpoint records found on resume cut
   *  short (by a kill) or damaged (their checksum or values are wrong) and dropped: their rows are
   *  computed again. Worth telling the user when not 0. */
  int64_t *dropped;
  /** Fixed conditions and analyses of every point (NULL: the model's conditions, no analyses). The
   *  analyses become datasets of the HDF5 file and columns of the CSV. */
  const tg_map_options *map;
} tg_sweep_options;

/**
 * @brief tg_tof_grid_write with checkpoints, resume, progress and a CSV file; @p path may be NULL when
 * options->csv names a file (a build without HDF5 writes CSV only). After a kill
 * (even kill -9) the same call with resume = 1 finishes the map, and the file is
 * bit-identical to an uninterrupted run's; the checkpoint files are removed once
 * the map is written.
 *
 * @par Collectivity
 * Collective on @p comm: every rank of @p comm must call it with matching
 * @p model, @p x, @p y, @p path and options (all but @c progress, @c context
 * and @c converged).
 *
 * @param[in] comm     an intracommunicator (not MPI_COMM_NULL)
 * @param[in] model    the model
 * @param[in] x        the outer axis
 * @param[in] y        the inner axis, or NULL for a 1-D map
 * @param[in] path     the HDF5 file to write, or NULL (or "") for CSV only
 * @param[in] options  the sweep's options, or NULL for all zero (static
 *                     schedule, no checkpoints, no CSV)
 * @retval TG_SUCCESS          every output is written
 * @retval TG_ERR_COMM  @p comm is MPI_COMM_NULL or an intercommunicator, or MPI
 *                      is not initialised (see tg_comm_info())
 * @retval TG_ERR_ARG          no output (@p path and options->csv both empty),
 *                             @p model NULL, a bad axis or schedule, resume
 *                             without checkpoint, arguments that differ between
 *                             ranks, or a checkpoint of another map (model,
 *                             solver settings, axes) or checkpoint format
 * @retval TG_ERR_NOMEM        out of memory on some rank, or the map would not
 *                             fit in a rank's memory (the message has the estimate)
 * @retval TG_ERR_IO           a checkpoint cannot be read (a header is damaged)
 *                             or written, an output cannot be created, written
 *                             or renamed, or another run is writing it
 * @retval TG_ERR_UNSUPPORTED  @p path is given but tofgrid was built without
 *                             parallel HDF5
 * @retval TG_ERR_MPI   an MPI call on the sweep's private communicator failed
 *                      (duplicating @p comm, gathering, one-sided counters)
 */
TG_API int tg_tof_grid_file(MPI_Comm comm, const tg_model *model, const tg_axis *x, const tg_axis *y, const char *path,
                            const tg_sweep_options *options);

/**
 * @brief Free the arrays of a grid result and zero it.
 *
 * @par Collectivity
 * Not collective.
 *
 * @param[in,out] grid  a result of tg_tof_grid() (NULL members are fine), or NULL
 */
TG_API void tg_grid_free(tg_grid *grid);

#ifdef __cplusplus
}
#endif

#endif
