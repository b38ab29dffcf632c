/* Which rows of a map this rank solves, and solving them: the one sweep
 * mechanism behind gathered maps and map files. Every point is an
 * independent clean-start solve (SCAKS's branch), so any split of the rows
 * gives bit-identical results. Static: block rows of the outer axis (the
 * tutorial's decomposition). Dynamic: ranks claim chunks of rows from an
 * atomic counter (MPI-3 RMA) on rank 0, so slow rows do not leave ranks idle. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "map/map.h"

static int check_axis(const tg_model *m, const tg_axis *a, const char *name, const char *fn)
{
  if (!a) return tg__fail(TG_ERR_ARG, fn, "axis %s is NULL", name);
  if (a->n < 1 || !a->values) return tg__fail(TG_ERR_ARG, fn, "axis %s is empty", name);
  if (a->variable != TG_AXIS_TEMPERATURE && (a->variable < 0 || a->variable >= m->ng))
    return tg__fail(TG_ERR_ARG, fn, "axis %s: %d is neither a gas of the model nor TG_AXIS_TEMPERATURE", name,
                    a->variable);
  for (int64_t k = 0; k < a->n; k++) {
    double v = a->values[k];
    if (!isfinite(v) || (a->variable == TG_AXIS_TEMPERATURE ? !(v > 0) : v < 0))
      return tg__fail(TG_ERR_ARG, fn, "axis %s: value %lld is %g; %s", name, (long long)k, v,
                      a->variable == TG_AXIS_TEMPERATURE ? "temperatures must be > 0" : "pressures must be >= 0");
  }
  return TG_SUCCESS;
}

int tg__grid_prepare(MPI_Comm comm, const tg_model *m, const tg_axis *x, const tg_axis *y, tg_schedule schedule,
                     const char *fn, MPI_Comm *dup, int *size, int *rank)
{
  if (!m) return tg__fail(TG_ERR_ARG, fn, "model is NULL");
  TG_CALL(tg__comm(comm, fn, size, rank));
  TG_CALL(check_axis(m, x, "x", fn));
  if (y) TG_CALL(check_axis(m, y, "y", fn));
  if (schedule != TG_SCHEDULE_STATIC && schedule != TG_SCHEDULE_DYNAMIC)
    return tg__fail(TG_ERR_ARG, fn, "unknown schedule %d", (int)schedule);
  return tg__private_comm(comm, fn, dup);
}

/* Row `i` of the map (all of y) into ny records at out. The dynamic
 * counter's host (host != MPI_COMM_NULL) enters MPI every few points: a
 * passive-target atomic from another rank can wait for its target to make
 * progress, and a row can take milliseconds. */
static void solve_row(const tg_model *m, const tg_axis *x, const tg_axis *y, int64_t i, double *p, tg_solution *sol,
                      double *out, MPI_Comm host)
{
  int n = m->na + m->ns, rec = tg__grid_record(m);
  for (int64_t j = 0; j < (y ? y->n : 1); j++, out += rec) {
    if (host != MPI_COMM_NULL && j % 8 == 0) {
      int flag;
      MPI_Iprobe(MPI_ANY_SOURCE, MPI_ANY_TAG, host, &flag, MPI_STATUS_IGNORE);
    }
    double T = m->temperature;
    memcpy(p, m->pressures, (size_t)m->ng * sizeof *p);
    const tg_axis *axes[2] = {x, y};
    double vals[2] = {x->values[i], y ? y->values[j] : 0};
    for (int k = 0; k < (y ? 2 : 1); k++) {
      if (axes[k]->variable == TG_AXIS_TEMPERATURE) T = vals[k];
      else p[axes[k]->variable] = vals[k];
    }
    int rc = tg_solve(m, T, p, NULL, sol);
    for (int g = 0; g < m->ng; g++) out[g] = sol->tof[g];
    for (int c = 0; c < n; c++) out[m->ng + c] = sol->coverages[c];
    out[m->ng + n] = rc == TG_SUCCESS ? sol->status : TG_STEADY_FAILED;
    out[m->ng + n + 1] = sol->iterations;
  }
}

int tg__sweep_rows(MPI_Comm dup, int size, int rank, const tg_model *m, const tg_axis *x, const tg_axis *y,
                   tg_schedule schedule, const char *done, void (*on_row)(int64_t row, const double *data, void *ctx),
                   void *ctx, tg__rows *mine, const char *fn)
{
  int64_t nx = x->n, ny = y ? y->n : 1;
  double *p = malloc((size_t)(m->ng ? m->ng : 1) * sizeof *p), *row = malloc((size_t)mine->per_row * sizeof *row);
  tg_solution *sol = NULL;
  int ok = p && row && tg_solution_create(m, &sol) == TG_SUCCESS;
  /* Static: one block of rows. Dynamic: chunks of about 1/16 of a rank's share,
   * at most ~256 points, claimed from a counter on rank 0. */
  int64_t first = 0, count = nx, chunk = nx / (16 * (int64_t)size), cap = 256 / ny;
  chunk = chunk < cap ? chunk : cap;
  chunk = chunk > 1 ? chunk : 1;
  int64_t *counter = NULL;
  MPI_Win win = MPI_WIN_NULL;
  if (schedule == TG_SCHEDULE_DYNAMIC) {
    ok &= MPI_Win_allocate(rank == 0 ? sizeof(int64_t) : 0, sizeof(int64_t), MPI_INFO_NULL, dup, &counter, &win) ==
          MPI_SUCCESS;
    if (rank == 0 && counter) *counter = 0;
    MPI_Win_fence(0, win);
    MPI_Win_lock_all(MPI_MODE_NOCHECK, win);
  } else {
    tg_block_range(nx, size, rank, &first, &count);
  }
  for (int once = 1; ok; once = 0) {
    if (schedule == TG_SCHEDULE_STATIC) {
      if (!once) break;
    } else {
      MPI_Fetch_and_op(&chunk, &first, MPI_INT64_T, 0, 0, MPI_SUM, win);
      MPI_Win_flush(0, win);
      if (first >= nx) break;
      count = first + chunk < nx ? chunk : nx - first;
    }
    for (int64_t r = first; r < first + count && ok; r++) {
      if (done && done[r]) continue;
      solve_row(m, x, y, r, p, sol, row, win != MPI_WIN_NULL && rank == 0 && size > 1 ? dup : MPI_COMM_NULL);
      ok = tg__rows_add(mine, r, row) == 0;
      if (on_row) on_row(r, row, ctx);
    }
  }
  if (win != MPI_WIN_NULL) {
    MPI_Win_unlock_all(win);
    MPI_Win_free(&win);
  }
  tg_solution_free(sol);
  free(p);
  free(row);
  int all_ok = 0;
  MPI_Allreduce(&ok, &all_ok, 1, MPI_INT, MPI_MIN, dup);
  if (!all_ok) return tg__fail(TG_ERR_NOMEM, fn, "out of memory for %s rows", ok ? "another rank's" : "this rank's");
  return TG_SUCCESS;
}
