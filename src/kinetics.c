/* Rate laws (spec section 6): r_f = k_f * prod(IS activities^nu),
 * r_r = k_r * prod(FS activities^nu); activities are coverages, free-site
 * fractions (explicit unknowns, never 1 - sum) and gas pressures. */
#include "model_internal.h"

static double ipow(double x, int nu)
{
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
  for (int i = 0; i < m->nsteps; i++) {
    const kstep *k = &m->k[i];
    double r[2] = {kf[i] * gasf[2 * i], kr[i] * gasf[2 * i + 1]};
    for (int side = 0; side < 2; side++)
      for (int f = 0; f < k->nsurf[side]; f++) r[side] *= ipow(y[k->surf[side][f].idx], k->surf[side][f].nu);
    rf[i] = r[0];
    rr[i] = r[1];
  }
}
