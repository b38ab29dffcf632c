/* TOF maps straight to a file: computed over the communicator and written
 * collectively with parallel HDF5 (MPI-IO), so no rank ever holds the whole
 * grid. Every rank keeps only its rows: one block of the outer axis
 * (static), or the whole rows it claimed from the shared counter (dynamic),
 * and writes them as a union of hyperslabs. The file is written under a
 * temporary name and renamed at the end, so a failure leaves earlier output
 * intact. HDF5's own error printing is switched off around our calls: the
 * library reports through its status and message only. */
#include <stdio.h>
#include <stdlib.h>
#include <stdint.h>
#include <string.h>

#include "grid_internal.h"

#ifndef TOFGRID_HAVE_HDF5

int tg_tof_grid_file(MPI_Comm comm, const tg_model *m, const tg_axis *x, const tg_axis *y, const char *path,
                     const tg_sweep_options *o)
{
  (void)comm, (void)m, (void)x, (void)y, (void)path, (void)o;
  return tg__fail(TG_ERR_UNSUPPORTED, __func__, "this tofgrid was built without parallel HDF5 (libhdf5-mpich-dev)");
}

int tg_tof_grid_write(MPI_Comm comm, const tg_model *m, const tg_axis *x, const tg_axis *y, tg_schedule schedule,
                      const char *path)
{
  (void)schedule;
  return tg_tof_grid_file(comm, m, x, y, path, NULL);
}

#else
#include <hdf5.h>

/* Rows [row, row + n) held by this rank, in ascending order. */
typedef struct range {
  int64_t row, n;
} range;

static int write_dataset(hid_t file, const char *name, hid_t type, int rank_dims, const hsize_t *dims,
                         const range *r, int nr, const void *mem, hsize_t per_row, hid_t dxpl)
{
  hid_t space = H5Screate_simple(rank_dims, dims, NULL);
  hid_t set = H5Dcreate2(file, name, type, space, H5P_DEFAULT, H5P_DEFAULT, H5P_DEFAULT);
  hsize_t total = 0;
  H5Sselect_none(space);
  for (int k = 0; k < nr; k++) {
    hsize_t start[3] = {(hsize_t)r[k].row, 0, 0}, count[3] = {(hsize_t)r[k].n, dims[1], rank_dims > 2 ? dims[2] : 1};
    H5Sselect_hyperslab(space, H5S_SELECT_OR, start, NULL, count, NULL);
    total += (hsize_t)r[k].n * per_row;
  }
  hid_t memspace = H5Screate_simple(1, &total, NULL);
  if (total == 0) H5Sselect_none(memspace);
  herr_t rc = set < 0 ? -1 : H5Dwrite(set, type, memspace, space, dxpl, mem);
  H5Sclose(memspace);
  if (set >= 0) H5Dclose(set);
  H5Sclose(space);
  return rc < 0 ? -1 : 0;
}

static void attribute(hid_t obj, const char *name, const char *value)
{
  hid_t type = H5Tcopy(H5T_C_S1);
  H5Tset_size(type, strlen(value) + 1);
  hid_t space = H5Screate(H5S_SCALAR);
  hid_t a = H5Acreate2(obj, name, type, space, H5P_DEFAULT, H5P_DEFAULT);
  H5Awrite(a, type, value);
  H5Aclose(a);
  H5Sclose(space);
  H5Tclose(type);
}

static void names(const tg_model *m, int kind, int also_sites, char *buf, size_t len)
{
  buf[0] = 0;
  for (int pass = 0; pass < (also_sites ? 2 : 1); pass++) {
    int k = pass ? TG_SITE : kind;
    for (int i = 0; i < tg_model_count(m, k); i++) {
      size_t used = strlen(buf);
      snprintf(buf + used, len - used, "%s%s", used ? "," : "", tg_model_species(m, k, i));
    }
  }
}

/* --- checkpoints ------------------------------------------------------------
 * CHECKPOINT.<r>: a header (magic, nx, ny, rec, fingerprint of model and axes),
 * then records (int64 row, ny*rec doubles) appended as rows finish. A kill
 * can only cut the last record short; resume ignores such a tail. */
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

/* Read checkpoint `file`: mark its rows done; keep their data in h if h != NULL. */
static int read_checkpoint(const char *file, const int64_t head[4], char *done, tg__rows *h, int64_t per_row,
                           const char *fn)
{
  FILE *f = fopen(file, "rb");
  if (!f) return tg__fail(TG_ERR_IO, fn, "cannot read checkpoint %s", file);
  char magic[8];
  int64_t got[4];
  int rc = TG_SUCCESS;
  if (fread(magic, 1, 8, f) != 8 || memcmp(magic, ckpt_magic, 8) || fread(got, sizeof got[0], 4, f) != 4)
    rc = tg__fail(TG_ERR_IO, fn, "checkpoint %s is damaged (not a tofgrid checkpoint); remove it or run without resume", file);
  else if (memcmp(got, head, sizeof got))
    rc = tg__fail(TG_ERR_ARG, fn, "checkpoint %s is of another map (model or axes differ); remove it or run without resume",
                  file);
  double *rec = rc ? NULL : malloc((size_t)per_row * sizeof *rec);
  for (int64_t row; !rc && fread(&row, sizeof row, 1, f) == 1;) {
    if (!rec) rc = tg__fail(TG_ERR_NOMEM, fn, "out of memory reading %s", file);
    else if (fread(rec, sizeof *rec, (size_t)per_row, f) != (size_t)per_row) break; /* a tail cut by the kill */
    else if (row < 0 || row >= head[0]) rc = tg__fail(TG_ERR_IO, fn, "checkpoint %s is damaged (row %lld)", file, (long long)row);
    else if (!done[row]) {
      done[row] = 1;
      if (h && tg__rows_add(h, row, rec)) rc = tg__fail(TG_ERR_NOMEM, fn, "out of memory reading %s", file);
    }
  }
  free(rec);
  fclose(f);
  return rc;
}

/* After each solved row: its checkpoint record (a kill can only cut the last
 * one short) and the progress report. */
typedef struct row_hook {
  FILE *ck;
  int64_t per_row, done, total, ny;
  const tg_sweep_options *o;
} row_hook;

static void on_row(int64_t row, const double *data, void *context)
{
  row_hook *k = context;
  if (k->ck) {
    fwrite(&row, sizeof row, 1, k->ck);
    fwrite(data, sizeof *data, (size_t)k->per_row, k->ck);
    fflush(k->ck);
  }
  k->done += k->ny;
  if (k->o->progress) k->o->progress(k->done, k->total, k->o->context);
}

static int by_row(const void *a, const void *b)
{
  int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;
  return (x > y) - (x < y);
}

int tg_tof_grid_write(MPI_Comm comm, const tg_model *m, const tg_axis *x, const tg_axis *y, tg_schedule schedule,
                      const char *path)
{
  tg_sweep_options o;
  memset(&o, 0, sizeof o);
  o.schedule = schedule;
  return tg_tof_grid_file(comm, m, x, y, path, &o);
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
  if (!path || !*path) return tg__fail(TG_ERR_ARG, fn, "path is empty");
  TG_CALL(tg__grid_prepare(comm, m, x, y, o.schedule, fn, &dup, &size, &rank));
  int64_t nx = x->n, ny = y ? y->n : 1;
  int ng = m->ng, nc = m->na + m->ns, rec = ng + nc + 2;
  int64_t per_row = ny * rec, total = nx * ny;

  /* Rows done by an earlier run: every rank reads every checkpoint's rows (the
   * same verdict everywhere); rank r keeps the data of files r, r+size, ... */
  char *done = calloc((size_t)nx, 1);
  tg__rows h = {.per_row = per_row};
  int rc = done ? TG_SUCCESS : tg__fail(TG_ERR_NOMEM, fn, "out of memory");
  int64_t head[4] = {nx, ny, rec, (int64_t)fingerprint(m, x, y)};
  char file[4200];
  int nfiles = 0;
  if (!rc && o.checkpoint && o.resume)
    for (;; nfiles++) {
      snprintf(file, sizeof file, "%s.%d", o.checkpoint, nfiles);
      FILE *probe = fopen(file, "rb");
      if (!probe) break;
      fclose(probe);
      rc = read_checkpoint(file, head, done, nfiles % size == rank ? &h : NULL, per_row, fn);
      if (rc) break;
    }
  int all_ok = 0, ok = rc == TG_SUCCESS;
  MPI_Allreduce(&ok, &all_ok, 1, MPI_INT, MPI_MIN, dup);
  if (!all_ok) {
    free(done), tg__rows_free(&h);
    return rc ? rc : tg__fail(TG_ERR_IO, fn, "another rank could not read the checkpoints");
  }
  /* A fresh run (or a resume) appends to CHECKPOINT.<rank>; stale files beyond go. */
  FILE *ck = NULL;
  if (o.checkpoint) {
    snprintf(file, sizeof file, "%s.%d", o.checkpoint, rank);
    ck = fopen(file, o.resume && rank < nfiles ? "ab" : "wb");
    if (ck && !(o.resume && rank < nfiles)) {
      fwrite(ckpt_magic, 1, 8, ck);
      fwrite(head, sizeof head[0], 4, ck);
      fflush(ck);
    }
    ok = ck != NULL;
    if (!ok) tg__fail(TG_ERR_IO, fn, "cannot write checkpoint %s", file);
    MPI_Allreduce(&ok, &all_ok, 1, MPI_INT, MPI_MIN, dup);
    if (!all_ok) {
      if (ck) fclose(ck);
      free(done), tg__rows_free(&h);
      return ok ? tg__fail(TG_ERR_IO, fn, "another rank cannot write its checkpoint") : TG_ERR_IO;
    }
  }

  /* Solve my rows, skipping those done; record each as it finishes. */
  row_hook hook = {ck, per_row, h.n * ny, total, ny, &o};
  rc = tg__sweep_rows(dup, size, rank, m, x, y, o.schedule, done, on_row, &hook, &h);
  if (ck) fclose(ck);
  free(done);
  ok = rc == TG_SUCCESS;

  /* My rows in ascending order, split into one buffer per dataset. */
  int64_t *order = malloc((size_t)(h.n + 1) * 2 * sizeof *order);
  int64_t pts = h.n * ny;
  double *tof = malloc((size_t)(pts * ng + 1) * sizeof *tof), *cov = malloc((size_t)(pts * nc + 1) * sizeof *cov);
  int *st = malloc((size_t)(pts + 1) * sizeof *st), *it = malloc((size_t)(pts + 1) * sizeof *it);
  range *r = malloc((size_t)(h.n + 1) * sizeof *r);
  int nr = 0;
  ok &= order && tof && cov && st && it && r;
  if (ok) {
    for (int64_t k = 0; k < h.n; k++) order[2 * k] = h.row[k], order[2 * k + 1] = k;
    qsort(order, (size_t)h.n, 2 * sizeof *order, by_row);
    for (int64_t k = 0; k < h.n; k++) {
      int64_t row = order[2 * k];
      const double *src = h.data + order[2 * k + 1] * per_row;
      for (int64_t j = 0; j < ny; j++) {
        const double *rr = src + j * rec;
        int64_t q = k * ny + j;
        memcpy(tof + q * ng, rr, (size_t)ng * sizeof *rr);
        memcpy(cov + q * nc, rr + ng, (size_t)nc * sizeof *rr);
        st[q] = (int)rr[ng + nc], it[q] = (int)rr[ng + nc + 1];
      }
      if (nr > 0 && r[nr - 1].row + r[nr - 1].n == row) r[nr - 1].n++;
      else r[nr++] = (range){row, 1};
    }
  }
  free(order);
  tg__rows_free(&h);
  MPI_Allreduce(&ok, &all_ok, 1, MPI_INT, MPI_MIN, dup);
  if (!rc && !all_ok) rc = tg__fail(TG_ERR_NOMEM, fn, "out of memory for this rank's rows");
  if (!rc) { /* the collective write, to a temporary name */
    H5E_auto2_t old_func;
    void *old_data;
    H5Eget_auto2(H5E_DEFAULT, &old_func, &old_data);
    H5Eset_auto2(H5E_DEFAULT, NULL, NULL);
    char tmp[4200];
    snprintf(tmp, sizeof tmp, "%s.tmp", path);
    hid_t fapl = H5Pcreate(H5P_FILE_ACCESS);
    H5Pset_fapl_mpio(fapl, dup, MPI_INFO_NULL);
    hid_t h5f = H5Fcreate(tmp, H5F_ACC_TRUNC, H5P_DEFAULT, fapl);
    H5Pclose(fapl);
    if (h5f < 0) {
      rc = tg__fail(TG_ERR_IO, fn, "cannot create %s (is its directory writable?)", tmp);
    } else {
      hid_t dxpl = H5Pcreate(H5P_DATASET_XFER);
      H5Pset_dxpl_mpio(dxpl, H5FD_MPIO_COLLECTIVE);
      hsize_t d3g[3] = {(hsize_t)nx, (hsize_t)ny, (hsize_t)ng}, d3c[3] = {(hsize_t)nx, (hsize_t)ny, (hsize_t)nc},
              d2[2] = {(hsize_t)nx, (hsize_t)ny};
      int bad = write_dataset(h5f, "tof", H5T_NATIVE_DOUBLE, 3, d3g, r, nr, tof, (hsize_t)(ny * ng), dxpl);
      bad |= write_dataset(h5f, "coverages", H5T_NATIVE_DOUBLE, 3, d3c, r, nr, cov, (hsize_t)(ny * nc), dxpl);
      bad |= write_dataset(h5f, "status", H5T_NATIVE_INT, 2, d2, r, nr, st, (hsize_t)ny, dxpl);
      bad |= write_dataset(h5f, "iterations", H5T_NATIVE_INT, 2, d2, r, nr, it, (hsize_t)ny, dxpl);
      /* axes and names: small, written by every rank with the same values (collective metadata) */
      const tg_axis *ax[2] = {x, y};
      const char *an[2] = {"x", "y"};
      for (int k = 0; k < (y ? 2 : 1); k++) {
        hsize_t n = (hsize_t)ax[k]->n;
        hid_t sp = H5Screate_simple(1, &n, NULL), ds = H5Dcreate2(h5f, an[k], H5T_NATIVE_DOUBLE, sp, H5P_DEFAULT, H5P_DEFAULT, H5P_DEFAULT);
        bad |= ds < 0 || H5Dwrite(ds, H5T_NATIVE_DOUBLE, H5S_ALL, H5S_ALL, dxpl, ax[k]->values) < 0;
        attribute(ds, "name", ax[k]->variable == TG_AXIS_TEMPERATURE ? "T" : tg_model_species(m, TG_GAS, ax[k]->variable));
        if (ds >= 0) H5Dclose(ds);
        H5Sclose(sp);
      }
      char buf[4096];
      attribute(h5f, "model", tg_model_name(m));
      names(m, TG_GAS, 0, buf, sizeof buf);
      attribute(h5f, "gases", buf);
      names(m, TG_ADSORBATE, 1, buf, sizeof buf);
      attribute(h5f, "species", buf);
      attribute(h5f, "product", tg_model_product(m) >= 0 ? tg_model_species(m, TG_GAS, tg_model_product(m)) : "");
      H5Pclose(dxpl);
      bad |= H5Fclose(h5f) < 0;
      int any_bad = 0;
      MPI_Allreduce(&bad, &any_bad, 1, MPI_INT, MPI_MAX, dup);
      if (any_bad) rc = tg__fail(TG_ERR_IO, fn, "writing %s failed", tmp);
      if (!rc && rank == 0 && rename(tmp, path) != 0) rc = tg__fail(TG_ERR_IO, fn, "cannot rename %s to %s", tmp, path);
      if (rc && rank == 0) remove(tmp);
      MPI_Bcast(&rc, 1, MPI_INT, 0, dup);
      if (rc && rank != 0) tg__fail(rc, fn, "writing %s failed (see rank 0)", path);
    }
    H5Eset_auto2(H5E_DEFAULT, old_func, old_data);
  }
  if (!rc && o.checkpoint) { /* the map is written: its checkpoints are no longer needed */
    MPI_Barrier(dup);
    for (int k = rank; k < (nfiles > size ? nfiles : size); k += size) {
      snprintf(file, sizeof file, "%s.%d", o.checkpoint, k);
      remove(file);
    }
  }
  free(tof), free(cov), free(st), free(it), free(r);
  return rc;
}
#endif
