/* The kernel against SCAKS's 100-digit results for the tutorial's model
 * (tests/data/scaks_co_ox_ct_500K.csv): every point on SCAKS's branch, TOF
 * of every gas and every coverage (free sites included) within 1e-8 relative.
 * Coverages are compared, not only TOFs: the saddle mirrors the stable state
 * with the same TOF. Also: the LAPACK path of the linear solves agrees. */
#include <math.h>
#include <stdlib.h>

#include "check.h"
#include "kernel_testing.h"

static double rel(double a, double b) { return fabs(a - b) / fmax(fabs(b), 1e-300); }

int main(int argc, char **argv)
{
  const char *csv = argc > 1 ? argv[1] : "tests/data/scaks_co_ox_ct_500K.csv";
  FILE *f = fopen(csv, "r");
  CHECK(f != NULL, "cannot open %s", csv);
  if (!f) return 1;
  tg_model *m = NULL;
  CHECK_OK(tg_model_default(&m));
  tg_solution *s = NULL;
  CHECK_OK(tg_solution_create(m, &s));
  int gCO2 = tg_model_gas_index(m, "CO2_g"), gCO = tg_model_gas_index(m, "CO_g"), gO2 = tg_model_gas_index(m, "O2_g");
  CHECK(gCO2 >= 0 && gCO >= 0 && gO2 >= 0 && tg_model_product(m) == gCO2, "gases of model A");
  CHECK(strcmp(tg_model_species(m, TG_ADSORBATE, 0), "CO_s") == 0 &&
            strcmp(tg_model_species(m, TG_ADSORBATE, 1), "O_s") == 0 &&
            strcmp(tg_model_species(m, TG_SITE, 0), "*_s") == 0,
        "SCAKS's sorted order of the unknowns");
  char line[1024];
  int points = 0;
  double worst = 0;
  while (fgets(line, sizeof line, f)) {
    if (line[0] == '#' || line[0] == 'i') continue;
    int idx;
    double pO2, pCO, pCO2, tof[3], th[3];
    if (sscanf(line, "%d,%lf,%lf,%lf,%lf,%lf,%lf,%lf,%lf,%lf", &idx, &pO2, &pCO, &pCO2, &tof[0], &tof[1], &tof[2],
               &th[0], &th[1], &th[2]) != 10)
      continue;
    double p[3];
    p[gCO2] = pCO2, p[gCO] = pCO, p[gO2] = pO2;
    for (int pass = 0; pass < (idx % 10 == 3 ? 2 : 1); pass++) { /* every tenth point also through LAPACK */
      tg__model_config(m)->lu_inline_limit = pass ? 0 : 8;
      CHECK_OK(tg_solve(m, TG_MODEL_TEMPERATURE, p, NULL, s));
      CHECK(s->status == TG_STEADY_OK, "point %d: status %d (SCAKS converged from its 1-s guess)", idx, s->status);
      double e[6] = {rel(s->tof[gCO2], tof[0]),   rel(s->tof[gCO], tof[1]),    rel(s->tof[gO2], tof[2]),
                     rel(s->coverages[0], th[0]), rel(s->coverages[1], th[1]), rel(s->coverages[2], th[2])};
      for (int k = 0; k < 6; k++) {
        CHECK(e[k] <= 1e-8, "point %d (pO2 %g, pCO %g)%s: quantity %d differs by %.2e", idx, pO2, pCO,
              pass ? " [LAPACK]" : "", k, e[k]);
        worst = fmax(worst, e[k]);
      }
    }
    points++;
  }
  fclose(f);
  CHECK(points == 100, "read %d points", points);
  printf("worst relative difference from SCAKS over %d points: %.2e\n", points, worst);
  tg_solution_free(s);
  tg_model_free(m);
  return tg_test_summary();
}
