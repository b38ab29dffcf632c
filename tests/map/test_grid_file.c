/* Map files: the HDF5 written collectively equals the gathered map, for both
 * schedules (every rank held only its rows); a failed write leaves an earlier
 * file intact. */
#include <hdf5.h>
#include <stdlib.h>
#include <math.h>
#include <string.h>

#include "check_mpi.h"

static int read_doubles(const char *path, const char *name, double *out)
{
  hid_t f = H5Fopen(path, H5F_ACC_RDONLY, H5P_DEFAULT);
  if (f < 0) return -1;
  hid_t d = H5Dopen2(f, name, H5P_DEFAULT);
  herr_t rc = d < 0 ? -1 : H5Dread(d, H5T_NATIVE_DOUBLE, H5S_ALL, H5S_ALL, H5P_DEFAULT, out);
  if (d >= 0) H5Dclose(d);
  H5Fclose(f);
  return rc < 0 ? -1 : 0;
}

/* The number of dimensions of dataset `name`, or -1. */
static int dataset_rank(const char *path, const char *name)
{
  hid_t f = H5Fopen(path, H5F_ACC_RDONLY, H5P_DEFAULT);
  if (f < 0) return -1;
  hid_t d = H5Dopen2(f, name, H5P_DEFAULT), s = d < 0 ? -1 : H5Dget_space(d);
  int r = s < 0 ? -1 : H5Sget_simple_extent_ndims(s);
  if (s >= 0) H5Sclose(s);
  if (d >= 0) H5Dclose(d);
  H5Fclose(f);
  return r;
}

/* An attribute of object `obj` ("/" for the file): a double into *x, or a
 * string into buf (size n). */
static int read_attribute(const char *path, const char *obj, const char *name, double *x, char *buf, size_t n)
{
  hid_t f = H5Fopen(path, H5F_ACC_RDONLY, H5P_DEFAULT);
  if (f < 0) return -1;
  hid_t a = H5Aopen_by_name(f, obj, name, H5P_DEFAULT, H5P_DEFAULT), t = -1;
  herr_t rc = -1;
  if (a >= 0 && x) rc = H5Aread(a, H5T_NATIVE_DOUBLE, x);
  if (a >= 0 && buf) {
    t = H5Aget_type(a);
    rc = t >= 0 && H5Tget_size(t) <= n ? H5Aread(a, t, buf) : -1;
  }
  if (t >= 0) H5Tclose(t);
  if (a >= 0) H5Aclose(a);
  H5Fclose(f);
  return rc < 0 ? -1 : 0;
}

int main(int argc, char **argv)
{
  MPI_Init(&argc, &argv);
  int rank;
  MPI_Comm_rank(MPI_COMM_WORLD, &rank);
  tg_test_rank = rank;
  const char *dir = argc > 1 ? argv[1] : ".";
  tg_model *m;
  CHECK_OK(tg_model_default(&m));
  double xs[7], ys[6];
  tg_linspace(1e-5, 0.5, 7, xs);
  tg_linspace(1e-5, 0.5, 6, ys);
  tg_axis x = {tg_model_gas_index(m, "O2_g"), 7, xs}, y = {tg_model_gas_index(m, "CO_g"), 6, ys};
  tg_grid g;
  CHECK_OK(tg_tof_grid(MPI_COMM_WORLD, m, &x, &y, TG_SCHEDULE_STATIC, 0, &g));
  char path[1024];
  for (int sched = 0; sched < 2; sched++) {
    snprintf(path, sizeof path, "%s/map_%d.h5", dir, sched);
    CHECK_OK(tg_tof_grid_write(MPI_COMM_WORLD, m, &x, &y, (tg_schedule)sched, path));
    if (rank == 0) {
      double tof[7 * 6 * 3], cov[7 * 6 * 3], xr[7];
      CHECK(read_doubles(path, "tof", tof) == 0 && read_doubles(path, "coverages", cov) == 0 &&
                read_doubles(path, "x", xr) == 0,
            "read %s", path);
      CHECK(memcmp(tof, g.tof, sizeof tof) == 0, "%s: TOFs equal the gathered map", path);
      CHECK(memcmp(cov, g.coverages, sizeof cov) == 0, "%s: coverages equal the gathered map", path);
      CHECK(memcmp(xr, xs, sizeof xr) == 0, "%s: the x axis", path);
      /* the file describes itself: conditions no axis sets, units */
      double T = 0, p[3] = {0}, model_T, model_p[3];
      char unit[128] = "", tof_unit[128] = "", x_unit[128] = "";
      CHECK_OK(tg_model_conditions(m, &model_T, model_p));
      CHECK(read_attribute(path, "/", "temperature", &T, NULL, 0) == 0 && T == model_T, "temperature %g", T);
      CHECK(read_attribute(path, "/", "pressures", p, NULL, 0) == 0, "pressures");
      for (int k = 0; k < 3; k++) /* NaN where an axis sets it */
        CHECK(k == tg_model_gas_index(m, "O2_g") || k == tg_model_gas_index(m, "CO_g") ? isnan(p[k])
                                                                                       : p[k] == model_p[k],
              "pressure %d: %g (the model's %g)", k, p[k], model_p[k]);
      CHECK(read_attribute(path, "/", "pressure_unit", NULL, unit, sizeof unit) == 0 &&
                !strcmp(unit, "101325 Pa (SCAKS: 1 = 1 atm)"),
            "pressure unit '%s'", unit);
      CHECK(read_attribute(path, "tof", "units", NULL, tof_unit, sizeof tof_unit) == 0 &&
                !strncmp(tof_unit, "s^-1 per site", 13),
            "TOF unit '%s'", tof_unit);
      CHECK(read_attribute(path, "x", "units", NULL, x_unit, sizeof x_unit) == 0 && !strcmp(x_unit, unit),
            "x unit '%s'", x_unit);
      /* names as a list of strings (they were one comma-joined string) */
      char gases[3 * 64] = "";
      int width = read_attribute(path, "/", "gases", NULL, gases, sizeof gases) == 0 ? (int)(sizeof gases / 3) : 0;
      CHECK(width > 0, "gases attribute read");
      hid_t f = H5Fopen(path, H5F_ACC_RDONLY, H5P_DEFAULT),
            a = H5Aopen_by_name(f, "/", "gases", H5P_DEFAULT, H5P_DEFAULT);
      hid_t space = H5Aget_space(a), type = H5Aget_type(a);
      hsize_t n = 0;
      H5Sget_simple_extent_dims(space, &n, NULL);
      size_t w = H5Tget_size(type);
      char buf[3 * 64] = "";
      if (n == 3 && w <= 64) H5Aread(a, type, buf);
      CHECK(n == 3 && !strcmp(buf, tg_model_species(m, TG_GAS, 0)) &&
                !strcmp(buf + w, tg_model_species(m, TG_GAS, 1)) &&
                !strcmp(buf + 2 * w, tg_model_species(m, TG_GAS, 2)),
            "gases: %d names of width %zu", (int)n, w);
      H5Tclose(type), H5Sclose(space), H5Aclose(a), H5Fclose(f);
    }
  }
  /* A 1-D map is 1-D (it was (nx, 1, gas)), and holds the gathered 1-D map. */
  snprintf(path, sizeof path, "%s/map_1d.h5", dir);
  tg_grid g1;
  CHECK_OK(tg_tof_grid(MPI_COMM_WORLD, m, &x, NULL, TG_SCHEDULE_STATIC, 0, &g1));
  CHECK_OK(tg_tof_grid_write(MPI_COMM_WORLD, m, &x, NULL, TG_SCHEDULE_DYNAMIC, path));
  if (rank == 0) {
    double tof[7 * 3];
    CHECK(dataset_rank(path, "tof") == 2 && dataset_rank(path, "coverages") == 2 && dataset_rank(path, "status") == 1,
          "1-D map: tof %d-D, status %d-D", dataset_rank(path, "tof"), dataset_rank(path, "status"));
    CHECK(read_doubles(path, "tof", tof) == 0 && memcmp(tof, g1.tof, sizeof tof) == 0, "1-D map: its TOFs");
  }
  tg_grid_free(&g1);
  /* An unwritable place: an error on every rank, the earlier file untouched. */
  snprintf(path, sizeof path, "%s/no/such/dir/map.h5", dir);
  CHECK_FAILS(tg_tof_grid_write(MPI_COMM_WORLD, m, &x, &y, TG_SCHEDULE_STATIC, path), TG_ERR_IO, "cannot create");
  snprintf(path, sizeof path, "%s/map_0.h5", dir);
  double xr[7] = {0};
  if (rank == 0) CHECK(read_doubles(path, "x", xr) == 0 && xr[6] == 0.5, "earlier file intact");
  tg_grid_free(&g);
  tg_model_free(m);
  int failed = tg_test_finish(MPI_COMM_WORLD);
  MPI_Finalize();
  return failed;
}
