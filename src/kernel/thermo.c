/* Rate constants as SCAKS computes them (spec sections 3-5): transition-state
 * theory, collision theory for adsorption, and the gas free-energy
 * correction at P0 -- constants and tables exactly as in SCAKS's
 * database/thermo_data.py, quirks included. */
#include <ctype.h>
#include <math.h>
#include <string.h>

#include "kernel/kernel.h"

static const double kB_eV = 8.6173324e-5;      /* eV/K */
static const double kB_J = 1.38064852e-23;     /* J/K */
static const double h_eV = 4.135667662e-15;    /* eV s */
static const double h_J = 6.626070040e-34;     /* J s */
static const double P0 = 101325.0;             /* Pa: CT rates are at 1 atm, whatever the pressure */
static const double amu = 1.66053904e-27;      /* kg */
static const double tg_pi = 3.141592653589793; /* math.pi */

/* Molecular masses (g/mol) of the elements SCAKS knows. */
static const struct {
  const char *symbol;
  double mass;
} elements[] = {{"H", 1.00794},    {"C", 12.0107},  {"N", 14.0067}, {"O", 15.9994},
                {"F", 18.9984032}, {"Ne", 20.1797}, {"S", 32.065},  {"Cl", 35.453}};

/* Gases with rotational and vibrational temperatures (K) and symmetry number
 * (SCAKS's table; docs/model-format.md lists it). */
static const struct {
  const char *name;
  gas_thermo data;
} gases[] = {
    {"H2_g", {2, 1, 1, {87.5}, {6320}}},
    {"N2_g", {2, 1, 1, {2.89}, {3390}}},
    {"O2_g", {2, 1, 1, {2.08}, {2278}}},
    {"CO_g", {1, 1, 1, {2.78}, {3120}}},
    {"NO_g", {1, 1, 1, {2.45}, {2745}}},
    {"HCl_g", {1, 1, 1, {15.2}, {4330}}},
    {"I2_g", {2, 1, 1, {0.0537}, {309}}},
    {"CO2_g", {2, 1, 3, {0.66}, {954, 1890, 3360}}},
    {"N2O_g", {1, 1, 3, {0.61}, {850, 1840, 3200}}},
    {"H2O_g", {2, 3, 3, {40.40, 21.10, 13.5}, {2290, 5160, 5360}}},
    {"NH3_g", {3, 3, 4, {14.30, 14.30, 9.08}, {1360, 2330, 4780, 4880}}},
    {"CH4_g", {12, 3, 4, {7.60, 7.600, 7.60}, {1870, 2180, 4170, 4320}}},
};

int tg__gas_thermo_builtin(const char *name, gas_thermo *out)
{
  for (size_t i = 0; i < sizeof gases / sizeof gases[0]; i++)
    if (strcmp(name, gases[i].name) == 0) {
      *out = gases[i].data;
      return 1;
    }
  return 0;
}

const char *tg__gas_thermo_names(void) { return "H2_g N2_g O2_g CO_g NO_g HCl_g I2_g CO2_g N2O_g H2O_g NH3_g CH4_g"; }

/* Molecular mass of a formula such as "CO2", "H2O", "CH3(OH)": element
 * symbols (capital + lowercase letters), counts, parentheses (like ASE's
 * string2symbols). */
static int mass_of(const char **p, double *sum, int depth)
{
  while (**p && **p != ')') {
    double part = 0;
    if (**p == '(') {
      (*p)++;
      if (depth > 8 || mass_of(p, &part, depth + 1) || **p != ')') return -1;
      (*p)++;
    } else if (isupper((unsigned char)**p)) {
      char sym[4] = {*(*p)++, 0, 0, 0};
      if (islower((unsigned char)**p)) sym[1] = *(*p)++;
      int found = 0;
      for (size_t i = 0; i < sizeof elements / sizeof elements[0]; i++)
        if (strcmp(sym, elements[i].symbol) == 0) part = elements[i].mass, found = 1;
      if (!found) return -1;
    } else {
      return -1;
    }
    int k = 0;
    while (isdigit((unsigned char)**p)) k = 10 * k + (*(*p)++ - '0');
    *sum += part * (k ? k : 1);
  }
  return 0;
}

int tg__molecular_mass(const char *chem, double *kg)
{
  double g = 0;
  const char *p = chem;
  if (mass_of(&p, &g, 0) || *p) return -1;
  *kg = g * amu;
  return 0;
}

/* Free-energy correction of a gas at (T, P0): -kB T ln(q_t q_r q_v), from
 * its mass and partition-function data (the model checked it has both). */
double tg__gas_correction(const species *gas, double T)
{
  const gas_thermo *g = &gas->thermo;
  double m = gas->mass;
  double qt = (kB_J * T / P0) * pow(2 * tg_pi * m * kB_J * T / (h_J * h_J), 1.5);
  double qr;
  if (g->nrot == 1) {
    double x = g->rot[0] / T;
    qr = T / (g->sigma * g->rot[0]);
    if (x > 0.01) qr *= 1 + g->rot[0] / (3 * T) + g->rot[0] * g->rot[0] / (15 * T * T);
  } else {
    qr = sqrt(tg_pi) / g->sigma * sqrt(T * T * T / (g->rot[0] * g->rot[1] * g->rot[2]));
  }
  double qv = 1;
  if (g->nvib == 1) {
    qv = exp(-g->vib[0] / (2 * T)) / (1 - exp(-g->vib[0] / T)); /* zero point included */
  } else {
    for (int k = 0; k < g->nvib; k++) qv *= 1 / (1 - exp(-g->vib[k] / T)); /* SCAKS: no zero point here */
  }
  return -kB_eV * T * log(qt * qr * qv);
}

static double kTST(double G, double T) { return (kB_eV * T / h_eV) * exp(-G / (kB_eV * T)); }

/* Energies of step s: forward and reverse barriers and reaction energy (eV). */
static void barriers(const tg_model *m, const step *s, double *Gaf, double *Gar, double *dG)
{
  if (!m->absolute) { /* relative: barrier-less endothermic steps get barrier dG */
    *Gaf = (fabs(s->Ga) < 1e-10 && s->dG > 0) ? s->dG : s->Ga;
    *dG = s->dG;
    *Gar = *Gaf - *dG;
    return;
  }
  double G[3] = {0, 0, 0};
  for (int k = 0; k < 3; k++)
    for (int f = 0; f < s->n[k]; f++) G[k] += s->st[k][f].nu * m->sp[s->st[k][f].sp].energy;
  if (s->n[TS] == 0) G[TS] = G[IS] > G[FS] ? G[IS] : G[FS];
  *Gaf = G[TS] - G[IS];
  *Gar = G[TS] - G[FS];
  *dG = G[FS] - G[IS];
}

int tg__rate_constants(const tg_model *m, double T, double *kf, double *kr)
{
  for (int i = 0; i < m->nsteps; i++) {
    const kstep *k = &m->k[i];
    double Gaf, Gar, dG;
    barriers(m, &m->steps[i], &Gaf, &Gar, &dG);
    if (!m->rate_algo_ct || k->ct_type == 0) {
      kf[i] = kTST(Gaf, T);
      kr[i] = kTST(Gar, T);
      continue;
    }
    const species *g = &m->sp[k->ct_gas];
    double dGgas = tg__gas_correction(g, T);
    if (k->ct_type == 1) { /* adsorption: collision theory forward, reverse from the corrected dG */
      if (g->mass <= 0)
        return tg__fail(TG_ERR_MODEL, m->origin, "step \"%s\": no molecular mass for %s (collision theory needs it)",
                        m->steps[i].text, g->name);
      kf[i] = m->active_ratio * exp(-Gaf / (kB_eV * T)) * P0 * m->unitcell_area / sqrt(2 * tg_pi * g->mass * kB_J * T);
      double Gaf_tst = -kB_eV * T * log(kf[i] * h_eV / (kB_eV * T));
      double Gar_tst = Gaf_tst - (dG - k->ct_nu * dGgas);
      if (Gar_tst < 0) Gar_tst = 0;
      kr[i] = kTST(Gar_tst, T);
    } else { /* desorption: TST, reverse barrier corrected, no clipping */
      kf[i] = kTST(Gaf, T);
      kr[i] = kTST(Gar - k->ct_nu * dGgas, T);
    }
  }
  for (int i = 0; i < m->nsteps; i++) /* exp() overflows for absurd energies or temperatures */
    if (!isfinite(kf[i]) || !isfinite(kr[i]))
      return tg__fail(TG_ERR_MODEL, m->origin,
                      "line %d: step \"%s\": at T = %g K its rate constants are not finite (k_f = %g, k_r = %g "
                      "s^-1); check its energies and the temperature",
                      m->steps[i].line, m->steps[i].text, T, kf[i], kr[i]);
  return TG_SUCCESS;
}
