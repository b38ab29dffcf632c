/* Maps with fixed conditions and analyses (tg_map_options): every point of
 * a gathered map equals a single tg_solve at that point's conditions, with
 * the same analyses, bit for bit (CatMAP's tutorial 2 over its descriptors,
 * and SCAKS's model A at a fixed temperature and CO pressure); bad options
 * fail every rank with a message naming the option; a map file carries each
 * analysis as a dataset with its units and labelled dimensions, the model's
 * YAML, and the fixed conditions; ranks given different options are refused.
 * argv[1]: tests/data/catmap/co_oxidation.yaml, argv[2]: a scratch directory. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#ifdef TOFGRID_TEST_HDF5
#include <hdf5.h>
#include <hdf5_hl.h>
#endif

#include "check_mpi.h"

/* Does `got` equal `want` bit for bit (NaN equals NaN)? */
static int same(const double *got, const double *want, int n)
{
  for (int k = 0; k < n; k++)
    if (!(got[k] == want[k] || (isnan(got[k]) && isnan(want[k])))) return 0;
  return 1;
}

/* Every point of g against tg_solve with the same conditions and analyses. */
static int points_equal_solves(const tg_model *m, const tg_grid *g, const tg_axis *x, const tg_axis *y, double T,
                               const double *p0, const double *d0, int analyses)
{
  int ng = g->ng, nc = g->ncov, bad = 0, nd = tg_model_count(m, TG_DESCRIPTOR);
  tg_solution *s;
  if (tg_solution_create(m, &s) != TG_SUCCESS) return -1;
  double p[8], d[8];
  for (int64_t i = 0; i < g->nx; i++)
    for (int64_t j = 0; j < g->ny; j++) {
      memcpy(p, p0, (size_t)ng * sizeof *p);
      if (nd) memcpy(d, d0, (size_t)nd * sizeof *d);
      double t = T;
      const tg_axis *ax[2] = {x, y};
      double v[2] = {x->values[i], y ? y->values[j] : 0};
      for (int a = 0; a < (y ? 2 : 1); a++) {
        if (ax[a]->variable == TG_AXIS_TEMPERATURE) t = v[a];
        else if (ax[a]->variable < TG_AXIS_TEMPERATURE) d[TG_AXIS_DESCRIPTOR(0) - ax[a]->variable] = v[a];
        else p[ax[a]->variable] = v[a];
      }
      tg_solve_options o = tg_solve_options_default(m);
      o.analyses = analyses;
      o.descriptors = nd ? d : NULL;
      int rc = tg_solve(m, t, p, &o, s), k = (int)(i * g->ny + j), np = g->ncontrol;
      if (rc != TG_SUCCESS) {
        bad += g->status[k] != TG_STEADY_FAILED;
        continue;
      }
      bad += !same(g->tof + k * ng, s->tof, ng) || !same(g->coverages + k * nc, s->coverages, nc);
      if (analyses & TG_ANALYSIS_ORDERS) bad += !same(g->orders + k * ng * ng, s->orders, ng * ng);
      if (analyses & TG_ANALYSIS_EAPP) bad += !same(g->eapp + k * ng, s->eapp, ng);
      if (analyses & TG_ANALYSIS_RATE_CONTROL) bad += !same(g->rate_control + k * ng * np, s->rate_control, ng * np);
      if (analyses & TG_ANALYSIS_SELECTIVITY) bad += !same(g->selectivity + k * ng, s->selectivity, ng);
      if (analyses & TG_ANALYSIS_SELECTIVITY_CONTROL)
        bad += !same(g->selectivity_control + k * ng * np, s->selectivity_control, ng * np);
      if (analyses & TG_ANALYSIS_XRC) bad += !same(g->xrc + k * g->nsteps, s->xrc, g->nsteps);
    }
  tg_solution_free(s);
  return bad;
}

/* tg_tof_grid_with must fail on every rank with a message containing `want`. */
static void refused(const tg_model *m, const tg_axis *x, const tg_axis *y, const tg_map_options *o, const char *want)
{
  tg_grid g;
  int rc = tg_tof_grid_with(MPI_COMM_WORLD, m, x, y, TG_SCHEDULE_STATIC, 0, o, &g);
  CHECK(rc == TG_ERR_ARG && strstr(tg_error_message(), want), "refused (%s): rc %d, '%s'", want, rc,
        tg_error_message());
  tg_grid_free(&g);
}

int main(int argc, char **argv)
{
  MPI_Init(&argc, &argv);
  int rank;
  MPI_Comm_rank(MPI_COMM_WORLD, &rank);
  tg_test_rank = rank;
  if (argc < 3) {
    fprintf(stderr, "usage: %s co_oxidation.yaml scratch-directory\n", argv[0]);
    MPI_Abort(MPI_COMM_WORLD, 2);
  }
  tg_model *cm = NULL, *a = NULL;
  CHECK_OK(tg_model_load(argv[1], &cm));
  CHECK_OK(tg_model_default(&a));
  if (!cm || !a) MPI_Abort(MPI_COMM_WORLD, 1);
  int all = TG_ANALYSIS_ORDERS | TG_ANALYSIS_EAPP | TG_ANALYSIS_RATE_CONTROL | TG_ANALYSIS_SELECTIVITY |
            TG_ANALYSIS_SELECTIVITY_CONTROL | TG_ANALYSIS_XRC;

  /* CatMAP's tutorial 2 over both descriptors, every analysis, dynamic schedule */
  double eo[5], eco[4], T, p[3], d[2];
  tg_linspace(-1, 3, 5, eo), tg_linspace(-0.5, 4, 4, eco);
  tg_axis x = {TG_AXIS_DESCRIPTOR(0), 5, eo}, y = {TG_AXIS_DESCRIPTOR(1), 4, eco};
  tg_map_options o = {.analyses = all};
  tg_grid g;
  CHECK_OK(tg_tof_grid_with(MPI_COMM_WORLD, cm, &x, &y, TG_SCHEDULE_DYNAMIC, 0, &o, &g));
  CHECK_OK(tg_model_conditions(cm, &T, p));
  if (rank == 0) {
    CHECK(g.analyses == all && g.orders && g.eapp && g.rate_control && g.selectivity && g.selectivity_control && g.xrc,
          "every analysis's array is there");
    CHECK(g.nsteps == 3 && g.ncontrol == tg_model_count(cm, TG_ADSORBATE) + tg_model_count(cm, TG_TRANSITION_STATE),
          "nsteps %d, ncontrol %d", g.nsteps, g.ncontrol);
    CHECK(points_equal_solves(cm, &g, &x, &y, TG_MODEL_TEMPERATURE, p, d, all) == 0,
          "every point's TOFs, coverages and analyses equal a single solve's");
    int finite = 0;
    for (int k = 0; k < 20; k++) finite += g.status[k] != TG_STEADY_FAILED && isfinite(g.eapp[k * 3 + 0]);
    CHECK(finite > 10, "%d points have a finite Eapp", finite);
  }
  tg_grid_free(&g);

  /* A fixed temperature and descriptor: a 1-D map over E_O at 600 K, E_CO = 1.2 eV */
  o = (tg_map_options){.temperature = 600, .descriptors = (double[]){NAN, 1.2}, .analyses = TG_ANALYSIS_ORDERS};
  tg_axis x1 = {TG_AXIS_DESCRIPTOR(0), 5, eo};
  CHECK_OK(tg_tof_grid_with(MPI_COMM_WORLD, cm, &x1, NULL, TG_SCHEDULE_STATIC, 0, &o, &g));
  d[1] = 1.2;
  if (rank == 0) {
    CHECK(g.eapp == NULL && g.xrc == NULL && g.orders != NULL, "only the analyses asked for");
    CHECK(points_equal_solves(cm, &g, &x1, NULL, 600, p, d, TG_ANALYSIS_ORDERS) == 0,
          "the 600 K, E_CO = 1.2 eV map equals single solves there");
  }
  tg_grid_free(&g);

  /* SCAKS's model A: pO2 axis, T fixed at 550 K and p(CO) at 0.2 */
  double po2[4], pa[3], Ta;
  tg_linspace(0.05, 0.5, 4, po2);
  int co = tg_model_gas_index(a, "CO_g"), o2 = tg_model_gas_index(a, "O2_g");
  CHECK_OK(tg_model_conditions(a, &Ta, pa));
  double fixed[3] = {NAN, NAN, NAN};
  fixed[co] = 0.2;
  pa[co] = 0.2;
  tg_axis xa = {o2, 4, po2};
  o = (tg_map_options){.temperature = 550, .pressures = fixed, .analyses = TG_ANALYSIS_XRC | TG_ANALYSIS_ORDERS};
  CHECK_OK(tg_tof_grid_with(MPI_COMM_WORLD, a, &xa, NULL, TG_SCHEDULE_STATIC, 0, &o, &g));
  if (rank == 0)
    CHECK(points_equal_solves(a, &g, &xa, NULL, 550, pa, NULL, TG_ANALYSIS_XRC | TG_ANALYSIS_ORDERS) == 0,
          "model A at 550 K and p(CO) = 0.2 equals single solves");
  tg_grid_free(&g);

  /* The energy table's surfaces (volcano figures): where they sit, and a surface that is not there */
  double pt[2] = {0, 0};
  CHECK(tg_model_count(cm, TG_SURFACE) == 8 && !strcmp(tg_model_species(cm, TG_SURFACE, 0), "Pt") &&
            tg_model_surface(cm, 0, pt) == TG_SUCCESS && pt[0] == 1.62 && pt[1] == 1.7,
        "surface Pt at E_O %g, E_CO %g", pt[0], pt[1]);
  CHECK(tg_model_surface(cm, 8, pt) == TG_ERR_ARG && strstr(tg_error_message(), "has 8 surfaces"), "no surface 8: '%s'",
        tg_error_message());
  CHECK(tg_model_surface(a, 0, pt) == TG_ERR_ARG && tg_model_count(a, TG_SURFACE) == 0, "model A has no surfaces");
  CHECK(tg_model_surface(NULL, 0, pt) == TG_ERR_ARG && tg_model_surface(cm, 0, NULL) == TG_ERR_ARG, "NULLs refused");
  /* what each model can give: rate and selectivity control need species free energies (CatMAP's) */
  CHECK(tg_model_analyses(cm) == all &&
            tg_model_analyses(a) == (all & ~(TG_ANALYSIS_RATE_CONTROL | TG_ANALYSIS_SELECTIVITY_CONTROL)) &&
            tg_model_analyses(NULL) == 0,
        "analyses of tutorial 2: %d, of model A: %d", tg_model_analyses(cm), tg_model_analyses(a));

  /* Bad options: refused on every rank, before any point */
  double T_axis[2] = {450, 500};
  tg_axis xt = {TG_AXIS_TEMPERATURE, 2, T_axis};
  refused(a, &xt, NULL, &(tg_map_options){.temperature = 500}, "temperature is fixed");
  refused(a, &xa, NULL, &(tg_map_options){.temperature = NAN}, "temperature = nan");
  refused(a, &xa, NULL, &(tg_map_options){.temperature = -5}, "must be finite and > 0");
  double on_axis[3] = {NAN, NAN, NAN}, negative[3] = {NAN, NAN, NAN};
  on_axis[o2] = 0.1, negative[co] = -1;
  refused(a, &xa, NULL, &(tg_map_options){.pressures = on_axis}, "pressure of O2_g is fixed");
  refused(a, &xa, NULL, &(tg_map_options){.pressures = negative}, "pressure of CO_g is -1");
  refused(a, &xa, NULL, &(tg_map_options){.analyses = TG_ANALYSIS_RATE_CONTROL}, "xrc");
  refused(a, &xa, NULL, &(tg_map_options){.analyses = 1 << 12}, "no tg_analysis");
  refused(cm, &x, &y, &(tg_map_options){.descriptors = (double[]){0.5, NAN}}, "descriptor O_s is fixed");
  refused(cm, &x1, NULL, &(tg_map_options){.descriptors = (double[]){NAN, INFINITY}}, "descriptor CO_s is inf");
  refused(cm, &x, &y, &(tg_map_options){.temperature = 450, .pressures = (double[]){NAN, NAN, -0.0 - 1}},
          "pressure of O2_g is -1");

  /* Ranks given different options: refused (the options are in the map's fingerprint, also the checkpoints') */
  int size;
  MPI_Comm_size(MPI_COMM_WORLD, &size);
  if (size > 1) {
    o = (tg_map_options){.temperature = rank == 1 ? 560 : 550};
    CHECK(tg_tof_grid_with(MPI_COMM_WORLD, a, &xa, NULL, TG_SCHEDULE_STATIC, 0, &o, &g) == TG_ERR_ARG &&
              strstr(tg_error_message(), "different"),
          "different temperatures on the ranks: '%s'", tg_error_message());
    tg_grid_free(&g);
    /* ... but NULL and all-NaN (both: the model's own) are the same map (were refused as different) */
    double none[3] = {NAN, NAN, NAN};
    o = (tg_map_options){.pressures = rank == 1 ? none : NULL};
    CHECK_OK(tg_tof_grid_with(MPI_COMM_WORLD, a, &xa, NULL, TG_SCHEDULE_STATIC, 0, &o, &g));
    tg_grid_free(&g);
  }

#ifdef TOFGRID_TEST_HDF5
  /* A map file with analyses and fixed conditions */
  char path[1200], ck[1200];
  snprintf(path, sizeof path, "%s/options.h5", argv[2]);
  snprintf(ck, sizeof ck, "%s/options.ckpt", argv[2]);
  tg_map_options mo = {
      .descriptors = (double[]){NAN, 1.2}, .temperature = 600, .analyses = TG_ANALYSIS_ORDERS | TG_ANALYSIS_XRC};
  tg_sweep_options so = {.schedule = TG_SCHEDULE_DYNAMIC, .map = &mo, .checkpoint = ck};
  tg_sweep_options one_name = {.csv = path};
  CHECK(tg_tof_grid_file(MPI_COMM_WORLD, cm, &x1, NULL, path, &one_name) == TG_ERR_ARG &&
            strstr(tg_error_message(), "the same file"),
        "path and csv the same file: '%s' (the CSV replaced the HDF5 file)", tg_error_message());
  CHECK_OK(tg_tof_grid_file(MPI_COMM_WORLD, cm, &x1, NULL, path, &so));
  CHECK_OK(tg_tof_grid_with(MPI_COMM_WORLD, cm, &x1, NULL, TG_SCHEDULE_STATIC, 0, &mo, &g));
  if (rank == 0) {
    hid_t f = H5Fopen(path, H5F_ACC_RDONLY, H5P_DEFAULT);
    hid_t ds = H5Dopen2(f, "orders", H5P_DEFAULT), sp = H5Dget_space(ds);
    hsize_t dims[4] = {0};
    int r = H5Sget_simple_extent_dims(sp, dims, NULL);
    CHECK(r == 3 && dims[0] == 5 && dims[1] == 3 && dims[2] == 3, "orders is (x, gas, gas): rank %d", r);
    double orders[5 * 9], xrc[5 * 3];
    CHECK(H5Dread(ds, H5T_NATIVE_DOUBLE, H5S_ALL, H5S_ALL, H5P_DEFAULT, orders) >= 0 && same(orders, g.orders, 45),
          "the file's orders equal the gathered map's");
    hid_t xs = H5Dopen2(f, "x", H5P_DEFAULT), gs = H5Dopen2(f, "gas", H5P_DEFAULT),
          ps = H5Dopen2(f, "pressure_gas", H5P_DEFAULT);
    CHECK(H5DSis_attached(ds, xs, 0) > 0 && H5DSis_attached(ds, gs, 1) > 0 && H5DSis_attached(ds, ps, 2) > 0,
          "orders' dimensions are labelled by the scales x, gas and pressure_gas (a name of their own each)");
    H5Dclose(ps);
    char label[64] = "";
    CHECK(H5DSget_scale_name(xs, label, sizeof label) > 0 && !strcmp(label, "O_s"), "x's scale name '%s'", label);
    H5Sclose(sp), H5Dclose(ds), H5Dclose(xs), H5Dclose(gs);
    ds = H5Dopen2(f, "xrc", H5P_DEFAULT);
    CHECK(H5Dread(ds, H5T_NATIVE_DOUBLE, H5S_ALL, H5S_ALL, H5P_DEFAULT, xrc) >= 0 && same(xrc, g.xrc, 15),
          "the file's xrc equal the gathered map's");
    H5Dclose(ds);
    CHECK(H5Aexists(f, "eapp") == 0 && H5Lexists(f, "eapp", H5P_DEFAULT) == 0, "no analysis not asked for");
    /* the model, exactly: parsing it again gives a model with the same maps */
    ds = H5Dopen2(f, "model_yaml", H5P_DEFAULT);
    hid_t t = H5Dget_type(ds);
    size_t n = H5Tget_size(t);
    char *yaml = malloc(n);
    CHECK(yaml && H5Dread(ds, t, H5S_ALL, H5S_ALL, H5P_DEFAULT, yaml) >= 0 && !strcmp(yaml, tg_model_source(cm)),
          "model_yaml is the model's YAML");
    free(yaml);
    H5Tclose(t), H5Dclose(ds);
    double desc[2] = {0}, temperature = 0;
    hid_t at = H5Aopen(f, "temperature", H5P_DEFAULT);
    CHECK(at >= 0 && H5Aread(at, H5T_NATIVE_DOUBLE, &temperature) >= 0 && temperature == 600,
          "the fixed temperature: %g K", temperature);
    if (at >= 0) H5Aclose(at);
    at = H5Aopen(f, "conditions", H5P_DEFAULT);
    t = H5Aget_type(at);
    char text[512] = "";
    CHECK(H5Tget_size(t) < sizeof text && H5Aread(at, t, text) >= 0 && strstr(text, "T = 600 K") &&
              strstr(text, "CO_s = 1.2 eV"),
          "conditions '%s'", text);
    H5Tclose(t), H5Aclose(at);
    at = H5Aopen(f, "descriptors", H5P_DEFAULT);
    CHECK(H5Aread(at, H5T_NATIVE_DOUBLE, desc) >= 0 && isnan(desc[0]) && desc[1] == 1.2, "descriptors %g %g", desc[0],
          desc[1]);
    H5Aclose(at);
    H5Fclose(f);
  }
  tg_grid_free(&g);
#endif
  tg_model_free(cm);
  tg_model_free(a);
  int rc = tg_test_finish(MPI_COMM_WORLD);
  MPI_Finalize();
  return rc;
}
