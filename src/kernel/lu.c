/* Dense LU with partial pivoting (A column-major, n x n, factored in place),
 * the one factorization of the kernel: factor once, solve as often as
 * needed. LAPACK (through LAPACKE) does the work for general mechanisms; for
 * the few unknowns of a typical mechanism its call overhead (~350 ns for 3x3
 * with OpenBLAS) is a hundred times the arithmetic, so systems of up to
 * `inline_limit` unknowns use the same algorithm inline. Factor and solve
 * must be given the same limit: the two paths store different factors. */
#include <lapacke.h>
#include <math.h>

#include "kernel/kernel.h"

/* Unit lower L below the diagonal, the reciprocals of U's pivots on the
 * diagonal (solves multiply instead of divide), row interchanges in piv. */
static inline int factor_n(const int n, double *A, int *piv)
{
  for (int k = 0; k < n; k++) {
    int p = k;
    for (int i = k + 1; i < n; i++)
      if (fabs(A[k * n + i]) > fabs(A[k * n + p])) p = i;
    piv[k] = p;
    if (A[k * n + p] == 0) return k + 1; /* singular, as dgetrf's info */
    if (p != k)
      for (int j = 0; j < n; j++) {
        double t = A[j * n + k];
        A[j * n + k] = A[j * n + p];
        A[j * n + p] = t;
      }
    double inv = 1 / A[k * n + k];
    for (int i = k + 1; i < n; i++) {
      double l = A[k * n + i] *= inv;
      if (l != 0)
        for (int j = k + 1; j < n; j++) A[j * n + i] -= l * A[j * n + k];
    }
    A[k * n + k] = inv;
  }
  return 0;
}

static inline void solve_n(const int n, const double *A, const int *piv, double *b)
{
  /* All interchanges first, as LAPACK's dgetrs: factor_n swaps whole rows,
   * so a later interchange also permutes the multipliers of earlier columns. */
  for (int k = 0; k < n; k++)
    if (piv[k] != k) {
      double t = b[k];
      b[k] = b[piv[k]];
      b[piv[k]] = t;
    }
  for (int k = 0; k < n; k++)
    for (int i = k + 1; i < n; i++) b[i] -= A[k * n + i] * b[k];
  for (int i = n - 1; i >= 0; i--) {
    double s = b[i];
    for (int j = i + 1; j < n; j++) s -= A[j * n + i] * b[j];
    b[i] = s * A[i * n + i]; /* the pivot's reciprocal */
  }
}

int tg__lu_factor(int n, double *A, int *ipiv, int inline_limit)
{
  if (n <= inline_limit) switch (n) { /* sizes 2-4 as constants, so the loops unroll */
    case 2: return factor_n(2, A, ipiv);
    case 3: return factor_n(3, A, ipiv);
    case 4: return factor_n(4, A, ipiv);
    default: return factor_n(n, A, ipiv);
    }
  lapack_int info = LAPACKE_dgetrf(LAPACK_COL_MAJOR, n, n, A, n, (lapack_int *)ipiv);
  return info < 0 ? -1 : (int)info;
}

void tg__lu_solve(int n, const double *A, const int *ipiv, double *b, int inline_limit)
{
  if (n <= inline_limit) switch (n) {
    case 2: solve_n(2, A, ipiv, b); return;
    case 3: solve_n(3, A, ipiv, b); return;
    case 4: solve_n(4, A, ipiv, b); return;
    default: solve_n(n, A, ipiv, b); return;
    }
  LAPACKE_dgetrs(LAPACK_COL_MAJOR, 'N', n, 1, A, n, (const lapack_int *)ipiv, b, n);
}

int tg__lu_solve_once(int n, double *A, double *b, int *ipiv, int inline_limit)
{
  int info = tg__lu_factor(n, A, ipiv, inline_limit);
  if (info == 0) tg__lu_solve(n, A, ipiv, b, inline_limit);
  return info;
}
