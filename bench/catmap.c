#define _POSIX_C_SOURCE 200809L /* clock_gettime */
/* Per-point solve time of a CatMAP model on one core: CatMAP's tutorial 2
 * (CO oxidation over the descriptors E_O in [-1, 3], E_CO in [-0.5, 4] eV,
 * 500 K; tests/data/catmap/co_oxidation.yaml), every point from a clean
 * start, on its own 15 x 15 map and on an N x N map of the same ranges.
 * Each grid is swept R times and each point keeps its best time (shared VMs
 * drift); the table gives the median, min and max over points, the mean of
 * the fastest pass, Newton iterations, points by status, and the ratio to
 * CatMAP's own 52 ms a point (mpmath, measured on tutorial 2).
 *   bench_catmap MODEL.yaml [N=200] [R=3] */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include <tofgrid.h>

#include "timing.h"

static void grid(tg_model *m, tg_solution *s, int n, int passes)
{
  int np = n * n, ko = tg_model_descriptor_index(m, "O_s"), kc = tg_model_descriptor_index(m, "CO_s");
  double *best = malloc((size_t)np * sizeof *best), pass_mean = 1e300, d[2];
  long its = 0, status[4] = {0, 0, 0, 0};
  tg_solve_options o = tg_solve_options_default(m);
  o.descriptors = d;
  for (int r = 0; r < passes; r++) {
    double t0 = now();
    for (int i = 0; i < n; i++)
      for (int j = 0; j < n; j++) {
        d[ko] = -1 + i * 4.0 / (n - 1);
        d[kc] = -0.5 + j * 4.5 / (n - 1);
        double a = now();
        tg_solve(m, TG_MODEL_TEMPERATURE, NULL, &o, s);
        double us = (now() - a) * 1e6;
        int k = i * n + j;
        best[k] = r == 0 || us < best[k] ? us : best[k];
        if (r == 0) its += s->iterations, status[s->status & 3]++;
      }
    double mean = (now() - t0) / np * 1e6;
    pass_mean = mean < pass_mean ? mean : pass_mean;
  }
  qsort(best, (size_t)np, sizeof *best, cmp);
  double med = best[np / 2];
  printf("| %dx%d | %.2f | %.2f | %.1f | %.1f | %.1f | %ld / %ld / %ld / %ld | %.0f |\n", n, n, med, best[0],
         best[np - 1], pass_mean, (double)its / np, status[0], status[1], status[3], status[2], 52e3 / med);
  free(best);
}

int main(int argc, char **argv)
{
  int n = argc > 2 ? atoi(argv[2]) : 200, passes = argc > 3 ? atoi(argv[3]) : 3;
  if (argc < 2 || n < 2 || passes < 1) {
    fprintf(stderr, "usage: bench_catmap MODEL.yaml [N >= 2] [passes >= 1]\n");
    return 2;
  }
  tg_model *m;
  tg_solution *s;
  if (tg_model_load(argv[1], &m) || tg_solution_create(m, &s)) {
    fprintf(stderr, "bench_catmap: %s\n", tg_error_message());
    return 1;
  }
  printf(
      "| map | median us | min | max | mean of fastest pass | Newton iterations | ok / past t_end / before t_end / "
      "failed | x CatMAP (52 ms) |\n|---|---|---|---|---|---|---|---|\n");
  grid(m, s, 15, passes);
  grid(m, s, n, passes);
  tg_solution_free(s);
  tg_model_free(m);
  return 0;
}
