/* The kernel layer's private header: the model as the kernel sees it, and
 * the kernel's internals in the order they build on each other -- reaction
 * grammar (reaction.c) -> model assembly (model.c, model_yaml.c with
 * model_yaml_catmap.c, read by model_load.c; fingerprint.c) -> rate
 * constants (thermo.c; for CatMAP models scaling.c, thermo_catmap.c,
 * energetics.c) -> kinetics (kinetics.c and the inline rate laws below) ->
 * LU (lu.c) -> steady states (steady.c, steady_states.c). No MPI: the kernel
 * builds and runs without it. A model is read-only once loaded. Not
 * installed. */
#ifndef TOFGRID_KERNEL_H
#define TOFGRID_KERNEL_H

#include <math.h>
#include <stdint.h>

#include "core/core.h"
#include "tofgrid/model.h"

/* Bounded work on hostile input: the longest model text read (file or
 * string) and the deepest YAML nesting (a model needs 4 levels; libyaml's
 * loader takes time quadratic in the depth). */
#define TG_MODEL_TEXT_MAX ((size_t)64 << 20)
#define TG_MODEL_TEXT_MAX_TEXT "64 MiB"

enum {
  TG_YAML_DEPTH_MAX = 64,
  TG_VIB_MAX = 64, /* vibrational temperatures of a gas */
  TG_NAME_MAX = 64,
  TG_STATE_MAX = 8, /* formulas per state of a step */
  TG_ELEMENTS_MAX = 16
};

typedef enum sp_kind { SP_ADS, SP_SITE, SP_GAS, SP_TS, SP_LIQUID } sp_kind;

/* A gas's partition-function data for collision theory: symmetry number,
 * rotational temperatures (1: linear, 3: nonlinear) and vibrational
 * temperatures (K), from the built-in table or the model file. */
typedef struct gas_thermo {
  int sigma, nrot, nvib;
  double rot[3], vib[TG_VIB_MAX];
} gas_thermo;

typedef struct species {
  char name[TG_NAME_MAX];    /* "CO_s", "*_s", "CO_g", "O-O_s" */
  char formula[TG_NAME_MAX]; /* the part before "_": "CO", "*", "O-O" */
  sp_kind kind;
  int site;        /* site index (ADS, SITE, TS), else -1 */
  int index;       /* position among its kind after sorting (ADS: unknown index) */
  double pressure; /* gas: default pressure; liquid: concentration */
  double total;    /* site: total */
  double energy;   /* absolute energy, when given */
  int has_energy, has_pressure;
  double mass;       /* gas: molecular mass in kg (for collision theory), 0 if unknown */
  gas_thermo thermo; /* gas: partition-function data, when has_thermo */
  int has_thermo;
} species;

typedef struct formula {
  int nu;     /* stoichiometric coefficient */
  int nsites; /* sites occupied per particle ("_2s" -> 2) */
  int sp;     /* index into model->sp */
} formula;

enum { IS = 0, TS = 1, FS = 2 };

typedef struct step {
  char text[256];
  int line; /* in the model file, for messages */
  formula st[3][TG_STATE_MAX];
  int n[3];      /* formulas per state; n[TS] = 0 without a transition state */
  double Ga, dG; /* relative energies (eV), when given */
} step;

/* A factor of a rate law: unknown (coverage) or gas index, and its power. */
typedef struct factor {
  int idx, nu;
} factor;

/* The kinetics as flat lists for the solver's hot loops (tg__rates below). Rate
 * k = side * nsteps + step (forward rates first, then reverse) is kg_k (rate
 * constant times gas pressures) times the product of y[rfac[e]] over e in
 * [rfac_start[k], rfac_start[k+1]); a factor of power nu appears nu times,
 * so derivatives need no powers. */
typedef struct dterm { /* d(theta_a)/dt += c * r_k */
  int a, k;
  double c;
} dterm;

typedef struct jterm { /* d(dtheta_a/dt)/dy_j += c * (d r_k / d factor e); d(..)/d(log y_j) += c * r_k */
  int a, j, e, k;
  double c;
} jterm;

/* What a step needs at run time: the rate laws' factors. */
typedef struct kstep {
  factor surf[2][TG_STATE_MAX]; /* [IS|FS]: unknowns (adsorbates, then free sites) */
  factor gas[2][TG_STATE_MAX];  /* [IS|FS]: gases (pressure) */
  int nsurf[2], ngas[2];
  int ct_type; /* collision theory: 1 adsorption, 2 desorption, 0 surface step */
  int ct_gas;  /* the gas of an adsorption/desorption step (species index) */
  int ct_nu;   /* its coefficient */
} kstep;

/* The solver's internal settings: not options a user sets, but knobs the
 * tests turn (through tests/kernel/kernel_testing.h) on their own model. */
typedef struct tg__solver_config {
  /* A time step is converged when no coverage is estimated to be further
   * than this from the step's solution. It only has to keep the trajectory
   * in the right basin (the log-space Newton then polishes to roundoff):
   * 1e-4 still lands on SCAKS's branch at every tested point; tests compare
   * with a strict value on a dense grid. */
  double step_tolerance;
  /* Systems of up to this many unknowns are factored inline, larger ones
   * by LAPACK (tests set 0 to run LAPACK everywhere). */
  int lu_inline_limit;
  /* After a time step Newton solved in at most 2 iterations, the next is
   * this many times longer. SCAKS's models: 8 (their answer is the state at
   * t_end, which Newton must reach from there). CatMAP's: 128 (CatMAP has
   * no time; the trajectory only finds the clean surface's basin). */
  double quiet_growth;
} tg__solver_config;

static inline tg__solver_config tg__solver_config_default(void)
{
  return (tg__solver_config){.step_tolerance = 1e-5, .lu_inline_limit = 8, .quiet_growth = 8};
}

/* CatMAP models (catmap_model_spec; model->catmap, NULL for SCAKS models):
 * formation energies of adsorbates and transition states linear in
 * descriptors (scaling.c: fitted as CatMAP fits them, or given), CatMAP's
 * thermochemistry (thermo_catmap.c), and rate constants from the free
 * energies at a point (energetics.c). */
enum { TG_DESCRIPTORS_MAX = 8, TG_SHOMATE_MAX = 4, TG_FREQ_MAX = 64 };

/* Thermochemistry modes, in the order of their names in model_yaml_catmap.c. */
typedef enum tg__gas_mode {
  TG_GAS_SHOMATE,
  TG_GAS_IDEAL,
  TG_GAS_FIXED_ENTROPY,
  TG_GAS_FROZEN_FIXED_ENTROPY,
  TG_GAS_ZERO_POINT,
  TG_GAS_FROZEN
} tg__gas_mode;

typedef enum tg__ads_mode { TG_ADS_FROZEN, TG_ADS_HARMONIC, TG_ADS_ZERO_POINT } tg__ads_mode;

typedef struct tg__shomate { /* one temperature range of NIST Shomate parameters A..H */
  double tmin, tmax, c[8];
} tg__shomate;

typedef struct tg__ideal_gas { /* ASE IdealGasThermo's inputs */
  double mass;                 /* amu */
  double inertia[3];           /* principal moments, amu A^2, ascending (linear: the largest is used) */
  int sigma, linear;
  double spin;
} tg__ideal_gas;

typedef struct tg__thermo_data { /* per species */
  int nfreq;
  double freq[TG_FREQ_MAX]; /* vibrational energies, eV */
  int nshomate;
  tg__shomate shomate[TG_SHOMATE_MAX];
  int has_ideal;
  tg__ideal_gas ideal;
  double fixed_entropy; /* eV/K (fixed_entropy_gas) */
} tg__thermo_data;

typedef struct tg__catmap {
  int nd;
  int desc[TG_DESCRIPTORS_MAX];     /* species index of each descriptor, or a condition (below) */
  int has_point;                    /* the model states its own descriptor values */
  double point[TG_DESCRIPTORS_MAX]; /* ... which are these */
  int has_ranges;                   /* descriptor_ranges and resolution, for default map axes */
  double range[TG_DESCRIPTORS_MAX][2];
  int resolution[TG_DESCRIPTORS_MAX];
  double *coef; /* [nsp][nd + 1]: E = coef . [d, 1] (adsorbates, transition states) */
  tg__gas_mode gas_mode;
  tg__ads_mode ads_mode;
  tg__thermo_data *thermo; /* [nsp] */
  double *prefactor;       /* [nsteps]: the rate prefactor (s^-1), or 0 for CatMAP's kB T / h */
  double *site_area;       /* [nsteps]: a non-activated step's A_site (A^2; collision rate of its gas), or 0 */
  double *gas_mass;        /* [nsteps]: that gas's mass (amu, ASE's atomic masses) */
  int *ts_step;            /* [nsp]: a transition state's first step (its thermochemistry), else -1 */
  double *dG_model;        /* [nsp]: the corrections at the model's temperature (most points use it) */
  double *concentration;   /* [nsp]: a gas's share of 10^logPressure bar, or NaN */
  int has_conditions;      /* a descriptor is temperature or logPressure */
  int nsurf;               /* surfaces of the energy table (scaling: surfaces), for volcano figures */
  char (*surface)[64];     /* [nsurf]: their names */
  double *surface_desc;    /* [nsurf][nd]: their descriptor values (NaN: a condition, or not known) */
} tg__catmap;

/* Descriptors that are conditions (CatMAP's ThermodynamicScaler): their
 * desc[] value. Points take T and the pressures from them. */
enum { TG_DESC_TEMPERATURE = -1, TG_DESC_LOG_PRESSURE = -2 };

/* CatMAP's Boltzmann constant (eV/K; catmap_model_spec 4.1): its rate
 * constants and its sensitivities' kB T. */
#define TG__CATMAP_KB 8.617332478e-5

/* A CatMAP model's conditions at descriptors d: T, and each gas's pressure
 * (gas order) when a logPressure descriptor shares it out (pressures may be
 * NULL); a temperature descriptor not finite and > 0 is TG_ERR_ARG in fn's name. */
int tg__catmap_conditions(const tg_model *m, const double *d, double *T, double *pressures, const char *fn);
/* The descriptor that sets the temperature (gas < 0) or gas g's pressure
 * (its share of logPressure), or -1. A condition a descriptor sets cannot be
 * given as well: an explicit T (not TG_MODEL_TEMPERATURE), or a pressure
 * other than the model's own for such a gas, is TG_ERR_ARG in fn's name. */
int tg__catmap_condition_descriptor(const tg_model *m, int gas);
int tg__catmap_check_conditions(const tg_model *m, double T, const double *p, const char *fn);

/* CatMAP's data for a gas (thermo_catmap.c): its Shomate ranges (how many
 * were copied to out, at most max) and its ideal-gas parameters (1 if known). */
int tg__shomate_builtin(const char *gas, tg__shomate *out, int max);
int tg__ideal_gas_builtin(const char *gas, tg__ideal_gas *out);
/* dG(T) of species sp in the model's thermochemistry modes (eV). */
int tg__thermo_correction(const tg_model *m, int sp, double T, double *dG, const char *fn);

/* Scaling fits (scaling.c), CatMAP's way: a row c (nd + 1 coefficients)
 * fitted by least squares to y over the surfaces where y is known (NaN:
 * not known), within bounds lo <= c <= hi, rounded to 5 decimals; and a
 * line y = slope x + b (slope and/or b may be given). Messages name what. */
int tg__scaling_fit_row(int nd, int nsurf, const double *D, const double *y, const double *lo, const double *hi,
                        double *c, const char *what, const char *fn);
int tg__scaling_fit_line(int nsurf, const double *x, const double *y, int has_slope, double *slope, int has_b,
                         double *b, const char *what, const char *fn);

/* Free energies of every species at (T, descriptors d) and the rate
 * constants CatMAP derives from them (energetics.c). */
int tg__catmap_free_energies(const tg_model *m, double T, const double *d, double *G, const char *fn);
int tg__catmap_rate_constants(const tg_model *m, double T, const double *d, double *kf, double *kr, int *top_state,
                              const char *fn); /* top_state (or NULL): per step, the state at the top (IS, TS, FS) */
void tg__catmap_free(tg__catmap *c);
/* The corrections at the model's temperature, computed once (model.c). */
int tg__catmap_prepare(tg_model *m);

/* Rate constants at T and, for a CatMAP model, descriptors d (NULL: the
 * model's own point); d must be NULL for a SCAKS model. */
int tg__rate_constants_at(const tg_model *m, double T, const double *d, double *kf, double *kr, const char *fn);

struct tg_model {
  char name[128];
  char origin[256]; /* file name or "<string>" */
  char *source;     /* the YAML text it was read from (NUL-terminated): parsing it again gives this model */
  int nsp;
  species *sp;
  int nsteps;
  step *steps;
  kstep *k;
  int na, ns, ng;           /* adsorbates, sites, gases; unknowns n = na + ns */
  int *ads, *sites, *gases; /* sorted species indices */
  int *ads_site;            /* site index of adsorbate a */
  double *site_total;       /* per site */
  double *dtheta;           /* [na][nsteps]: d(theta_a)/dt = sum_i dtheta[a][i] * (rf_i - rr_i) */
  double *dgas;             /* [ng][nsteps]: TOF_g = sum_i dgas[g][i] * (rf_i - rr_i) */
  double temperature, unitcell_area, active_ratio;
  int rate_algo_ct;  /* 0: TST, 1: CT */
  int absolute;      /* energies per species instead of Ga/dG per step */
  int product;       /* gas index of the product, or -1 */
  double *pressures; /* default pressures, gas order */
  double *initial;   /* initial adsorbate coverages, or NULL (clean surface) */
  double *kf, *kr;   /* rate constants at `temperature` */
  tg_solve_options opts;
  tg__solver_config config;
  tg__catmap *catmap; /* CatMAP energetics (descriptors, scaling, thermochemistry), or NULL */
  /* Flat lists for the hot loops (see dterm; built by tg__model_finish). */
  int nrfac, ndterms, njterms;
  int *rfac, *rfac_start;
  dterm *dterms;
  jterm *jterms;
};

/* Reaction grammar (reaction.c): the species of a formula
 * "[nu]species_[n]site" (found or added), a step's three states, and its
 * conservation of sites and elements. */
int tg__parse_species(tg_model *m, const char *formula_text, int line, formula *out, const char *step_text);
int tg__parse_step(tg_model *m, const char *text, int line, step *out);
int tg__check_conservation(const tg_model *m, const step *s);

/* The temperature a call means: the model's for TG_MODEL_TEMPERATURE, else
 * T itself if finite and > 0; else TG_ERR_ARG in fn's name. */
int tg__temperature(const tg_model *m, double T, const char *fn, double *out);

/* Model assembly (model.c): species sorted as SCAKS sorts them, rate laws,
 * d(theta)/dt and TOF coefficients, rate constants at the model's T. */
int tg__model_finish(tg_model *m);
/* The YAML reader (model_yaml.c): text -> a finished model. */
int tg__model_read_yaml(tg_model *m, const char *yaml, size_t length);

/* A fingerprint of everything in a model that changes a result (fingerprint.c):
 * species, sites, steps' stoichiometry and energies, conditions, solver
 * settings. Not of its name, origin or whitespace. */
uint64_t tg__model_fingerprint(const tg_model *m);

/* Thermochemistry and rate constants (thermo.c). */
int tg__gas_thermo_builtin(const char *gas_name, gas_thermo *out); /* 1 if the table has it */
const char *tg__gas_thermo_names(void);                            /* the table's gases, for messages */
double tg__gas_correction(const species *gas, double T);
int tg__molecular_mass(const char *formula, double *kg);
int tg__rate_constants(const tg_model *m, double T, double *kf, double *kr);

/* Steady-state balances (balances.c): C (m->dtheta) in reduced row-echelon
 * form R [na][nsteps] with pivot steps by decreasing gross rate
 * (pivot_row[i]: the row of pivot step i, or -1); returns the rank. And the
 * net rates and TOFs (tof may be NULL) of a steady state free of
 * cancellation, returning how far the computed rates miss the balances
 * (relative to a pivot step's gross rate). */
int tg__balances_reduce(const tg_model *m, const double *gross, double *R, int *pivot_row);
double tg__net_rates(const tg_model *m, const double *rf, const double *rr, double *net, double *tof);
/* Analyses of a steady state (analyses.c; catmap_model_spec section 6):
 * what options->analyses asks for, into sol, at the state y with rates
 * rf, rr, for the point (T, descriptors d or NULL). fn names errors. */
/* Analyses a model can be asked for: known tg_analysis bits, and rate and
 * selectivity control only of a model with species free energies (CatMAP's);
 * else TG_ERR_ARG in fn's name, prefixed by `where` (e.g. "options: "). */
int tg__check_analyses(const tg_model *m, int analyses, const char *where, const char *fn);
int tg__analyses(const tg_model *m, double T, const double *d, int which, const double *y, const double *rf,
                 const double *rr, tg_solution *sol, const char *fn);
/* The transition-state species (indices into m->sp, in name order) into
 * out (unless NULL); returns how many. */
int tg__transition_states(const tg_model *m, int *out);

/* Stability of a steady state y (stability.c; kg: the rate prefactors, rf,
 * rr: its rates): 1 stable, 0 unstable, -1 could not tell. The parity alone
 * (cheap): 1 if an odd number of the Jacobian's eigenvalues are > 0 (a
 * saddle, certainly unstable), 0 if even, -1 could not tell. */
int tg__stability(const tg_model *m, const double *kg, const double *y, const double *rf, const double *rr);
int tg__saddle_parity(const tg_model *m, const double *kg, const double *y, const double *rf, const double *rr);

/* TOF_g at a steady state is sum_j c_gj n_j over the non-pivot steps j of R:
 * c_gj (0 for pivot steps), exact small rationals. */
double tg__tof_coefficient(const tg_model *m, const double *R, const int *pivot_row, int g, int j);

/* Kinetics (kinetics.c): the flat lists of the hot loops (see dterm), built
 * once from the finished model; and the rate prefactors kg_k, rate k's
 * constant times its side's gas pressures (pressures in gas order). */
int tg__kinetics_build(tg_model *m);
void tg__rate_prefactors(const tg_model *m, const double *kf, const double *kr, const double *pressures, double *kg);

/* Rate laws and their derivatives (spec section 6): r_k = kg_k * prod of its
 * activities, the coverages and free-site fractions being explicit unknowns
 * y (never 1 - sum). Inline, over the flat lists, because the solver calls
 * them ~100 times per point. */

/* r[k] for all 2 * nsteps rates: forward r[i], reverse r[nsteps + i]. */
static inline void tg__rates(const tg_model *m, const double *kg, const double *y, double *r)
{
  const int *fac = m->rfac, *start = m->rfac_start;
  for (int k = 0; k < 2 * m->nsteps; k++) {
    double x = kg[k];
    for (int e = start[k]; e < start[k + 1]; e++) x *= y[fac[e]];
    r[k] = x;
  }
}

/* f[a] = d(theta_a)/dt from the rates r; with gross, also each row's gross
 * rate sum |c| r_k (the scale of its roundoff). */
static inline void tg__dtheta(const tg_model *m, const double *r, double *f, double *gross)
{
  for (int a = 0; a < m->na; a++) f[a] = 0;
  if (!gross) {
    for (int t = 0; t < m->ndterms; t++) f[m->dterms[t].a] += m->dterms[t].c * r[m->dterms[t].k];
    return;
  }
  for (int a = 0; a < m->na; a++) gross[a] = 0;
  for (int t = 0; t < m->ndterms; t++) {
    const dterm *d = &m->dterms[t];
    f[d->a] += d->c * r[d->k];
    gross[d->a] += fabs(d->c) * r[d->k];
  }
}

/* dr[e] = d r_k / d y[rfac[e]] through factor e: kg_k times the product of
 * the other factors (prefix times suffix; no division by a coverage that
 * may be 0). */
static inline void tg__rate_partials(const tg_model *m, const double *kg, const double *y, double *dr)
{
  const int *fac = m->rfac, *start = m->rfac_start;
  for (int k = 0; k < 2 * m->nsteps; k++) {
    double pre = kg[k], suf = 1;
    for (int e = start[k]; e < start[k + 1]; e++) {
      dr[e] = pre;
      pre *= y[fac[e]];
    }
    for (int e = start[k + 1] - 1; e >= start[k]; e--) {
      dr[e] *= suf;
      suf *= y[fac[e]];
    }
  }
}

/* The one LU (lu.c): A column-major n x n, factored in place with partial
 * pivoting; inline for n <= inline_limit, LAPACK above (factor and solve
 * must be given the same limit). 0, or > 0 if A is singular. */
int tg__lu_factor(int n, double *A, int *ipiv, int inline_limit);
void tg__lu_solve(int n, const double *A, const int *ipiv, double *b, int inline_limit);
int tg__lu_solve_once(int n, double *A, double *b, int *ipiv, int inline_limit); /* factor, then solve */

#endif
