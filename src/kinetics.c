/* Rate prefactors (spec section 6): kg_k = k_f,i * prod(IS gas pressures^nu)
 * for k = i, k_r,i * prod(FS gas pressures^nu) for k = nsteps + i. Once per
 * solve; the coverage part of the rate laws is in kinetics.h. */
#include "model_internal.h"

void tg__rate_prefactors(const tg_model *m, const double *kf, const double *kr, const double *p, double *kg)
{
  for (int side = 0; side < 2; side++)
    for (int i = 0; i < m->nsteps; i++) {
      double g = side ? kr[i] : kf[i];
      const kstep *k = &m->k[i];
      for (int f = 0; f < k->ngas[side]; f++)
        for (int e = 0; e < k->gas[side][f].nu; e++) g *= p[k->gas[side][f].idx];
      kg[side * m->nsteps + i] = g;
    }
}
