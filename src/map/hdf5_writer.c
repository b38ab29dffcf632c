/* The HDF5 writer: a map written collectively with parallel HDF5 (MPI-IO)
 * from the rows each rank holds, as a union of hyperslabs, so no rank ever
 * holds the whole grid. HDF5's own error printing is switched off around our
 * calls: the library reports through its status and message only. */
#define _GNU_SOURCE /* fallocate */
#include <math.h>
#include <string.h>

#include "map/map.h"

#ifndef TOFGRID_HAVE_HDF5

int tg__write_hdf5(MPI_Comm dup, int rank, const tg__map *map, const tg__part *part, const char *path,
                   const char *shown, const char *fn)
{
  (void)dup, (void)rank, (void)map, (void)part, (void)path, (void)shown;
  return tg__fail(TG_ERR_UNSUPPORTED, fn, "this tofgrid was built without parallel HDF5 (libhdf5-mpich-dev)");
}

#else
#include <errno.h>
#include <fcntl.h>
#include <hdf5.h>
#include <hdf5_hl.h>
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

/* One dataset of the map (dims[0] = nx: one row per map row), from the
 * runs of rows this rank holds; returns it open in *out (to attach its
 * scales) unless out is NULL. */
static int write_dataset(MPI_Comm dup, hid_t file, const char *name, hid_t type, int rank_dims, const hsize_t *dims,
                         const tg__part *p, const void *mem, hid_t dcpl, hid_t dxpl, hid_t *out)
{
  hid_t space = H5Screate_simple(rank_dims, dims, NULL), memspace = -1, set = -1;
  int bad = space < 0;
  if (!bad) set = H5Dcreate2(file, name, type, space, H5P_DEFAULT, dcpl, H5P_DEFAULT);
  bad |= set < 0 || H5Sselect_none(space) < 0;
  hsize_t total = 0, per_row = 1, start[4] = {0}, count[4];
  for (int k = 1; k < rank_dims; k++) per_row *= dims[k];
  for (int k = 0; k < p->nruns && !bad; k++) {
    start[0] = (hsize_t)p->runs[k].row, count[0] = (hsize_t)p->runs[k].n;
    for (int d = 1; d < rank_dims; d++) count[d] = dims[d];
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
  if (out && !bad) *out = set;
  else if (set >= 0) bad |= H5Dclose(set) < 0;
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

/* Names as HDF5 stores a list of strings: n fixed-length, NUL-terminated
 * strings of `width` bytes each (readers get a list, not a joined string). */
typedef struct names {
  hsize_t n;
  size_t width;
  char *buf; /* NULL: out of memory */
} names;

/* The names along dim d (kind < 0), or of a kind of species. */
static names names_of(const tg_model *m, int kind, tg__dim d)
{
  names s = {0, 1, NULL};
  char tmp[32];
  int n = kind < 0 ? tg__dim_size(m, d) : tg_model_count(m, kind);
  for (int pass = 0; pass < 2; pass++) {
    for (int k = 0; k < n; k++) {
      const char *name = kind < 0 ? tg__dim_label(m, d, k, tmp, sizeof tmp) : tg_model_species(m, kind, k);
      size_t len = strlen(name);
      if (pass == 0 && len + 1 > s.width) s.width = len + 1;
      if (pass == 1) memcpy(s.buf + (size_t)k * s.width, name, len);
    }
    if (pass == 0 && !(s.buf = calloc(n ? (size_t)n * s.width : 1, 1))) break;
  }
  s.n = (hsize_t)n;
  return s;
}

static hid_t string_type(size_t width)
{
  hid_t type = H5Tcopy(H5T_C_S1);
  if (type >= 0 && (H5Tset_size(type, width) < 0 || H5Tset_strpad(type, H5T_STR_NULLTERM) < 0)) {
    H5Tclose(type);
    return -1;
  }
  return type;
}

/* The names as an attribute of obj (collective metadata: every rank alike). */
static int name_list(hid_t obj, const char *attr, names s)
{
  hid_t type = string_type(s.width), space = s.n ? H5Screate_simple(1, &s.n, NULL) : H5Screate(H5S_NULL), a = -1;
  int bad = !s.buf || type < 0 || space < 0;
  if (!bad) a = H5Acreate2(obj, attr, type, space, H5P_DEFAULT, H5P_DEFAULT);
  bad |= a < 0 || (s.n && H5Awrite(a, type, s.buf) < 0);
  if (a >= 0) bad |= H5Aclose(a) < 0;
  close_space(space);
  if (type >= 0) H5Tclose(type);
  free(s.buf);
  return bad;
}

/* A 1-D dataset that labels a dimension of the map's datasets (a dimension
 * scale: h5py's dims, xarray's coordinates): the axis values, or the names
 * along a per-point dimension. Returned open in *out whenever it was made,
 * failed or not: the caller closes it on every rank alike. */
static int scale(MPI_Comm dup, hid_t h5f, const char *name, hid_t type, hsize_t n, const void *values,
                 const char *units, const char *long_name, hid_t dcpl, hid_t dxpl, hid_t *out)
{
  hid_t sp = n ? H5Screate_simple(1, &n, NULL) : H5Screate(H5S_NULL), ds = -1;
  if (sp >= 0) ds = H5Dcreate2(h5f, name, type, sp, H5P_DEFAULT, dcpl, H5P_DEFAULT);
  int bad = 1;
  if (!agreed(dup, sp < 0 || ds < 0)) {
    bad = n && H5Dwrite(ds, type, H5S_ALL, H5S_ALL, dxpl, values) < 0;
    bad |= H5DSset_scale(ds, long_name) < 0;
    if (units) bad |= attribute(ds, "units", units);
  }
  close_space(sp);
  *out = ds;
  return bad;
}

/* What the file says about itself: the model (name, its YAML, names), the
 * conditions no axis sets, units, tofgrid's version, the status codes, the
 * analyses (collective metadata: every rank writes the same values). */
static int describe(MPI_Comm dup, hid_t h5f, const tg__map *map, hid_t dcpl, hid_t dxpl)
{
  const tg_model *m = map->m;
  int bad = attribute(h5f, "model", tg_model_name(m));
  /* the model itself, exactly as read: a dataset (attributes are limited to 64 KiB) */
  const char *yaml = tg_model_source(m);
  hid_t type = string_type(strlen(yaml) + 1), sp = H5Screate(H5S_SCALAR), ds = -1;
  if (type >= 0 && sp >= 0) ds = H5Dcreate2(h5f, "model_yaml", type, sp, H5P_DEFAULT, dcpl, H5P_DEFAULT);
  if (!agreed(dup, type < 0 || sp < 0 || ds < 0)) {
    bad |= H5Dwrite(ds, type, H5S_ALL, H5S_ALL, dxpl, yaml) < 0;
    bad |= attribute(ds, "units", "YAML (docs/model-format.md); tofgrid.Model.from_yaml reads it");
  } else {
    bad = 1;
  }
  if (ds >= 0) bad |= H5Dclose(ds) < 0;
  close_space(sp);
  if (type >= 0) H5Tclose(type);
  if (agreed(dup, bad)) return 1;
  /* What needs memory first, agreed: every attribute below is collective, so no rank may skip one. */
  names gases = names_of(m, TG_GAS, 0), species_names = names_of(m, -1, TG__DIM_SPECIES),
        dnames = names_of(m, TG_DESCRIPTOR, 0);
  int ng = m->ng, nd = tg_model_count(m, TG_DESCRIPTOR);
  double T, *p = malloc((size_t)(ng + 1) * sizeof *p), d[TG_DESCRIPTORS_MAX];
  char text[8192];
  int ready = gases.buf && species_names.buf && dnames.buf && p && tg__map_conditions_text(map, text, sizeof text) == 0;
  if (agreed(dup, !ready)) {
    free(gases.buf), free(species_names.buf), free(dnames.buf), free(p);
    return 1;
  }
  bad |= name_list(h5f, "gases", gases);
  bad |= name_list(h5f, "species", species_names);
  bad |= attribute(h5f, "product", tg_model_product(m) >= 0 ? tg_model_species(m, TG_GAS, tg_model_product(m)) : "");
  /* The conditions no axis sets: numbers (NaN where an axis or a descriptor sets one) and text */
  tg__map_stated(map, &T, p, d);
  if (!isnan(T)) bad |= numbers(h5f, "temperature", &T, 1);
  if (ng) bad |= numbers(h5f, "pressures", p, (hsize_t)ng);
  if (nd) {
    bad |= numbers(h5f, "descriptors", d, (hsize_t)nd);
    bad |= name_list(h5f, "descriptor_names", dnames);
  } else {
    free(dnames.buf);
  }
  bad |= attribute(h5f, "conditions", text);
  free(p);
  bad |= attribute(h5f, "temperature_unit", "K");
  bad |= attribute(h5f, "pressure_unit", tg__pressure_unit(m));
  bad |= attribute(h5f, "tofgrid_version", tg_version());
  bad |= attribute(h5f, "status_codes", "0 ok, 1 past_t_end, 2 failed (NaN results), 3 before_t_end");
  char list[256] = "";
  for (int k = 2; k < map->layout.n; k++) /* the fields after tof and coverages */
    snprintf(list + strlen(list), sizeof list - strlen(list), "%s%s", k > 2 ? "," : "", map->layout.f[k].name);
  bad |= attribute(h5f, "analyses", list);
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

/* The map's datasets, each with its units and its dimensions labelled by
 * the scales: x (and y), then the names along each per-point dimension. */
static int write_map(MPI_Comm dup, hid_t h5f, const tg__map *map, const tg__part *p, hid_t dcpl, hid_t dxpl)
{
  const tg_model *m = map->m;
  const tg__layout *l = &map->layout;
  int r = map->y ? 2 : 1, bad = 0; /* map dimensions: a 1-D map is 1-D */
  hid_t scales[2], sets[TG__FIELDS_MAX + 2];
  int nscales = 0, nsets = 0;
  const tg_axis *ax[2] = {map->x, map->y};
  for (int k = 0; k < r && !bad; k++) {
    char label[160];
    snprintf(label, sizeof label, "%s", tg__axis_name(m, ax[k]));
    hid_t made = -1;
    bad = scale(dup, h5f, k ? "y" : "x", H5T_NATIVE_DOUBLE, (hsize_t)ax[k]->n, ax[k]->values, tg__axis_unit(m, ax[k]),
                label, dcpl, dxpl, &made);
    if (made >= 0) scales[nscales++] = made;
    if (agreed(dup, bad)) {
      bad = 1;
      break;
    }
    bad = agreed(dup, attribute(made, "name", label));
  }
  hid_t dim_scale[TG__NDIMS]; /* per tg__dim, made when first used */
  for (int k = 0; k < TG__NDIMS; k++) dim_scale[k] = -1;
  for (int k = 0; k < l->n + 2 && !bad; k++) {
    const tg__field *f = k < l->n ? &l->f[k] : NULL;
    hsize_t dims[4] = {(hsize_t)map->nx, (hsize_t)map->ny};
    int rank_dims = r;
    for (int d = 0; f && d < f->rank; d++) dims[rank_dims++] = (hsize_t)tg__dim_size(m, f->dim[d]);
    const char *name = f ? f->name : k == l->n ? "status" : "iterations";
    hid_t set = -1;
    bad = write_dataset(dup, h5f, name, f ? H5T_NATIVE_DOUBLE : H5T_NATIVE_INT, rank_dims, dims, p,
                        f           ? (const void *)p->field[k]
                        : k == l->n ? (const void *)p->status
                                    : (const void *)p->iterations,
                        dcpl, dxpl, &set);
    if (agreed(dup, bad)) {
      if (set >= 0) H5Dclose(set);
      bad = 1;
      break;
    }
    sets[nsets++] = set;
    bad |= attribute(set, "units",
                     f           ? f->units
                     : k == l->n ? "tg_steady_status (the file's status_codes)"
                                 : "Newton iterations");
    for (int d = 0; d < r; d++) bad |= H5DSattach_scale(set, scales[d], (unsigned)d) < 0;
    for (int d = 0; f && d < f->rank; d++) { /* every rank takes every turn: the scales are collective */
      tg__dim which = f->dim[d];
      if (dim_scale[which] < 0) {
        names s = names_of(m, -1, which);
        hid_t type = string_type(s.width), made = -1;
        if (!agreed(dup, !s.buf || type < 0))
          bad |= scale(dup, h5f, tg__dim_name(which), type, s.n, s.buf, NULL, tg__dim_name(which), dcpl, dxpl, &made);
        else bad = 1;
        free(s.buf);
        if (type >= 0) H5Tclose(type);
        dim_scale[which] = made; /* closed at the end, failed or not */
        if (agreed(dup, bad)) {
          bad = 1;
          break;
        }
      }
      bad |= H5DSattach_scale(set, dim_scale[which], (unsigned)(r + d)) < 0;
    }
    bad = agreed(dup, bad);
  }
  for (int k = 0; k < nsets; k++) bad |= H5Dclose(sets[k]) < 0;
  for (int k = 0; k < nscales; k++) bad |= H5Dclose(scales[k]) < 0;
  for (int k = 0; k < TG__NDIMS; k++)
    if (dim_scale[k] >= 0) bad |= H5Dclose(dim_scale[k]) < 0;
  return bad;
}

int tg__write_hdf5(MPI_Comm dup, int rank, const tg__map *map, const tg__part *p, const char *path, const char *shown,
                   const char *fn)
{
  const tg_model *m = map->m;
  double bytes = (double)map->nx * (double)map->ny * ((map->layout.record - 2) * sizeof(double) + 2 * sizeof(int)) +
                 (double)(map->nx + map->ny) * sizeof(double) + 65536.0 + 256.0 * (m->nsp + m->nsteps) +
                 2.0 * strlen(tg_model_source(m));
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
      bad = write_map(dup, h5f, map, p, dcpl, dxpl);
      if (!agreed(dup, bad)) bad = describe(dup, h5f, map, dcpl, dxpl);
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
