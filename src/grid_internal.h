/* The sweep mechanism shared by gathered maps (grid.c) and map files
 * (grid_hdf5.c); not installed. */
#ifndef TOFGRID_GRID_INTERNAL_H
#define TOFGRID_GRID_INTERNAL_H

#include "model_internal.h"
#include "tofgrid/grid.h"

/* Checks every sweep makes first (the same verdict on every rank), and the
 * sweep's private duplicate of comm. */
int tg__grid_prepare(MPI_Comm comm, const tg_model *m, const tg_axis *x, const tg_axis *y, tg_schedule schedule,
                     const char *fn, MPI_Comm *dup, int *size, int *rank);

/* Doubles per point: the TOF of every gas, the coverages, status, iterations. */
static inline int tg__grid_record(const tg_model *m) { return m->ng + m->na + m->ns + 2; }

/* Rows of the map one rank holds, in the order it got them: row indices and
 * ny records each. */
typedef struct tg__rows {
  int64_t *row;
  double *data;
  int64_t n, cap, per_row;
} tg__rows;

int tg__rows_add(tg__rows *r, int64_t row, const double *data);
void tg__rows_free(tg__rows *r);

/* Solve this rank's rows of the map into `mine` (appended): its block of
 * the outer axis (static) or the chunks it claims from an atomic counter on
 * rank 0 of dup (dynamic), skipping rows marked in `done` (may be NULL) and
 * calling on_row (may be NULL) after each. Collective over dup; the status
 * agrees on every rank. */
int tg__sweep_rows(MPI_Comm dup, int size, int rank, const tg_model *m, const tg_axis *x, const tg_axis *y,
                   tg_schedule schedule, const char *done, void (*on_row)(int64_t row, const double *data, void *ctx),
                   void *ctx, tg__rows *mine);

#endif
