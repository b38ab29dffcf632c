/* The model as the kernel sees it (not installed). Built by model.c from
 * what the YAML reader (model_yaml.c) collects; read-only afterwards. */
#ifndef TOFGRID_MODEL_INTERNAL_H
#define TOFGRID_MODEL_INTERNAL_H

#include "tg_internal.h"

enum {
  TG_NAME_MAX = 64,
  TG_STATE_MAX = 8,  /* formulas per state of a step */
  TG_ELEMENTS_MAX = 16
};

typedef enum sp_kind { SP_ADS, SP_SITE, SP_GAS, SP_TS, SP_LIQUID } sp_kind;

typedef struct species {
  char name[TG_NAME_MAX]; /* "CO_s", "*_s", "CO_g", "O-O_s" */
  char formula[TG_NAME_MAX]; /* the part before "_": "CO", "*", "O-O" */
  sp_kind kind;
  int site;        /* site index (ADS, SITE, TS), else -1 */
  int index;       /* position among its kind after sorting (ADS: unknown index) */
  double pressure; /* gas: default pressure; liquid: concentration */
  double total;    /* site: total */
  double energy;   /* absolute energy, when given */
  int has_energy, has_pressure;
  double mass;     /* gas: molecular mass in kg (for collision theory), 0 if unknown */
} species;

typedef struct formula {
  int nu;      /* stoichiometric coefficient */
  int nsites;  /* sites occupied per particle ("_2s" -> 2) */
  int sp;      /* index into model->sp */
} formula;

enum { IS = 0, TS = 1, FS = 2 };

typedef struct step {
  char text[256];
  int line; /* in the model file, for messages */
  formula st[3][TG_STATE_MAX];
  int n[3]; /* formulas per state; n[TS] = 0 without a transition state */
  double Ga, dG; /* relative energies (eV), when given */
} step;

/* A factor of a rate law: unknown (coverage) or gas index, and its power. */
typedef struct factor {
  int idx, nu;
} factor;

/* What a step needs at run time: the rate laws' factors. */
typedef struct kstep {
  factor surf[2][TG_STATE_MAX]; /* [IS|FS]: unknowns (adsorbates, then free sites) */
  factor gas[2][TG_STATE_MAX];  /* [IS|FS]: gases (pressure) */
  int nsurf[2], ngas[2];
  int ct_type; /* collision theory: 1 adsorption, 2 desorption, 0 surface step */
  int ct_gas;  /* the gas of an adsorption/desorption step (species index) */
  int ct_nu;   /* its coefficient */
} kstep;

struct tg_model {
  char name[128];
  char origin[256]; /* file name or "<string>" */
  int nsp;
  species *sp;
  int nsteps;
  step *steps;
  kstep *k;
  int na, ns, ng;      /* adsorbates, sites, gases; unknowns n = na + ns */
  int *ads, *sites, *gases; /* sorted species indices */
  int *ads_site;       /* site index of adsorbate a */
  double *site_total;  /* per site */
  double *dtheta;      /* [na][nsteps]: d(theta_a)/dt = sum_i dtheta[a][i] * (rf_i - rr_i) */
  double *dgas;        /* [ng][nsteps]: TOF_g = sum_i dgas[g][i] * (rf_i - rr_i) */
  double temperature, unitcell_area, active_ratio;
  int rate_algo_ct;    /* 0: TST, 1: CT */
  int absolute;        /* energies per species instead of Ga/dG per step */
  int product;         /* gas index of the product, or -1 */
  double *pressures;   /* default pressures, gas order */
  double *initial;     /* initial adsorbate coverages, or NULL (clean surface) */
  double *kf, *kr;     /* rate constants at `temperature` */
  tg_solve_options opts;
  /* Flattened for the hot loops (built by tg__model_finish): the surface
   * factors of step i's side s are fac[fac_start[2i+s] .. fac_start[2i+s+1]);
   * the nonzero d(theta)/dt coefficients as (adsorbate, step, value) triples. */
  factor *fac;
  int *fac_start;
  int ndth;
  int *dth_a, *dth_i;
  double *dth_c;
};

/* Building (model.c): species lookup and final assembly after reading. */
int tg__model_species(tg_model *m, const char *formula_text, int line, formula *out, const char *origin);
int tg__model_finish(tg_model *m);

/* Reaction grammar (reaction.c). */
int tg__parse_step(tg_model *m, const char *text, int line, step *out);
int tg__check_conservation(const tg_model *m, const step *s);

/* Thermochemistry and rate constants (thermo.c). */
double tg__gas_correction(const char *gas_formula, double T, int *known);
int tg__molecular_mass(const char *formula, double *kg);
int tg__rate_constants(const tg_model *m, double T, double *kf, double *kr);

/* Rates, residuals and Jacobians (kinetics.c): y holds the n = na + ns
 * unknowns (adsorbate coverages, then free sites); gasf[i][0|1] the product
 * of gas pressures of step i's IS|FS. */
void tg__gas_factors(const tg_model *m, const double *pressures, double *gasf);
void tg__rates(const tg_model *m, const double *kf, const double *kr, const double *gasf, const double *y,
               double *rf, double *rr);

/* Dense solve A x = b, A column-major n x n (linsolve.c): inline LU for
 * n <= tg__small_solve_limit, LAPACK dgesv above (tests set the limit to 0
 * to run the LAPACK path). Returns 0, or > 0 if A is singular. */
TG_API extern int tg__small_solve_limit;
/* Convergence of each implicit time step (steady.c); tests tighten it. */
TG_API extern double tg__step_tolerance;
int tg__solve_dense(int n, double *A, double *b, int *ipiv);
/* The same in two parts, to reuse a factorization: 0, or > 0 if singular. */
int tg__lu_factor(int n, double *A, int *ipiv);
void tg__lu_solve(int n, const double *A, const int *ipiv, double *b);

#endif
