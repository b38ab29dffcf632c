/* TOF maps: every point of a sweep equals a serial clean-start solve to the
 * last bit, for both schedules, at any rank count (the suite runs 1, 2, 3);
 * uneven splits (7 rows); two sweeps at once on the halves of a split
 * communicator; bad axes refused on every rank alike, and ranks given
 * different models, axes or roots; maps too large refused; failed points NaN. */
#include <math.h>
#include <sys/stat.h>
#include <unistd.h>
#include <stdio.h>
#include <stdlib.h>

#include "check_mpi.h"

static tg_model *m;
static int size, rank;

static void compare_with_serial(const tg_grid *g, const tg_axis *x, const tg_axis *y, const char *what)
{
  tg_solution *s = NULL;
  CHECK_OK(tg_solution_create(m, &s));
  double p[3];
  tg_model_conditions(m, NULL, p);
  int bad = 0;
  for (int64_t i = 0; i < x->n; i++)
    for (int64_t j = 0; j < (y ? y->n : 1); j++) {
      p[x->variable] = x->values[i];
      if (y) p[y->variable] = y->values[j];
      tg_solve(m, TG_MODEL_TEMPERATURE, p, NULL, s);
      int64_t k = i * (y ? y->n : 1) + j;
      if (memcmp(&g->tof[k * g->ng], s->tof, (size_t)g->ng * sizeof(double)) != 0 ||
          memcmp(&g->coverages[k * g->ncov], s->coverages, (size_t)g->ncov * sizeof(double)) != 0 ||
          g->status[k] != s->status)
        bad++;
    }
  CHECK(bad == 0, "%s: %d points differ from serial solves", what, bad);
  tg_solution_free(s);
}

/* A map's CSV file read back as a grid: every number as written (17
 * significant digits read back exactly), rows in map order. */
static int read_csv(const char *path, int64_t nx, int64_t ny, tg_grid *g)
{
  FILE *f = fopen(path, "r");
  if (!f) return -1;
  memset(g, 0, sizeof *g);
  g->nx = nx, g->ny = ny, g->ng = 3, g->ncov = 3;
  g->tof = malloc((size_t)(nx * ny * 3) * sizeof *g->tof);
  g->coverages = malloc((size_t)(nx * ny * 3) * sizeof *g->coverages);
  g->status = malloc((size_t)(nx * ny) * sizeof *g->status);
  g->iterations = malloc((size_t)(nx * ny) * sizeof *g->iterations);
  char line[4096];
  int64_t k = -1; /* comment lines (#), then the header line */
  while (fgets(line, sizeof line, f) && k < nx * ny) {
    if (line[0] == '#') continue;
    if (k >= 0) {
      double v[8];
      int n = sscanf(line, "%lf,%lf,%lf,%lf,%lf,%lf,%lf,%lf,%d,%d", &v[0], &v[1], &v[2], &v[3], &v[4], &v[5], &v[6],
                     &v[7], &g->status[k], &g->iterations[k]);
      if (n != 10) break;
      for (int c = 0; c < 3; c++) g->tof[k * 3 + c] = v[2 + c], g->coverages[k * 3 + c] = v[5 + c];
    }
    k++;
  }
  int extra = fgets(line, sizeof line, f) != NULL;
  fclose(f);
  return k == nx * ny && !extra ? 0 : -1;
}

/* The tutorial's model at temperature T with max_iterations Newton
 * iterations per attempt (and no integration beyond t_end). */
static const char *model_text(double T, int max_iterations)
{
  static char text[2048];
  snprintf(text, sizeof text,
           "name: CO oxidation\n"
           "temperature: %g\n"
           "rate_algo: CT\n"
           "unitcell_area: 9.0e-20\n"
           "active_ratio: 0.4444444444444444\n"
           "product: CO2_g\n"
           "species:\n"
           "  CO_g: {pressure: 1.32e-7}\n"
           "  O2_g: {pressure: 5.26e-7}\n"
           "  CO2_g: {pressure: 1.32e-7}\n"
           "  \"*_s\": {total: 1.0, site_name: top}\n"
           "reactions:\n"
           "  - {reaction: \"CO_g + *_s -> CO_s\", Ga: 0.0, dG: -2.09}\n"
           "  - {reaction: \"O2_g + 2*_s <-> O-O_2s -> 2O_s\", Ga: 0.07, dG: -2.39}\n"
           "  - {reaction: \"CO_s + O_s <-> CO-O_2s -> CO2_g + 2*_s\", Ga: 0.39, dG: -0.46}\n"
           "solver: {t_end: 1.0e-9, t_max: 1.0e-9, tolerance: 1.0e-12, max_iterations: %d}\n",
           T, max_iterations);
  return text;
}

int main(int argc, char **argv)
{
  MPI_Init(&argc, &argv);
  MPI_Comm_size(MPI_COMM_WORLD, &size);
  MPI_Comm_rank(MPI_COMM_WORLD, &rank);
  tg_test_rank = rank;
  CHECK_OK(tg_model_default(&m));
  double xs[7], ys[5];
  CHECK_OK(tg_linspace(1e-5, 0.5, 7, xs));
  CHECK_OK(tg_linspace(1e-5, 0.5, 5, ys));
  tg_axis x = {tg_model_gas_index(m, "O2_g"), 7, xs}, y = {tg_model_gas_index(m, "CO_g"), 5, ys};

  for (int sched = TG_SCHEDULE_STATIC; sched <= TG_SCHEDULE_DYNAMIC; sched++) {
    tg_grid g;
    CHECK_OK(tg_tof_grid(MPI_COMM_WORLD, m, &x, &y, (tg_schedule)sched, size - 1, &g));
    if (rank == size - 1) {
      CHECK(g.nx == 7 && g.ny == 5 && g.ng == 3 && g.ncov == 3, "shape");
      compare_with_serial(&g, &x, &y, sched ? "dynamic" : "static");
    } else {
      CHECK(g.tof == NULL, "results only on the root");
    }
    tg_grid_free(&g);
  }
  /* A 1-D map (y = NULL). */
  tg_grid g1;
  CHECK_OK(tg_tof_grid(MPI_COMM_WORLD, m, &y, NULL, TG_SCHEDULE_DYNAMIC, 0, &g1));
  if (rank == 0) compare_with_serial(&g1, &y, NULL, "1-D");
  tg_grid_free(&g1);

  /* A temperature axis (with a pressure axis): each point is the solve at that T. */
  double Ts[3] = {450, 500, 550};
  tg_axis tax = {TG_AXIS_TEMPERATURE, 3, Ts};
  tg_grid gt;
  CHECK_OK(tg_tof_grid(MPI_COMM_WORLD, m, &tax, &y, TG_SCHEDULE_DYNAMIC, 0, &gt));
  if (rank == 0) {
    tg_solution *s = NULL;
    CHECK_OK(tg_solution_create(m, &s));
    double p[3];
    tg_model_conditions(m, NULL, p);
    int bad = 0;
    for (int i = 0; i < 3; i++)
      for (int j = 0; j < 5; j++) {
        p[y.variable] = ys[j];
        tg_solve(m, Ts[i], p, NULL, s);
        bad += memcmp(&gt.tof[(i * 5 + j) * gt.ng], s->tof, 3 * sizeof(double)) != 0;
      }
    CHECK(bad == 0, "temperature axis: %d points differ from solves at that T", bad);
    CHECK(gt.tof[(2 * 5 + 2) * gt.ng + tg_model_product(m)] != gt.tof[(0 * 5 + 2) * gt.ng + tg_model_product(m)],
          "the temperature changes the TOF");
    tg_solution_free(s);
  }
  tg_grid_free(&gt);
  double cold[1] = {-5};
  tg_axis badT = {TG_AXIS_TEMPERATURE, 1, cold};
  CHECK_FAILS(tg_tof_grid(MPI_COMM_WORLD, m, &badT, NULL, TG_SCHEDULE_STATIC, 0, &gt), TG_ERR_ARG,
              "temperatures must be > 0");

  /* A map file as CSV only (no HDF5 needed), written collectively from the
   * rows each rank holds: the same numbers as serial solves, in map order. */
  char csv[64];
  snprintf(csv, sizeof csv, "map_np%d.csv", size);
  int64_t converged = -1;
  tg_sweep_options so = {.schedule = TG_SCHEDULE_DYNAMIC, .csv = csv, .converged = &converged};
  CHECK_OK(tg_tof_grid_file(MPI_COMM_WORLD, m, &x, &y, NULL, &so));
  CHECK(converged == 35, "converged points counted on every rank: %lld", (long long)converged);
  if (rank == 0) {
    tg_grid gc;
    CHECK(read_csv(csv, 7, 5, &gc) == 0, "%s holds 35 points in map order", csv);
    compare_with_serial(&gc, &x, &y, "CSV");
    tg_grid_free(&gc);
    remove(csv);
  }
  CHECK_FAILS(tg_tof_grid_file(MPI_COMM_WORLD, m, &x, &y, NULL, NULL), TG_ERR_ARG, "no output");
  so.csv = "";
  CHECK_FAILS(tg_tof_grid_file(MPI_COMM_WORLD, m, &x, &y, NULL, &so), TG_ERR_ARG, "options->csv is empty");
  so.csv = "no/such/directory/map.csv";
  CHECK_FAILS(tg_tof_grid_file(MPI_COMM_WORLD, m, &x, &y, NULL, &so), TG_ERR_IO, "cannot create");
  char *long_name = malloc(5000);
  memset(long_name, 'a', 4999), long_name[4999] = 0;
  so.csv = long_name;
  CHECK_FAILS(tg_tof_grid_file(MPI_COMM_WORLD, m, &x, &y, NULL, &so), TG_ERR_ARG, "longer than 4096");
  free(long_name);
  /* error paths of the file names and options a user can hit */
  so.csv = "map_resume.csv";
  so.resume = 1;
  CHECK_FAILS(tg_tof_grid_file(MPI_COMM_WORLD, m, &x, &y, NULL, &so), TG_ERR_ARG,
              "options->resume is set but options->checkpoint is NULL");
  so.resume = 0;
  char dirname[64];
  snprintf(dirname, sizeof dirname, "map_dir_np%d.csv", size);
  if (rank == 0) mkdir(dirname, 0755);
  MPI_Barrier(MPI_COMM_WORLD);
  so.csv = dirname;
  CHECK_FAILS(tg_tof_grid_file(MPI_COMM_WORLD, m, &x, &y, NULL, &so), TG_ERR_IO, "is a directory");
  MPI_Barrier(MPI_COMM_WORLD);
  if (rank == 0) rmdir(dirname);
  if (size > 1) { /* file_names_must_agree: checked on every rank, in agreement (it hung, or wrote rank 0's only) */
    char mine[64];
    snprintf(mine, sizeof mine, "map_rank%d.csv", rank);
    so.csv = mine;
    CHECK_FAILS(tg_tof_grid_file(MPI_COMM_WORLD, m, &x, &y, NULL, &so), TG_ERR_ARG,
                "the ranks were given different models");
    so.csv = rank == 1 ? "" : "map_agree.csv";
    CHECK_FAILS(tg_tof_grid_file(MPI_COMM_WORLD, m, &x, &y, NULL, &so), TG_ERR_ARG,
                rank == 1 ? "options->csv is empty" : "another rank was given invalid arguments");
    int exists = 0;
    for (int r = 0; r < size; r++) {
      snprintf(mine, sizeof mine, "map_rank%d.csv", r);
      FILE *f = fopen(mine, "r");
      exists |= f != NULL;
      if (f) fclose(f);
    }
    CHECK(!exists, "no file written when the names differ");
  }

  /* Two sweeps at once, on the two halves of a split communicator. */
  MPI_Comm half;
  MPI_Comm_split(MPI_COMM_WORLD, rank % 2, rank, &half);
  tg_axis other = {tg_model_gas_index(m, "CO_g"), rank % 2 ? 3 : 4, ys};
  for (int rep = 0; rep < 2; rep++) { /* the cached duplicate is reused */
    tg_grid gh;
    CHECK_OK(tg_tof_grid(half, m, &x, &other, rep ? TG_SCHEDULE_DYNAMIC : TG_SCHEDULE_STATIC, 0, &gh));
    int hrank;
    MPI_Comm_rank(half, &hrank);
    if (hrank == 0) {
      CHECK(gh.ny == other.n, "half %d sweeps its own grid", rank % 2);
      compare_with_serial(&gh, &x, &other, "split");
    }
    tg_grid_free(&gh);
  }
  MPI_Comm_free(&half);

  /* Bad axes: the same error on every rank, before any message. */
  tg_grid gb;
  double neg[2] = {0.1, -0.2};
  tg_axis bad = {tg_model_gas_index(m, "CO_g"), 2, neg};
  CHECK_FAILS(tg_tof_grid(MPI_COMM_WORLD, m, &bad, NULL, TG_SCHEDULE_STATIC, 0, &gb), TG_ERR_ARG,
              "axis x: value 1 is -0.2; pressures must be >= 0");
  tg_axis nogas = {7, 2, xs};
  CHECK_FAILS(tg_tof_grid(MPI_COMM_WORLD, m, &nogas, NULL, TG_SCHEDULE_STATIC, 0, &gb), TG_ERR_ARG,
              "is neither a gas of the model");
  tg_axis empty = {0, 0, xs};
  CHECK_FAILS(tg_tof_grid(MPI_COMM_WORLD, m, &x, &empty, TG_SCHEDULE_STATIC, 0, &gb), TG_ERR_ARG, "axis y is empty");
  CHECK_FAILS(tg_tof_grid(MPI_COMM_WORLD, m, &x, NULL, (tg_schedule)5, 0, &gb), TG_ERR_ARG, "unknown schedule 5");
  CHECK_FAILS(tg_linspace(0, 1, 0, xs), TG_ERR_ARG, "n >= 1");
  CHECK_FAILS(tg_logspace(0, 1, 3, xs), TG_ERR_ARG, "must be positive");
  CHECK_FAILS(tg_tof_grid(MPI_COMM_WORLD, m, &x, NULL, TG_SCHEDULE_STATIC, 0, NULL), TG_ERR_ARG, "out is NULL");
  CHECK_FAILS(tg_tof_grid(MPI_COMM_WORLD, m, &x, NULL, TG_SCHEDULE_STATIC, size, &gb), TG_ERR_ARG,
              "is outside the communicator");
  CHECK_FAILS(tg_tof_grid(MPI_COMM_NULL, m, &x, NULL, TG_SCHEDULE_STATIC, 0, &gb), TG_ERR_COMM, "MPI_COMM_NULL");

  /* axes_on_the_same_variable_are_refused: a map of nothing. */
  CHECK_FAILS(tg_tof_grid(MPI_COMM_WORLD, m, &x, &x, TG_SCHEDULE_STATIC, 0, &gb), TG_ERR_ARG,
              "axes x and y both vary O2_g");

  /* ranks_must_agree: another model, root or axis on one rank is an error on
   * every rank (not rows of two models in one map, nor a hang). */
  tg_model *warmer = NULL, *weak = NULL;
  CHECK_OK(tg_model_parse(model_text(600, 100), strlen(model_text(600, 100)), "warmer", &warmer));
  CHECK_OK(tg_model_parse(model_text(500, 1), strlen(model_text(500, 1)), "weak solver", &weak));
  if (size > 1) {
    CHECK_FAILS(tg_tof_grid(MPI_COMM_WORLD, rank == 1 ? warmer : m, &x, NULL, TG_SCHEDULE_STATIC, 0, &gb), TG_ERR_ARG,
                "the ranks were given different models");
    CHECK_FAILS(tg_tof_grid(MPI_COMM_WORLD, m, &x, NULL, TG_SCHEDULE_DYNAMIC, rank == 1, &gb), TG_ERR_ARG,
                "the ranks were given different models");
    CHECK_FAILS(tg_tof_grid(MPI_COMM_WORLD, m, rank == 1 ? &bad : &x, NULL, TG_SCHEDULE_STATIC, 0, &gb), TG_ERR_ARG,
                rank == 1 ? "pressures must be >= 0" : "another rank was given invalid arguments");
  }

  /* maps_that_cannot_fit_are_refused: 4e10 points, about 2.4 TB at the root. */
  int64_t nbig = 200000;
  double *big = malloc((size_t)nbig * sizeof *big);
  CHECK_OK(tg_linspace(0.1, 0.5, nbig, big));
  tg_axis bx = {tg_model_gas_index(m, "O2_g"), nbig, big}, by = {tg_model_gas_index(m, "CO_g"), nbig, big};
  CHECK_FAILS(tg_tof_grid(MPI_COMM_WORLD, m, &bx, &by, TG_SCHEDULE_STATIC, 0, &gb), TG_ERR_NOMEM,
              "a map of 40000000000 points needs about");
  CHECK_FAILS(tg_tof_grid_write(MPI_COMM_WORLD, m, &bx, &by, TG_SCHEDULE_STATIC, "never_written.h5"), TG_ERR_NOMEM,
              "GiB of memory of its node");
  free(big);

  /* failed_points_are_nan: a solver allowed one Newton iteration finds no
   * steady state at most points; those report NaN, not the last iterate. */
  tg_grid gw;
  CHECK_OK(tg_tof_grid(MPI_COMM_WORLD, weak, &x, &y, TG_SCHEDULE_DYNAMIC, 0, &gw));
  if (rank == 0) {
    int64_t nfailed = 0, nan_ok = 0;
    for (int64_t q = 0; q < gw.nx * gw.ny; q++) {
      if (gw.status[q] != TG_STEADY_FAILED) continue;
      nfailed++;
      int all_nan = 1;
      for (int k = 0; k < gw.ng; k++) all_nan &= isnan(gw.tof[q * gw.ng + k]);
      for (int k = 0; k < gw.ncov; k++) all_nan &= isnan(gw.coverages[q * gw.ncov + k]);
      nan_ok += all_nan;
    }
    CHECK(nfailed > 0, "the weak solver failed somewhere (%lld points)", (long long)nfailed);
    CHECK(nan_ok == nfailed, "%lld of %lld failed points are all NaN", (long long)nan_ok, (long long)nfailed);
  }
  tg_grid_free(&gw);
  tg_model_free(warmer);
  tg_model_free(weak);

  tg_solution *one = NULL;
  int found = 0;
  CHECK_OK(tg_solution_create(m, &one));
  CHECK_FAILS(tg_steady_states(m, TG_MODEL_TEMPERATURE, NULL, NULL, &one, 0, &found), TG_ERR_ARG, "max >= 1");
  tg_solution_free(one);

  tg_model_free(m);
  int failed = tg_test_finish(MPI_COMM_WORLD);
  MPI_Finalize();
  return failed;
}
