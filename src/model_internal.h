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

/* The kinetics as flat lists for the solver's hot loops (kinetics.h). Rate
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
  /* Flat lists for the hot loops (see dterm; built by tg__model_finish). */
  int nrfac, ndterms, njterms;
  int *rfac, *rfac_start;
  dterm *dterms;
  jterm *jterms;
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

/* Rate prefactors kg (kinetics.c): kg_k, rate k's constant times its side's
 * gas pressures (pressures in gas order); the rates themselves in kinetics.h. */
void tg__rate_prefactors(const tg_model *m, const double *kf, const double *kr, const double *pressures, double *kg);

/* Dense solve A x = b, A column-major n x n (linsolve.c): inline LU for
 * n <= tg__small_solve_limit, LAPACK dgesv above (tests set the limit to 0
 * to run the LAPACK path). Returns 0, or > 0 if A is singular. */
TG_API extern int tg__small_solve_limit;
/* Convergence of each implicit time step (steady.c); tests tighten it. */
TG_API extern double tg__step_tolerance;
int tg__solve_dense(int n, double *A, double *b, int *ipiv);
/* The same in two parts, to reuse a factorization: 0, or > 0 if singular. */
TG_API int tg__lu_factor(int n, double *A, int *ipiv);
TG_API void tg__lu_solve(int n, const double *A, const int *ipiv, double *b);

#endif
