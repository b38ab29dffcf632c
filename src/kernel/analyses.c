/* Analyses of a steady state (catmap_model_spec section 6), analytic: a
 * parameter q moves the rates at fixed coverages by d ln r_f,i / dq =
 * alpha_i and d ln r_r,i / dq = beta_i; the steady state F(theta, q) = 0
 * follows by the implicit-function theorem, J du = -dF/dq (J: the log-space
 * Jacobian, factored once for every parameter), and each TOF by its direct
 * change plus the rates' response to du. Both are taken in the balances
 * reduced by gross rate (balances.c), so a fast equilibrated step's rates
 * (1e13 s^-1 against a TOF of 1e-3) never meet in a difference: its
 * balance alone carries them, and the TOFs sum over slow steps only.
 *   orders:       q = ln p_k,  alpha_i = nu_IS,ik, beta_i = nu_FS,ik
 *   eapp:         q = T,       alpha, beta = d ln k_f,i / dT, d ln k_r,i / dT
 *                 (central differences of the rate constants: the
 *                 thermochemistry of every species follows T; pressures
 *                 and descriptors are held)
 *   rate control: q = G_j,     alpha_i = -(n_TS*,ij - n_IS,ij) / kB T,
 *                              beta_i  = -(n_TS*,ij - n_FS,ij) / kB T
 *                 (TS*: the state at the top of step i, after clipping) */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "kernel/kernel.h"

static const double kB = TG__CATMAP_KB; /* spec 6.1: CatMAP's kB T for every model */

int tg__transition_states(const tg_model *m, int *out)
{
  int n = 0;
  for (int i = 0; i < m->nsp; i++) {
    if (m->sp[i].kind != SP_TS) continue;
    if (out) { /* insertion by name */
      int k = n;
      while (k > 0 && strcmp(m->sp[out[k - 1]].name, m->sp[i].name) > 0) out[k] = out[k - 1], k--;
      out[k] = i;
    }
    n++;
  }
  return n;
}

/* dtof[q * ng + g] = d TOF_g / dq for nq parameters given by alpha, beta
 * ([nq][nsteps]). TG_ERR_CONVERGENCE if the Jacobian is singular. */
static int sensitivities(const tg_model *m, const double *y, const double *rf, const double *rr, int nq,
                         const double *alpha, const double *beta, double *dtof, const char *fn)
{
  int na = m->na, ns = m->nsteps, n = m->na + m->ns, ng = m->ng;
  size_t doubles = (size_t)na * ns + ns + (size_t)ng * ns + (size_t)n * n + na + n;
  double *R = malloc(doubles * sizeof *R);
  int *ints = malloc((size_t)(ns + n) * sizeof *ints);
  if (!R || !ints) return free(R), free(ints), tg__fail(TG_ERR_NOMEM, fn, "out of memory for the analyses");
  double *gross = R + (size_t)na * ns, *coef = gross + ns, *J = coef + (size_t)ng * ns, *scale = J + (size_t)n * n,
         *du = scale + na;
  int *pivot_row = ints, *ipiv = ints + ns;
  for (int i = 0; i < ns; i++) gross[i] = rf[i] + rr[i];
  tg__balances_reduce(m, gross, R, pivot_row);
  for (int g = 0; g < ng; g++)
    for (int j = 0; j < ns; j++) coef[g * ns + j] = tg__tof_coefficient(m, R, pivot_row, g, j);
  /* J: the reduced balances, each scaled by its gross rate, in log coverages; then the site balances */
  for (int k = 0; k < n * n; k++) J[k] = 0;
  for (int a = 0; a < na; a++) {
    scale[a] = 0;
    for (int i = 0; i < ns; i++) {
      double c = R[a * ns + i];
      if (c == 0) continue;
      scale[a] += fabs(c) * gross[i];
      for (int side = 0; side < 2; side++) {
        int k = side * ns + i;
        double x = side ? -c * rr[i] : c * rf[i];
        for (int e = m->rfac_start[k]; e < m->rfac_start[k + 1]; e++) J[m->rfac[e] * n + a] += x;
      }
    }
    for (int j = 0; j < n; j++) J[j * n + a] = scale[a] > 0 ? J[j * n + a] / scale[a] : (j == a);
  }
  for (int s = 0; s < m->ns; s++) {
    double t = m->site_total[s];
    J[(na + s) * n + na + s] = y[na + s] / t;
    for (int a = 0; a < na; a++)
      if (m->ads_site[a] == s) J[a * n + na + s] = y[a] / t;
  }
  int rc = TG_SUCCESS;
  if (tg__lu_factor(n, J, ipiv, m->config.lu_inline_limit))
    rc = tg__fail(TG_ERR_CONVERGENCE, fn, "the steady state's Jacobian is singular: no analyses there");
  for (int q = 0; !rc && q < nq; q++) {
    const double *al = alpha + (size_t)q * ns, *be = beta + (size_t)q * ns;
    for (int a = 0; a < na; a++) {
      double x = 0;
      for (int i = 0; i < ns; i++)
        if (R[a * ns + i] != 0) x += R[a * ns + i] * (al[i] * rf[i] - be[i] * rr[i]);
      du[a] = scale[a] > 0 ? -x / scale[a] : 0;
    }
    for (int s = 0; s < m->ns; s++) du[na + s] = 0;
    tg__lu_solve(n, J, ipiv, du, m->config.lu_inline_limit);
    for (int g = 0; g < ng; g++) {
      double x = 0;
      for (int j = 0; j < ns; j++) {
        double c = coef[g * ns + j];
        if (c == 0) continue;
        double uf = 0, ur = 0; /* sum of nu du over the factors of each rate */
        for (int e = m->rfac_start[j]; e < m->rfac_start[j + 1]; e++) uf += du[m->rfac[e]];
        for (int e = m->rfac_start[ns + j]; e < m->rfac_start[ns + j + 1]; e++) ur += du[m->rfac[e]];
        x += c * ((al[j] + uf) * rf[j] - (be[j] + ur) * rr[j]);
      }
      dtof[q * ng + g] = x;
    }
  }
  free(R);
  free(ints);
  return rc;
}

/* d ln k / dT of every step, by central differences of the rate constants
 * (smooth in T but where a clipped barrier switches sides). */
static int temperature_slopes(const tg_model *m, double T, const double *d, double *alpha, double *beta, const char *fn)
{
  int ns = m->nsteps, nd = m->catmap ? m->catmap->nd : 0, qT = tg__catmap_condition_descriptor(m, -1);
  double h = 1e-4 * T, k[4][ns > 0 ? ns : 1], point[nd > 0 ? nd : 1];
  for (int q = 0; q < nd; q++) point[q] = d ? d[q] : m->catmap->point[q];
  for (int side = 0; side < 2; side++) {
    double Ts = side ? T + h : T - h;
    if (qT >= 0) point[qT] = Ts; /* the temperature is a descriptor */
    TG_CALL(tg__rate_constants_at(m, Ts, nd ? point : NULL, k[2 * side], k[2 * side + 1], fn));
  }
  for (int i = 0; i < ns; i++) {
    alpha[i] = (log(k[2][i]) - log(k[0][i])) / (2 * h);
    beta[i] = (log(k[3][i]) - log(k[1][i])) / (2 * h);
  }
  return TG_SUCCESS;
}

/* Each gas's share of the products' TOF (TOF > 0), or of the reactants'. */
static void shares(const tg_model *m, const double *tof, double *S, double *sum_products, double *sum_reactants)
{
  double P = 0, C = 0;
  for (int g = 0; g < m->ng; g++) tof[g] > 0 ? (P += tof[g]) : (C -= tof[g]);
  for (int g = 0; g < m->ng; g++) S[g] = tof[g] > 0 ? tof[g] / P : tof[g] < 0 ? -tof[g] / C : 0;
  *sum_products = P, *sum_reactants = C;
}

static int species_free_energies(const tg_model *m, double T, const double *d, int npar, const int *par, double *alpha,
                                 double *beta, const char *fn)
{
  int ns = m->nsteps, top[ns > 0 ? ns : 1];
  double kf[ns > 0 ? ns : 1], kr[ns > 0 ? ns : 1];
  TG_CALL(tg__catmap_rate_constants(m, T, d ? d : m->catmap->point, kf, kr, top, fn));
  double kT = kB * T;
  for (int q = 0; q < npar; q++)
    for (int i = 0; i < ns; i++) {
      const step *s = &m->steps[i];
      double n[3] = {0, 0, 0}; /* species par[q] in each state */
      for (int st = 0; st < 3; st++)
        for (int f = 0; f < s->n[st]; f++)
          if (s->st[st][f].sp == par[q]) n[st] += s->st[st][f].nu;
      alpha[(size_t)q * ns + i] = -(n[top[i]] - n[IS]) / kT;
      beta[(size_t)q * ns + i] = -(n[top[i]] - n[FS]) / kT;
    }
  return TG_SUCCESS;
}

int tg_model_analyses(const tg_model *m)
{
  if (!m) return 0;
  return TG_ANALYSIS_ORDERS | TG_ANALYSIS_EAPP | TG_ANALYSIS_SELECTIVITY |
         (m->catmap ? TG_ANALYSIS_RATE_CONTROL | TG_ANALYSIS_SELECTIVITY_CONTROL : 0) |
         (m->product >= 0 ? TG_ANALYSIS_XRC : 0);
}

int tg__check_analyses(const tg_model *m, int analyses, const char *where, const char *fn)
{
  int all = TG_ANALYSIS_ORDERS | TG_ANALYSIS_EAPP | TG_ANALYSIS_RATE_CONTROL | TG_ANALYSIS_SELECTIVITY |
            TG_ANALYSIS_SELECTIVITY_CONTROL | TG_ANALYSIS_XRC;
  if (analyses & ~all)
    return tg__fail(TG_ERR_ARG, fn, "%sanalyses = %d has bits that are no tg_analysis (0x%x)", where, analyses,
                    analyses & ~all);
  if ((analyses & (TG_ANALYSIS_RATE_CONTROL | TG_ANALYSIS_SELECTIVITY_CONTROL)) && !m->catmap)
    return tg__fail(TG_ERR_ARG, fn,
                    "%srate_control and selectivity_control are derivatives by species free energies, which %s (a "
                    "model of step energies) does not have; the degree of rate control per step is xrc",
                    where, m->name);
  return TG_SUCCESS;
}

int tg__analyses(const tg_model *m, double T, const double *d, int which, const double *y, const double *rf,
                 const double *rr, tg_solution *sol, const char *fn)
{
  int ns = m->nsteps, ng = m->ng, nts = tg__transition_states(m, NULL), npar = m->na + nts;
  int controls = which & (TG_ANALYSIS_RATE_CONTROL | TG_ANALYSIS_SELECTIVITY_CONTROL); /* CatMAP models (tg_solve) */
  int nq = (which & TG_ANALYSIS_ORDERS ? ng : 0) + (which & TG_ANALYSIS_EAPP ? 1 : 0) + (controls ? npar : 0);
  double *alpha =
      calloc((size_t)(nq ? nq : 1) * (ns ? ns : 1) * 2 + (size_t)(nq ? nq : 1) * (ng ? ng : 1), sizeof *alpha);
  int *par = malloc((size_t)(npar ? npar : 1) * sizeof *par);
  if (!alpha || !par) return free(alpha), free(par), tg__fail(TG_ERR_NOMEM, fn, "out of memory for the analyses");
  double *beta = alpha + (size_t)(nq ? nq : 1) * ns, *dtof = beta + (size_t)(nq ? nq : 1) * ns;
  int q = 0, rc = TG_SUCCESS, q_orders = -1, q_eapp = -1, q_par = -1;
  if (which & TG_ANALYSIS_ORDERS) {
    q_orders = q;
    for (int k = 0; k < ng; k++, q++)
      for (int i = 0; i < ns; i++)
        for (int side = 0; side < 2; side++)
          for (int f = 0; f < m->k[i].ngas[side]; f++)
            if (m->k[i].gas[side][f].idx == k) (side ? beta : alpha)[(size_t)q * ns + i] += m->k[i].gas[side][f].nu;
  }
  if (which & TG_ANALYSIS_EAPP) {
    q_eapp = q;
    rc = temperature_slopes(m, T, d, alpha + (size_t)q * ns, beta + (size_t)q * ns, fn);
    q++;
  }
  if (!rc && controls) {
    q_par = q;
    for (int a = 0; a < m->na; a++) par[a] = m->ads[a];
    tg__transition_states(m, par + m->na);
    rc = species_free_energies(m, T, d, npar, par, alpha + (size_t)q * ns, beta + (size_t)q * ns, fn);
    q += npar;
  }
  if (!rc && nq) rc = sensitivities(m, y, rf, rr, nq, alpha, beta, dtof, fn);
  const double *tof = sol->tof;
  double kT = kB * T, S[ng > 0 ? ng : 1], P, C;
  shares(m, tof, S, &P, &C);
  if (!rc && (which & TG_ANALYSIS_SELECTIVITY))
    for (int g = 0; g < ng; g++) sol->selectivity[g] = S[g];
  for (int g = 0; !rc && g < ng; g++) {
    for (int k = 0; q_orders >= 0 && k < ng; k++)
      sol->orders[g * ng + k] = tof[g] != 0 ? dtof[(q_orders + k) * ng + g] / tof[g] : NAN;
    if (q_eapp >= 0) sol->eapp[g] = tof[g] != 0 ? kB * T * T * dtof[q_eapp * ng + g] / tof[g] : NAN;
    for (int j = 0; q_par >= 0 && j < npar; j++) {
      const double *dt = dtof + (size_t)(q_par + j) * ng;
      if (which & TG_ANALYSIS_RATE_CONTROL) sol->rate_control[g * npar + j] = tof[g] != 0 ? -kT * dt[g] / tof[g] : 0;
      if (which & TG_ANALYSIS_SELECTIVITY_CONTROL) { /* d ln S_g = d ln TOF_g - d ln (sum over its side) */
        double side = 0;
        for (int h = 0; h < ng; h++)
          if ((tof[h] > 0) == (tof[g] > 0) && tof[h] != 0) side += dt[h];
        double sum = tof[g] > 0 ? P : -C;
        sol->selectivity_control[g * npar + j] = S[g] != 0 ? -kT * (dt[g] / tof[g] - side / sum) : 0;
      }
    }
  }
  if (!rc) sol->analyses = which;
  free(alpha);
  free(par);
  return rc;
}
