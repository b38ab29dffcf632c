/**
 * @file tofgrid/model.h
 * @brief Mean-field microkinetic models and their steady states (SCAKS's model).
 *
 * A model is read from YAML (tg_model_load, tg_model_parse) or is the embedded
 * default, the founding tutorial's CO oxidation ("model A", also shipped as
 * models/co_oxidation.yaml). tg_solve finds the steady state SCAKS reports:
 * integrate from the initial coverages (default: the file's
 * initial_coverages, else the clean surface) to t_end,
 * then Newton. Everything here is **not collective** and needs no MPI. Every
 * function may be called from several threads at once (no hidden shared
 * state; the error message is per thread); a model is read-only during
 * tg_solve, so threads may share one.
 *
 * Typical use:
 * @code
 * tg_model *m;
 * tg_solution *s;
 * if (tg_model_load("models/co_oxidation.yaml", &m) != TG_SUCCESS) {
 *   fprintf(stderr, "%s\n", tg_error_message());
 *   return 1;
 * }
 * tg_solution_create(m, &s);
 * tg_solve(m, TG_MODEL_TEMPERATURE, NULL, NULL, s);   // the model's own temperature and pressures
 * printf("TOF %g\n", s->tof[tg_model_product(m)]);
 * tg_solution_free(s);
 * tg_model_free(m);
 * @endcode
 */
#ifndef TOFGRID_MODEL_H
#define TOFGRID_MODEL_H

#include <stddef.h>
#include <stdint.h>

#include "tofgrid/export.h"

#ifdef __cplusplus
extern "C" {
#endif

/**
 * @brief An opaque mechanism with its default conditions.
 *
 * Created by tg_model_load(), tg_model_parse() or tg_model_default(), freed
 * by tg_model_free(); read-only afterwards, so threads may share one.
 */
typedef struct tg_model tg_model;

/**
 * @brief The @c temperature argument that means "the model's own temperature".
 *
 * Accepted by tg_solve(), tg_steady_states() and tg_model_rate_constants().
 * Exactly this value (-1 K, which no temperature is) selects the model's;
 * every other value must be a temperature, finite and > 0, or the call
 * fails with TG_ERR_ARG naming @c temperature. (Not 0: a zeroed or
 * uninitialised temperature must be an error, not the model's.)
 */
#define TG_MODEL_TEMPERATURE (-1.0)

/**
 * @brief Kinds of species, in the order the unknowns and results use.
 *
 * Used as the @p kind argument of tg_model_count() and tg_model_species().
 */
typedef enum tg_species_kind {
  TG_ADSORBATE = 0,        /**< surface species: unknown coverages (sorted by name, as SCAKS sorts) */
  TG_SITE = 1,             /**< free sites "*_s": unknown free-site fractions (sorted) */
  TG_GAS = 2,              /**< gases: pressures (sorted) */
  TG_DESCRIPTOR = 3,       /**< descriptors of a CatMAP model (in the model's order): not unknowns, conditions */
  TG_TRANSITION_STATE = 4, /**< transition states of a CatMAP model (sorted by name) */
  TG_SURFACE = 5           /**< surfaces of a CatMAP model's energy table (the file's order; tg_model_surface) */
} tg_species_kind;

/**
 * @brief Analyses of a steady state (tg_solve_options.analyses, a bitwise or).
 *
 * All analytic, from the steady state's Jacobian factored once
 * (implicit-function theorem). Definitions: docs/analyses.md.
 */
typedef enum tg_analysis {
  TG_ANALYSIS_ORDERS = 1,               /**< reaction orders d ln|TOF_g| / d ln p_k (solution->orders) */
  TG_ANALYSIS_EAPP = 2,                 /**< apparent activation energy kB T^2 d ln|TOF_g| / dT, eV (eapp) */
  TG_ANALYSIS_RATE_CONTROL = 4,         /**< -kB T d ln TOF_g / d G_j, j adsorbates then transition states
                                             (CatMAP models: species free energies) (rate_control) */
  TG_ANALYSIS_SELECTIVITY = 8,          /**< each gas's share of the products' (or reactants') TOF */
  TG_ANALYSIS_SELECTIVITY_CONTROL = 16, /**< -kB T d ln S_g / d G_j (CatMAP models) (selectivity_control) */
  TG_ANALYSIS_XRC = 32                  /**< degree of rate control per step of the product's TOF (xrc; as
                                             tg_solve_options.want_xrc) */
} tg_analysis;

/**
 * @brief Read a model from a YAML file (format: docs/model-format.md).
 *
 * Reads the whole file (at most 64 MiB) and parses it as tg_model_parse()
 * does, with @p path as the origin: error messages name the file, line and
 * column.
 *
 * @par Collectivity
 * Not collective.
 *
 * @param[in]  path   file name of the YAML model
 * @param[out] model  the new model, to be freed with tg_model_free(); set to
 *                    NULL on failure
 * @retval TG_SUCCESS          *model is the model
 * @retval TG_ERR_ARG          @p path or @p model is NULL
 * @retval TG_ERR_IO           the file cannot be opened or read, or is larger
 *                             than 64 MiB
 * @retval TG_ERR_NOMEM        out of memory
 * @retval TG_ERR_PARSE        malformed YAML, a key twice in one mapping,
 *                             nesting deeper than 64 levels, or a value of
 *                             the wrong kind (not a number, a list where a
 *                             mapping belongs, ...)
 * @retval TG_ERR_MODEL        the model is inconsistent (unknown key or
 *                             species, missing energies, pressures or site
 *                             totals, a step that does not balance, an
 *                             adsorbate only produced or only consumed, a
 *                             gas collision theory has no data for, rate
 *                             constants that are not finite, bad solver
 *                             settings, ...)
 * @retval TG_ERR_UNSUPPORTED  the model uses liquid species ("_l")
 *
 * @see tg_model_parse(), tg_model_default(), tg_model_free()
 */
TG_API int tg_model_load(const char *path, tg_model **model);
/**
 * @brief Read a model from YAML text in memory (format: docs/model-format.md).
 *
 * Species are sorted by name within each kind, as SCAKS sorts them; the rate
 * constants at the model's temperature are computed once here.
 *
 * @par Collectivity
 * Not collective.
 *
 * @param[in]  yaml    the YAML text; need not be NUL-terminated
 * @param[in]  length  number of bytes of @p yaml
 * @param[in]  origin  a name for the text in error messages (e.g. a file
 *                     name), or NULL for "<string>"
 * @param[out] model   the new model, to be freed with tg_model_free(); set to
 *                     NULL on failure
 * @retval TG_SUCCESS          *model is the model
 * @retval TG_ERR_ARG          @p yaml or @p model is NULL, or @p length is
 *                             more than 64 MiB
 * @retval TG_ERR_NOMEM        out of memory
 * @retval TG_ERR_PARSE        malformed YAML, a key twice in one mapping,
 *                             nesting deeper than 64 levels, or a value of
 *                             the wrong kind; the message gives line and
 *                             column
 * @retval TG_ERR_MODEL        the model is inconsistent; the message says where
 * @retval TG_ERR_UNSUPPORTED  the model uses liquid species ("_l")
 *
 * @see tg_model_load(), tg_model_default(), tg_model_free()
 */
TG_API int tg_model_parse(const char *yaml, size_t length, const char *origin, tg_model **model);
/**
 * @brief The embedded default model: the tutorial's CO oxidation (SCAKS model A).
 *
 * The text of models/co_oxidation.yaml is compiled into the library and
 * parsed with tg_model_parse(), so the two never differ.
 *
 * @par Collectivity
 * Not collective.
 *
 * @param[out] model  the new model, to be freed with tg_model_free(); set to
 *                    NULL on failure
 * @retval TG_SUCCESS    *model is the model
 * @retval TG_ERR_ARG    @p model is NULL
 * @retval TG_ERR_NOMEM  out of memory
 *
 * @see tg_model_load(), tg_model_parse()
 */
TG_API int tg_model_default(tg_model **model);
/**
 * @brief Free a model and everything it owns.
 *
 * @par Collectivity
 * Not collective.
 *
 * @param[in] model  a model from tg_model_load(), tg_model_parse() or
 *                   tg_model_default(), or NULL (nothing is done). No
 *                   tg_solve() may still be using it.
 */
TG_API void tg_model_free(tg_model *model);

/**
 * @brief The model's name (the file's @c name).
 *
 * @par Collectivity
 * Not collective.
 *
 * @param[in] model  the model, or NULL
 * @return The name, owned by the model (valid until tg_model_free()); ""
 *         for a NULL @p model. Never NULL.
 */
TG_API const char *tg_model_name(const tg_model *model);
/**
 * @brief The YAML text the model was read from, exactly: tg_model_parse() of it gives the same
 * model. Map files store it, so a map records the model it was made with.
 *
 * @par Collectivity
 * Not collective.
 *
 * @param[in] model  the model, or NULL
 * @return The text, owned by the model (valid until tg_model_free()); "" for a NULL @p model.
 */
TG_API const char *tg_model_source(const tg_model *model);
/**
 * @brief Number of species of a kind, or of elementary steps.
 *
 * @par Collectivity
 * Not collective.
 *
 * @param[in] model  the model, or NULL
 * @param[in] kind   a tg_species_kind (TG_ADSORBATE, TG_SITE, TG_GAS), or -1
 *                   for the number of steps
 * @return The count (>= 0); 0 for a NULL @p model or an unknown @p kind.
 *         This is a count, not a status.
 */
TG_API int tg_model_count(const tg_model *model, int kind);
/**
 * @brief Name of species @p index of @p kind, e.g. "CO_s", "*_s", "CO_g".
 *
 * Within a kind, species are sorted by name (as SCAKS sorts them); this is
 * the order of coverages, pressures and TOFs everywhere.
 *
 * @par Collectivity
 * Not collective.
 *
 * @param[in] model  the model, or NULL
 * @param[in] kind   a tg_species_kind (TG_ADSORBATE, TG_SITE or TG_GAS)
 * @param[in] index  0 <= index < tg_model_count(model, kind)
 * @return The name, owned by the model (valid until tg_model_free()), or
 *         NULL for a NULL @p model, an unknown @p kind or an index out of
 *         range.
 */
TG_API const char *tg_model_species(const tg_model *model, int kind, int index);
/**
 * @brief Index of a gas, by name, in the model's gas order.
 *
 * @par Collectivity
 * Not collective.
 *
 * @param[in] model  the model, or NULL
 * @param[in] name   the gas's full name with its "_g" suffix, e.g. "O2_g", or NULL
 * @return The gas index (0 <= index < tg_model_count(model, TG_GAS)), or -1
 *         if there is no such gas (or @p model or @p name is NULL). This is an
 *         index, not a status.
 */
TG_API int tg_model_gas_index(const tg_model *model, const char *name);

/**
 * @brief Index of a descriptor of a CatMAP model by name ("O_s").
 *
 * @par Collectivity
 * Not collective.
 *
 * @param[in] model  the model, or NULL
 * @param[in] name   the descriptor's name, or NULL
 * @return The index (0 <= index < tg_model_count(model, TG_DESCRIPTOR)), or -1
 */
TG_API int tg_model_descriptor_index(const tg_model *model, const char *name);
/**
 * @brief Where surface @p k of a CatMAP model's energy table sits on its map: its
 * descriptor values (the descriptor species' energies there), as volcano figures place it.
 *
 * @par Collectivity
 * Not collective.
 *
 * @param[in]  model        the model
 * @param[in]  k            0 <= k < tg_model_count(model, TG_SURFACE); its name is
 *                          tg_model_species(model, TG_SURFACE, k)
 * @param[out] descriptors  tg_model_count(model, TG_DESCRIPTOR) values (eV; NaN for a
 *                          temperature or logPressure descriptor)
 * @retval TG_SUCCESS  @p descriptors is filled
 * @retval TG_ERR_ARG  @p model or @p descriptors NULL, or no surface @p k
 */
TG_API int tg_model_surface(const tg_model *model, int k, double *descriptors);
/**
 * @brief The analyses @p model can give (tg_analysis values, or'ed): rate and
 * selectivity control need species free energies (CatMAP models), xrc a product.
 *
 * @par Collectivity
 * Not collective.
 *
 * @param[in] model  the model, or NULL
 * @return The bits; 0 for a NULL @p model.
 */
TG_API int tg_model_analyses(const tg_model *model);

/**
 * @brief A CatMAP model's descriptor ranges and resolution (its default map
 * axes: resolution values from lo to hi, evenly spaced) and its own point.
 *
 * @par Collectivity
 * Not collective.
 *
 * @param[in]  model  the model
 * @param[in]  k      a descriptor index
 * @param[out] lo     the range's start, or NULL if not wanted
 * @param[out] hi     the range's end, or NULL
 * @param[out] n      the resolution, or NULL
 * @param[out] point  the model's own value of descriptor k, or NULL
 * @retval TG_SUCCESS  the values are filled
 * @retval TG_ERR_ARG  @p model NULL, @p k out of range, or the model states no
 *                     ranges (lo, hi or n wanted) or no point (point wanted)
 */
TG_API int tg_model_descriptor(const tg_model *model, int k, double *lo, double *hi, int64_t *n, double *point);
/**
 * @brief Index of the product gas (the file's @c product), in gas order.
 *
 * @par Collectivity
 * Not collective.
 *
 * @param[in] model  the model, or NULL
 * @return The gas index of the product, or -1 if the model names none (or
 *         @p model is NULL). This is an index, not a status.
 */
TG_API int tg_model_product(const tg_model *model);
/**
 * @brief The model's default conditions: its temperature and gas pressures.
 *
 * @par Collectivity
 * Not collective.
 *
 * @param[in]  model        the model
 * @param[out] temperature  the temperature (K), or NULL if not wanted
 * @param[out] pressures    tg_model_count(model, TG_GAS) pressures in gas
 *                          order, in the model file's unit (SCAKS's: 1 =
 *                          101325 Pa), or NULL if not wanted
 * @retval TG_SUCCESS  the outputs that are not NULL are set
 * @retval TG_ERR_ARG  @p model is NULL
 */
TG_API int tg_model_conditions(const tg_model *model, double *temperature, double *pressures);
/**
 * @brief Forward and reverse rate constants of every elementary step at
 * @p temperature.
 *
 * Transition-state theory, or collision theory for adsorption when the
 * model's rate_algo is CT, as tg_solve() uses them (before any k_scale).
 *
 * @par Collectivity
 * Not collective.
 *
 * @param[in]  model        the model
 * @param[in]  temperature  temperature (K, finite and > 0), or
 *                          TG_MODEL_TEMPERATURE for the model's own
 * @param[out] kf           tg_model_count(model, -1) forward rate constants
 *                          (s^-1), in step order
 * @param[out] kr           tg_model_count(model, -1) reverse rate constants
 *                          (s^-1), in step order
 * @retval TG_SUCCESS    @p kf and @p kr are filled
 * @retval TG_ERR_ARG    @p model, @p kf or @p kr is NULL, or @p temperature
 *                       is neither TG_MODEL_TEMPERATURE nor finite and > 0
 * @retval TG_ERR_MODEL  at @p temperature a step's rate constants are not
 *                       finite (the message names the step)
 */
TG_API int tg_model_rate_constants(const tg_model *model, double temperature, double *kf, double *kr);

/**
 * @brief Like tg_model_rate_constants(), at a CatMAP model's descriptor values.
 *
 * @par Collectivity
 * Not collective.
 *
 * @param[in]  model        the model
 * @param[in]  temperature  temperature (K), or TG_MODEL_TEMPERATURE for the model's own
 * @param[in]  descriptors  tg_model_count(model, TG_DESCRIPTOR) values (eV), or NULL for the
 *                          model's own point
 * @param[out] kf           forward rate constants, one per step
 * @param[out] kr           reverse rate constants, one per step
 * @retval TG_SUCCESS  @p kf and @p kr are filled
 * @retval TG_ERR_ARG  @p model, @p kf or @p kr NULL, a bad temperature, descriptors given to a
 *                     model without them or not finite, or NULL for a model without its own point
 * @retval TG_ERR_MODEL  a rate constant is not finite, or the thermochemistry has no data at
 *                       @p temperature
 */
TG_API int tg_model_rate_constants_at(const tg_model *model, double temperature, const double *descriptors, double *kf,
                                      double *kr);

/** @brief Outcome of a steady-state solve (tg_solution::status). */
typedef enum tg_steady_status {
  TG_STEADY_OK = 0,          /**< converged from the state reached at t_end (SCAKS's policy) */
  TG_STEADY_PAST_T_END = 1,  /**< converged only after integrating beyond t_end (where SCAKS loops forever) */
  TG_STEADY_FAILED = 2,      /**< no steady state within the work bounds; see tg_error_message() */
  TG_STEADY_BEFORE_T_END = 3 /**< converged only from a state reached before t_end: Newton failed from every
                                  later one (backward Euler's absolute tolerance can leave a minority coverage
                                  at exactly 0, a corner log-space Newton cannot leave) */
} tg_steady_status;

/**
 * @brief Solver settings of tg_solve() and tg_steady_states().
 *
 * Start from tg_solve_options_default(), which gives the model file's values,
 * and change what you need.
 */
typedef struct tg_solve_options {
  double t_end;          /**< integrate to this time before Newton (s; SCAKS: 1) */
  double t_max;          /**< integrate at most this far when Newton fails at t_end (s) */
  double tolerance;      /**< accept when every gross-rate-scaled residual is below this */
  int max_iterations;    /**< Newton iterations per attempt */
  int want_xrc;          /**< also compute the degree of rate control of every step */
  const double *initial; /**< initial adsorbate coverages (adsorbate order), or NULL: the model file's
                            initial_coverages, else the clean surface */
  const double *k_scale; /**< per step, multiplies k_f and k_r alike (K fixed), or NULL (sensitivity studies) */
  int want_stability;    /**< also classify the state (solution->stable) from the Jacobian's eigenvalues */
  /** A CatMAP model's descriptor values (eV, tg_model_species(model, TG_DESCRIPTOR, k) order),
   *  or NULL: the model's own point (an error if it states none). NULL for other models. */
  const double *descriptors;
  int analyses; /**< a bitwise or of tg_analysis values: what to compute at the steady state (0: none) */
} tg_solve_options;

/**
 * @brief The steady state at one point.
 *
 * Created by tg_solution_create(), which sizes the arrays for one model;
 * filled by tg_solve() and tg_steady_states(); freed by tg_solution_free().
 */
typedef struct tg_solution {
  int status;                  /**< tg_steady_status */
  int iterations;              /**< Newton iterations of the accepted attempt */
  int time_steps;              /**< implicit time steps taken */
  double t_reached;            /**< time integrated to before the accepted Newton (s) */
  double residual;             /**< max gross-rate-scaled residual at the solution */
  int poisoned_by;             /**< adsorbate index covering > 1 - 1e-6 of its sites, or -1 */
  double *coverages;           /**< adsorbates then free sites (tg_model_species order) */
  double *tof;                 /**< per gas: net production (s^-1 per site; product > 0, consumed < 0) */
  double *rf, *rr;             /**< reverse rate per step (s^-1 per site) */
  double *net;                 /**< net rate per step, made consistent with the steady state (no cancellation) */
  double *xrc;                 /**< degree of rate control per step, d ln TOF_product / d ln k_i at fixed K_i */
  int has_xrc;                 /**< xrc is filled (asked for, converged, a product with TOF != 0) */
  int stable;                  /**< 1 stable, 0 unstable (a saddle), -1 not classified, or an eigenvalue computed >= 0
                                    within roundoff of 0 (slow modes beside fast ones: no verdict in double) */
  int analyses;                /**< the tg_analysis values filled (asked for and converged) */
  double *orders;              /**< [ng][ng]: orders[g * ng + k] = d ln|TOF_g| / d ln p_k (NaN where TOF_g = 0) */
  double *eapp;                /**< [ng]: apparent activation energy of TOF_g (eV; NaN where TOF_g = 0) */
  double *rate_control;        /**< [ng][np]: -kB T d ln TOF_g / d G_j, np = adsorbates + transition states */
  double *selectivity;         /**< [ng]: TOF_g / sum of the products' TOFs (TOF > 0), or of the reactants' */
  double *selectivity_control; /**< [ng][np]: -kB T d ln S_g / d G_j (0 where S_g = 0) */
} tg_solution;

/** @var tg_solution::rf
 *  Forward rate per step (s^-1 per site). */

/**
 * @brief The default solver settings of @p model.
 *
 * The values of the model file's @c solver section; where it gives none,
 * SCAKS's policy: t_end = 1 s, t_max = 1e4 s, tolerance = 1e-12,
 * max_iterations = 100. Pointers are NULL and the want_* flags 0.
 *
 * @par Collectivity
 * Not collective.
 *
 * @param[in] model  the model, or NULL for the built-in defaults above
 * @return The options, by value.
 */
TG_API tg_solve_options tg_solve_options_default(const tg_model *model);
/**
 * @brief Allocate a solution sized for @p model, with zeroed contents.
 *
 * The solution fits only models with the same numbers of species and steps.
 *
 * @par Collectivity
 * Not collective.
 *
 * @param[in]  model     the model the solution is for
 * @param[out] solution  the new solution, to be freed with tg_solution_free()
 * @retval TG_SUCCESS    *solution is the solution
 * @retval TG_ERR_ARG    @p model or @p solution is NULL
 * @retval TG_ERR_NOMEM  out of memory (*solution is unchanged)
 */
TG_API int tg_solution_create(const tg_model *model, tg_solution **solution);
/**
 * @brief Free a solution and its arrays.
 *
 * @par Collectivity
 * Not collective.
 *
 * @param[in] solution  a solution from tg_solution_create(), or NULL (nothing
 *                      is done)
 */
TG_API void tg_solution_free(tg_solution *solution);

/**
 * @brief Steady state of @p model at @p temperature and @p pressures.
 *
 * Integrates the mean-field rate equations with implicit time steps from the
 * initial coverages to options->t_end, then runs Newton from the state
 * reached (SCAKS's policy). If Newton fails there, integration continues to
 * 10, 100, ... times t_end, up to options->t_max, with a Newton attempt at
 * each (status TG_STEADY_PAST_T_END when one converges).
 *
 * @par Collectivity
 * Not collective.
 *
 * @param[in]  model        the model (read only: threads may share it)
 * @param[in]  temperature  temperature (K, finite and > 0), or
 *                          TG_MODEL_TEMPERATURE for the model's own
 * @param[in]  pressures    tg_model_count(model, TG_GAS) gas pressures in gas
 *                          order and the model file's unit (SCAKS's: 1 =
 *                          101325 Pa), each finite and >= 0; or NULL for the
 *                          model's own
 * @param[in]  options      solver settings, or NULL for
 *                          tg_solve_options_default(model)
 * @param[out] solution     a solution from tg_solution_create() for this
 *                          model; filled on TG_SUCCESS. On any error its
 *                          status is TG_STEADY_FAILED, its coverages, TOFs,
 *                          rates and xrc are NaN (never a previous point's
 *                          values nor the last state reached), poisoned_by
 *                          and stable are -1 and has_xrc 0; time_steps,
 *                          t_reached and residual say how far a
 *                          TG_ERR_CONVERGENCE solve got
 * @retval TG_SUCCESS          a steady state was found; solution->status is
 *                             TG_STEADY_OK or TG_STEADY_PAST_T_END
 * @retval TG_ERR_ARG          @p model or @p solution is NULL; a
 *                             @p temperature neither TG_MODEL_TEMPERATURE nor
 *                             finite and > 0; a negative, NaN or infinite
 *                             pressure; invalid options, each named (t_end
 *                             not finite and > 0, t_max not finite or
 *                             < t_end, tolerance not finite and > 0,
 *                             max_iterations < 1, a k_scale entry not positive
 *                             and finite, an initial coverage not finite
 *                             and in [0, its site's total] or a site's
 *                             initial coverages adding up to more than its
 *                             total; the message names the species)
 * @retval TG_ERR_MODEL        at @p temperature a step's rate constants are
 *                             not finite (the message names the step)
 * @retval TG_ERR_NOMEM        out of memory (large mechanisms only; typical
 *                             ones need no allocation)
 * @retval TG_ERR_CONVERGENCE  no steady state within the work bounds (the time
 *                             integration stalled, or Newton failed up to
 *                             t_max); the message says which
 *
 * @see tg_steady_states(), tg_solve_options_default()
 */
TG_API int tg_solve(const tg_model *model, double temperature, const double *pressures, const tg_solve_options *options,
                    tg_solution *solution);

/**
 * @brief Every distinct stable steady state found from several starts.
 *
 * Runs tg_solve() from the clean surface first (so solutions[0] is SCAKS's
 * answer when it is stable), then from each adsorbate covering its site
 * type, and keeps each state not found unstable (Jacobian eigenvalues, as
 * with want_stability: stable, or -1 where an eigenvalue is within roundoff
 * of 0) that differs from those already kept (relative tolerance 1e-6 on
 * the coverages). Starts without a steady state are skipped. Stops after
 * @p max states. Bistable conditions give two.
 *
 * @par Collectivity
 * Not collective.
 *
 * @param[in]  model        the model
 * @param[in]  temperature  temperature (K, finite and > 0), or
 *                          TG_MODEL_TEMPERATURE for the model's own
 * @param[in]  pressures    gas pressures in gas order, or NULL for the model's
 * @param[in]  options      solver settings, or NULL for
 *                          tg_solve_options_default(model); its @c initial
 *                          is ignored and want_stability is always on
 * @param[out] solutions    @p max solutions from tg_solution_create() for this
 *                          model; the first *found are filled
 * @param[in]  max          number of entries of @p solutions (>= 1)
 * @param[out] found        number of distinct stable states found
 * @retval TG_SUCCESS          at least one stable state was found
 * @retval TG_ERR_ARG          @p model, @p solutions or @p found is NULL,
 *                             @p max < 1, a @p temperature neither
 *                             TG_MODEL_TEMPERATURE nor finite and > 0, or
 *                             tg_solve() refused the conditions or options
 * @retval TG_ERR_NOMEM        out of memory
 * @retval TG_ERR_CONVERGENCE  no start led to a stable steady state
 *                             (*found is 0)
 *
 * @see tg_solve()
 */
TG_API int tg_steady_states(const tg_model *model, double temperature, const double *pressures,
                            const tg_solve_options *options, tg_solution **solutions, int max, int *found);

#ifdef __cplusplus
}
#endif

#endif
