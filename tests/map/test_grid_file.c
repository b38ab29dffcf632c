/* Map files: the HDF5 written collectively equals the gathered map, for both
 * schedules (every rank held only its rows); a failed write leaves an earlier
 * file intact. */
#include <hdf5.h>
#include <stdlib.h>

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
    }
  }
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
