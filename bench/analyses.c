#define _POSIX_C_SOURCE 200809L /* clock_gettime */
/* What the analyses cost on a map: the same N x N map gathered with
 * tg_tof_grid_with, plain and with every analysis the model gives, passes
 * interleaved (plain, analyses, plain, ...) so drift hits both alike; the
 * table has the median wall time of each and their ratio (issue 14's
 * target: <= 1.5). Models: CatMAP's tutorial 2 over its descriptors (all six
 * analyses) and SCAKS's model A over pO2 x pCO (orders, eapp, selectivity,
 * xrc: it has no species free energies). Run on one rank (one core).
 *   bench_analyses CATMAP.yaml [N=200] [R=5] */
#include <stdio.h>
#include <stdlib.h>

#include <tofgrid.h>

#include "timing.h"

static double seconds(const tg_model *m, const tg_axis *x, const tg_axis *y, int analyses)
{
  tg_map_options o = {.analyses = analyses};
  tg_grid g;
  double t0 = now();
  if (tg_tof_grid_with(MPI_COMM_WORLD, m, x, y, TG_SCHEDULE_STATIC, 0, &o, &g) != TG_SUCCESS) {
    fprintf(stderr, "bench_analyses: %s\n", tg_error_message());
    exit(1);
  }
  double t = now() - t0;
  tg_grid_free(&g);
  return t;
}

static void row(const char *name, const tg_model *m, const tg_axis *x, const tg_axis *y, int analyses, int passes)
{
  double *plain = malloc((size_t)passes * sizeof *plain), *with = malloc((size_t)passes * sizeof *with);
  seconds(m, x, y, analyses); /* warm-up: caches, the private communicator */
  for (int r = 0; r < passes; r++) plain[r] = seconds(m, x, y, 0), with[r] = seconds(m, x, y, analyses);
  qsort(plain, (size_t)passes, sizeof *plain, cmp);
  qsort(with, (size_t)passes, sizeof *with, cmp);
  double p = plain[passes / 2], w = with[passes / 2], points = (double)x->n * (double)y->n;
  printf("| %s | %lldx%lld | %.3f s (%.2f us/pt) | %.3f s (%.2f us/pt) | %.2f |\n", name, (long long)x->n,
         (long long)y->n, p, p / points * 1e6, w, w / points * 1e6, w / p);
  free(plain), free(with);
}

int main(int argc, char **argv)
{
  MPI_Init(&argc, &argv);
  int n = argc > 2 ? atoi(argv[2]) : 200, passes = argc > 3 ? atoi(argv[3]) : 5, size;
  MPI_Comm_size(MPI_COMM_WORLD, &size);
  tg_model *cm = NULL, *a = NULL;
  if (argc < 2 || n < 2 || passes < 1 || size != 1) {
    fprintf(stderr, "usage: bench_analyses CATMAP.yaml [N >= 2] [passes >= 1]  (one rank)\n");
    MPI_Abort(MPI_COMM_WORLD, 2);
  }
  if (tg_model_load(argv[1], &cm) || tg_model_default(&a)) {
    fprintf(stderr, "bench_analyses: %s\n", tg_error_message());
    MPI_Abort(MPI_COMM_WORLD, 1);
  }
  double *u = malloc((size_t)n * sizeof *u), *v = malloc((size_t)n * sizeof *v);
  printf("| map | points | plain | all analyses | ratio |\n|---|---|---|---|---|\n");
  tg_linspace(-1, 3, n, u), tg_linspace(-0.5, 4, n, v);
  tg_axis x = {TG_AXIS_DESCRIPTOR(0), n, u}, y = {TG_AXIS_DESCRIPTOR(1), n, v};
  row("CatMAP tutorial 2 (6 analyses)", cm, &x, &y,
      TG_ANALYSIS_ORDERS | TG_ANALYSIS_EAPP | TG_ANALYSIS_RATE_CONTROL | TG_ANALYSIS_SELECTIVITY |
          TG_ANALYSIS_SELECTIVITY_CONTROL | TG_ANALYSIS_XRC,
      passes);
  double *w = malloc((size_t)n * sizeof *w), *z = malloc((size_t)n * sizeof *z);
  tg_linspace(1e-5, 0.5, n, w), tg_linspace(1e-5, 0.5, n, z);
  tg_axis xa = {tg_model_gas_index(a, "O2_g"), n, w}, ya = {tg_model_gas_index(a, "CO_g"), n, z};
  row("SCAKS model A (4 analyses)", a, &xa, &ya,
      TG_ANALYSIS_ORDERS | TG_ANALYSIS_EAPP | TG_ANALYSIS_SELECTIVITY | TG_ANALYSIS_XRC, passes);
  free(u), free(v), free(w), free(z);
  tg_model_free(cm), tg_model_free(a);
  MPI_Finalize();
  return 0;
}
