/* The HDF5 writer: a map written collectively with parallel HDF5 (MPI-IO)
 * from the rows each rank holds, as a union of hyperslabs, so no rank ever
 * holds the whole grid. HDF5's own error printing is switched off around our
 * calls: the library reports through its status and message only. */
#include <string.h>

#include "map/map.h"

#ifndef TOFGRID_HAVE_HDF5

int tg__write_hdf5(MPI_Comm dup, int rank, const tg_model *m, const tg_axis *x, const tg_axis *y, const tg__part *part,
                   const char *path, const char *fn)
{
  (void)dup, (void)rank, (void)m, (void)x, (void)y, (void)part, (void)path;
  return tg__fail(TG_ERR_UNSUPPORTED, fn, "this tofgrid was built without parallel HDF5 (libhdf5-mpich-dev)");
}

#else
#include <hdf5.h>

static int write_dataset(hid_t file, const char *name, hid_t type, int rank_dims, const hsize_t *dims,
                         const tg__part *p, const void *mem, hsize_t per_row, hid_t dxpl)
{
  hid_t space = H5Screate_simple(rank_dims, dims, NULL);
  hid_t set = H5Dcreate2(file, name, type, space, H5P_DEFAULT, H5P_DEFAULT, H5P_DEFAULT);
  hsize_t total = 0;
  H5Sselect_none(space);
  for (int k = 0; k < p->nruns; k++) {
    hsize_t start[3] = {(hsize_t)p->runs[k].row, 0, 0},
            count[3] = {(hsize_t)p->runs[k].n, dims[1], rank_dims > 2 ? dims[2] : 1};
    H5Sselect_hyperslab(space, H5S_SELECT_OR, start, NULL, count, NULL);
    total += (hsize_t)p->runs[k].n * per_row;
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

int tg__write_hdf5(MPI_Comm dup, int rank, const tg_model *m, const tg_axis *x, const tg_axis *y, const tg__part *p,
                   const char *path, const char *fn)
{
  (void)rank;
  int64_t nx = x->n, ny = y ? y->n : 1;
  int ng = m->ng, nc = m->na + m->ns, rc = TG_SUCCESS;
  H5E_auto2_t old_func;
  void *old_data;
  H5Eget_auto2(H5E_DEFAULT, &old_func, &old_data);
  H5Eset_auto2(H5E_DEFAULT, NULL, NULL);
  hid_t fapl = H5Pcreate(H5P_FILE_ACCESS);
  H5Pset_fapl_mpio(fapl, dup, MPI_INFO_NULL);
  hid_t h5f = H5Fcreate(path, H5F_ACC_TRUNC, H5P_DEFAULT, fapl);
  H5Pclose(fapl);
  if (h5f < 0) {
    rc = tg__fail(TG_ERR_IO, fn, "cannot create %s (is its directory writable?)", path);
  } else {
    hid_t dxpl = H5Pcreate(H5P_DATASET_XFER);
    H5Pset_dxpl_mpio(dxpl, H5FD_MPIO_COLLECTIVE);
    hsize_t d3g[3] = {(hsize_t)nx, (hsize_t)ny, (hsize_t)ng}, d3c[3] = {(hsize_t)nx, (hsize_t)ny, (hsize_t)nc},
            d2[2] = {(hsize_t)nx, (hsize_t)ny};
    int bad = write_dataset(h5f, "tof", H5T_NATIVE_DOUBLE, 3, d3g, p, p->tof, (hsize_t)(ny * ng), dxpl);
    bad |= write_dataset(h5f, "coverages", H5T_NATIVE_DOUBLE, 3, d3c, p, p->cov, (hsize_t)(ny * nc), dxpl);
    bad |= write_dataset(h5f, "status", H5T_NATIVE_INT, 2, d2, p, p->status, (hsize_t)ny, dxpl);
    bad |= write_dataset(h5f, "iterations", H5T_NATIVE_INT, 2, d2, p, p->iterations, (hsize_t)ny, dxpl);
    /* axes and names: small, written by every rank with the same values (collective metadata) */
    const tg_axis *ax[2] = {x, y};
    const char *an[2] = {"x", "y"};
    for (int k = 0; k < (y ? 2 : 1); k++) {
      hsize_t n = (hsize_t)ax[k]->n;
      hid_t sp = H5Screate_simple(1, &n, NULL),
            ds = H5Dcreate2(h5f, an[k], H5T_NATIVE_DOUBLE, sp, H5P_DEFAULT, H5P_DEFAULT, H5P_DEFAULT);
      bad |= ds < 0 || H5Dwrite(ds, H5T_NATIVE_DOUBLE, H5S_ALL, H5S_ALL, dxpl, ax[k]->values) < 0;
      attribute(ds, "name", tg__axis_name(m, ax[k]));
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
    if (any_bad) rc = tg__fail(TG_ERR_IO, fn, "writing %s failed", path);
  }
  H5Eset_auto2(H5E_DEFAULT, old_func, old_data);
  return rc;
}
#endif
