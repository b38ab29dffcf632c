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
#include <string.h>

#include "model_internal.h"
#include "tofgrid/grid.h"

#ifndef TOFGRID_HAVE_HDF5

int tg_tof_grid_write(MPI_Comm comm, const tg_model *m, const tg_axis *x, const tg_axis *y, tg_schedule schedule,
                      const char *path)
{
  (void)comm, (void)m, (void)x, (void)y, (void)schedule, (void)path;
  return tg__fail(TG_ERR_UNSUPPORTED, __func__, "this tofgrid was built without parallel HDF5 (libhdf5-mpich-dev)");
}

#else
#include <hdf5.h>

int tg__grid_prepare(MPI_Comm comm, const tg_model *m, const tg_axis *x, const tg_axis *y, tg_schedule schedule,
                     const char *fn, MPI_Comm *dup, int *size, int *rank);
void tg__grid_solve_rows(const tg_model *m, const tg_axis *x, const tg_axis *y, int64_t row0, int64_t rows, double *out,
                         tg_solution *sol, double *p);

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

int tg_tof_grid_write(MPI_Comm comm, const tg_model *m, const tg_axis *x, const tg_axis *y, tg_schedule schedule,
                      const char *path)
{
  const char *fn = __func__;
  MPI_Comm dup;
  int size, rank;
  if (!path || !*path) return tg__fail(TG_ERR_ARG, fn, "path is empty");
  TG_CALL(tg__grid_prepare(comm, m, x, y, schedule, fn, &dup, &size, &rank));
  int64_t nx = x->n, ny = y ? y->n : 1;
  int ng = m->ng, nc = m->na + m->ns, rec = ng + nc + 2;
  double t0 = MPI_Wtime();

  /* Which rows are mine, solved. */
  range *r = NULL;
  int nr = 0, cap = 0;
  double *rows = NULL, *p = malloc((size_t)(ng ? ng : 1) * sizeof *p);
  int64_t held = 0;
  tg_solution *sol = NULL;
  int ok = p && tg_solution_create(m, &sol) == TG_SUCCESS;
  int64_t *counter = NULL;
  MPI_Win win = MPI_WIN_NULL;
  if (schedule == TG_SCHEDULE_DYNAMIC)
    ok &= MPI_Win_allocate(rank == 0 ? sizeof(int64_t) : 0, sizeof(int64_t), MPI_INFO_NULL, dup, &counter, &win) ==
          MPI_SUCCESS;
  int64_t chunk = schedule == TG_SCHEDULE_DYNAMIC ? (256 + ny - 1) / ny : nx, off, cnt;
  if (schedule == TG_SCHEDULE_STATIC) tg_block_range(nx, size, rank, &off, &cnt);
  if (win != MPI_WIN_NULL) {
    if (rank == 0) *counter = 0;
    MPI_Win_fence(0, win);
    MPI_Win_lock_all(MPI_MODE_NOCHECK, win);
  }
  for (int first = 1; ok; first = 0) {
    int64_t row0, n;
    if (schedule == TG_SCHEDULE_STATIC) {
      if (!first || cnt == 0) break;
      row0 = off, n = cnt;
    } else {
      MPI_Fetch_and_op(&chunk, &row0, MPI_INT64_T, 0, 0, MPI_SUM, win);
      MPI_Win_flush(0, win);
      if (row0 >= nx) break;
      n = row0 + chunk < nx ? chunk : nx - row0;
    }
    if (nr == cap) {
      cap = cap ? 2 * cap : 16;
      range *grown = realloc(r, (size_t)cap * sizeof *r);
      if (!grown) ok = 0; else r = grown;
    }
    double *more = ok ? realloc(rows, (size_t)((held + n) * ny * rec) * sizeof *rows) : NULL;
    if (!more) { ok = 0; break; }
    rows = more;
    r[nr++] = (range){row0, n};
    tg__grid_solve_rows(m, x, y, row0, n, rows + held * ny * rec, sol, p);
    held += n;
    if (rank == 0 && schedule == TG_SCHEDULE_DYNAMIC) { /* serve the others' claims (passive target) */
      int flag;
      MPI_Iprobe(MPI_ANY_SOURCE, MPI_ANY_TAG, dup, &flag, MPI_STATUS_IGNORE);
    }
  }
  if (win != MPI_WIN_NULL) {
    MPI_Win_unlock_all(win);
    MPI_Win_free(&win);
  }
  /* Split the records into one buffer per dataset. */
  int64_t pts = held * ny;
  double *tof = malloc((size_t)(pts * ng + 1) * sizeof *tof), *cov = malloc((size_t)(pts * nc + 1) * sizeof *cov);
  int *st = malloc((size_t)(pts + 1) * sizeof *st), *it = malloc((size_t)(pts + 1) * sizeof *it);
  ok &= tof && cov && st && it;
  for (int64_t k = 0; ok && k < pts; k++) {
    const double *rr = rows + k * rec;
    memcpy(tof + k * ng, rr, (size_t)ng * sizeof *rr);
    memcpy(cov + k * nc, rr + ng, (size_t)nc * sizeof *rr);
    st[k] = (int)rr[ng + nc], it[k] = (int)rr[ng + nc + 1];
  }
  int all_ok = 0;
  MPI_Allreduce(&ok, &all_ok, 1, MPI_INT, MPI_MIN, dup);
  int rc = all_ok ? TG_SUCCESS : tg__fail(TG_ERR_NOMEM, fn, "out of memory for this rank's rows");

  if (!rc) { /* the collective write, to a temporary name */
    H5E_auto2_t old_func;
    void *old_data;
    H5Eget_auto2(H5E_DEFAULT, &old_func, &old_data);
    H5Eset_auto2(H5E_DEFAULT, NULL, NULL);
    char tmp[4200];
    snprintf(tmp, sizeof tmp, "%s.tmp", path);
    hid_t fapl = H5Pcreate(H5P_FILE_ACCESS);
    H5Pset_fapl_mpio(fapl, dup, MPI_INFO_NULL);
    hid_t file = H5Fcreate(tmp, H5F_ACC_TRUNC, H5P_DEFAULT, fapl);
    H5Pclose(fapl);
    if (file < 0) {
      rc = tg__fail(TG_ERR_IO, fn, "cannot create %s (is its directory writable?)", tmp);
    } else {
      hid_t dxpl = H5Pcreate(H5P_DATASET_XFER);
      H5Pset_dxpl_mpio(dxpl, H5FD_MPIO_COLLECTIVE);
      hsize_t d3g[3] = {(hsize_t)nx, (hsize_t)ny, (hsize_t)ng}, d3c[3] = {(hsize_t)nx, (hsize_t)ny, (hsize_t)nc},
              d2[2] = {(hsize_t)nx, (hsize_t)ny};
      int bad = write_dataset(file, "tof", H5T_NATIVE_DOUBLE, 3, d3g, r, nr, tof, (hsize_t)(ny * ng), dxpl);
      bad |= write_dataset(file, "coverages", H5T_NATIVE_DOUBLE, 3, d3c, r, nr, cov, (hsize_t)(ny * nc), dxpl);
      bad |= write_dataset(file, "status", H5T_NATIVE_INT, 2, d2, r, nr, st, (hsize_t)ny, dxpl);
      bad |= write_dataset(file, "iterations", H5T_NATIVE_INT, 2, d2, r, nr, it, (hsize_t)ny, dxpl);
      /* axes and names: small, written by every rank with the same values (collective metadata) */
      const tg_axis *ax[2] = {x, y};
      const char *an[2] = {"x", "y"};
      for (int k = 0; k < (y ? 2 : 1); k++) {
        hsize_t n = (hsize_t)ax[k]->n;
        hid_t sp = H5Screate_simple(1, &n, NULL), ds = H5Dcreate2(file, an[k], H5T_NATIVE_DOUBLE, sp, H5P_DEFAULT, H5P_DEFAULT, H5P_DEFAULT);
        bad |= ds < 0 || H5Dwrite(ds, H5T_NATIVE_DOUBLE, H5S_ALL, H5S_ALL, dxpl, ax[k]->values) < 0;
        attribute(ds, "name", ax[k]->variable == TG_AXIS_TEMPERATURE ? "T" : tg_model_species(m, TG_GAS, ax[k]->variable));
        if (ds >= 0) H5Dclose(ds);
        H5Sclose(sp);
      }
      char buf[4096];
      attribute(file, "model", tg_model_name(m));
      names(m, TG_GAS, 0, buf, sizeof buf);
      attribute(file, "gases", buf);
      names(m, TG_ADSORBATE, 1, buf, sizeof buf);
      attribute(file, "species", buf);
      attribute(file, "product", tg_model_product(m) >= 0 ? tg_model_species(m, TG_GAS, tg_model_product(m)) : "");
      H5Pclose(dxpl);
      bad |= H5Fclose(file) < 0;
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
  (void)t0;
  free(tof), free(cov), free(st), free(it), free(rows), free(r), free(p);
  tg_solution_free(sol);
  return rc;
}
#endif
