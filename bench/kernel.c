#define _POSIX_C_SOURCE 200809L /* clock_gettime */
/* Per-point solve time of the TOF kernel on one core, model A (the embedded
 * default): the tutorial's 10x10 grid and an N x N grid over the same ranges
 * (pO2, pCO in [1e-5, 0.5], pCO2 = 1.32e-7), every point from a clean start
 * (no warm start: it would follow whichever branch it starts on). Prints
 * median / min / max microseconds per point, time steps and Newton
 * iterations, and the ratio to the peers' figures measured here on the same
 * model: SCAKS 0.14 s, Cantera 0.2-0.5 ms, a careful C prototype 3.3 us.
 *   bench_kernel [N=1000] */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include <tofgrid.h>

static double now(void)
{
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return t.tv_sec + 1e-9 * t.tv_nsec;
}

static int cmp(const void *a, const void *b)
{
  double x = *(const double *)a, y = *(const double *)b;
  return (x > y) - (x < y);
}

static void grid(tg_model *m, tg_solution *s, int n, const char *label)
{
  int gO2 = tg_model_gas_index(m, "O2_g"), gCO = tg_model_gas_index(m, "CO_g");
  double p[8];
  tg_model_conditions(m, NULL, p);
  double *t = malloc((size_t)n * n * sizeof *t);
  long steps = 0, its = 0, failed = 0;
  double t0 = now();
  for (int i = 0; i < n; i++)
    for (int j = 0; j < n; j++) {
      p[gO2] = 1e-5 + i * (0.5 - 1e-5) / (n - 1);
      p[gCO] = 1e-5 + j * (0.5 - 1e-5) / (n - 1);
      double a = now();
      failed += tg_solve(m, 0, p, NULL, s) != TG_SUCCESS;
      t[i * n + j] = (now() - a) * 1e6;
      steps += s->time_steps;
      its += s->iterations;
    }
  double total = now() - t0;
  qsort(t, (size_t)n * n, sizeof *t, cmp);
  double med = t[n * n / 2];
  printf("| %s | %d | %.2f | %.2f | %.2f | %.2f | %.1f | %.1f | %ld | %.0f | %.0f-%.0f | %.2f |\n", label, n * n, med, t[0],
         t[n * n - 1], total / (n * n) * 1e6, (double)steps / (n * n), (double)its / (n * n), failed, 0.14e6 / med,
         200 / med, 500 / med, 3.3 / med);
  free(t);
}

int main(int argc, char **argv)
{
  int n = argc > 1 ? atoi(argv[1]) : 1000;
  tg_model *m;
  tg_solution *s;
  if (tg_model_default(&m) || tg_solution_create(m, &s)) {
    fprintf(stderr, "%s\n", tg_error_message());
    return 1;
  }
  printf("| grid | points | median us | min us | max us | mean us | time steps | Newton its | failed | x SCAKS | x Cantera | vs prototype |\n");
  printf("|---|---|---|---|---|---|---|---|---|---|---|---|\n");
  grid(m, s, 10, "10x10 (tutorial)");
  grid(m, s, n, "NxN");
  tg_solution_free(s);
  tg_model_free(m);
  return 0;
}
