/* The steady state SCAKS reports (spec sections 10-11, 13): integrate
 * d(theta)/dt from the initial coverages (clean surface) to t_end with
 * backward Euler in physical time, letting every step's Newton converge;
 * then Newton in log coverages with every free-site fraction an unknown (the
 * site balance an equation) and every kinetic residual divided by its gross
 * rate, so coverages and free sites down to 1e-13 keep full relative
 * precision in double. If Newton fails from t_end, integrate further (x10 at
 * a time, up to t_max) -- where SCAKS's own procedure loops forever. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <lapacke.h>

#include "kernel/kernel.h"

typedef struct work {
  const tg_model *m;
  int n; /* unknowns: adsorbates then free sites */
  const double *kf, *kr;
  double *kg;      /* [2 nsteps] rate prefactors (kernel.h) */
  double *rf, *rr; /* the rates r[2 nsteps] of kernel.h: rr = rf + nsteps */
  double *dr;      /* [nrfac] derivatives of the rates by their factors */
  double *y, *y0, *yt, *dy, *f, *J, *J0, *scale;
  int *ipiv;
  /* Newton's rows: the balances reduced at its current state (balances.c),
   * as terms d(row a) += c * r_k like the model's dterms. */
  double *R, *gross;
  double *kept; /* a root Newton leapt to (CatMAP models), kept aside */
  int *pivot_row;
  dterm *rows;
  int nrows;
} work;

_Static_assert(sizeof(dterm) % sizeof(double) == 0, "Newton's rows are carved from the double workspace");

static inline double max2(double a, double b) { return a > b ? a : b; } /* fmax is a libm call */

/* M[j*ld + a] += s * d(dtheta_a/dt)/dy_j at y: the model's Jacobian terms
 * over the rates' partial derivatives. */
static void add_jacobian(const work *w, const double *y, double *M, int ld, double s)
{
  const tg_model *m = w->m;
  tg__rate_partials(m, w->kg, y, w->dr);
  for (int t = 0; t < m->njterms; t++) {
    const jterm *jt = &m->jterms[t];
    M[jt->j * ld + jt->a] += s * jt->c * w->dr[jt->e];
  }
}

/* The adsorbate rows of the Jacobian in log space of the rows sum c r_k
 * (terms: the model's dterms, or Newton's reduced rows), J[j*n + a] =
 * d(row a)/d(log y_j) = sum of c * nu * rate, at the rates in w. */
static void log_jacobian(const work *w, const dterm *terms, int nterms, double *J)
{
  const tg_model *m = w->m;
  int n = w->n;
  for (int j = 0; j < n; j++)
    for (int a = 0; a < m->na; a++) J[j * n + a] = 0;
  for (int t = 0; t < nterms; t++) {
    const dterm *d = &terms[t];
    double x = d->c * w->rf[d->k];
    for (int e = m->rfac_start[d->k]; e < m->rfac_start[d->k + 1]; e++) J[m->rfac[e] * n + d->a] += x;
  }
}

/* Reduce the balances at the rates in w (those of y) into Newton's rows;
 * returns 1 if the pivot steps changed (the rows are others). */
static int reduce_rows(work *w)
{
  const tg_model *m = w->m;
  int ns = m->nsteps, changed = 0, before[ns > 0 ? ns : 1];
  for (int i = 0; i < ns; i++) w->gross[i] = w->rf[i] + w->rr[i], before[i] = w->pivot_row[i];
  tg__balances_reduce(m, w->gross, w->R, w->pivot_row);
  for (int i = 0; i < ns; i++) changed |= before[i] != w->pivot_row[i];
  w->nrows = 0;
  for (int a = 0; a < m->na; a++)
    for (int i = 0; i < ns; i++) {
      double c = w->R[a * ns + i];
      if (c == 0) continue;
      w->rows[w->nrows++] = (dterm){.a = a, .k = i, .c = c};
      w->rows[w->nrows++] = (dterm){.a = a, .k = ns + i, .c = -c};
    }
  return changed;
}

static int solve(work *w, double *rhs)
{
  return tg__lu_solve_once(w->n, w->J, rhs, w->ipiv, w->m->config.lu_inline_limit);
}

/* Site-balance rows: y_site + sum of its adsorbates - total (Jacobian row of
 * ones, or of y/total in log space); the residual into R unless R is NULL. */
static void site_rows(const work *w, const double *y, double *R, int log_space)
{
  const tg_model *m = w->m;
  int n = w->n;
  for (int s = 0; s < m->ns; s++) {
    int row = m->na + s;
    double sum = y[row], t = m->site_total[s];
    w->J[row * n + row] = 0;
    for (int j = 0; j < n; j++) w->J[j * n + row] = 0;
    w->J[row * n + row] = log_space ? y[row] / t : 1;
    for (int a = 0; a < m->na; a++)
      if (m->ads_site[a] == s) {
        sum += y[a];
        w->J[a * n + row] = log_space ? y[a] / t : 1;
      }
    if (R) R[row] = log_space ? (sum - t) / t : sum - t;
  }
}

/* One backward-Euler step of size h from w->y0, Newton starting at w->y
 * (the caller's prediction); the result in w->y. Simplified Newton: the
 * iteration matrix I - h df/dy is built and factored once, at the
 * prediction, and rebuilt once if the iteration stalls. Returns the
 * iterations used, or -1 if the step must be retried smaller. */
static int euler_step(work *w, double h)
{
  const tg_model *m = w->m;
  int n = w->n, na = m->na;
  int fresh = 0, since = 0;
  double last = INFINITY;
  for (int it = 1; it <= 12; it++) {
    if (!fresh && (it == 1 || since >= 4)) { /* (re)build and factor the iteration matrix at y */
      memcpy(w->J, w->J0, (size_t)(n * n) * sizeof *w->J);
      add_jacobian(w, w->y, w->J, n, -h);
      if (tg__lu_factor(n, w->J, w->ipiv, w->m->config.lu_inline_limit)) return -1;
      fresh = it > 1;
      since = 0;
    }
    tg__rates(m, w->kg, w->y, w->rf);
    tg__dtheta(m, w->rf, w->f, NULL);
    for (int a = 0; a < na; a++) w->dy[a] = -(w->y[a] - w->y0[a] - h * w->f[a]);
    for (int s = 0; s < m->ns; s++) w->dy[na + s] = m->site_total[s] - w->y[na + s];
    for (int a = 0; a < na; a++) w->dy[na + m->ads_site[a]] -= w->y[a];
    tg__lu_solve(n, w->J, w->ipiv, w->dy, w->m->config.lu_inline_limit);
    double worst = 0;
    for (int j = 0; j < n; j++) {
      w->y[j] += w->dy[j];
      worst = max2(worst, fabs(w->dy[j]));
    }
    if (!(worst < INFINITY)) return -1;
    /* Converged when the update, or the error left after it as the
     * contraction rate worst/last predicts, is within tolerance. */
    const double tol = w->m->config.step_tolerance;
    if (worst <= tol || (it > 1 && worst < last && worst * worst <= tol * (last - worst))) {
      for (int j = 0; j < n; j++) {
        if (w->y[j] < -1e-10) return -1; /* overshoot: a smaller step */
        if (w->y[j] < 0) w->y[j] = 0;
      }
      return it;
    }
    since = worst < 0.5 * last ? since + 1 : 4; /* not contracting fast enough: refresh */
    if (fresh && since >= 4) return -1;
    last = worst;
  }
  return -1;
}

/* Bounded work: no solve takes more implicit steps (or retries) than this. */
enum { MAX_TIME_STEPS = 100000 };

/* Integrate from time *t (state in w->y0) to t_end. Each step starts its
 * Newton from a linear extrapolation of the last two states; the step size
 * doubles after an easy step and halves after a hard one. Returns -1 when
 * the step size collapses or the step budget is spent. */
static int integrate(work *w, double *t, double t_end, double *h, int *steps)
{
  int n = w->n, tries = 0;
  double h_prev = 0;
  while (*t < t_end) {
    if (++tries > MAX_TIME_STEPS) return -1;
    double dt = *h;
    if (*t + dt > t_end) dt = t_end - *t;
    for (int j = 0; j < n; j++) /* prediction; w->yt holds the previous state */
      w->y[j] = h_prev > 0 ? w->y0[j] + (dt / h_prev) * (w->y0[j] - w->yt[j]) : w->y0[j];
    for (int j = 0; j < n; j++)
      if (w->y[j] < 0) w->y[j] = 0;
    int it = euler_step(w, dt);
    if (it < 0) {
      *h = dt / 4;
      h_prev = 0;
      if (*h < 1e-30) return -1;
      continue;
    }
    (*steps)++;
    *t += dt;
    memcpy(w->yt, w->y0, (size_t)n * sizeof *w->y);
    memcpy(w->y0, w->y, (size_t)n * sizeof *w->y);
    h_prev = dt;
    if (it <= 2) *h = dt * w->m->config.quiet_growth; /* settled: cross the quiet stretch fast */
    else if (it <= 4) *h = dt * 2;
    else if (it >= 8) *h = dt / 2;
    else *h = dt;
  }
  return 0;
}

/* Production P[a] and consumption C[a] of each adsorbate at the rates in w:
 * its d(theta)/dt split by the sign of the terms. */
static void production_consumption(const work *w, double *P, double *C)
{
  const tg_model *m = w->m;
  for (int a = 0; a < m->na; a++) P[a] = C[a] = 0;
  for (int t = 0; t < w->nrows; t++) {
    const dterm *d = &w->rows[t];
    double x = d->c * w->rf[d->k];
    if (x > 0) P[d->a] += x;
    else C[d->a] -= x;
  }
}

/* Scaled residual in log space at y (also fills rf, rr): returns its max norm.
 * With P and C (production and consumption of each adsorbate, its
 * d(theta)/dt split by sign) in F when ratio: F_a = log(P_a / C_a), nearly
 * linear in log coverages however far from the root, where the scaled
 * residual (P - C)/(P + C) is flat at +-1. Both vanish at the same roots. */
static double residual_in(work *w, const double *y, double *F, double *norm2, int ratio)
{
  const tg_model *m = w->m;
  tg__rates(m, w->kg, y, w->rf);
  double worst = 0, sum = 0;
  if (ratio) { /* one pass: the gross rate is P + C */
    double *P = F, C[m->na > 0 ? m->na : 1];
    production_consumption(w, P, C);
    for (int a = 0; a < m->na; a++) {
      w->scale[a] = P[a] + C[a];
      double r = fmax(P[a], 1e-300) / fmax(C[a], 1e-300); /* one log, unless the ratio leaves the doubles */
      F[a] = !(w->scale[a] > 0)        ? 0
             : r < 1e300 && r > 1e-300 ? log(r)
                                       : log(fmax(P[a], 1e-300)) - log(fmax(C[a], 1e-300));
    }
  } else {
    for (int a = 0; a < m->na; a++) F[a] = w->scale[a] = 0;
    for (int t = 0; t < w->nrows; t++) {
      const dterm *d = &w->rows[t];
      F[d->a] += d->c * w->rf[d->k];
      w->scale[d->a] += fabs(d->c) * w->rf[d->k];
    }
    for (int a = 0; a < m->na; a++) F[a] = w->scale[a] > 0 ? F[a] / w->scale[a] : 0;
  }
  for (int s = 0; s < m->ns; s++) F[m->na + s] = y[m->na + s];
  for (int a = 0; a < m->na; a++) F[m->na + m->ads_site[a]] += y[a];
  for (int s = 0; s < m->ns; s++) F[m->na + s] = (F[m->na + s] - m->site_total[s]) / m->site_total[s];
  for (int j = 0; j < w->n; j++) {
    worst = max2(worst, fabs(F[j]));
    sum += F[j] * F[j];
  }
  *norm2 = sqrt(sum);
  return worst;
}

static double residual(work *w, const double *y, double *F, double *norm2) { return residual_in(w, y, F, norm2, 0); }

/* The Jacobian of the log-ratio rows, d log(P_a/C_a) / d log y_j, at the
 * rates in w (P, C recomputed). */
static void ratio_jacobian(work *w, double *J)
{
  const tg_model *m = w->m;
  int n = w->n;
  double Pa[m->na > 0 ? m->na : 1], Ca[m->na > 0 ? m->na : 1];
  production_consumption(w, Pa, Ca);
  for (int j = 0; j < n; j++)
    for (int a = 0; a < m->na; a++) J[j * n + a] = 0;
  for (int t = 0; t < w->nrows; t++) {
    const dterm *d = &w->rows[t];
    double x = d->c * w->rf[d->k]; /* > 0 production, < 0 consumption; d/d log y_j once per factor y_j */
    x = x > 0 ? x / fmax(Pa[d->a], 1e-300) : x / fmax(Ca[d->a], 1e-300);
    for (int e = m->rfac_start[d->k]; e < m->rfac_start[d->k + 1]; e++) J[m->rfac[e] * n + d->a] += x;
  }
}

/* Newton in u = log(y) from w->y0; the root in w->y. Returns iterations, -1 on failure. */
static int newton(work *w, double tol, int max_it, double *res, int ratio)
{
  const tg_model *m = w->m;
  int n = w->n;
  double *u = w->scale + n, *F = w->f, *trial = u + n, *Ft = trial + n;
  for (int j = 0; j < n; j++) u[j] = log(fmax(w->y0[j], 1e-300));
  for (int j = 0; j < n; j++) w->y[j] = exp(u[j]);
  tg__rates(m, w->kg, w->y, w->rf);
  reduce_rows(w);
  double norm2, worst = residual_in(w, w->y, F, &norm2, ratio);
  int it = 0;
  for (; it < max_it; it++) {
    /* The rows follow the state (w->rf holds its rates): reduced anew where
     * another step has become the fastest of its balance. */
    if (it > 0 && reduce_rows(w)) worst = residual_in(w, w->y, F, &norm2, ratio);
    /* Jacobian of the scaled rows in log space: sum_i c (nu_IS r_f - nu_FS r_r) / gross. */
    if (ratio) {
      ratio_jacobian(w, w->J);
      for (int a = 0; a < m->na; a++)
        if (!(w->scale[a] > 0))
          for (int j = 0; j < n; j++) w->J[j * n + a] = a == j;
    } else {
      log_jacobian(w, w->rows, w->nrows, w->J);
      for (int a = 0; a < m->na; a++)
        for (int j = 0; j < n; j++) w->J[j * n + a] = w->scale[a] > 0 ? w->J[j * n + a] / w->scale[a] : (a == j);
    }
    site_rows(w, w->y, w->dy, 1);
    for (int j = 0; j < n; j++) w->dy[j] = -F[j];
    if (solve(w, w->dy)) break;
    double big = 0;
    for (int j = 0; j < n; j++) big = max2(big, fabs(w->dy[j]));
    double lambda = big > 20 ? 20 / big : 1; /* keep exp() in range */
    /* Once within tolerance, one full step may still shave roundoff; a line
     * search there would only hunt noise (40 residuals for nothing). */
    int polish = worst <= tol, accepted = 0;
    for (int k = 0; k < (polish ? 1 : 40) && !accepted; k++, lambda /= 2) {
      for (int j = 0; j < n; j++) trial[j] = u[j] + lambda * w->dy[j];
      double *yt = w->yt;
      for (int j = 0; j < n; j++) yt[j] = exp(trial[j]);
      double n2, wt = residual_in(w, yt, Ft, &n2, ratio);
      if (isfinite(n2) && n2 < norm2) {
        memcpy(u, trial, (size_t)n * sizeof *u);
        memcpy(F, Ft, (size_t)n * sizeof *F);
        memcpy(w->y, yt, (size_t)n * sizeof *w->y);
        norm2 = n2;
        worst = wt;
        accepted = 1;
      }
    }
    if (!accepted) break; /* stationary: no further decrease possible */
    if (polish || worst < 1e-15) {
      it++;
      break;
    }
  }
  tg__rates(m, w->kg, w->y, w->rf);
  reduce_rows(w);
  worst = residual(w, w->y, F, &norm2); /* the scaled residual decides, and the rates at the final state */
  *res = worst;
  return worst <= tol ? it : -1;
}

/* A CatMAP model's answer is where the clean surface's trajectory ends
 * (CatMAP has no time). Newton polishes a settled state; from a state still
 * in transit it can leap to a saddle, or into the other basin of a bistable
 * point (the answer then depended on t_end). A root this far from its start
 * (a tenth of a site total in some coverage) is kept aside and the
 * trajectory goes on. */
static int leaped(const work *w)
{
  const tg_model *m = w->m;
  for (int j = 0; j < w->n; j++) {
    double total = m->site_total[j < m->na ? m->ads_site[j] : j - m->na];
    if (fabs(w->y[j] - w->y0[j]) > 0.1 * total) return 1;
  }
  return 0;
}

/* A converged state whose net rates contradict the steady-state constraints
 * by more than this (relative to the step's gross rate) is not accepted. */
#define INCONSISTENCY_MAX 1e-10

/* Degree of rate control (Campbell): X_i = d ln TOF_p / d ln k_i with K_i
 * fixed, analytically. Scaling k_f,i and k_r,i together moves the steady
 * state by du = -J^-1 dF/dln k_i (J: the log-space Jacobian of d(theta)/dt
 * and the site balances, dF_a/dln k_i = C_ai net_i); the product's TOF then
 * changes by its direct term plus the rates' response to du. */
static int rate_control(work *w, const double *y, const double *net, int product, double *xrc)
{
  const tg_model *m = w->m;
  int n = w->n, na = m->na, ns = m->nsteps;
  double tof = 0;
  for (int i = 0; i < ns; i++) tof += m->dgas[product * ns + i] * net[i];
  if (!(tof != 0) || !isfinite(tof)) return 0;
  double *Jl = w->J, *rhs = w->dy; /* Jl: the log-space Jacobian, factored once for every step */
  log_jacobian(w, m->dterms, m->ndterms, Jl);
  for (int s = 0; s < m->ns; s++)
    for (int j = 0; j < n; j++) Jl[j * n + na + s] = (j == na + s || (j < na && m->ads_site[j] == s)) ? y[j] : 0;
  if (tg__lu_factor(n, Jl, w->ipiv, w->m->config.lu_inline_limit)) return 0;
  for (int k = 0; k < ns; k++) {
    for (int a = 0; a < na; a++) rhs[a] = -m->dtheta[a * ns + k] * net[k];
    for (int s = 0; s < m->ns; s++) rhs[na + s] = 0;
    tg__lu_solve(n, Jl, w->ipiv, rhs, w->m->config.lu_inline_limit);
    double dtof = m->dgas[product * ns + k] * net[k]; /* direct */
    for (int i = 0; i < ns; i++) {                    /* d rate / d log y_j = nu_j * rate */
      double c = m->dgas[product * ns + i];
      for (int side = 0; c != 0 && side < 2; side++) {
        int r = side * ns + i;
        double du = 0;
        for (int e = m->rfac_start[r]; e < m->rfac_start[r + 1]; e++) du += rhs[m->rfac[e]];
        dtof += (side ? -c : c) * w->rf[r] * du;
      }
    }
    xrc[k] = dtof / tof;
  }
  return 1;
}

static void release(double *mem, const double *stack)
{
  if (mem != stack) free(mem);
}

/* Each solver option by name: a bad one is refused, never replaced. */
static int check_options(const tg_solve_options *o)
{
  static const char fn[] = "tg_solve";
  if (!(o->t_end > 0) || !isfinite(o->t_end))
    return tg__fail(TG_ERR_ARG, fn, "options: t_end = %g s must be finite and > 0", o->t_end);
  if (!isfinite(o->t_max)) return tg__fail(TG_ERR_ARG, fn, "options: t_max = %g s must be finite", o->t_max);
  if (!(o->t_max >= o->t_end))
    return tg__fail(TG_ERR_ARG, fn, "options: t_max = %g s must be >= t_end = %g s", o->t_max, o->t_end);
  if (!(o->tolerance > 0) || !isfinite(o->tolerance))
    return tg__fail(TG_ERR_ARG, fn, "options: tolerance = %g must be finite and > 0", o->tolerance);
  if (o->max_iterations < 1)
    return tg__fail(TG_ERR_ARG, fn, "options: max_iterations = %d must be >= 1", o->max_iterations);
  return TG_SUCCESS;
}

/* The initial state: the given coverages (or the model's, or the clean
 * surface), each in [0, its site's total], and free sites the rest. */
static int initial_state(const tg_model *m, const double *init, double *y0)
{
  static const char fn[] = "tg_solve";
  for (int s = 0; s < m->ns; s++) y0[m->na + s] = m->site_total[s];
  for (int a = 0; a < m->na; a++) {
    double x = init ? init[a] : 0, total = m->site_total[m->ads_site[a]];
    if (!(x >= 0 && x <= total))
      return tg__fail(TG_ERR_ARG, fn,
                      "initial coverage of %s is %g; it must be finite and in [0, %g] (the total of %s)",
                      m->sp[m->ads[a]].name, x, total, m->sp[m->sites[m->ads_site[a]]].name);
    y0[a] = x;
    y0[m->na + m->ads_site[a]] -= x;
  }
  for (int s = 0; s < m->ns; s++)
    if (y0[m->na + s] < -1e-12 * m->site_total[s])
      return tg__fail(TG_ERR_ARG, fn, "initial coverages on %s add up to %g, more than its total %g",
                      m->sp[m->sites[s]].name, m->site_total[s] - y0[m->na + s], m->site_total[s]);
  return TG_SUCCESS;
}

static int solve_point(const tg_model *m, double T, const double *pressures, const tg_solve_options *options,
                       tg_solution *sol);

/* Every failure leaves NaN results (and status TG_STEADY_FAILED), never a
 * previous point's values nor the last state reached; the counters say how
 * far a failed solve got. */
int tg_solve(const tg_model *m, double T, const double *pressures, const tg_solve_options *options, tg_solution *sol)
{
  if (!m || !sol) return tg__fail(TG_ERR_ARG, __func__, "model and solution must not be NULL");
  sol->iterations = sol->time_steps = 0;
  sol->t_reached = 0;
  sol->residual = NAN;
  int rc = solve_point(m, T, pressures, options, sol);
  if (rc) {
    int n = m->na + m->ns;
    sol->status = TG_STEADY_FAILED;
    sol->poisoned_by = -1;
    sol->has_xrc = 0;
    sol->analyses = 0;
    sol->stable = -1;
    for (int j = 0; j < n; j++) sol->coverages[j] = NAN;
    for (int g = 0; g < m->ng; g++) sol->tof[g] = NAN;
    for (int i = 0; i < m->nsteps; i++) sol->rf[i] = sol->rr[i] = sol->net[i] = sol->xrc[i] = NAN;
  }
  return rc;
}

static int solve_point(const tg_model *m, double T, const double *pressures, const tg_solve_options *options,
                       tg_solution *sol)
{
  static const char fn[] = "tg_solve"; /* errors name the public function */
  tg_solve_options o = options ? *options : m->opts;
  TG_CALL(tg__catmap_check_conditions(m, T, pressures, fn));
  TG_CALL(tg__temperature(m, T, fn, &T));
  const double *p = pressures ? pressures : m->pressures;
  double conditions[m->ng > 0 ? m->ng : 1];
  int by_descriptors = m->catmap && m->catmap->has_conditions && (o.descriptors || m->catmap->has_point);
  if (by_descriptors) { /* CatMAP's thermodynamic descriptors: T and the pressures are the point's */
    memcpy(conditions, p, (size_t)m->ng * sizeof *p);
    TG_CALL(tg__catmap_conditions(m, o.descriptors ? o.descriptors : m->catmap->point, &T, conditions, fn));
    p = conditions;
  }
  for (int g = 0; g < m->ng; g++)
    if (!(p[g] >= 0) || !isfinite(p[g]))
      return tg__fail(TG_ERR_ARG, fn, "pressure of %s is %g; it must be finite and >= 0", m->sp[m->gases[g]].name,
                      p[g]);
  TG_CALL(check_options(&o));
  TG_CALL(tg__check_analyses(m, o.analyses, "options: ", fn));

  int n = m->na + m->ns, ns = m->nsteps;
  size_t doubles = (size_t)(2 * ns + 2 * ns + 9 * n + 3 * n * n + 3 * ns + n + m->nrfac);
  /* The workspace of a typical mechanism fits on the stack: no allocation per
   * grid point. Large mechanisms get it from the heap. */
  enum { STACK_DOUBLES = 1024 };
  double stack[STACK_DOUBLES];
  doubles += (size_t)m->na * ns * (1 + 2 * (sizeof(dterm) / sizeof(double))) + ns + n; /* Newton's rows */
  size_t need = doubles + ((size_t)(n + ns) * sizeof(int) + sizeof(double) - 1) / sizeof(double);
  double *mem = need <= STACK_DOUBLES ? stack : malloc(need * sizeof(double));
  if (!mem) return tg__fail(TG_ERR_NOMEM, fn, "out of memory");
  work w = {.m = m, .n = n};
  double *q = mem;
  double *kf = q, *kr = q + ns;
  q += 2 * ns;
  w.kg = q, q += 2 * ns;
  w.rf = q, q += ns;
  w.rr = q, q += ns;
  w.dr = q, q += m->nrfac;
  w.y = q, q += n;
  w.y0 = q, q += n;
  w.yt = q, q += n;
  w.dy = q, q += n;
  w.f = q, q += n;
  w.scale = q, q += 4 * n;          /* scale, then u, trial, Ft for Newton */
  w.J = q, q += 2 * n * n + ns + n; /* J, then df/dy; net_rates' scratch at the end */
  w.J0 = q, q += n * n;
  w.R = q, q += m->na * ns;
  w.gross = q, q += ns;
  w.kept = q, q += n;
  w.rows = (dterm *)q, q += 2 * m->na * ns * (sizeof(dterm) / sizeof(double));
  w.ipiv = (int *)q;
  w.pivot_row = w.ipiv + n;
  for (int i = 0; i < ns; i++) w.pivot_row[i] = -1;
  if (T == m->temperature && !o.k_scale && !o.descriptors && !by_descriptors && (!m->catmap || m->catmap->has_point)) {
    w.kf = m->kf, w.kr = m->kr;
  } else {
    int rc = tg__rate_constants_at(m, T, o.descriptors, kf, kr, fn);
    if (rc) return release(mem, stack), rc;
    for (int i = 0; o.k_scale && i < ns; i++) {
      if (!(o.k_scale[i] > 0) || !isfinite(o.k_scale[i])) {
        release(mem, stack);
        return tg__fail(TG_ERR_ARG, fn, "k_scale[%d] = %g must be positive and finite", i, o.k_scale[i]);
      }
      kf[i] *= o.k_scale[i];
      kr[i] *= o.k_scale[i];
    }
    w.kf = kf, w.kr = kr;
  }
  tg__rate_prefactors(m, w.kf, w.kr, p, w.kg);
  /* The part of backward Euler's iteration matrix that does not change:
   * the identity on the adsorbate rows, the site balances' ones. */
  for (int k = 0; k < n * n; k++) w.J0[k] = 0;
  for (int j = 0; j < n; j++) w.J0[j * n + j] = 1;
  for (int a = 0; a < m->na; a++) w.J0[a * n + m->na + m->ads_site[a]] = 1;

  int rc = initial_state(m, o.initial ? o.initial : m->initial, w.y0);
  if (rc) return release(mem, stack), rc;
  /* First step: a thousandth of the fastest rate's time scale. */
  double fastest = 0;
  for (int i = 0; i < ns; i++) fastest = max2(fastest, w.kg[i] + w.kg[ns + i]);
  double t = 0, h = fastest > 0 ? 1e-3 / fastest : 1e-3 * o.t_end, res = INFINITY;
  int steps = 0, it = -1, stuck = 0, kept = 0, kept_it = 0, kept_status = TG_STEADY_OK;
  double kept_res = 0, kept_t = 0;
  double inconsistent = 0; /* of the last state Newton accepted but the constraints refused */
  sol->status = TG_STEADY_FAILED;
  for (double target = o.t_end; target <= o.t_max * (1 + 1e-12); target *= 10) {
    if (integrate(&w, &t, target, &h, &steps)) {
      stuck = 1;
      break;
    }
    /* CatMAP's maps reach corners (minority coverages of 1e-40) where the
     * scaled residual is flat: the log-ratio form first, then the other. */
    it = m->catmap ? newton(&w, o.tolerance, o.max_iterations, &res, 1) : -1;
    if (it < 0) it = newton(&w, o.tolerance, o.max_iterations, &res, 0); /* from w.y0, which it leaves as it is */
    if (it >= 0 && (inconsistent = tg__net_rates(m, w.rf, w.rr, sol->net, sol->tof)) > INCONSISTENCY_MAX) it = -1;
    int saddle = it >= 0 && m->catmap && tg__saddle_parity(m, w.kg, w.y, w.rf, w.rr) == 1;
    if (it >= 0 && m->catmap && (saddle || leaped(&w))) {
      /* a saddle is never the answer; a leap only if the trajectory never settles (by t_max) */
      if (!kept && !saddle) {
        memcpy(w.kept, w.y, (size_t)n * sizeof *w.y);
        kept = 1, kept_it = it, kept_res = res, kept_t = t;
        kept_status = target > o.t_end * (1 + 1e-12) ? TG_STEADY_PAST_T_END : TG_STEADY_OK;
      }
      it = -1;
      continue;
    }
    if (it >= 0) {
      sol->status = target > o.t_end * (1 + 1e-12) ? TG_STEADY_PAST_T_END : TG_STEADY_OK;
      break;
    }
  }
  if (it < 0 && kept) { /* the trajectory never settled: the first root Newton leapt to stands */
    memcpy(w.y, w.kept, (size_t)n * sizeof *w.y);
    tg__rates(m, w.kg, w.y, w.rf);
    inconsistent = tg__net_rates(m, w.rf, w.rr, sol->net, sol->tof);
    it = kept_it, res = kept_res, t = kept_t, stuck = 0, sol->status = kept_status;
  }
  /* Every later state defeated Newton: backward Euler's absolute tolerance
   * can set a minority coverage to exactly 0, a corner where the rates it
   * enters stop and log-space Newton cannot climb out. Earlier states of the
   * same trajectory still hold it: Newton from them (t_end / 100, / 1e4, ...). */
  for (double target = o.t_end / 100; it < 0 && target >= o.t_end * 1e-12; target /= 100) {
    double t0 = 0, h0 = fastest > 0 ? 1e-3 / fastest : 1e-3 * target;
    if (initial_state(m, o.initial ? o.initial : m->initial, w.y0) || integrate(&w, &t0, target, &h0, &steps)) break;
    it = m->catmap ? newton(&w, o.tolerance, o.max_iterations, &res, 1) : -1;
    if (it < 0) it = newton(&w, o.tolerance, o.max_iterations, &res, 0);
    if (it >= 0 && (inconsistent = tg__net_rates(m, w.rf, w.rr, sol->net, sol->tof)) > INCONSISTENCY_MAX) it = -1;
    if (it >= 0) sol->status = TG_STEADY_BEFORE_T_END, stuck = 0, t = t0;
  }
  sol->iterations = it < 0 ? 0 : it;
  sol->time_steps = steps;
  sol->t_reached = t;
  sol->residual = res;
  for (int j = 0; j < n; j++) sol->coverages[j] = w.y[j];
  for (int i = 0; i < ns; i++) sol->rf[i] = w.rf[i], sol->rr[i] = w.rr[i];
  if (it < 0) tg__net_rates(m, w.rf, w.rr, sol->net, sol->tof); /* an accepted state's were made with its check */
  sol->stable = -1;
  if (o.want_stability && sol->status != TG_STEADY_FAILED) sol->stable = tg__stability(m, w.kg, w.y, w.rf, w.rr);
  sol->has_xrc = 0;
  if ((o.want_xrc || (o.analyses & TG_ANALYSIS_XRC)) && sol->status != TG_STEADY_FAILED && m->product >= 0)
    sol->has_xrc = rate_control(&w, w.y, sol->net, m->product, sol->xrc);
  sol->poisoned_by = -1;
  for (int a = 0; a < m->na; a++)
    if (w.y[a] > (1 - 1e-6) * m->site_total[m->ads_site[a]]) sol->poisoned_by = a;
  sol->analyses = 0;
  if ((o.analyses & ~TG_ANALYSIS_XRC) && sol->status != TG_STEADY_FAILED) {
    rc = tg__analyses(m, T, o.descriptors, o.analyses & ~TG_ANALYSIS_XRC, w.y, w.rf, w.rr, sol, fn);
    if (rc) return release(mem, stack), rc;
  }
  if (sol->has_xrc && (o.analyses & TG_ANALYSIS_XRC)) sol->analyses |= TG_ANALYSIS_XRC;
  release(mem, stack);
  if (sol->status == TG_STEADY_FAILED && stuck)
    return tg__fail(TG_ERR_CONVERGENCE, fn,
                    "no steady state: the time integration stalled at t = %g s (step size collapsed, or more than %d "
                    "steps)",
                    t, MAX_TIME_STEPS);
  if (sol->status == TG_STEADY_FAILED && inconsistent > INCONSISTENCY_MAX)
    return tg__fail(TG_ERR_CONVERGENCE, fn,
                    "no steady state found in double precision: the best state's net rates miss the steady-state "
                    "balance by %.3g of a step's gross rate (a slow step's imbalance hidden under a fast, "
                    "equilibrated step's rate; states reached at t = %g ... %g s)",
                    inconsistent, o.t_end, t);
  if (sol->status == TG_STEADY_FAILED)
    return tg__fail(
        TG_ERR_CONVERGENCE, fn,
        "no steady state reached from the initial coverages: Newton did not converge (scaled residual %.3g > "
        "tolerance %.3g) from the states "
        "reached at t = %g ... %g s",
        res, o.tolerance, o.t_end, t);
  return TG_SUCCESS;
}
