/* TOF maps gathered on a root: the sweep (sweep.c) solves each rank's
 * rows on a private, cached duplicate of the caller's communicator; the rows
 * are gathered with tofgrid's own collectives and put in place. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "map/map.h"

static int gather_map(MPI_Comm comm, const tg_model *m, const tg_axis *x, const tg_axis *y, tg_schedule schedule,
                      int root, const tg_map_options *options, tg_grid *out, const char *fn);

void tg_grid_free(tg_grid *g)
{
  if (!g) return;
  free(g->tof);
  free(g->coverages);
  free(g->orders), free(g->eapp), free(g->rate_control), free(g->selectivity), free(g->selectivity_control);
  free(g->xrc);
  free(g->status);
  free(g->iterations);
  memset(g, 0, sizeof *g);
}

int tg_tof_grid(MPI_Comm comm, const tg_model *m, const tg_axis *x, const tg_axis *y, tg_schedule schedule, int root,
                tg_grid *out)
{
  return gather_map(comm, m, x, y, schedule, root, NULL, out, __func__);
}

int tg_tof_grid_with(MPI_Comm comm, const tg_model *m, const tg_axis *x, const tg_axis *y, tg_schedule schedule,
                     int root, const tg_map_options *options, tg_grid *out)
{
  return gather_map(comm, m, x, y, schedule, root, options, out, __func__);
}

/* The grid's array for field f of the layout. */
static double **grid_array(tg_grid *g, const tg__field *f) { return (double **)((char *)g + f->grid); }

static int gather_map(MPI_Comm comm, const tg_model *m, const tg_axis *x, const tg_axis *y, tg_schedule schedule,
                      int root, const tg_map_options *options, tg_grid *out, const char *fn)
{
  if (!out) return tg__fail(TG_ERR_ARG, fn, "out is NULL");
  memset(out, 0, sizeof *out);
  int size, rank;
  MPI_Comm dup;
  tg__map map;
  tg__map_init(&map, m, x, y, options);
  TG_CALL(tg__grid_prepare(comm, &map, schedule, root, TG_SUCCESS, fn, &dup, &size, &rank));
  TG_CALL(tg__root(root, size, fn)); /* the same root on every rank (checked by tg__grid_prepare) */
  double t0 = MPI_Wtime();
  const tg__layout *l = &map.layout;
  int64_t nx = map.nx, ny = map.ny, total = nx * ny;
  int rec = l->record, ncov = m->na + m->ns;
  /* The root holds every record, gathered, and the unpacked map: twice the map. */
  double bytes = (double)nx * (double)ny * rec * sizeof(double) * (rank == root ? 2.0 : 1.0 / size);
  TG_CALL(tg__check_budget(dup, bytes, total, fn));
  tg__rows mine = {.per_row = ny * rec};
  int rc = tg__sweep_rows(dup, size, rank, &map, schedule, NULL, NULL, NULL, &mine, fn);

  /* The root learns how many rows each rank has, gathers their indices and
   * records with tofgrid's own collectives, and puts every row in place. */
  int64_t *nrows = NULL, *ndata = NULL, *rows = NULL;
  double *data = NULL;
  if (!rc) {
    if (rank == root) {
      nrows = malloc((size_t)size * sizeof *nrows);
      ndata = malloc((size_t)size * sizeof *ndata);
      rows = malloc((size_t)nx * sizeof *rows);
      data = malloc((size_t)(total * rec) * sizeof *data);
    }
    int ok = rank != root || (nrows && ndata && rows && data);
    rc = tg__agree(dup, ok ? TG_SUCCESS : tg__fail(TG_ERR_NOMEM, fn, "out of memory for %lld points", (long long)total),
                   fn);
  }
  if (!rc) rc = tg_gather(dup, &mine.n, nrows, 1, TG_INT64, root);
  if (!rc && rank == root)
    for (int r = 0; r < size; r++) ndata[r] = nrows[r] * mine.per_row;
  if (!rc) rc = tg_gatherv(dup, mine.row, mine.n, rows, nrows, TG_INT64, root);
  if (!rc) rc = tg_gatherv(dup, mine.data, mine.n * mine.per_row, data, ndata, TG_FLOAT64, root);
  tg__rows_free(&mine);
  if (!rc && rank == root) {
    out->nx = nx, out->ny = ny, out->ng = m->ng, out->ncov = ncov;
    out->analyses = l->analyses, out->nsteps = m->nsteps, out->ncontrol = tg__dim_size(m, TG__DIM_CONTROL);
    double *fields[TG__FIELDS_MAX];
    int ok = 1;
    for (int k = 0; k < l->n; k++)
      ok &= (fields[k] = *grid_array(out, &l->f[k]) = malloc((size_t)(total * l->f[k].count + 1) * sizeof(double))) !=
            NULL;
    out->status = malloc((size_t)total * sizeof *out->status);
    out->iterations = malloc((size_t)total * sizeof *out->iterations);
    if (!ok || !out->status || !out->iterations) {
      tg_grid_free(out);
      rc = tg__fail(TG_ERR_NOMEM, fn, "out of memory for the results");
    } else {
      for (int64_t q = 0; q < nx; q++) /* q-th gathered row is map row rows[q] */
        for (int64_t j = 0; j < ny; j++)
          tg__record_unpack(l, data + (q * ny + j) * rec, rows[q] * ny + j, fields, out->status, out->iterations);
    }
  }
  free(nrows), free(ndata), free(rows), free(data);
  rc = tg__agree(dup, rc, fn);
  out->seconds = MPI_Wtime() - t0;
  return rc;
}
