/* Rate constants against SCAKS's (spec 8.1), model B where SCAKS loops
 * forever, and a mechanism with five adsorbates on two site types. */
#include <math.h>
#include <stdlib.h>

#include "check.h"
#include "kernel_testing.h"

static double rel(double a, double b) { return fabs(a - b) / fmax(fabs(b), 1e-300); }

static void rate_constants(const char *path)
{
  /* Model A (CT) and model B (TST): SCAKS's values, 30 digits (spec 8.1). */
  static const double a_kf[3] = {90235665.7025330960750579833984, 16630285.0691818688064813613892,
                                 1221152322.96730360461012502382};
  static const double a_kr[3] = {1.30810002990269585133013572525e-5, 4.35902632680814367287854679354e-9,
                                 1.48034399856450295213011535473e-6};
  static const double b_kf[3] = {9376477746581.5625686253289, 9376477746581.5625686253289,
                                 0.093897597087840912921101886};
  static const double b_kr[3] = {30395.725401487982221937574, 2.5429515269621115215797765e-17,
                                 399.29616121110548291952135};
  tg_model *a = NULL, *b = NULL;
  double kf[3], kr[3];
  CHECK_OK(tg_model_default(&a));
  CHECK_OK(tg_model_rate_constants(a, TG_MODEL_TEMPERATURE, kf, kr));
  for (int i = 0; i < 3; i++) CHECK(rel(kf[i], a_kf[i]) < 1e-14 && rel(kr[i], a_kr[i]) < 1e-14, "model A k%d", i + 1);
  CHECK_OK(tg_model_load(path, &b));
  if (b) {
    CHECK_OK(tg_model_rate_constants(b, TG_MODEL_TEMPERATURE, kf, kr));
    for (int i = 0; i < 3; i++) CHECK(rel(kf[i], b_kf[i]) < 1e-14 && rel(kr[i], b_kr[i]) < 1e-14, "model B k%d", i + 1);
  }
  tg_model_free(a);
  tg_model_free(b);
}

/* Model B on the tutorial grid: every point converges to the physical root
 * (the one integration to 1e3 s reaches), and the spec's example point --
 * where SCAKS loops forever -- says it went past t_end. */
static void model_b(const char *path)
{
  tg_model *m = NULL;
  CHECK_OK(tg_model_load(path, &m));
  if (!m) return;
  tg_solution *s = NULL, *ref = NULL;
  CHECK_OK(tg_solution_create(m, &s));
  CHECK_OK(tg_solution_create(m, &ref));
  int gO2 = tg_model_gas_index(m, "O2_g"), gCO = tg_model_gas_index(m, "CO_g");
  double p[3] = {0, 0, 0};
  tg_solve_options longer = tg_solve_options_default(m);
  longer.t_end = 1e3;
  int past = 0;
  for (int i = 0; i < 10; i++)
    for (int j = 0; j < 10; j++) {
      p[gO2] = 1e-5 + i * (0.5 - 1e-5) / 9;
      p[gCO] = 1e-5 + j * (0.5 - 1e-5) / 9;
      CHECK_OK(tg_solve(m, TG_MODEL_TEMPERATURE, p, NULL, s));
      CHECK_OK(tg_solve(m, TG_MODEL_TEMPERATURE, p, &longer, ref));
      past += s->status == TG_STEADY_PAST_T_END;
      for (int k = 0; k < 3; k++)
        CHECK(rel(s->coverages[k], ref->coverages[k]) < 1e-8, "model B point (%d,%d) coverage %d: %.17g vs %.17g", i, j,
              k, s->coverages[k], ref->coverages[k]);
      CHECK(s->coverages[0] >= 0 && s->coverages[1] >= 0 && s->coverages[2] > 0, "physical root at (%d,%d)", i, j);
    }
  CHECK(past >= 20 && past <= 27, "%d points needed integration past t_end (SCAKS fails at 27)", past);
  /* spec 11.10: p_O2 = 0.1111, p_CO = 0.0556 */
  p[gO2] = 1e-5 + 2 * (0.5 - 1e-5) / 9;
  p[gCO] = 1e-5 + 1 * (0.5 - 1e-5) / 9;
  CHECK_OK(tg_solve(m, TG_MODEL_TEMPERATURE, p, NULL, s));
  CHECK(s->status == TG_STEADY_PAST_T_END && s->t_reached > 1, "status %d at t %g", s->status, s->t_reached);
  CHECK(fabs(s->coverages[0] - 0.92977) < 1e-5 && fabs(s->coverages[1] - 0.07023) < 1e-5 &&
            rel(s->coverages[2], 5.42e-8) < 1e-2 && rel(s->tof[tg_model_product(m)], 6.13e-3) < 1e-2,
        "spec 11.10 point: %.6f %.6f %.3e TOF %.3e", s->coverages[0], s->coverages[1], s->coverages[2],
        s->tof[tg_model_product(m)]);
  tg_solution_free(s);
  tg_solution_free(ref);
  tg_model_free(m);
}

/* Five adsorbates on two site types: the steady state conserves atoms in the
 * TOFs, fills each site type exactly, and zeroes every d(theta)/dt. */
static const char two_sites[] =
    "name: CO oxidation and water formation on two site types\n"
    "temperature: 550\n"
    "species:\n"
    "  CO_g: {pressure: 0.2}\n  O2_g: {pressure: 0.3}\n  H2_g: {pressure: 0.1}\n"
    "  CO2_g: {pressure: 0.001}\n  H2O_g: {pressure: 0.001}\n"
    "  \"*_s\": {total: 1.0}\n  \"*_t\": {total: 0.5}\n"
    "reactions:\n"
    "  - {reaction: 'CO_g + *_s -> CO_s', Ga: 0.0, dG: -1.2}\n"
    "  - {reaction: 'O2_g + 2*_t -> 2O_t', Ga: 0.3, dG: -1.8}\n"
    "  - {reaction: 'H2_g + 2*_s -> 2H_s', Ga: 0.2, dG: -0.5}\n"
    "  - {reaction: 'CO_s + O_t <-> CO-O_t + *_s -> CO2_g + *_s + *_t', Ga: 0.9, dG: -0.6}\n"
    "  - {reaction: 'H_s + O_t -> OH_t + *_s', Ga: 0.7, dG: -0.3}\n"
    "  - {reaction: 'OH_t + H_s -> H2O_t + *_s', Ga: 0.6, dG: -0.2}\n"
    "  - {reaction: 'H2O_t -> H2O_g + *_t', Ga: 0.0, dG: 0.3}\n"
    "product: CO2_g\n";

static void two_site_types(void)
{
  tg_model *m = NULL;
  CHECK_OK(tg_model_parse(two_sites, sizeof two_sites - 1, "two_sites", &m));
  if (!m) return;
  CHECK(tg_model_count(m, TG_ADSORBATE) == 5 && tg_model_count(m, TG_SITE) == 2 && tg_model_count(m, TG_GAS) == 5,
        "counts %d %d %d", tg_model_count(m, TG_ADSORBATE), tg_model_count(m, TG_SITE), tg_model_count(m, TG_GAS));
  tg_solution *s = NULL;
  CHECK_OK(tg_solution_create(m, &s));
  CHECK_OK(tg_solve(m, TG_MODEL_TEMPERATURE, NULL, NULL, s));
  const double *th = s->coverages; /* CO_s H2O_t H_s OH_t O_t, then *_s *_t (sorted) */
  CHECK(strcmp(tg_model_species(m, TG_ADSORBATE, 0), "CO_s") == 0 &&
            strcmp(tg_model_species(m, TG_ADSORBATE, 4), "O_t") == 0,
        "adsorbates sorted");
  CHECK(fabs(th[0] + th[2] + th[5] - 1.0) < 1e-13 && fabs(th[1] + th[3] + th[4] + th[6] - 0.5) < 1e-13,
        "site balances %.17g %.17g", th[0] + th[2] + th[5], th[1] + th[3] + th[4] + th[6]);
  double t[5];
  const char *gas[5] = {"CO2_g", "CO_g", "H2O_g", "H2_g", "O2_g"};
  for (int g = 0; g < 5; g++) t[g] = s->tof[tg_model_gas_index(m, gas[g])];
  double scale = fabs(t[0]) + fabs(t[1]) + fabs(t[2]) + fabs(t[3]) + fabs(t[4]);
  CHECK(scale > 0, "something reacts");
  CHECK(fabs(t[0] + t[1]) < 1e-10 * scale, "carbon balance: %g %g", t[0], t[1]);
  CHECK(fabs(2 * t[0] + t[1] + t[2] + 2 * t[4]) < 1e-10 * scale, "oxygen balance");
  CHECK(fabs(2 * t[2] + 2 * t[3]) < 1e-10 * scale, "hydrogen balance");
  CHECK(s->residual < 1e-12, "scaled residual %g", s->residual);
  tg_solution_free(s);
  tg_model_free(m);
}

/* Model A is bistable at 18 of the 100 tutorial-grid points (SCAKS's
 * reference data): there the search finds two stable states, SCAKS's
 * high-TOF one first (the clean-start answer) and the CO-poisoned one. */
static void bistability(void)
{
  tg_model *m = NULL;
  CHECK_OK(tg_model_default(&m));
  tg_solution *s[4], *single = NULL;
  for (int k = 0; k < 4; k++) CHECK_OK(tg_solution_create(m, &s[k]));
  CHECK_OK(tg_solution_create(m, &single));
  int gO2 = tg_model_gas_index(m, "O2_g"), gCO = tg_model_gas_index(m, "CO_g"), prod = tg_model_product(m);
  double p[3] = {1.32e-7, 0, 0};
  int bistable = 0;
  for (int i = 0; i < 10; i++)
    for (int j = 0; j < 10; j++) {
      p[gO2] = 1e-5 + i * (0.5 - 1e-5) / 9;
      p[gCO] = 1e-5 + j * (0.5 - 1e-5) / 9;
      int found = 0;
      CHECK_OK(tg_steady_states(m, TG_MODEL_TEMPERATURE, p, NULL, s, 4, &found));
      CHECK_OK(tg_solve(m, TG_MODEL_TEMPERATURE, p, NULL, single));
      CHECK(found >= 1 && found <= 2, "(%d,%d): %d states", i, j, found);
      CHECK(rel(s[0]->tof[prod], single->tof[prod]) < 1e-12 && rel(s[0]->coverages[0], single->coverages[0]) < 1e-12,
            "(%d,%d): the first state is the clean-start answer", i, j);
      if (found == 2) {
        bistable++;
        CHECK(s[1]->poisoned_by == 0 && s[0]->tof[prod] > 1e6 * s[1]->tof[prod],
              "(%d,%d): the second state is CO-poisoned with a far lower TOF", i, j);
      }
    }
  CHECK(bistable == 18, "%d bistable points (SCAKS's data: 18)", bistable);
  for (int k = 0; k < 4; k++) tg_solution_free(s[k]);
  tg_solution_free(single);
  tg_model_free(m);
}

/* The default time stepping lands on the same state as strict stepping
 * (every implicit step converged to 1e-12) on a grid denser than SCAKS's,
 * over the same ranges: loose steps must never change the branch. */
static void stepping_keeps_the_branch(void)
{
  tg_model *m = NULL, *strict_m = NULL;
  CHECK_OK(tg_model_default(&m));
  CHECK_OK(tg_model_default(&strict_m));
  tg__model_config(strict_m)->step_tolerance = 1e-12; /* every implicit step converged */
  tg_solution *fast = NULL, *strict = NULL;
  CHECK_OK(tg_solution_create(m, &fast));
  CHECK_OK(tg_solution_create(m, &strict));
  int gO2 = tg_model_gas_index(m, "O2_g"), gCO = tg_model_gas_index(m, "CO_g");
  double p[3] = {1.32e-7, 0, 0};
  const int n = 33;
  for (int i = 0; i < n; i++)
    for (int j = 0; j < n; j++) {
      p[gO2] = 1e-5 + i * (0.5 - 1e-5) / (n - 1);
      p[gCO] = 1e-5 + j * (0.5 - 1e-5) / (n - 1);
      CHECK_OK(tg_solve(m, TG_MODEL_TEMPERATURE, p, NULL, fast));
      CHECK_OK(tg_solve(strict_m, TG_MODEL_TEMPERATURE, p, NULL, strict));
      for (int k = 0; k < 3; k++)
        CHECK(rel(fast->coverages[k], strict->coverages[k]) < 1e-8, "(%d,%d) coverage %d: %.10g vs strict %.10g", i, j,
              k, fast->coverages[k], strict->coverages[k]);
    }
  tg_solution_free(fast);
  tg_solution_free(strict);
  tg_model_free(m);
  tg_model_free(strict_m);
}

/* A chain of 20 isomers (permutations of one formula, so every step
 * balances by SCAKS's element rule): 21 unknowns, so the solves go through
 * LAPACK and the workspace comes from the heap. The steady state fills the
 * sites exactly and converts the feed into the product one for one. */
static const char chain[] =
    "name: isomer chain\n"
    "temperature: 500\n"
    "species:\n"
    "  ABCD_g: {pressure: 1.0}\n"
    "  DBAC_g: {pressure: 0.001}\n"
    "  \"*_s\": {total: 1.0}\n"
    "reactions:\n"
    "  - {reaction: 'ABCD_g + *_s -> ABDC_s', Ga: 0.0, dG: -0.5}\n"
    "  - {reaction: 'ABDC_s -> ACBD_s', Ga: 0.6, dG: -0.05}\n"
    "  - {reaction: 'ACBD_s -> ACDB_s', Ga: 0.6, dG: -0.05}\n"
    "  - {reaction: 'ACDB_s -> ADBC_s', Ga: 0.6, dG: -0.05}\n"
    "  - {reaction: 'ADBC_s -> ADCB_s', Ga: 0.6, dG: -0.05}\n"
    "  - {reaction: 'ADCB_s -> BACD_s', Ga: 0.6, dG: -0.05}\n"
    "  - {reaction: 'BACD_s -> BADC_s', Ga: 0.6, dG: -0.05}\n"
    "  - {reaction: 'BADC_s -> BCAD_s', Ga: 0.6, dG: -0.05}\n"
    "  - {reaction: 'BCAD_s -> BCDA_s', Ga: 0.6, dG: -0.05}\n"
    "  - {reaction: 'BCDA_s -> BDAC_s', Ga: 0.6, dG: -0.05}\n"
    "  - {reaction: 'BDAC_s -> BDCA_s', Ga: 0.6, dG: -0.05}\n"
    "  - {reaction: 'BDCA_s -> CABD_s', Ga: 0.6, dG: -0.05}\n"
    "  - {reaction: 'CABD_s -> CADB_s', Ga: 0.6, dG: -0.05}\n"
    "  - {reaction: 'CADB_s -> CBAD_s', Ga: 0.6, dG: -0.05}\n"
    "  - {reaction: 'CBAD_s -> CBDA_s', Ga: 0.6, dG: -0.05}\n"
    "  - {reaction: 'CBDA_s -> CDAB_s', Ga: 0.6, dG: -0.05}\n"
    "  - {reaction: 'CDAB_s -> CDBA_s', Ga: 0.6, dG: -0.05}\n"
    "  - {reaction: 'CDBA_s -> DABC_s', Ga: 0.6, dG: -0.05}\n"
    "  - {reaction: 'DABC_s -> DACB_s', Ga: 0.6, dG: -0.05}\n"
    "  - {reaction: 'DACB_s -> DBAC_s', Ga: 0.6, dG: -0.05}\n"
    "  - {reaction: 'DBAC_s -> DBAC_g + *_s', Ga: 0.8, dG: 0.3}\n"
    "product: DBAC_g\n";

static void large_mechanism(void)
{
  tg_model *m = NULL;
  CHECK_OK(tg_model_parse(chain, sizeof chain - 1, "chain", &m));
  if (!m) return;
  CHECK(tg_model_count(m, TG_ADSORBATE) == 20 && tg_model_count(m, -1) == 21, "20 adsorbates, 21 steps");
  tg_solution *s = NULL;
  CHECK_OK(tg_solution_create(m, &s));
  CHECK_OK(tg_solve(m, TG_MODEL_TEMPERATURE, NULL, NULL, s));
  double sum = 0;
  for (int k = 0; k < 21; k++) {
    CHECK(s->coverages[k] >= 0, "coverage %d is %g", k, s->coverages[k]);
    sum += s->coverages[k];
  }
  CHECK(fabs(sum - 1) < 1e-12, "site balance %.17g", sum);
  int feed = tg_model_gas_index(m, "ABCD_g"), prod = tg_model_product(m);
  CHECK(s->tof[prod] > 0 && rel(s->tof[prod], -s->tof[feed]) < 1e-10, "feed %g -> product %g", s->tof[feed],
        s->tof[prod]);
  CHECK(s->residual < 1e-12, "scaled residual %g", s->residual);
  tg_solution_free(s);
  tg_model_free(m);
}

/* The reused factorization (simplified Newton, XRC) against the known
 * solution, inline and through LAPACK, on matrices whose second column also
 * needs a row interchange: a forward solve that interleaves the interchanges
 * with the elimination gets these wrong. */

static void factorization_reuse(void)
{
  enum { N = 4 };
  /* column-major; partial pivoting interchanges rows at every k < n - 1 */
  static const double A0[N * N] = {5, 5, 9, 9, /**/ 9, 3, 9, 2, /**/ 10, 7, 10, 1, /**/ 3, 7, 10, 5};
  static const double x[N] = {1, -2, 3, 0.5};
  for (int lapack = 0; lapack < 2; lapack++)
    for (int n = 3; n <= N; n++) {
      double A[N * N], b[N];
      int ipiv[N];
      for (int j = 0; j < n; j++)
        for (int i = 0; i < n; i++) A[j * n + i] = A0[j * N + i];
      int limit = lapack ? 0 : 8;
      CHECK(tg__lu_factor(n, A, ipiv, limit) == 0, "n %d: factored", n);
      for (int rep = 0; rep < 2; rep++) { /* the same factors, twice */
        for (int i = 0; i < n; i++) {
          b[i] = 0;
          for (int j = 0; j < n; j++) b[i] += A0[j * N + i] * x[j];
        }
        tg__lu_solve(n, A, ipiv, b, limit);
        for (int i = 0; i < n; i++)
          CHECK(fabs(b[i] - x[i]) < 1e-12, "%s n %d: x[%d] = %.17g, want %g", lapack ? "LAPACK" : "inline", n, i, b[i],
                x[i]);
      }
    }
}

int main(int argc, char **argv)
{
  factorization_reuse();
  const char *model_b_path = argc > 1 ? argv[1] : "tests/data/model_b.yaml";
  rate_constants(model_b_path);
  model_b(model_b_path);
  two_site_types();
  bistability();
  stepping_keeps_the_branch();
  large_mechanism();
  return tg_test_summary();
}
