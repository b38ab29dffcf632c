/* Kinetics: the flat lists of the rate laws' hot loops, built once from a
 * finished model (see dterm in kernel.h), and the rate prefactors (spec
 * section 6): kg_k = k_f,i * prod(IS gas pressures^nu) for k = i,
 * k_r,i * prod(FS gas pressures^nu) for k = nsteps + i, once per solve. The
 * coverage part of the rate laws is inline in kernel.h. */
#include <stdlib.h>

#include "kernel/kernel.h"

int tg__kinetics_build(tg_model *m)
{
  int ns = m->nsteps, nr = 0;
  for (int i = 0; i < ns; i++)
    for (int side = 0; side < 2; side++)
      for (int f = 0; f < m->k[i].nsurf[side]; f++) nr += m->k[i].surf[side][f].nu;
  m->rfac = malloc((size_t)(nr ? nr : 1) * sizeof *m->rfac);
  m->rfac_start = malloc((size_t)(2 * ns + 1) * sizeof *m->rfac_start);
  m->dterms = malloc((size_t)(2 * m->na * ns + 1) * sizeof *m->dterms);
  m->jterms = malloc((size_t)(m->na * nr + 1) * sizeof *m->jterms);
  if (!m->rfac || !m->rfac_start || !m->dterms || !m->jterms) return tg__fail(TG_ERR_NOMEM, m->origin, "out of memory");
  m->nrfac = 0;
  for (int side = 0; side < 2; side++)
    for (int i = 0; i < ns; i++) {
      m->rfac_start[side * ns + i] = m->nrfac;
      for (int f = 0; f < m->k[i].nsurf[side]; f++)
        for (int e = 0; e < m->k[i].surf[side][f].nu; e++) m->rfac[m->nrfac++] = m->k[i].surf[side][f].idx;
    }
  m->rfac_start[2 * ns] = m->nrfac;
  m->ndterms = m->njterms = 0;
  for (int a = 0; a < m->na; a++)
    for (int i = 0; i < ns; i++) {
      double c = m->dtheta[a * ns + i];
      if (c == 0) continue;
      for (int side = 0; side < 2; side++) {
        int k = side * ns + i;
        m->dterms[m->ndterms++] = (dterm){.a = a, .k = k, .c = side ? -c : c};
        for (int e = m->rfac_start[k]; e < m->rfac_start[k + 1]; e++)
          m->jterms[m->njterms++] = (jterm){.a = a, .j = m->rfac[e], .e = e, .k = k, .c = side ? -c : c};
      }
    }
  return TG_SUCCESS;
}

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
