/* Is a steady state stable? The Jacobian A of d(theta_a)/dt (free sites
 * eliminated: d theta*_s = - the sum of its adsorbates' changes) has
 * eigenvalues from -1e13 to 1e-16 s^-1 on CatMAP's maps: the slow ones are
 * below the fast ones' roundoff, and a saddle's one positive eigenvalue
 * (4e-13 beside -8e12) has no reliable sign in an eigensolver. Its
 * determinant does: A = C N (C the balances, N the net rates' derivatives),
 * and with R = L C the balances reduced by gross rate (balances.c), L =
 * C_P^-1 (C_P: C's pivot columns in their rows' order), so det A =
 * det(R N) det(C_P). R N's slow rows hold slow steps only (no differences
 * of fast rates), C_P holds small integers: both determinants are accurate,
 * and the sign of det A against (-1)^na tells whether an odd number of
 * eigenvalues is positive (where a rate underflows to 0, M may be singular:
 * no verdict). */
#include <lapacke.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "kernel/kernel.h"

/* The sign of det of the k x k matrix M (column-major, destroyed), each
 * column, then each row scaled to unit max-norm first (positive scalings:
 * the same sign; a graded matrix made tame); 0 if singular. */
static int det_sign(int k, double *M, int *piv)
{
  int sign = 1;
  for (int c = 0; c < k; c++) {
    double big = 0;
    for (int r = 0; r < k; r++) big = fmax(big, fabs(M[c * k + r]));
    if (!(big > 0)) return 0;
    for (int r = 0; r < k; r++) M[c * k + r] /= big;
  }
  for (int r = 0; r < k; r++) {
    double big = 0;
    for (int c = 0; c < k; c++) big = fmax(big, fabs(M[c * k + r]));
    if (!(big > 0)) return 0;
    for (int c = 0; c < k; c++) M[c * k + r] /= big;
  }
  if (tg__lu_factor(k, M, piv, 0)) return 0; /* LAPACK's dgetrf: diagonal of U, row swaps in piv */
  for (int c = 0; c < k; c++) {
    if (M[c * k + c] < 0) sign = -sign;
    if (piv[c] != c + 1) sign = -sign;
  }
  return sign;
}

/* M = R N (na x na, column-major, free sites eliminated) and C_P at the
 * state; 0, or -1 where R has fewer than na rows (conserved combinations)
 * or memory ran out. */
static int reduced(const tg_model *m, const double *kg, const double *y, const double *rf, const double *rr, double *M,
                   double *CP)
{
  int na = m->na, ns = m->nsteps, n = m->na + m->ns, rc = -1;
  double *R = malloc(((size_t)na * ns + ns + m->nrfac + (size_t)ns * n) * sizeof *R);
  int *pivot_row = malloc((size_t)(ns ? ns : 1) * sizeof *pivot_row);
  if (!R || !pivot_row) goto done;
  double *gross = R + (size_t)na * ns, *dr = gross + ns, *N = dr + m->nrfac;
  for (int i = 0; i < ns; i++) gross[i] = rf[i] + rr[i];
  if (tg__balances_reduce(m, gross, R, pivot_row) < na) goto done;
  tg__rate_partials(m, kg, y, dr);
  for (int k = 0; k < ns * n; k++) N[k] = 0; /* N[i * n + j] = d net_i / d y_j */
  for (int side = 0; side < 2; side++)
    for (int i = 0; i < ns; i++)
      for (int e = m->rfac_start[side * ns + i]; e < m->rfac_start[side * ns + i + 1]; e++)
        N[i * n + m->rfac[e]] += side ? -dr[e] : dr[e];
  for (int d = 0; d < na; d++)
    for (int b = 0; b < na; b++) {
      double x = 0;
      for (int i = 0; i < ns; i++)
        if (R[d * ns + i] != 0) x += R[d * ns + i] * (N[i * n + b] - N[i * n + na + m->ads_site[b]]);
      M[b * na + d] = x;
    }
  for (int i = 0; i < ns; i++) /* column r of C_P: the pivot step of row r */
    if (pivot_row[i] >= 0)
      for (int a = 0; a < na; a++) CP[pivot_row[i] * na + a] = m->dtheta[a * ns + i];
  rc = 0;
done:
  free(R);
  free(pivot_row);
  return rc;
}

int tg__saddle_parity(const tg_model *m, const double *kg, const double *y, const double *rf, const double *rr)
{
  int na = m->na;
  if (na == 0) return 0;
  double *M = malloc(2 * (size_t)na * na * sizeof *M);
  int *piv = malloc((size_t)na * sizeof *piv), parity = -1;
  if (M && piv && !reduced(m, kg, y, rf, rr, M, M + na * na)) {
    int s1 = det_sign(na, M, piv), s2 = det_sign(na, M + na * na, piv);
    if (s1 && s2) parity = s1 * s2 == (na % 2 ? -1 : 1) ? 0 : 1;
  }
  free(M);
  free(piv);
  return parity;
}

/* 1 stable, 0 unstable, -1 could not tell. The eigenvalues of A (LAPACK,
 * balanced first) decide where they are clear of roundoff; a clearly
 * positive one, or an odd parity, makes the state unstable; one eigenvalue
 * within roundoff of 0 takes the sign the parity leaves it; more: no
 * verdict. */
int tg__stability(const tg_model *m, const double *kg, const double *y, const double *rf, const double *rr)
{
  int na = m->na, n = m->na + m->ns;
  if (na == 0) return 1;
  double *D = calloc((size_t)n * na + (size_t)na * na + 4 * (size_t)na + m->nrfac, sizeof *D);
  if (!D) return -1;
  double *A = D + (size_t)n * na, *wr = A + na * na, *wi = wr + na, *scale = wi + na, *rconde = scale + na,
         *dr = rconde + na, abnrm, rcondv;
  tg__rate_partials(m, kg, y, dr);
  for (int t = 0; t < m->njterms; t++) { /* D[j * na + a] = d(dtheta_a/dt)/dy_j */
    const jterm *jt = &m->jterms[t];
    D[jt->j * na + jt->a] += jt->c * dr[jt->e];
  }
  for (int a = 0; a < na; a++)
    for (int b = 0; b < na; b++) A[b * na + a] = D[b * na + a] - D[(na + m->ads_site[b]) * na + a];
  lapack_int ilo, ihi;
  lapack_int info = LAPACKE_dgeevx(LAPACK_COL_MAJOR, 'B', 'N', 'N', 'N', na, A, na, wr, wi, NULL, 1, NULL, 1, &ilo,
                                   &ihi, scale, &abnrm, rconde, &rcondv);
  int positive = 0, unresolved = 0;
  double noise = 1e-13 * abnrm; /* the eigenvalues' roundoff: epsilon times the balanced matrix's norm */
  for (int a = 0; !info && a < na; a++) {
    positive += wr[a] > noise;
    unresolved += fabs(wr[a]) <= noise;
  }
  free(D);
  if (info) return -1;
  if (positive) return 0;
  int parity = tg__saddle_parity(m, kg, y, rf, rr);
  if (parity == 1) return 0; /* an odd number of eigenvalues > 0 */
  if (!unresolved || (unresolved == 1 && parity == 0)) return 1;
  return -1;
}
