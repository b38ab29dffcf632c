/* Linear scaling fits as CatMAP makes them (catmap_model_spec section 2):
 * an adsorbate's formation energy E = c . [d, 1] fitted over the surfaces
 * of an energy table by least squares within bounds on each coefficient,
 * then rounded to 5 decimals; a transition state's by a line through the
 * energies of its step's initial or final state (or BEP). CatMAP's bounded
 * fit is a cyclic coordinate descent from the unconstrained (minimum-norm)
 * least-squares solution, stopped when the objective changes by < 1e-10;
 * it is reproduced as such so that the rounded coefficients are CatMAP's. */
#include <lapacke.h>
#include <math.h>
#include <string.h>

#include "kernel/kernel.h"

enum { FIT_MAX_SURFACES = 256 };

/* J(c) = c'A'Ac - 2y'Ac over the rows of A (n x w) and y. */
static double objective(int n, int w, const double *A, const double *y, const double *c)
{
  double J = 0;
  for (int k = 0; k < n; k++) {
    double v = 0;
    for (int q = 0; q < w; q++) v += A[k * w + q] * c[q];
    J += v * v - 2 * y[k] * v;
  }
  return J;
}

int tg__scaling_fit_row(int nd, int nsurf, const double *D, const double *y_all, const double *lo, const double *hi,
                        double *c, const char *what, const char *fn)
{
  int w = nd + 1, n = 0, fixed = 1;
  double A[FIT_MAX_SURFACES * (TG_DESCRIPTORS_MAX + 1)], y[FIT_MAX_SURFACES];
  if (nsurf > FIT_MAX_SURFACES) return tg__fail(TG_ERR_MODEL, fn, "more than %d surfaces", FIT_MAX_SURFACES);
  for (int k = 0; k < nsurf; k++) {
    if (isnan(y_all[k])) continue;
    for (int q = 0; q < nd; q++) A[n * w + q] = D[k * nd + q];
    A[n * w + nd] = 1;
    y[n++] = y_all[k];
  }
  for (int q = 0; q < w; q++) fixed &= lo[q] == hi[q];
  memset(c, 0, (size_t)w * sizeof *c);
  if (fixed) {
    for (int q = 0; q < w; q++) c[q] = lo[q];
  } else if (n == 1) {
    c[nd] = y[0]; /* CatMAP: one surface gives a constant */
  } else if (n >= 2) {
    /* The unconstrained start: the minimum-norm least-squares solution (numpy's pinv). */
    double a[FIT_MAX_SURFACES * (TG_DESCRIPTORS_MAX + 1)], b[FIT_MAX_SURFACES], s[TG_DESCRIPTORS_MAX + 1];
    memcpy(a, A, (size_t)(n * w) * sizeof *a);
    memcpy(b, y, (size_t)n * sizeof *b);
    lapack_int rank;
    if (LAPACKE_dgelsd(LAPACK_ROW_MAJOR, n, w, 1, a, w, b, 1, s, 1e-15, &rank) != 0)
      return tg__fail(TG_ERR_MODEL, fn, "%s: the least-squares fit of its scaling relation failed", what);
    for (int q = 0; q < w; q++) c[q] = b[q];
    /* Bounds: cyclic coordinate descent, each coefficient set to its clipped optimum. */
    int sweeps = 0;
    for (;; sweeps++) {
      if (sweeps == 100000)
        return tg__fail(TG_ERR_MODEL, fn, "%s: the constrained scaling fit does not converge", what);
      double before = objective(n, w, A, y, c);
      for (int q = 0; q < w; q++) {
        c[q] = 0;
        double num = 0, den = 0;
        for (int k = 0; k < n; k++) {
          double v = 0;
          for (int r = 0; r < w; r++) v += A[k * w + r] * c[r];
          num += y[k] * A[k * w + q] - v * A[k * w + q];
          den += A[k * w + q] * A[k * w + q];
        }
        double v = den > 0 ? num / den : 0;
        c[q] = v < lo[q] ? lo[q] : v > hi[q] ? hi[q] : v;
      }
      if (fabs(before - objective(n, w, A, y, c)) < 1e-10) break;
    }
  }
  for (int q = 0; q < w; q++) c[q] = rint(c[q] * 1e5) / 1e5; /* numpy.round(c, 5) */
  return TG_SUCCESS;
}

int tg__scaling_fit_line(int nsurf, const double *x_all, const double *y_all, int has_slope, double *slope, int has_b,
                         double *b, const char *what, const char *fn)
{
  if (has_slope && has_b) return TG_SUCCESS;
  double sx = 0, sy = 0, sxx = 0, sxy = 0;
  int n = 0;
  for (int k = 0; k < nsurf; k++) {
    if (isnan(x_all[k]) || isnan(y_all[k])) continue;
    sx += x_all[k], sy += y_all[k], sxx += x_all[k] * x_all[k], sxy += x_all[k] * y_all[k], n++;
  }
  if (has_slope) { /* b = mean(y - m x) */
    if (n < 1) return tg__fail(TG_ERR_MODEL, fn, "%s: no surface has the energies its scaling line needs", what);
    *b = (sy - *slope * sx) / n;
    return TG_SUCCESS;
  }
  if (n < 2)
    return tg__fail(TG_ERR_MODEL, fn,
                    "%s: a scaling line needs energies on at least 2 surfaces (found %d); give its slope and "
                    "intercept instead",
                    what, n);
  double mx = sx / n, my = sy / n, vxx = sxx - n * mx * mx, vxy = sxy - n * mx * my;
  if (!(fabs(vxx) > 0))
    return tg__fail(TG_ERR_MODEL, fn, "%s: its scaling line is undetermined (every surface has the same x)", what);
  *slope = vxy / vxx; /* numpy.polyfit(x, y, 1) */
  *b = my - *slope * mx;
  return TG_SUCCESS;
}
