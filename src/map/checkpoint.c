/* Checkpoints of a map file's sweep. PREFIX.<r>: a header (magic, nx, ny,
 * record size, fingerprint of model and axes), then records (int64 row,
 * ny records of doubles) appended as rows finish. A kill can only cut the
 * last record short; resume ignores such a tail. */
#include <stdlib.h>
#include <string.h>

#include "map/map.h"

static const char ckpt_magic[8] = {'T', 'G', 'C', 'K', 'P', 'T', '0', '1'};

static uint64_t fnv(uint64_t h, const void *p, size_t n)
{
  const unsigned char *b = p;
  for (size_t i = 0; i < n; i++) h = (h ^ b[i]) * 1099511628211ULL;
  return h;
}

static uint64_t fingerprint(const tg_model *m, const tg_axis *x, const tg_axis *y)
{
  uint64_t h = 1469598103934665603ULL;
  h = fnv(h, m->name, strlen(m->name));
  h = fnv(h, &m->temperature, sizeof m->temperature);
  h = fnv(h, m->pressures, (size_t)m->ng * sizeof *m->pressures);
  h = fnv(h, m->kf, (size_t)m->nsteps * sizeof *m->kf);
  h = fnv(h, m->kr, (size_t)m->nsteps * sizeof *m->kr);
  const tg_axis *ax[2] = {x, y};
  for (int k = 0; k < 2; k++)
    if (ax[k]) {
      h = fnv(h, &ax[k]->variable, sizeof ax[k]->variable);
      h = fnv(h, ax[k]->values, (size_t)ax[k]->n * sizeof *ax[k]->values);
    }
  return h;
}

void tg__checkpoint_init(tg__checkpoint *c, const char *prefix, const tg_model *m, const tg_axis *x, const tg_axis *y)
{
  memset(c, 0, sizeof *c);
  c->prefix = prefix;
  c->head[0] = x->n, c->head[1] = y ? y->n : 1, c->head[2] = tg__grid_record(m);
  c->head[3] = (int64_t)fingerprint(m, x, y);
}

static void file_name(const tg__checkpoint *c, int k, char *file, size_t len)
{
  snprintf(file, len, "%s.%d", c->prefix, k);
}

/* Read one file: mark its rows done; keep their data in held if held != NULL. */
static int read_file(const tg__checkpoint *c, const char *file, char *done, tg__rows *held, int64_t per_row,
                     const char *fn)
{
  FILE *f = fopen(file, "rb");
  if (!f) return tg__fail(TG_ERR_IO, fn, "cannot read checkpoint %s", file);
  char magic[8];
  int64_t got[4];
  int rc = TG_SUCCESS;
  if (fread(magic, 1, 8, f) != 8 || memcmp(magic, ckpt_magic, 8) || fread(got, sizeof got[0], 4, f) != 4)
    rc = tg__fail(TG_ERR_IO, fn, "checkpoint %s is damaged (not a tofgrid checkpoint); remove it or run without resume",
                  file);
  else if (memcmp(got, c->head, sizeof got))
    rc = tg__fail(TG_ERR_ARG, fn,
                  "checkpoint %s is of another map (model or axes differ); remove it or run without resume", file);
  double *rec = rc ? NULL : malloc((size_t)per_row * sizeof *rec);
  for (int64_t row; !rc && fread(&row, sizeof row, 1, f) == 1;) {
    if (!rec) rc = tg__fail(TG_ERR_NOMEM, fn, "out of memory reading %s", file);
    else if (fread(rec, sizeof *rec, (size_t)per_row, f) != (size_t)per_row) break; /* a tail cut by the kill */
    else if (row < 0 || row >= c->head[0])
      rc = tg__fail(TG_ERR_IO, fn, "checkpoint %s is damaged (row %lld)", file, (long long)row);
    else if (!done[row]) {
      done[row] = 1;
      if (held && tg__rows_add(held, row, rec)) rc = tg__fail(TG_ERR_NOMEM, fn, "out of memory reading %s", file);
    }
  }
  free(rec);
  fclose(f);
  return rc;
}

int tg__checkpoint_resume(tg__checkpoint *c, MPI_Comm dup, int size, int rank, char *done, tg__rows *held,
                          const char *fn)
{
  char file[TG_PATH_MAX + 32];
  int rc = TG_SUCCESS;
  for (c->nfiles = 0;; c->nfiles++) {
    file_name(c, c->nfiles, file, sizeof file);
    FILE *probe = fopen(file, "rb");
    if (!probe) break;
    fclose(probe);
    rc = read_file(c, file, done, c->nfiles % size == rank ? held : NULL, held->per_row, fn);
    if (rc) break;
  }
  int ok = rc == TG_SUCCESS, all_ok = 0;
  TG_CALL(tg__mpi(MPI_Allreduce(&ok, &all_ok, 1, MPI_INT, MPI_MIN, dup), fn, "MPI_Allreduce"));
  if (!all_ok) return rc ? rc : tg__fail(TG_ERR_IO, fn, "another rank could not read the checkpoints");
  return TG_SUCCESS;
}

int tg__checkpoint_open(tg__checkpoint *c, MPI_Comm dup, int rank, int resume, const char *fn)
{
  char file[TG_PATH_MAX + 32];
  file_name(c, rank, file, sizeof file);
  int append = resume && rank < c->nfiles; /* a fresh run (or a new rank) starts its file */
  c->out = fopen(file, append ? "ab" : "wb");
  if (c->out && !append) {
    fwrite(ckpt_magic, 1, 8, c->out);
    fwrite(c->head, sizeof c->head[0], 4, c->out);
    fflush(c->out);
  }
  int ok = c->out != NULL, all_ok = 0;
  if (!ok) tg__fail(TG_ERR_IO, fn, "cannot write checkpoint %s", file);
  TG_CALL(tg__mpi(MPI_Allreduce(&ok, &all_ok, 1, MPI_INT, MPI_MIN, dup), fn, "MPI_Allreduce"));
  if (!all_ok) {
    tg__checkpoint_close(c);
    return ok ? tg__fail(TG_ERR_IO, fn, "another rank cannot write its checkpoint") : TG_ERR_IO;
  }
  return TG_SUCCESS;
}

void tg__checkpoint_record(tg__checkpoint *c, int64_t row, const double *data, int64_t per_row)
{
  if (!c->out) return;
  fwrite(&row, sizeof row, 1, c->out);
  fwrite(data, sizeof *data, (size_t)per_row, c->out);
  fflush(c->out);
}

void tg__checkpoint_close(tg__checkpoint *c)
{
  if (c->out) fclose(c->out);
  c->out = NULL;
}

void tg__checkpoint_remove(tg__checkpoint *c, MPI_Comm dup, int size, int rank)
{
  char file[TG_PATH_MAX + 32];
  MPI_Barrier(dup); /* every rank has closed its file */
  for (int k = rank; k < (c->nfiles > size ? c->nfiles : size); k += size) {
    file_name(c, k, file, sizeof file);
    remove(file);
  }
}
