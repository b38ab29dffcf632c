/**
 * @file tofgrid/model.h
 * @brief Mean-field microkinetic models and their steady states (SCAKS's model).
 *
 * A model is read from YAML (tg_model_load, tg_model_parse) or is the embedded
 * default, the founding tutorial's CO oxidation ("model A", also shipped as
 * models/co_oxidation.yaml). tg_solve finds the steady state SCAKS reports:
 * integrate from the initial coverages (default: clean surface) to t_end,
 * then Newton. Everything here is **not collective** and needs no MPI; a
 * model is read-only during tg_solve, so threads may share one.
 */
#ifndef TOFGRID_MODEL_H
#define TOFGRID_MODEL_H

#include <stddef.h>

#include "tofgrid/export.h"

#ifdef __cplusplus
extern "C" {
#endif

/** An opaque mechanism with its default conditions. */
typedef struct tg_model tg_model;

/** Kinds of species, in the order the unknowns and results use. */
typedef enum tg_species_kind {
  TG_ADSORBATE = 0, /**< surface species: unknown coverages (sorted by name, as SCAKS sorts) */
  TG_SITE = 1,      /**< free sites "*_s": unknown free-site fractions (sorted) */
  TG_GAS = 2        /**< gases: pressures (sorted) */
} tg_species_kind;

/** @brief Read a model from a YAML file. Errors name the file, line and column. */
TG_API int tg_model_load(const char *path, tg_model **model);
/** @brief Read a model from YAML text; @p origin names it in error messages. */
TG_API int tg_model_parse(const char *yaml, size_t length, const char *origin, tg_model **model);
/** @brief The embedded default: the tutorial's CO oxidation (SCAKS model A). */
TG_API int tg_model_default(tg_model **model);
/** @brief Free a model; NULL is fine. */
TG_API void tg_model_free(tg_model *model);

/** @brief The model's name (from the file). */
TG_API const char *tg_model_name(const tg_model *model);
/** @brief Number of species of a kind, or of steps for kind = -1. */
TG_API int tg_model_count(const tg_model *model, int kind);
/** @brief Name of species @p index of @p kind ("CO_s", "*_s", "CO_g"), or NULL. */
TG_API const char *tg_model_species(const tg_model *model, int kind, int index);
/** @brief Index of a gas by name ("O2_g"), or -1. */
TG_API int tg_model_gas_index(const tg_model *model, const char *name);
/** @brief Index of the product gas (the file's `product`), or -1 if none. */
TG_API int tg_model_product(const tg_model *model);
/** @brief The model's default temperature (K) and gas pressures (gas order; @p pressures may be NULL). */
TG_API int tg_model_conditions(const tg_model *model, double *temperature, double *pressures);
/** @brief Forward and reverse rate constants (s^-1) of every step at @p temperature (<= 0: the model's). */
TG_API int tg_model_rate_constants(const tg_model *model, double temperature, double *kf, double *kr);

/** Outcome of a steady-state solve. */
typedef enum tg_steady_status {
  TG_STEADY_OK = 0,          /**< converged from the state reached at t_end (SCAKS's policy) */
  TG_STEADY_PAST_T_END = 1,  /**< converged only after integrating beyond t_end (where SCAKS loops forever) */
  TG_STEADY_FAILED = 2       /**< no steady state within the work bounds; see tg_error_message() */
} tg_steady_status;

/** Solver settings; tg_solve_options_default() gives the model file's values. */
typedef struct tg_solve_options {
  double t_end;          /**< integrate to this time before Newton (s; SCAKS: 1) */
  double t_max;          /**< integrate at most this far when Newton fails at t_end (s) */
  double tolerance;      /**< accept when every gross-rate-scaled residual is below this */
  int max_iterations;    /**< Newton iterations per attempt */
  int want_xrc;          /**< also compute the degree of rate control of every step */
  const double *initial; /**< initial adsorbate coverages (adsorbate order), or NULL: clean surface */
  const double *k_scale; /**< per step, multiplies k_f and k_r alike (K fixed), or NULL (sensitivity studies) */
  int want_stability;    /**< also classify the state (solution->stable) from the Jacobian's eigenvalues */
} tg_solve_options;

/** The steady state at one point. Arrays are sized by tg_solution_create. */
typedef struct tg_solution {
  int status;          /**< tg_steady_status */
  int iterations;      /**< Newton iterations of the accepted attempt */
  int time_steps;      /**< implicit time steps taken */
  double t_reached;    /**< time integrated to before the accepted Newton (s) */
  double residual;     /**< max gross-rate-scaled residual at the solution */
  int poisoned_by;     /**< adsorbate index covering > 1 - 1e-6 of its sites, or -1 */
  double *coverages;   /**< adsorbates then free sites (tg_model_species order) */
  double *tof;         /**< per gas: net production (s^-1 per site; product > 0, consumed < 0) */
  double *rf, *rr;     /**< forward and reverse rates per step */
  double *net;         /**< net rate per step, made consistent with the steady state (no cancellation) */
  double *xrc;         /**< degree of rate control per step, d ln TOF_product / d ln k_i at fixed K_i */
  int has_xrc;         /**< xrc is filled (asked for, converged, a product with TOF != 0) */
  int stable;          /**< 1 stable, 0 unstable (a saddle), -1 not classified */
} tg_solution;

/** @brief Default options of @p model (its solver section, else SCAKS's 1 s policy). */
TG_API tg_solve_options tg_solve_options_default(const tg_model *model);
/** @brief Allocate a solution sized for @p model. */
TG_API int tg_solution_create(const tg_model *model, tg_solution **solution);
/** @brief Free a solution; NULL is fine. */
TG_API void tg_solution_free(tg_solution *solution);

/**
 * @brief Steady state of @p model at @p temperature (K; <= 0: the model's) and
 * @p pressures (gas order; NULL: the model's). @p options may be NULL.
 * Returns TG_SUCCESS when a steady state was found (solution->status tells
 * whether it needed to go past t_end), TG_ERR_ARG for bad conditions (negative
 * or NaN pressure, T <= 0), TG_ERR_CONVERGENCE when none was found within the
 * work bounds (solution->status = TG_STEADY_FAILED, message says why).
 */
TG_API int tg_solve(const tg_model *model, double temperature, const double *pressures,
                    const tg_solve_options *options, tg_solution *solution);

/**
 * @brief Every distinct stable steady state found from several starts: the
 * clean surface (first, so solutions[0] is SCAKS's answer when it exists),
 * then each adsorbate covering its site type. Fills up to @p max solutions
 * (created with tg_solution_create) and sets *found. Bistable conditions give
 * two states. Returns TG_SUCCESS if at least one was found.
 */
TG_API int tg_steady_states(const tg_model *model, double temperature, const double *pressures,
                            const tg_solve_options *options, tg_solution **solutions, int max, int *found);

#ifdef __cplusplus
}
#endif

#endif
