/* Checkpoints of a map file's sweep. PREFIX.<r>: a header (magic with the
 * format version, nx, ny, record size, fingerprint of model and axes), then
 * fixed-size records appended as rows finish: int64 row, ny point records
 * (doubles), a checksum of both. A kill can cut the last record short; a
 * disk can flip bits. On resume such records are dropped (counted, so the
 * caller can say so) and their rows computed again; a torn tail is cut off
 * before the file is appended to, so records after it stay aligned. */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "map/map.h"

static const char ckpt_magic[8] = {'T', 'G', 'C', 'K', 'P', 'T', '0', '3'};
enum { HEAD_BYTES = 8 + 4 * 8 };

void tg__checkpoint_init(tg__checkpoint *c, const char *prefix, const tg__map *map, const char *fn)
{
  memset(c, 0, sizeof *c);
  c->prefix = prefix, c->fn = fn;
  c->head[0] = map->nx, c->head[1] = map->ny, c->head[2] = map->layout.record;
  c->head[3] = (int64_t)tg__map_fingerprint(map); /* model, axes, fixed conditions, analyses */
  c->per_row = c->head[1] * c->head[2];
  c->valid_end = -1;
}

static void file_name(const tg__checkpoint *c, int k, char *file, size_t len)
{
  snprintf(file, len, "%s.%d", c->prefix, k);
}

static uint64_t record_checksum(int64_t row, const double *data, int64_t per_row)
{
  return tg__hash(tg__hash(TG_HASH_SEED, &row, sizeof row), data, (size_t)per_row * sizeof *data);
}

/* Is a record's content what the sweep writes? (A checksum can collide; the
 * values read into ints must still be ints of the right range.) */
static int record_sane(const tg__checkpoint *c, int64_t row, const double *data)
{
  if (row < 0 || row >= c->head[0]) return 0;
  int rec = (int)c->head[2]; /* status and iterations end each point's record (fields.c) */
  for (int64_t j = 0; j < c->head[1]; j++) {
    double status = data[j * rec + rec - 2], iterations = data[j * rec + rec - 1];
    if (!(status == TG_STEADY_OK || status == TG_STEADY_PAST_T_END || status == TG_STEADY_FAILED ||
          status == TG_STEADY_BEFORE_T_END))
      return 0;
    if (!(iterations >= 0 && iterations <= INT32_MAX && iterations == floor(iterations))) return 0;
  }
  return 1;
}

/* Read one file: mark its good rows done, keep their data in held if held !=
 * NULL, count the records dropped, and give the offset just past the last
 * whole record. */
static int read_file(tg__checkpoint *c, const char *file, char *done, tg__rows *held, long *valid_end)
{
  const char *fn = c->fn;
  FILE *f = fopen(file, "rb");
  if (!f) return tg__fail(TG_ERR_IO, fn, "cannot read checkpoint %s: %s", file, strerror(errno));
  char magic[8];
  int64_t got[4];
  int rc = TG_SUCCESS;
  /* A header cut short (a kill right after the file was made) holds no rows:
   * an empty checkpoint, rewritten by its rank, if what is there is the start
   * of this map's header. */
  unsigned char head[HEAD_BYTES], want[HEAD_BYTES];
  memcpy(want, ckpt_magic, 8), memcpy(want + 8, c->head, sizeof c->head);
  size_t have = fread(head, 1, HEAD_BYTES, f);
  if (have < HEAD_BYTES && !ferror(f) && memcmp(head, want, have) == 0) {
    fclose(f);
    *valid_end = -1;
    return TG_SUCCESS;
  }
  rewind(f);
  if (fread(magic, 1, 8, f) != 8 || memcmp(magic, ckpt_magic, 6) || fread(got, sizeof got[0], 4, f) != 4)
    rc = tg__fail(TG_ERR_IO, fn, "checkpoint %s is damaged (not a tofgrid checkpoint); remove it or run without resume",
                  file);
  else if (memcmp(magic, ckpt_magic, 8))
    rc = tg__fail(TG_ERR_ARG, fn,
                  "checkpoint %s was written by another version of tofgrid (format %.2s, this one reads %.2s); "
                  "remove it or run without resume",
                  file, magic + 6, ckpt_magic + 6);
  else if (memcmp(got, c->head, sizeof got))
    rc = tg__fail(TG_ERR_ARG, fn,
                  "checkpoint %s is of another map (model, solver settings, axes, fixed conditions or analyses "
                  "differ); remove it or run "
                  "without resume",
                  file);
  int64_t per_row = c->per_row;
  double *rec = rc ? NULL : malloc((size_t)per_row * sizeof *rec);
  if (!rc && !rec) rc = tg__fail(TG_ERR_NOMEM, fn, "out of memory reading %s", file);
  *valid_end = HEAD_BYTES;
  for (int64_t row; !rc;) {
    uint64_t sum;
    size_t got_row = fread(&row, sizeof row, 1, f);
    if (got_row == 1 && fread(rec, sizeof *rec, (size_t)per_row, f) == (size_t)per_row &&
        fread(&sum, sizeof sum, 1, f) == 1) {
      *valid_end += (long)(sizeof row + (size_t)per_row * sizeof *rec + sizeof sum);
      if (sum != record_checksum(row, rec, per_row) || !record_sane(c, row, rec)) {
        c->dropped++; /* damaged: its row is computed again */
      } else if (!done[row]) {
        done[row] = 1;
        if (held && tg__rows_add(held, row, rec)) rc = tg__fail(TG_ERR_NOMEM, fn, "out of memory reading %s", file);
      }
      continue;
    }
    if (ferror(f)) rc = tg__fail(TG_ERR_IO, fn, "cannot read checkpoint %s: %s", file, strerror(errno));
    else if (got_row == 1 || ftell(f) > *valid_end) c->dropped++; /* a tail cut short by a kill */
    break;
  }
  free(rec);
  fclose(f);
  return rc;
}

int tg__checkpoint_resume(tg__checkpoint *c, MPI_Comm dup, int size, int rank, char *done, tg__rows *held)
{
  char file[TG_PATH_MAX + 32];
  int rc = TG_SUCCESS;
  for (c->nfiles = 0;; c->nfiles++) {
    file_name(c, c->nfiles, file, sizeof file);
    if (access(file, F_OK) != 0) break;
    long end = 0;
    rc = read_file(c, file, done, c->nfiles % size == rank ? held : NULL, &end);
    if (rc) break;
    if (c->nfiles == rank) c->valid_end = end;
  }
  return tg__agree(dup, rc, c->fn);
}

int tg__checkpoint_open(tg__checkpoint *c, MPI_Comm dup, int rank, int resume)
{
  char file[TG_PATH_MAX + 32];
  file_name(c, rank, file, sizeof file);
  snprintf(c->file, sizeof c->file, "%s", file);
  int rc = TG_SUCCESS;
  if (resume && c->valid_end >= 0) {
    /* Append after the last whole record: cut off a tail torn by a kill. */
    c->out = fopen(file, "r+b");
    if (c->out && (ftruncate(fileno(c->out), (off_t)c->valid_end) != 0 || fseek(c->out, 0, SEEK_END) != 0))
      rc = tg__fail(TG_ERR_IO, c->fn, "cannot append to checkpoint %s: %s", file, strerror(errno));
  } else { /* a fresh run, or a rank the earlier run did not have */
    c->out = fopen(file, "wb");
    if (c->out) {
      int64_t head[4];
      memcpy(head, c->head, sizeof head);
      if (fwrite(ckpt_magic, 1, 8, c->out) != 8 || fwrite(head, sizeof head[0], 4, c->out) != 4 || fflush(c->out) != 0)
        rc = tg__fail(TG_ERR_IO, c->fn, "cannot write checkpoint %s: %s", file, strerror(errno));
    }
  }
  if (!rc && !c->out) rc = tg__fail(TG_ERR_IO, c->fn, "cannot write checkpoint %s: %s", file, strerror(errno));
  rc = tg__agree(dup, rc, c->fn);
  if (rc) tg__checkpoint_close(c);
  return rc;
}

int tg__checkpoint_record(tg__checkpoint *c, int64_t row, const double *data)
{
  if (!c->out) return TG_SUCCESS;
  uint64_t sum = record_checksum(row, data, c->per_row);
  if (fwrite(&row, sizeof row, 1, c->out) != 1 ||
      fwrite(data, sizeof *data, (size_t)c->per_row, c->out) != (size_t)c->per_row ||
      fwrite(&sum, sizeof sum, 1, c->out) != 1 || fflush(c->out) != 0)
    return tg__fail(TG_ERR_IO, c->fn, "cannot write checkpoint %s: %s", c->file, strerror(errno));
  return TG_SUCCESS;
}

void tg__checkpoint_close(tg__checkpoint *c)
{
  if (c->out) fclose(c->out);
  c->out = NULL;
}

void tg__checkpoint_remove(tg__checkpoint *c, int size, int rank)
{
  char file[TG_PATH_MAX + 32];
  for (int k = rank; k < (c->nfiles > size ? c->nfiles : size); k += size) {
    file_name(c, k, file, sizeof file);
    remove(file);
  }
}
