/* 9. The TOF map, as the tutorial structures it: scatter the pO2 values,
 * each rank loops over pCO with tofgrid's kernel, gather the TOF rows on the
 * root and print the map -- next to the one-call tg_tof_grid version.
 *   mpiexec -n 2 build/bin/example_09_tof_map */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include <tofgrid.h>

#define N 10
#define TRY(call)                                           \
  do {                                                      \
    if ((call) != TG_SUCCESS) {                             \
      fprintf(stderr, "tofgrid: %s\n", tg_error_message()); \
      MPI_Abort(MPI_COMM_WORLD, 1);                         \
    }                                                       \
  } while (0)

int main(int argc, char **argv)
{
  MPI_Init(&argc, &argv);
  int rank, size;
  MPI_Comm_rank(MPI_COMM_WORLD, &rank);
  MPI_Comm_size(MPI_COMM_WORLD, &size);
  tg_model *model;
  tg_solution *sol;
  TRY(tg_model_default(&model)); /* the tutorial's CO oxidation */
  TRY(tg_solution_create(model, &sol));
  int gO2 = tg_model_gas_index(model, "O2_g"), gCO = tg_model_gas_index(model, "CO_g"), prod = tg_model_product(model);

  double pO2[N], pCO[N];
  tg_linspace(1e-5, 0.5, N, pO2); /* linspace(1e-5, 0.5, 10) bar, as numpy's */
  tg_linspace(1e-5, 0.5, N, pCO);

  /* Scatter the pO2 axis: rank r gets its block of rows. */
  int64_t off, cnt;
  tg_block_range(N, size, rank, &off, &cnt);
  double my_pO2[N], rows[N * N], map[N * N];
  TRY(tg_scatter_block(MPI_COMM_WORLD, pO2, my_pO2, N, 1, TG_FLOAT64, 0));

  /* Each rank loops over pCO for its pO2 values. */
  double p[8];
  tg_model_conditions(model, NULL, p);
  for (int64_t i = 0; i < cnt; i++)
    for (int j = 0; j < N; j++) {
      p[gO2] = my_pO2[i];
      p[gCO] = pCO[j];
      TRY(tg_solve(model, TG_MODEL_TEMPERATURE, p, NULL, sol));
      rows[i * N + j] = sol->tof[prod];
    }

  /* Gather the TOF rows on the root, in pO2 order. */
  TRY(tg_gather_block(MPI_COMM_WORLD, rows, map, N, N, TG_FLOAT64, 0));

  /* The same map in one call. */
  tg_axis x = {gO2, N, pO2}, y = {gCO, N, pCO};
  tg_grid g;
  TRY(tg_tof_grid(MPI_COMM_WORLD, model, &x, &y, TG_SCHEDULE_STATIC, 0, &g));

  if (rank == 0) {
    printf("log10 TOF(CO2) / s^-1: rows pO2, columns pCO\n");
    int same = 1;
    for (int i = 0; i < N; i++) {
      printf("pO2 %.4f:", pO2[i]);
      for (int j = 0; j < N; j++) {
        printf(" %6.1f", log10(map[i * N + j]));
        same &= map[i * N + j] == g.tof[(i * N + j) * g.ng + prod];
      }
      printf("\n");
    }
    printf("one-call tg_tof_grid map %s\n", same ? "identical" : "DIFFERS");
  }
  tg_grid_free(&g);
  tg_solution_free(sol);
  tg_model_free(model);
  MPI_Finalize();
  return 0;
}
