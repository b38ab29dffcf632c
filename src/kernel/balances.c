/* The steady-state balances C n = 0 (C: the d(theta)/dt coefficients, n:
 * the steps' net rates) in a form double precision can hold. A step near
 * equilibrium has a gross rate far above its net rate (gross 1e13, net 1e-3
 * on CatMAP's two-site maps), and its rf - rr carries an error of roundoff
 * times the gross rate: any balance it enters is noise for the slow steps.
 * Gauss-Jordan on C with the pivot steps taken by decreasing gross rate
 * gives rows R = L C (L invertible: same roots) in which each fast pivot
 * step enters one row only, so every other row balances slow steps alone. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "kernel/kernel.h"

int tg__balances_reduce(const tg_model *m, const double *gross, double *R, int *pivot_row)
{
  int na = m->na, ns = m->nsteps, rank = 0;
  int used_row[na > 0 ? na : 1];
  for (int i = 0; i < ns; i++) pivot_row[i] = -1;
  for (int a = 0; a < na; a++) used_row[a] = 0;
  memcpy(R, m->dtheta, (size_t)na * ns * sizeof *R);
  for (; rank < na; rank++) {
    int col = -1, row = -1;
    double best_gross = -1, best = 0;
    for (int i = 0; i < ns; i++) {
      if (pivot_row[i] >= 0 || !(gross[i] > best_gross)) continue;
      int r = -1;
      double big = 1e-9;
      for (int a = 0; a < na; a++)
        if (!used_row[a] && fabs(R[a * ns + i]) > big) big = fabs(R[a * ns + i]), r = a;
      if (r >= 0) col = i, row = r, best = R[r * ns + i], best_gross = gross[i];
    }
    if (col < 0) break;
    used_row[row] = 1, pivot_row[col] = row;
    for (int i = 0; i < ns; i++) R[row * ns + i] /= best;
    for (int a = 0; a < na; a++) {
      double f = R[a * ns + col];
      if (a == row || f == 0) continue;
      for (int i = 0; i < ns; i++) R[a * ns + i] -= f * R[row * ns + i];
      R[a * ns + col] = 0; /* exactly: the pivot step leaves every other row */
    }
  }
  /* C holds small integers: what elimination leaves below roundoff is 0. */
  for (int k = 0; k < na * ns; k++)
    if (fabs(R[k]) < 1e-12) R[k] = 0;
  return rank;
}

double tg__tof_coefficient(const tg_model *m, const double *R, const int *pivot_row, int g, int j)
{
  int ns = m->nsteps;
  if (pivot_row[j] >= 0) return 0;
  const double *dg = m->dgas + (size_t)g * ns;
  double c = dg[j];
  for (int d = 0; d < ns; d++)
    if (pivot_row[d] >= 0) c -= dg[d] * R[pivot_row[d] * ns + j];
  return fabs(c) > 1e-12 ? c : 0; /* a small rational, exact but for roundoff */
}

/* Net rates and TOFs at the steady state, free of cancellation: the pivot
 * steps' from their rows, n_d = -sum over the other steps j of R[d][j] n_j,
 * the others as computed (accurate to roundoff times their own gross rate).
 * rf - rr of a pivot step loses every digit when it is equilibrated (gross
 * 1e13, net 1e-39 on CatMAP's maps); its row gives what exact arithmetic
 * gives, with no difference of near-equal numbers. A TOF sums over the
 * other steps too, sum_j (d_j - sum_d d_d R[d][j]) n_j: a cycle of fast
 * steps that makes no gas (CO adsorbed on one site, desorbed from another:
 * 1e-51 against a TOF of 1e-70) then cancels in the exact coefficients, not
 * in the rates. tof may be NULL. */
double tg__net_rates(const tg_model *m, const double *rf, const double *rr, double *net, double *tof)
{
  int na = m->na, ns = m->nsteps;
  enum { STACK = 512 };
  double stack[STACK], *R = (size_t)na * ns + ns <= STACK ? stack : malloc(((size_t)na * ns + ns) * sizeof *R);
  for (int i = 0; i < ns; i++) net[i] = rf[i] - rr[i];
  if (!R) { /* out of memory: the computed rates */
    for (int g = 0; tof && g < m->ng; g++) {
      tof[g] = 0;
      for (int i = 0; i < ns; i++) tof[g] += m->dgas[g * ns + i] * net[i];
    }
    return 0;
  }
  double *gross = R + (size_t)na * ns;
  int pivot_row[ns > 0 ? ns : 1];
  for (int i = 0; i < ns; i++) gross[i] = rf[i] + rr[i];
  tg__balances_reduce(m, gross, R, pivot_row);
  double worst = 0;
  for (int d = 0; d < ns; d++) {
    if (pivot_row[d] < 0) continue;
    double x = 0;
    for (int j = 0; j < ns; j++)
      if (pivot_row[j] < 0) x -= R[pivot_row[d] * ns + j] * (rf[j] - rr[j]);
    /* At a steady state x and rf - rr agree to roundoff of the gross rate;
     * far apart, the state is not one. */
    if (gross[d] > 0) worst = fmax(worst, fabs(x - (rf[d] - rr[d])) / gross[d]);
    if (isfinite(x)) net[d] = x;
  }
  for (int g = 0; tof && g < m->ng; g++) {
    double sum = 0;
    for (int j = 0; j < ns; j++) {
      double c = tg__tof_coefficient(m, R, pivot_row, g, j);
      if (c != 0) sum += c * (rf[j] - rr[j]);
    }
    tof[g] = sum;
  }
  if (R != stack) free(R);
  return worst;
}
