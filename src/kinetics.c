/* Rate laws (spec section 6): r_f = k_f * prod(IS activities^nu),
 * r_r = k_r * prod(FS activities^nu); activities are coverages, free-site
 * fractions (explicit unknowns, never 1 - sum) and gas pressures. */
#include "model_internal.h"

static inline double ipow(double x, int nu)
{
  if (nu == 1) return x; /* the common cases first */
  if (nu == 2) return x * x;
  double r = 1;
  for (int k = 0; k < nu; k++) r *= x;
  return r;
}

void tg__gas_factors(const tg_model *m, const double *p, double *gasf)
{
  for (int i = 0; i < m->nsteps; i++)
    for (int side = 0; side < 2; side++) {
      double g = 1;
      for (int f = 0; f < m->k[i].ngas[side]; f++) g *= ipow(p[m->k[i].gas[side][f].idx], m->k[i].gas[side][f].nu);
      gasf[2 * i + side] = g;
    }
}

void tg__rates(const tg_model *m, const double *kf, const double *kr, const double *gasf, const double *y, double *rf,
               double *rr)
{
  const factor *fac = m->fac;
  const int *start = m->fac_start;
  for (int i = 0; i < m->nsteps; i++) {
    double a = kf[i] * gasf[2 * i], b = kr[i] * gasf[2 * i + 1];
    for (int f = start[2 * i]; f < start[2 * i + 1]; f++) a *= ipow(y[fac[f].idx], fac[f].nu);
    for (int f = start[2 * i + 1]; f < start[2 * i + 2]; f++) b *= ipow(y[fac[f].idx], fac[f].nu);
    rf[i] = a;
    rr[i] = b;
  }
}
