/* TOF maps: every point of a sweep equals a serial clean-start solve to the
 * last bit, for both schedules, at any rank count (the suite runs 1, 2, 3);
 * uneven splits (7 rows); two sweeps at once on the halves of a split
 * communicator; bad axes refused on every rank alike. */
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
      tg_solve(m, 0, p, NULL, s);
      int64_t k = i * (y ? y->n : 1) + j;
      if (memcmp(&g->tof[k * g->ng], s->tof, (size_t)g->ng * sizeof(double)) != 0 ||
          memcmp(&g->coverages[k * g->ncov], s->coverages, (size_t)g->ncov * sizeof(double)) != 0 ||
          g->status[k] != s->status)
        bad++;
    }
  CHECK(bad == 0, "%s: %d points differ from serial solves", what, bad);
  tg_solution_free(s);
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
  tg_solution *one = NULL;
  int found = 0;
  CHECK_OK(tg_solution_create(m, &one));
  CHECK_FAILS(tg_steady_states(m, 0, NULL, NULL, &one, 0, &found), TG_ERR_ARG, "max >= 1");
  tg_solution_free(one);

  tg_model_free(m);
  int failed = tg_test_finish(MPI_COMM_WORLD);
  MPI_Finalize();
  return failed;
}
