/* The HDF5 writer: a map written collectively with parallel HDF5 (MPI-IO)
 * from the rows each rank holds, as a union of hyperslabs, so no rank ever
 * holds the whole grid. HDF5's own error printing is switched off around our
 * calls: the library reports through its status and message only. */
#define _GNU_SOURCE /* fallocate */
#include <string.h>

#include "map/map.h"

#ifndef TOFGRID_HAVE_HDF5

int tg__write_hdf5(MPI_Comm dup, int rank, const tg_model *m, const tg_axis *x, const tg_axis *y, const tg__part *part,
                   const char *path, const char *shown, const char *fn)
{
  (void)dup, (void)rank, (void)m, (void)x, (void)y, (void)part, (void)path, (void)shown;
  return tg__fail(TG_ERR_UNSUPPORTED, fn, "this tofgrid was built without parallel HDF5 (libhdf5-mpich-dev)");
}

#else
#include <errno.h>
#include <fcntl.h>
#include <hdf5.h>
#include <stdlib.h>
#include <unistd.h>

/* Every HDF5 call here is collective or feeds one. A call that fails on one
 * rank must not leave the others in the next collective: before each
 * collective step the ranks agree whether all are still good (`bad` is this
 * rank's; an MPI failure counts as bad). */
static int agreed(MPI_Comm dup, int bad)
{
  int any = 1;
  if (MPI_Allreduce(&bad, &any, 1, MPI_INT, MPI_MAX, dup) != MPI_SUCCESS) return 1;
  return any;
}

static void close_space(hid_t id)
{
  if (id >= 0) H5Sclose(id);
}

/* One dataset of the map, from the runs of rows this rank holds. */
static int write_dataset(MPI_Comm dup, hid_t file, const char *name, hid_t type, int rank_dims, const hsize_t *dims,
                         const tg__part *p, const void *mem, hsize_t per_row, hid_t dcpl, hid_t dxpl)
{
  hid_t space = H5Screate_simple(rank_dims, dims, NULL), memspace = -1, set = -1;
  int bad = space < 0;
  if (!bad) set = H5Dcreate2(file, name, type, space, H5P_DEFAULT, dcpl, H5P_DEFAULT);
  bad |= set < 0 || H5Sselect_none(space) < 0;
  hsize_t total = 0;
  for (int k = 0; k < p->nruns && !bad; k++) {
    hsize_t start[3] = {(hsize_t)p->runs[k].row, 0, 0},
            count[3] = {(hsize_t)p->runs[k].n, dims[1], rank_dims > 2 ? dims[2] : 1};
    bad |= H5Sselect_hyperslab(space, H5S_SELECT_OR, start, NULL, count, NULL) < 0;
    total += (hsize_t)p->runs[k].n * per_row;
  }
  if (!bad) {
    hsize_t one = total ? total : 1;
    memspace = H5Screate_simple(1, &one, NULL);
    bad |= memspace < 0 || (total == 0 && H5Sselect_none(memspace) < 0);
  }
  if (!agreed(dup, bad)) bad |= H5Dwrite(set, type, memspace, space, dxpl, mem) < 0;
  else bad = 1;
  close_space(memspace);
  if (set >= 0) bad |= H5Dclose(set) < 0;
  close_space(space);
  return bad;
}

/* A string attribute (collective metadata: every rank, the same value). */
static int attribute(hid_t obj, const char *name, const char *value)
{
  hid_t type = H5Tcopy(H5T_C_S1), space = H5Screate(H5S_SCALAR), a = -1;
  int bad = type < 0 || space < 0 || H5Tset_size(type, strlen(value) + 1) < 0;
  if (!bad) a = H5Acreate2(obj, name, type, space, H5P_DEFAULT, H5P_DEFAULT);
  bad |= a < 0 || H5Awrite(a, type, value) < 0;
  if (a >= 0) bad |= H5Aclose(a) < 0;
  close_space(space);
  if (type >= 0) H5Tclose(type);
  return bad;
}

/* A number attribute: n doubles (collective metadata, as above). */
static int numbers(hid_t obj, const char *name, const double *values, hsize_t n)
{
  hid_t space = H5Screate_simple(1, &n, NULL), a = -1;
  int bad = space < 0;
  if (!bad) a = H5Acreate2(obj, name, H5T_NATIVE_DOUBLE, space, H5P_DEFAULT, H5P_DEFAULT);
  bad |= a < 0 || H5Awrite(a, H5T_NATIVE_DOUBLE, values) < 0;
  if (a >= 0) bad |= H5Aclose(a) < 0;
  close_space(space);
  return bad;
}

/* The unit of a pressure: CatMAP's models state bar, SCAKS's 1 = 101325 Pa. */
static const char *pressure_unit(const tg_model *m)
{
  return tg_model_count(m, TG_DESCRIPTOR) > 0 ? "bar" : "101325 Pa (SCAKS: 1 = 1 atm)";
}

/* The unit of an axis's values. */
static const char *axis_unit(const tg_model *m, const tg_axis *a)
{
  if (a->variable == TG_AXIS_TEMPERATURE ||
      TG_AXIS_DESCRIPTOR(0) - a->variable == tg__catmap_condition_descriptor(m, -1))
    return "K";
  if (a->variable < TG_AXIS_TEMPERATURE) {
    const char *name = tg__axis_name(m, a);
    return strcmp(name, "logPressure") ? "eV" : "log10(bar)";
  }
  return pressure_unit(m);
}

/* Names of a kind of species (and the sites after the adsorbates) as an
 * attribute: an array of fixed-length strings, one per name (readers get a
 * list, not a comma-joined string). */
static int name_list(hid_t obj, const char *attr, const tg_model *m, int kind, int also_sites)
{
  hsize_t n = 0;
  size_t width = 1;
  for (int pass = 0; pass < (also_sites ? 2 : 1); pass++)
    for (int i = 0; i < tg_model_count(m, pass ? TG_SITE : kind); i++, n++) {
      size_t len = strlen(tg_model_species(m, pass ? TG_SITE : kind, i)) + 1;
      width = len > width ? len : width;
    }
  char buf[(n ? n : 1) * width]; /* names are short (TG_NAME_MAX): no allocation to fail on one rank only */
  memset(buf, 0, sizeof buf);
  size_t k = 0;
  for (int pass = 0; pass < (also_sites ? 2 : 1); pass++)
    for (int i = 0; i < tg_model_count(m, pass ? TG_SITE : kind); i++, k++)
      memcpy(buf + k * width, tg_model_species(m, pass ? TG_SITE : kind, i),
             strlen(tg_model_species(m, pass ? TG_SITE : kind, i)));
  hid_t type = H5Tcopy(H5T_C_S1), space = n ? H5Screate_simple(1, &n, NULL) : H5Screate(H5S_NULL), a = -1;
  int bad = type < 0 || space < 0 || H5Tset_size(type, width) < 0 || H5Tset_strpad(type, H5T_STR_NULLTERM) < 0;
  if (!bad) a = H5Acreate2(obj, attr, type, space, H5P_DEFAULT, H5P_DEFAULT);
  bad |= a < 0 || (n && H5Awrite(a, type, buf) < 0);
  if (a >= 0) bad |= H5Aclose(a) < 0;
  close_space(space);
  if (type >= 0) H5Tclose(type);
  return bad;
}

/* The axes, their names and the model's names (small: every rank writes
 * the same values). */
static int write_labels(MPI_Comm dup, hid_t h5f, const tg_model *m, const tg_axis *x, const tg_axis *y, hid_t dcpl,
                        hid_t dxpl)
{
  const tg_axis *ax[2] = {x, y};
  const char *an[2] = {"x", "y"};
  int bad = 0;
  for (int k = 0; k < (y ? 2 : 1); k++) {
    hsize_t n = (hsize_t)ax[k]->n;
    hid_t sp = H5Screate_simple(1, &n, NULL), ds = -1;
    if (sp >= 0) ds = H5Dcreate2(h5f, an[k], H5T_NATIVE_DOUBLE, sp, H5P_DEFAULT, dcpl, H5P_DEFAULT);
    if (!agreed(dup, sp < 0 || ds < 0)) {
      bad |= H5Dwrite(ds, H5T_NATIVE_DOUBLE, H5S_ALL, H5S_ALL, dxpl, ax[k]->values) < 0;
      bad |= attribute(ds, "name", tg__axis_name(m, ax[k]));
      bad |= attribute(ds, "units", axis_unit(m, ax[k]));
    } else {
      bad = 1;
    }
    if (ds >= 0) bad |= H5Dclose(ds) < 0;
    close_space(sp);
    if (agreed(dup, bad)) return 1;
  }
  {
    bad |= attribute(h5f, "model", tg_model_name(m));
    bad |= name_list(h5f, "gases", m, TG_GAS, 0);
    bad |= name_list(h5f, "species", m, TG_ADSORBATE, 1);
    bad |= attribute(h5f, "product", tg_model_product(m) >= 0 ? tg_model_species(m, TG_GAS, tg_model_product(m)) : "");
    /* The conditions no axis sets: the model's temperature and pressures (gas order) */
    int on_axis_T = 0;
    for (int k = 0; k < (y ? 2 : 1); k++) on_axis_T |= !strcmp(axis_unit(m, ax[k]), "K");
    double T, *p = malloc((size_t)(m->ng ? m->ng : 1) * sizeof *p);
    bad |= !p || tg_model_conditions(m, &T, p) != TG_SUCCESS;
    if (!bad && !on_axis_T && tg__catmap_condition_descriptor(m, -1) < 0) bad |= numbers(h5f, "temperature", &T, 1);
    int shared = 0; /* pressures a logPressure descriptor sets are the point's, not the model's */
    for (int g = 0; g < m->ng; g++) shared |= tg__catmap_condition_descriptor(m, g) >= 0;
    if (!bad && m->ng && !shared) bad |= numbers(h5f, "pressures", p, (hsize_t)m->ng);
    free(p);
    bad |= attribute(h5f, "temperature_unit", "K");
    bad |= attribute(h5f, "pressure_unit", pressure_unit(m));
    bad |= attribute(h5f, "tofgrid_version", tg_version());
    bad |= attribute(h5f, "status_codes", "0 ok, 1 past_t_end, 2 failed (NaN results), 3 before_t_end");
  }
  return bad;
}

/* Each dataset's unit, as an attribute "units". */
static int units(hid_t h5f)
{
  static const char *const what[4][2] = {{"tof", "s^-1 per site (net production; consumed < 0)"},
                                         {"coverages", "fraction of sites"},
                                         {"status", "tg_steady_status (the file's status_codes)"},
                                         {"iterations", "Newton iterations"}};
  int bad = 0;
  for (int k = 0; k < 4 && !bad; k++) {
    hid_t d = H5Dopen2(h5f, what[k][0], H5P_DEFAULT);
    bad |= d < 0 || attribute(d, "units", what[k][1]);
    if (d >= 0) bad |= H5Dclose(d) < 0;
  }
  return bad;
}

/* Is there room for the file? HDF5 1.10 cannot recover from a failed
 * H5Fclose: the half-closed file stays registered and HDF5's own shutdown
 * in MPI_Finalize then crashes on it. So the room a map needs (its numbers
 * plus a margin for HDF5's headers) is reserved for a moment before HDF5
 * writes a byte: a full disk, a quota or a file size limit is found here,
 * as a clean error. (Only a disk filled by someone else in the seconds of
 * the write can still reach HDF5.) Rank 0, on the temporary outputs.c made. */
static int reserve(const char *path, const char *shown, double bytes, const char *fn)
{
  int fd = open(path, O_WRONLY | O_CLOEXEC);
  if (fd < 0) return tg__fail(TG_ERR_IO, fn, "cannot open %s: %s", path, strerror(errno));
  int rc = TG_SUCCESS, err = fallocate(fd, 0, 0, (off_t)bytes) == 0 ? 0 : errno;
  if (err == EOPNOTSUPP || err == ENOSYS) /* NFSv3, older ZFS, FUSE: glibc writes every block instead */
    err = posix_fallocate(fd, 0, (off_t)bytes);
  if (err) rc = tg__fail(TG_ERR_IO, fn, "no room for %s (%.3g MB): %s", shown, bytes / 1e6, strerror(err));
  if (ftruncate(fd, 0) != 0 && !rc) rc = tg__fail(TG_ERR_IO, fn, "cannot truncate %s: %s", path, strerror(errno));
  close(fd);
  return rc;
}

int tg__write_hdf5(MPI_Comm dup, int rank, const tg_model *m, const tg_axis *x, const tg_axis *y, const tg__part *p,
                   const char *path, const char *shown, const char *fn)
{
  int64_t nx = x->n, ny = y ? y->n : 1;
  int ng = m->ng, nc = m->na + m->ns;
  double bytes = (double)nx * (double)ny * ((ng + nc) * sizeof(double) + 2 * sizeof(int)) +
                 (double)(nx + ny) * sizeof(double) + 65536.0 + 256.0 * (m->nsp + m->nsteps);
  TG_CALL(tg__agree(dup, rank == 0 ? reserve(path, shown, bytes, fn) : TG_SUCCESS, fn));
  H5E_auto2_t old_func;
  void *old_data;
  H5Eget_auto2(H5E_DEFAULT, &old_func, &old_data);
  H5Eset_auto2(H5E_DEFAULT, NULL, NULL);
  /* No modification times in object headers: the same map gives the same
   * bytes. The file creation list is also the root group's. */
  hid_t fapl = H5Pcreate(H5P_FILE_ACCESS), fcpl = H5Pcreate(H5P_FILE_CREATE), dcpl = H5Pcreate(H5P_DATASET_CREATE),
        dxpl = H5Pcreate(H5P_DATASET_XFER), h5f = -1;
  int bad = fapl < 0 || fcpl < 0 || dcpl < 0 || dxpl < 0 || H5Pset_fapl_mpio(fapl, dup, MPI_INFO_NULL) < 0 ||
            H5Pset_obj_track_times(fcpl, 0) < 0 || H5Pset_obj_track_times(dcpl, 0) < 0 ||
            H5Pset_dxpl_mpio(dxpl, H5FD_MPIO_COLLECTIVE) < 0;
  int rc = TG_SUCCESS;
  if (agreed(dup, bad)) {
    rc = tg__fail(TG_ERR_NOMEM, fn, "cannot set up HDF5 to write %s", path);
  } else {
    h5f = H5Fcreate(path, H5F_ACC_TRUNC, fcpl, fapl);
    if (agreed(dup, h5f < 0)) {
      rc = tg__fail(TG_ERR_IO, fn, "cannot create %s (is its directory writable?)", shown);
    } else {
      /* A 1-D map is 1-D: (nx, gas), (nx, species), (nx); a 2-D map (nx, ny, ...). */
      int r = y ? 1 : 0;
      hsize_t dg[3] = {(hsize_t)nx, y ? (hsize_t)ny : (hsize_t)ng, (hsize_t)ng},
              dc[3] = {(hsize_t)nx, y ? (hsize_t)ny : (hsize_t)nc, (hsize_t)nc}, d2[2] = {(hsize_t)nx, (hsize_t)ny};
      bad = write_dataset(dup, h5f, "tof", H5T_NATIVE_DOUBLE, 2 + r, dg, p, p->tof, (hsize_t)(ny * ng), dcpl, dxpl);
      if (!agreed(dup, bad))
        bad = write_dataset(dup, h5f, "coverages", H5T_NATIVE_DOUBLE, 2 + r, dc, p, p->cov, (hsize_t)(ny * nc), dcpl,
                            dxpl);
      if (!agreed(dup, bad))
        bad = write_dataset(dup, h5f, "status", H5T_NATIVE_INT, 1 + r, d2, p, p->status, (hsize_t)ny, dcpl, dxpl);
      if (!agreed(dup, bad))
        bad =
            write_dataset(dup, h5f, "iterations", H5T_NATIVE_INT, 1 + r, d2, p, p->iterations, (hsize_t)ny, dcpl, dxpl);
      if (!agreed(dup, bad)) bad = write_labels(dup, h5f, m, x, y, dcpl, dxpl);
      if (!agreed(dup, bad)) bad = units(h5f);
      /* Closed on every path (an open file would be flushed by HDF5's own
       * shutdown after MPI_Finalize, and crash there). */
      bad |= H5Fclose(h5f) < 0;
      if (agreed(dup, bad))
        rc = tg__fail(TG_ERR_IO, fn, "writing %s failed (is the disk full or a quota reached?)", shown);
    }
  }
  if (dxpl >= 0) H5Pclose(dxpl);
  if (dcpl >= 0) H5Pclose(dcpl);
  if (fcpl >= 0) H5Pclose(fcpl);
  if (fapl >= 0) H5Pclose(fapl);
  H5Eset_auto2(H5E_DEFAULT, old_func, old_data);
  return rc;
}
#endif
