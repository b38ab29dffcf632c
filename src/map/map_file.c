/* TOF maps straight to files: the sweep (sweep.c) with checkpoints
 * (checkpoint.c), then the writers (hdf5_writer.c, csv_writer.c), each
 * writing from the rows a rank holds. Every output is written under a
 * temporary name; only when all are written are they renamed into place, so
 * a failure leaves earlier output intact. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "map/map.h"

/* After each solved row: its checkpoint record and the progress report. */
typedef struct row_hook {
  tg__checkpoint *ck;
  int64_t done, total, ny;
  const tg_sweep_options *o;
} row_hook;

static int on_row(int64_t row, const double *data, void *context)
{
  row_hook *k = context;
  TG_CALL(tg__checkpoint_record(k->ck, row, data));
  k->done += k->ny;
  if (k->o->progress) k->o->progress(k->done, k->total, k->o->context);
  return TG_SUCCESS;
}

/* A file name the caller gave: NULL (not asked for) or a usable name; the
 * temporaries and checkpoints add a suffix, which must fit. */
static int check_name(const char *name, const char *what, const char *fn)
{
  if (!name) return TG_SUCCESS;
  if (!*name) return tg__fail(TG_ERR_ARG, fn, "%s is empty (pass NULL to write no such file)", what);
  if (strlen(name) > TG_PATH_MAX) return tg__fail(TG_ERR_ARG, fn, "%s is longer than %d characters", what, TG_PATH_MAX);
  return TG_SUCCESS;
}

int tg_tof_grid_write(MPI_Comm comm, const tg_model *m, const tg_axis *x, const tg_axis *y, tg_schedule schedule,
                      const char *path)
{
  tg_sweep_options o;
  memset(&o, 0, sizeof o);
  o.schedule = schedule;
  return tg_tof_grid_file(comm, m, x, y, path, &o); /* which checks path with the other ranks' verdicts */
}

/* What a rank holds at its peak: its rows as records, then unpacked by
 * output, and (for the CSV) as text, about 25 bytes a number. */
static double peak_bytes(const tg__map *map, int size, int csv)
{
  double points = (double)map->nx * (double)map->ny / size + (double)map->ny, rec = map->layout.record;
  int64_t nx = map->nx;
  return points * rec * (2 * sizeof(double) + (csv ? 25 : 0)) + (double)nx * 9;
}

int tg_tof_grid_file(MPI_Comm comm, const tg_model *m, const tg_axis *x, const tg_axis *y, const char *path,
                     const tg_sweep_options *opt)
{
  const char *fn = "tg_tof_grid_file";
  MPI_Comm dup;
  int size, rank;
  tg_sweep_options o;
  memset(&o, 0, sizeof o);
  if (opt) o = *opt;
  /* Checks of this call's own arguments: tg__grid_prepare agrees their
   * verdicts with the others', so one rank's bad name fails every rank. */
  int local = check_name(path, "path", fn);
  if (!local) local = check_name(o.csv, "options->csv", fn);
  if (!local) local = check_name(o.checkpoint, "options->checkpoint", fn);
  if (!local && !path && !o.csv) local = tg__fail(TG_ERR_ARG, fn, "no output: path and options->csv are both NULL");
  if (!local && path && o.csv && !strcmp(path, o.csv))
    local = tg__fail(TG_ERR_ARG, fn, "path and options->csv are the same file %s: give two names", path);
  if (!local && o.resume && !o.checkpoint)
    local = tg__fail(TG_ERR_ARG, fn, "options->resume is set but options->checkpoint is NULL");
  /* The names and the resume flag, which every rank must pass alike. */
  uint64_t agreed = TG_HASH_SEED;
  const char *given[3] = {path, o.csv, o.checkpoint};
  for (int k = 0; k < 3; k++) {
    agreed = tg__hash(agreed, &k, sizeof k);
    if (given[k] && !local) agreed = tg__hash(agreed, given[k], strlen(given[k]) + 1);
  }
  agreed = tg__hash(agreed, &o.resume, sizeof o.resume);
  tg__map map;
  tg__map_init(&map, m, x, y, o.map);
  TG_CALL(tg__grid_prepare(comm, &map, o.schedule, (int64_t)agreed, local, fn, &dup, &size, &rank));
  int64_t nx = map.nx, ny = map.ny;
  int64_t per_row = ny * map.layout.record, total = nx * ny;
  TG_CALL(tg__check_budget(dup, peak_bytes(&map, size, o.csv != NULL), total, fn));

  /* Lock the names (a second run on them is refused) and make the temporaries. */
  tg__outputs out;
  const char *names[2] = {path, o.csv};
  TG_CALL(tg__outputs_begin(&out, dup, rank, names, 2, o.checkpoint, fn));

  /* Rows done by an earlier run: every rank reads every checkpoint's rows (the
   * same verdict everywhere); rank r keeps the data of files r, r+size, ... */
  char *done = calloc((size_t)nx, 1);
  tg__rows held = {.per_row = per_row};
  tg__checkpoint ck;
  tg__checkpoint_init(&ck, o.checkpoint, &map, fn);
  int rc =
      tg__agree(dup, done ? TG_SUCCESS : tg__fail(TG_ERR_NOMEM, fn, "out of memory for %lld rows", (long long)nx), fn);
  if (!rc && o.checkpoint && o.resume) rc = tg__checkpoint_resume(&ck, dup, size, rank, done, &held);
  if (!rc && o.dropped) *o.dropped = ck.dropped;
  if (!rc && o.checkpoint) rc = tg__checkpoint_open(&ck, dup, rank, o.resume);

  /* Solve my rows, skipping those done; record each as it finishes. */
  row_hook hook = {&ck, held.n * ny, total, ny, &o};
  if (!rc) rc = tg__sweep_rows(dup, size, rank, &map, o.schedule, done, on_row, &hook, &held, fn);
  tg__checkpoint_close(&ck);
  free(done);

  /* My rows in ascending order, one array per dataset, for the writers. */
  tg__part part = {0};
  if (!rc)
    rc = tg__agree(dup,
                   tg__part_from_rows(&map.layout, &held, ny, &part) == 0
                       ? TG_SUCCESS
                       : tg__fail(TG_ERR_NOMEM, fn, "out of memory for %lld rows", (long long)held.n),
                   fn);
  tg__rows_free(&held);
  if (!rc && o.converged) {
    int64_t mine = 0;
    for (int64_t q = 0; q < part.nrows * ny; q++) mine += part.status[q] != TG_STEADY_FAILED;
    rc = tg__mpi(MPI_Allreduce(&mine, o.converged, 1, MPI_INT64_T, MPI_SUM, dup), fn, "MPI_Allreduce");
  }

  /* Every output to its temporary; renamed all together at the end. */
  if (!rc && path) rc = tg__write_hdf5(dup, rank, &map, &part, out.tmp[0], path, fn);
  if (!rc && o.csv) rc = tg__write_csv(dup, rank, &map, &part, out.tmp[1], o.csv, fn);
  tg__part_free(&part);
  rc = tg__outputs_commit(&out, dup, rank, rc, fn);
  if (!rc && o.checkpoint) tg__checkpoint_remove(&ck, size, rank); /* every rank closed its file before the commit */
  tg__outputs_unlock(&out, dup, rank); /* after: a run waiting for the names must not lose its new checkpoints */
  return rc;
}
