/* Dense linear solves A x = b (A column-major, n x n, overwritten). LAPACK's
 * dgesv does the work for general mechanisms; for the few unknowns of a
 * typical mechanism its call overhead (~350 ns for 3x3 with OpenBLAS) is
 * a hundred times the arithmetic, so small systems use the same algorithm
 * (LU with partial pivoting) inline. */
#include <math.h>

#include "model_internal.h"

extern void dgesv_(const int *n, const int *nrhs, double *a, const int *lda, int *ipiv, double *b, const int *ldb,
                   int *info);
extern void dgetrf_(const int *m, const int *n, double *a, const int *lda, int *ipiv, int *info);
extern void dgetrs_(const char *trans, const int *n, const int *nrhs, const double *a, const int *lda, const int *ipiv,
                    double *b, const int *ldb, int *info);

int tg__small_solve_limit = 8;

static int solve_small(int n, double *A, double *b)
{
  for (int k = 0; k < n; k++) {
    int p = k;
    for (int i = k + 1; i < n; i++)
      if (fabs(A[k * n + i]) > fabs(A[k * n + p])) p = i;
    if (A[k * n + p] == 0) return k + 1; /* singular, as dgesv's info */
    if (p != k) {
      for (int j = 0; j < n; j++) {
        double t = A[j * n + k];
        A[j * n + k] = A[j * n + p];
        A[j * n + p] = t;
      }
      double t = b[k];
      b[k] = b[p];
      b[p] = t;
    }
    double inv = 1 / A[k * n + k];
    for (int i = k + 1; i < n; i++) {
      double l = A[k * n + i] * inv;
      if (l == 0) continue;
      for (int j = k + 1; j < n; j++) A[j * n + i] -= l * A[j * n + k];
      b[i] -= l * b[k];
    }
  }
  for (int i = n - 1; i >= 0; i--) {
    double s = b[i];
    for (int j = i + 1; j < n; j++) s -= A[j * n + i] * b[j];
    b[i] = s / A[i * n + i];
  }
  return 0;
}

/* LU with partial pivoting in place (unit lower L below the diagonal, the
 * reciprocals of U's pivots on the diagonal so solves multiply instead of
 * divide), row interchanges in piv: the factorization reused by simplified
 * Newton. */
static inline int factor_n(const int n, double *A, int *piv)
{
  for (int k = 0; k < n; k++) {
    int p = k;
    for (int i = k + 1; i < n; i++)
      if (fabs(A[k * n + i]) > fabs(A[k * n + p])) p = i;
    piv[k] = p;
    if (A[k * n + p] == 0) return k + 1;
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

static inline void lu_solve_n(const int n, const double *A, const int *piv, double *b)
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

/* Sizes 2-4 as compile-time constants, so the loops unroll. */
static int factor_small(int n, double *A, int *piv)
{
  switch (n) {
  case 2: return factor_n(2, A, piv);
  case 3: return factor_n(3, A, piv);
  case 4: return factor_n(4, A, piv);
  default: return factor_n(n, A, piv);
  }
}

static void lu_solve_small(int n, const double *A, const int *piv, double *b)
{
  switch (n) {
  case 2: lu_solve_n(2, A, piv, b); break;
  case 3: lu_solve_n(3, A, piv, b); break;
  case 4: lu_solve_n(4, A, piv, b); break;
  default: lu_solve_n(n, A, piv, b);
  }
}

int tg__lu_factor(int n, double *A, int *ipiv)
{
  if (n <= tg__small_solve_limit) return factor_small(n, A, ipiv);
  int info = 0;
  dgetrf_(&n, &n, A, &n, ipiv, &info);
  return info;
}

void tg__lu_solve(int n, const double *A, const int *ipiv, double *b)
{
  if (n <= tg__small_solve_limit) {
    lu_solve_small(n, A, ipiv, b);
    return;
  }
  int one = 1, info = 0;
  dgetrs_("N", &n, &one, A, &n, ipiv, b, &n, &info);
}

int tg__solve_dense(int n, double *A, double *b, int *ipiv)
{
  if (n <= tg__small_solve_limit) return solve_small(n, A, b);
  int one = 1, info = 0;
  dgesv_(&n, &one, A, &n, ipiv, b, &n, &info);
  return info;
}
