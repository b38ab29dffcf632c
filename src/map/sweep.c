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
  int nd = tg_model_count(m, TG_DESCRIPTOR), descriptor = TG_AXIS_DESCRIPTOR(0) - a->variable;
  int is_descriptor = a->variable < TG_AXIS_TEMPERATURE;
  if (is_descriptor ? descriptor >= nd : a->variable != TG_AXIS_TEMPERATURE && a->variable >= m->ng)
    return tg__fail(TG_ERR_ARG, fn,
                    "axis %s: %d is neither a gas of the model, TG_AXIS_TEMPERATURE nor TG_AXIS_DESCRIPTOR(k) of "
                    "one of its %d descriptors",
                    name, a->variable, nd);
  int set_by =
      is_descriptor ? -1 : tg__catmap_condition_descriptor(m, a->variable == TG_AXIS_TEMPERATURE ? -1 : a->variable);
  if (set_by >= 0)
    return tg__fail(TG_ERR_ARG, fn, "axis %s: the %s of %s is its descriptor %s: make that descriptor the axis", name,
                    a->variable == TG_AXIS_TEMPERATURE ? "temperature" : "pressure of this gas", m->name,
                    tg_model_species(m, TG_DESCRIPTOR, set_by));
  /* a temperature descriptor is a temperature (its points failed one by one) */
  int temperature =
      a->variable == TG_AXIS_TEMPERATURE || (is_descriptor && descriptor == tg__catmap_condition_descriptor(m, -1));
  for (int64_t k = 0; k < a->n; k++) {
    double v = a->values[k];
    int bad = !isfinite(v) || (temperature ? !(v > 0) : is_descriptor ? 0 : v < 0);
    if (bad)
      return tg__fail(TG_ERR_ARG, fn, "axis %s: value %lld is %g; %s", name, (long long)k, v,
                      temperature     ? "temperatures must be > 0"
                      : is_descriptor ? "descriptors must be finite"
                                      : "pressures must be >= 0");
  }
  return TG_SUCCESS;
}

int tg__grid_prepare(MPI_Comm comm, const tg__map *map, tg_schedule schedule, int64_t must_match, int local,
                     const char *fn, MPI_Comm *dup, int *size, int *rank)
{
  const tg_model *m = map->m;
  const tg_axis *x = map->x, *y = map->y;
  TG_CALL(tg__comm(comm, fn, size, rank));
  TG_CALL(tg__private_comm(comm, fn, dup));
  /* Arguments are checked on every rank, then the verdicts and what the
   * ranks were given are compared: a rank with a bad axis or another model
   * must not leave the others in the sweep's collectives, or mix its rows
   * into their map. */
  int rc = local;
  if (!rc && !m) rc = tg__fail(TG_ERR_ARG, fn, "model is NULL");
  if (!rc) rc = check_axis(m, x, "x", fn);
  if (!rc && y) rc = check_axis(m, y, "y", fn);
  if (!rc && y && x->variable == y->variable)
    rc = tg__fail(TG_ERR_ARG, fn, "axes x and y both vary %s: a map needs two different variables (or y = NULL)",
                  tg__axis_name(m, x));
  if (!rc) rc = tg__map_check(map, fn);
  if (!rc && schedule != TG_SCHEDULE_STATIC && schedule != TG_SCHEDULE_DYNAMIC)
    rc = tg__fail(TG_ERR_ARG, fn, "unknown schedule %d", (int)schedule);
  uint64_t fp = 0;
  if (!rc) {
    fp = tg__hash(tg__map_fingerprint(map), &schedule, sizeof schedule);
    fp = tg__hash(fp, &must_match, sizeof must_match);
  }
  int64_t h = (int64_t)fp;
  int64_t mine[3] = {rc, h, ~h}, all[3];
  int err = MPI_Allreduce(mine, all, 3, MPI_INT64_T, MPI_MAX, *dup);
  if (err != MPI_SUCCESS) return tg__mpi_fail(err, fn, "MPI_Allreduce");
  if (rc) return rc;
  if (all[0]) return tg__fail((int)all[0], fn, "another rank was given invalid arguments (see its message)");
  if (all[1] != ~all[2])
    return tg__fail(TG_ERR_ARG, fn,
                    "the ranks were given different models, axes, options, schedules, roots or file names; every "
                    "rank must pass the same (load the model on every rank from the same file)");
  return TG_SUCCESS;
}

/* Row `i` of the map (all of y) into ny records at out. The dynamic
 * counter's host (host != MPI_COMM_NULL) enters MPI every few points: a
 * passive-target atomic from another rank can wait for its target to make
 * progress, and a row can take milliseconds. */
static void solve_row(const tg__map *map, int64_t i, double *p, tg_solution *sol, double *out, MPI_Comm host)
{
  const tg_model *m = map->m;
  const tg_axis *x = map->x, *y = map->y;
  int rec = map->layout.record, nd = tg_model_count(m, TG_DESCRIPTOR);
  tg_solve_options o = tg_solve_options_default(m);
  double T0, d[TG_DESCRIPTORS_MAX];
  tg__map_base(map, &T0, p, d); /* the descriptors' on-axis values are set below, each point */
  o.descriptors = nd ? d : NULL;
  o.analyses = map->opt.analyses;
  for (int64_t j = 0; j < map->ny; j++, out += rec) {
    if (host != MPI_COMM_NULL && j % 8 == 0) {
      int flag;
      MPI_Iprobe(MPI_ANY_SOURCE, MPI_ANY_TAG, host, &flag, MPI_STATUS_IGNORE);
    }
    double T = T0;
    const tg_axis *axes[2] = {x, y};
    double vals[2] = {x->values[i], y ? y->values[j] : 0};
    for (int k = 0; k < (y ? 2 : 1); k++) {
      if (axes[k]->variable == TG_AXIS_TEMPERATURE) T = vals[k];
      else if (axes[k]->variable < TG_AXIS_TEMPERATURE) d[TG_AXIS_DESCRIPTOR(0) - axes[k]->variable] = vals[k];
      else p[axes[k]->variable] = vals[k];
    }
    int rc = tg_solve(m, T, p, &o, sol);
    tg__record_pack(&map->layout, sol, rc != TG_SUCCESS || sol->status == TG_STEADY_FAILED,
                    rc == TG_SUCCESS ? sol->iterations : 0, out);
  }
}

int tg__sweep_rows(MPI_Comm dup, int size, int rank, const tg__map *map, tg_schedule schedule, const char *done,
                   int (*on_row)(int64_t row, const double *data, void *ctx), void *ctx, tg__rows *mine, const char *fn)
{
  const tg_model *m = map->m;
  int64_t nx = map->nx, ny = map->ny;
  double *p = malloc((size_t)(m->ng ? m->ng : 1) * sizeof *p), *row = malloc((size_t)mine->per_row * sizeof *row);
  tg_solution *sol = NULL;
  int rc = TG_SUCCESS;
  if (!p || !row || tg_solution_create(m, &sol) != TG_SUCCESS)
    rc = tg__fail(TG_ERR_NOMEM, fn, "out of memory for a row of %lld points", (long long)ny);
  /* Static: one block of rows. Dynamic: chunks of about 1/16 of a rank's share,
   * at most ~256 points, claimed from a counter on rank 0. */
  int64_t first = 0, count = nx, chunk = nx / (16 * (int64_t)size), cap = 256 / ny;
  chunk = chunk < cap ? chunk : cap;
  chunk = chunk > 1 ? chunk : 1;
  int64_t *counter = NULL;
  MPI_Win win = MPI_WIN_NULL;
  if (schedule == TG_SCHEDULE_DYNAMIC) {
    rc = tg__agree(dup, rc, fn);
    if (!rc)
      rc = tg__mpi(
          MPI_Win_allocate(rank == 0 ? sizeof(int64_t) : 0, sizeof(int64_t), MPI_INFO_NULL, dup, &counter, &win), fn,
          "MPI_Win_allocate");
    if (!rc && rank == 0) *counter = 0;
    if (!rc) rc = tg__mpi(MPI_Win_fence(0, win), fn, "MPI_Win_fence");
    if (!rc) rc = tg__mpi(MPI_Win_lock_all(MPI_MODE_NOCHECK, win), fn, "MPI_Win_lock_all");
  } else {
    tg_block_range(nx, size, rank, &first, &count);
  }
  for (int once = 1; !rc; once = 0) {
    if (schedule == TG_SCHEDULE_STATIC) {
      if (!once) break;
    } else {
      rc = tg__mpi(MPI_Fetch_and_op(&chunk, &first, MPI_INT64_T, 0, 0, MPI_SUM, win), fn, "MPI_Fetch_and_op");
      if (!rc) rc = tg__mpi(MPI_Win_flush(0, win), fn, "MPI_Win_flush");
      if (rc || first >= nx) break;
      count = first + chunk < nx ? chunk : nx - first;
    }
    for (int64_t r = first; r < first + count && !rc; r++) {
      if (done && done[r]) continue;
      solve_row(map, r, p, sol, row, win != MPI_WIN_NULL && rank == 0 && size > 1 ? dup : MPI_COMM_NULL);
      if (tg__rows_add(mine, r, row) != 0)
        rc = tg__fail(TG_ERR_NOMEM, fn, "out of memory after %lld rows of %lld points", (long long)mine->n,
                      (long long)ny);
      else if (on_row) rc = on_row(r, row, ctx);
    }
  }
  /* A rank that stopped early still takes part in closing the window (the
   * others may still be claiming rows from it). */
  if (win != MPI_WIN_NULL) {
    int err = MPI_Win_unlock_all(win);
    if (!rc) rc = tg__mpi(err, fn, "MPI_Win_unlock_all");
    err = MPI_Win_free(&win);
    if (!rc) rc = tg__mpi(err, fn, "MPI_Win_free");
  }
  tg_solution_free(sol);
  free(p);
  free(row);
  return tg__agree(dup, rc, fn);
}
