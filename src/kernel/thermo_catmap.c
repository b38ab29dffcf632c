/* CatMAP's thermochemistry (catmap_model_spec section 3): the correction
 * dG(T) that turns a species' formation energy into its free energy, in
 * each of CatMAP's modes, with CatMAP's constants for its own formulas and
 * ASE's (CODATA 2014, as ASE 3.29 has them) where CatMAP delegates to ASE
 * (ideal gas, harmonic adsorbate). The gas data CatMAP ships
 * (catmap/data/parameter_data.py) are here as numbers with their source. */
#include <math.h>
#include <string.h>

#include "kernel/kernel.h"

static const double kJmol_eV = 0.01036427; /* CatMAP's ThermoCorrections._kJmol2eV */
static const double pi = 3.141592653589793;
/* ASE's units (ase.units, CODATA 2014), used where CatMAP calls ASE. */
static const double ase_kB = 8.617330337217213e-5; /* eV/K */
static const double ase_k = 1.38064852e-23;        /* J/K */
static const double ase_h = 6.62607004e-34;        /* J s */
static const double ase_amu = 1.66053904e-27;      /* kg */
static const double p_standard = 1e5;              /* Pa: CatMAP's bar */

/* NIST Shomate parameters [A..H] (kJ/mol, J/(mol K), t = T/1000) by range,
 * as CatMAP's parameter_data.py lists them (NIST Chemistry WebBook unless
 * said otherwise), in its order: the first range that holds T is used. */
static const struct {
  const char *gas;
  tg__shomate s;
} shomate_table[] = {
    {"H2_g", {298, 1000, {33.066178, -11.363417, 11.432816, -2.772874, -0.158558, -9.980797, 172.707974, 0}}},
    {"H2_g", {1000, 2500, {18.563083, 12.257357, -2.859786, 0.268238, 1.977990, -1.147438, 156.288133, 0}}},
    {"H2_g", {2500, 6000, {43.413560, -4.293079, 1.272428, -0.096876, -20.533862, -38.515158, 162.081354, 0}}},
    {"CH4_g", {298, 1300, {-0.703029, 108.4773, -42.52157, 5.862788, 0.678565, -76.84376, 158.7163, -74.87310}}},
    {"CH4_g", {1300, 1600, {85.81217, 11.26467, -2.114146, 0.138190, -26.42221, -153.5327, 224.4143, -74.87310}}},
    {"CO_g", {298, 1300, {25.56759, 6.096130, 4.054656, -2.671201, 0.131021, -118.0089, 227.3665, -110.5271}}},
    {"CO_g", {1300, 1600, {35.15070, 1.300095, -0.205921, 0.013550, -3.282780, -127.8375, 231.7120, -110.5271}}},
    /* H2O 100-500 K: CatMAP's own fit to JANAF */
    {"H2O_g", {100, 500, {36.303952, -24.11232, 63.64111, -38.9524, -0.01385, -10.23966, 237.39431, 0.0}}},
    {"H2O_g", {500, 1700, {30.09200, 6.832514, 6.793435, -2.534480, 0.082139, -250.8810, 223.3967, -241.8264}}},
    {"H2O_g", {1700, 6000, {41.96426, 8.622053, -1.499780, 0.098119, -11.15764, -272.1797, 219.7809, -241.8264}}},
    {"CO2_g", {298, 1200, {24.99735, 55.18696, -33.69137, 7.948387, -0.136638, -403.6075, 228.2431, -393.5224}}},
    {"CO2_g", {1200, 6000, {58.16639, 2.720075, -0.492289, 0.038844, -6.447293, -425.9186, 263.6125, -393.5224}}},
    {"O2_g", {100, 700, {31.32234, -20.23531, 57.8664, -36.50624, -0.007374, -8.903471, 246.7945, 0.0}}},
    {"O2_g", {700, 2000, {30.03235, 8.772972, -3.988133, 0.788313, -0.741599, -11.32468, 236.1663, 0.0}}},
    {"O2_g", {2000, 6000, {20.91111, 10.72071, -2.020498, 0.146449, 9.245722, 5.337651, 237.6185, 0.0}}},
    {"NH3_g", {298, 1400, {19.99563, 49.77119, -15.37599, 1.921168, 0.189174, -53.30667, 203.8591, -45.89806}}},
    {"N2_g", {100, 500, {28.98641, 1.853978, -9.647459, 16.63537, 0.000117, -8.671914, 226.4168, 0.0}}},
    {"N2_g", {500, 2000, {19.50583, 19.88705, -8.598535, 1.369784, 0.527601, -4.935202, 212.3900, 0.0}}},
    {"N2O_g", {298, 1400, {27.67988, 51.14898, -30.64454, 6.847911, -0.157906, 71.24934, 238.6164, 82.04824}}},
    {"NO2_g", {298, 1200, {16.10857, 75.89525, -54.38740, 14.30777, 0.239423, 26.17464, 240.5386, 33.09502}}},
    {"NO_g", {298, 1200, {23.83491, 12.58878, -1.139011, -1.497459, 0.214194, 83.35783, 237.1219, 90.29114}}},
    {"NO3_g", {298, 1200, {11.22316, 166.3889, -148.4458, 47.40598, -0.176791, 61.00858, 221.7679, 71.12800}}},
    {"HNO2_g", {298, 1200, {24.89974, 91.37563, -64.84614, 17.92007, -0.134737, -88.13596, 254.2671, -76.73498}}},
    {"HNO3_g", {298, 1200, {19.63229, 153.9599, -115.8378, 32.87955, -0.249114, -146.8818, 247.7049, -134.3060}}},
    {"HCN_g", {298, 1200, {32.69373, 22.59205, -4.369142, -0.407697, -0.282399, 123.4811, 233.2597, 135.1432}}},
    {"CH2CH2_g", {298, 1200, {-6.387880, 184.4019, -112.9718, 28.49593, 0.315540, 48.17332, 163.1568, 52.46694}}},
    {"CH2O_g", {298, 1500, {5.193767, 93.23249, -44.85457, 7.882279, 0.551175, -119.3591, 202.4663, -115.8972}}},
    /* CH3OH, HCOOH: CatMAP's fits (CRC Handbook 91st ed.; Chao et al.), H constrained to 0 */
    {"CH3OH_g",
     {298,
      1500,
      {-0.54480506209266066, 151.88669435629552, -78.31823594271188, 16.106518370880025, 0.49380897934744739, -5.008,
       200.05003685507603, 0}}},
    {"HCOOH_g",
     {298,
      1500,
      {3.8027523042252258, 153.66217894746168, -84.640467738169264, 16.297377707561505, 0.27720649972633382, -6.16527,
       212.9698972559699, 0}}},
    /* CH3CH2OH: CatMAP's values (VSCHT tables) */
    {"CH3CH2OH_g", {273, 1300, {6.372731, 136.5066 * 2., -54.3367 * 3, 9.6942975 * 4, 0.334329, -7.25, 201, 0}}},
};

/* Ideal-gas data of CatMAP's ideal_gas mode for the gases whose geometry
 * the reference specification gives (ASE 3.29's molecules: masses from
 * ASE's atomic masses, C 12.011, O 15.999; the largest principal moment). */
static const struct {
  const char *gas;
  tg__ideal_gas g;
} ideal_table[] = {
    {"CO_g", {28.01, {0, 0, 9.07844233866673}, 1, 1, 0}},
    {"O2_g", {31.998, {0, 0, 12.418474628311035}, 2, 1, 1.0}},
    {"CO2_g", {44.009, {0, 0, 44.45273132148607}, 2, 1, 0}},
};

int tg__shomate_builtin(const char *gas, tg__shomate *out, int max)
{
  int n = 0;
  for (size_t i = 0; i < sizeof shomate_table / sizeof shomate_table[0]; i++)
    if (strcmp(shomate_table[i].gas, gas) == 0 && n < max) out[n++] = shomate_table[i].s;
  return n;
}

int tg__ideal_gas_builtin(const char *gas, tg__ideal_gas *out)
{
  for (size_t i = 0; i < sizeof ideal_table / sizeof ideal_table[0]; i++)
    if (strcmp(ideal_table[i].gas, gas) == 0) return *out = ideal_table[i].g, 1;
  return 0;
}

static double zero_point(const tg__thermo_data *d)
{
  double z = 0;
  for (int k = 0; k < d->nfreq; k++) z += 0.5 * d->freq[k];
  return z;
}

/* Shomate enthalpy (kJ/mol, less H), entropy and heat capacity (J/(mol K)). */
static void shomate_eval(const double *c, double T, double *H, double *S, double *Cp)
{
  double t = T / 1000;
  *H = c[0] * t + c[1] * t * t / 2 + c[2] * t * t * t / 3 + c[3] * t * t * t * t / 4 - c[4] / t + c[5] - c[7];
  *S = c[0] * log(t) + c[1] * t + c[2] * t * t / 2 + c[3] * t * t * t / 3 - c[4] / (2 * t * t) + c[6];
  *Cp = c[0] + c[1] * t + c[2] * t * t + c[3] * t * t * t + c[4] / (t * t);
}

static int shomate_gas(const species *s, const tg__thermo_data *d, double T, double *dG, const char *fn)
{
  const tg__shomate *use = NULL;
  double at = T;
  for (int k = 0; k < d->nshomate && !use; k++) {
    const tg__shomate *r = &d->shomate[k];
    if (r->tmin <= T && T <= r->tmax) use = r;
    else if (T < r->tmin && r->tmin < 300) use = r, at = r->tmin; /* CatMAP: evaluated at the range's start */
  }
  if (!use)
    return tg__fail(TG_ERR_MODEL, fn, "%s: no Shomate parameters cover %g K (give a range in its 'shomate' list)",
                    s->name, T);
  double H, S, Cp, H298, S298, Cp298;
  shomate_eval(use->c, at, &H, &S, &Cp);
  shomate_eval(use->c, 298.15, &H298, &S298, &Cp298);
  double dH = (H - H298 + 298.15 * Cp298 / 1000) * kJmol_eV, dS = S * kJmol_eV / 1000;
  *dG = zero_point(d) + dH - T * dS;
  return TG_SUCCESS;
}

/* Harmonic vibrational energy above the zero point and entropy (ASE's kB). */
static void vibrations(const tg__thermo_data *d, double T, double *E, double *S)
{
  double kT = ase_kB * T;
  *E = 0, *S = 0;
  for (int k = 0; k < d->nfreq; k++) {
    double x = d->freq[k] / kT;
    *E += d->freq[k] / expm1(x);
    *S += ase_kB * (x / expm1(x) - log(-expm1(-x)));
  }
}

/* ASE's IdealGasThermo at the standard pressure (1 bar), as CatMAP calls it. */
static double ideal_gas(const tg__thermo_data *d, double T)
{
  const tg__ideal_gas *g = &d->ideal;
  double kT = ase_kB * T, Ev, Sv;
  vibrations(d, T, &Ev, &Sv);
  double H = zero_point(d) + 1.5 * kT + (g->linear ? kT : 1.5 * kT) + Ev + kT;
  double m = g->mass * ase_amu;
  double St = ase_kB * (log(pow(2 * pi * m * ase_k * T / (ase_h * ase_h), 1.5) * ase_k * T / p_standard) + 2.5);
  double Sr;
  if (g->linear) {
    double I = g->inertia[2] * ase_amu * 1e-20;
    Sr = ase_kB * (log(8 * pi * pi * I * ase_k * T / g->sigma / (ase_h * ase_h)) + 1);
  } else {
    double prod = 1;
    for (int k = 0; k < 3; k++) prod *= g->inertia[k] * ase_amu * 1e-20;
    Sr = ase_kB * (log(sqrt(pi * prod) / g->sigma * pow(8 * pi * pi * ase_k * T / (ase_h * ase_h), 1.5)) + 1.5);
  }
  double Se = ase_kB * log(2 * g->spin + 1);
  return H - T * (St + Sr + Se + Sv);
}

int tg__thermo_correction(const tg_model *m, int sp, double T, double *dG, const char *fn)
{
  const tg__catmap *c = m->catmap;
  const species *s = &m->sp[sp];
  const tg__thermo_data *d = &c->thermo[sp];
  *dG = 0;
  if (s->kind == SP_GAS) {
    switch (c->gas_mode) {
    case TG_GAS_FROZEN: return TG_SUCCESS;
    case TG_GAS_ZERO_POINT: *dG = zero_point(d); return TG_SUCCESS;
    case TG_GAS_FIXED_ENTROPY: *dG = zero_point(d) - T * d->fixed_entropy; return TG_SUCCESS;
    case TG_GAS_FROZEN_FIXED_ENTROPY: *dG = -T * d->fixed_entropy; return TG_SUCCESS;
    case TG_GAS_SHOMATE: return shomate_gas(s, d, T, dG, fn);
    case TG_GAS_IDEAL: *dG = ideal_gas(d, T); return TG_SUCCESS;
    }
  }
  if (s->kind != SP_ADS && s->kind != SP_TS) return TG_SUCCESS; /* free sites: 0 */
  if (c->ads_mode == TG_ADS_FROZEN) return TG_SUCCESS;
  if (d->nfreq == 0 && s->kind == SP_TS) { /* CatMAP: the mean of its step's initial and final states */
    const step *st = &m->steps[c->ts_step[sp]];
    double sum = 0;
    for (int k = IS; k <= FS; k += FS - IS)
      for (int f = 0; f < st->n[k]; f++) {
        const species *x = &m->sp[st->st[k][f].sp];
        if (x->kind != SP_ADS) continue;
        double part;
        TG_CALL(tg__thermo_correction(m, st->st[k][f].sp, T, &part, fn));
        sum += st->st[k][f].nu * part;
      }
    *dG = 0.5 * sum;
    return TG_SUCCESS;
  }
  if (c->ads_mode == TG_ADS_ZERO_POINT) {
    *dG = zero_point(d);
    return TG_SUCCESS;
  }
  double Ev, Sv; /* harmonic: ASE's HarmonicThermo Helmholtz energy */
  vibrations(d, T, &Ev, &Sv);
  *dG = zero_point(d) + Ev - T * Sv;
  return TG_SUCCESS;
}
