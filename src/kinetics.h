/* Rate laws and their derivatives (spec section 6): r_k = kg_k * prod of its
 * activities, the coverages and free-site fractions being explicit unknowns
 * y (never 1 - sum). Inline, over the model's flat lists (see dterm in
 * model_internal.h), because the solver calls them ~100 times per point. */
#ifndef TOFGRID_KINETICS_H
#define TOFGRID_KINETICS_H

#include <math.h>

#include "model_internal.h"

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

#endif
