/* The map layer's private header: sweeps of the kernel over a grid of
 * conditions spread over MPI ranks (sweep.c), the rows a rank holds
 * (rows.c), gathering them (gather.c), writing them (hdf5_writer.c,
 * csv_writer.c, composed by map_file.c), checkpoints (checkpoint.c) and the
 * private-communicator cache (private_comm.c). Uses the comm and kernel
 * layers. Not installed. */
#ifndef TOFGRID_MAP_H
#define TOFGRID_MAP_H

#include <stdio.h>

#include "comm/comm.h"
#include "kernel/kernel.h"
#include "tofgrid/grid.h"

/* The longest file name a map file call accepts (room is kept for the
 * suffixes of temporaries and checkpoints). */
enum { TG_PATH_MAX = 4096 };

/* A private duplicate of comm for the map's own messages, made once and
 * cached (private_comm.c). Errors on it return (MPI_ERRORS_RETURN). */
int tg__private_comm(MPI_Comm comm, const char *fn, MPI_Comm *dup);

/* Checks every sweep makes first (the same verdict on every rank), and the
 * sweep's private duplicate of comm. Messages name fn. */
int tg__grid_prepare(MPI_Comm comm, const tg_model *m, const tg_axis *x, const tg_axis *y, tg_schedule schedule,
                     const char *fn, MPI_Comm *dup, int *size, int *rank);

/* The record of one point, as the sweep stores it: the TOF of every gas,
 * the coverages, status, iterations (doubles). Unpacked only by
 * tg__record_unpack. */
static inline int tg__grid_record(const tg_model *m) { return m->ng + m->na + m->ns + 2; }
void tg__record_unpack(const tg_model *m, const double *record, double *tof, double *coverages, int *status,
                       int *iterations);

/* Rows of the map one rank holds, in the order it got them: row indices and
 * per_row doubles (ny records) each (rows.c). */
typedef struct tg__rows {
  int64_t *row;
  double *data;
  int64_t n, cap, per_row;
} tg__rows;

int tg__rows_add(tg__rows *r, int64_t row, const double *data);
void tg__rows_free(tg__rows *r);

/* A rank's rows in ascending order, unpacked into one array per output
 * (point q = k * ny + j of held row k), and grouped into runs of
 * consecutive rows: what every writer takes (rows.c). */
typedef struct tg__run {
  int64_t row, n;
} tg__run;

typedef struct tg__part {
  int64_t nrows, ny;
  int64_t *row;    /* [nrows], ascending */
  double *tof;     /* [nrows * ny * ng] */
  double *cov;     /* [nrows * ny * (na + ns)] */
  int *status;     /* [nrows * ny] */
  int *iterations; /* [nrows * ny] */
  tg__run *runs;
  int nruns;
} tg__part;

int tg__part_from_rows(const tg_model *m, const tg__rows *rows, int64_t ny, tg__part *part);
void tg__part_free(tg__part *part);

/* Solve this rank's rows of the map into `mine` (appended): its block of
 * the outer axis (static) or the chunks it claims from an atomic counter on
 * rank 0 of dup (dynamic), skipping rows marked in `done` (may be NULL) and
 * calling on_row (may be NULL) after each. Collective over dup; the status
 * agrees on every rank; messages name fn. */
int tg__sweep_rows(MPI_Comm dup, int size, int rank, const tg_model *m, const tg_axis *x, const tg_axis *y,
                   tg_schedule schedule, const char *done, void (*on_row)(int64_t row, const double *data, void *ctx),
                   void *ctx, tg__rows *mine, const char *fn);

/* The writers: each writes its file at path, collectively over dup, from
 * the part every rank holds (no rank holds the whole map). The status agrees
 * on every rank. */
int tg__write_hdf5(MPI_Comm dup, int rank, const tg_model *m, const tg_axis *x, const tg_axis *y, const tg__part *part,
                   const char *path, const char *fn);
int tg__write_csv(MPI_Comm dup, int rank, const tg_model *m, const tg_axis *x, const tg_axis *y, const tg__part *part,
                  const char *path, const char *fn);

/* An axis's name in outputs: the gas, or "T". */
static inline const char *tg__axis_name(const tg_model *m, const tg_axis *a)
{
  return a->variable == TG_AXIS_TEMPERATURE ? "T" : tg_model_species(m, TG_GAS, a->variable);
}

/* Checkpoints (checkpoint.c): CHECKPOINT.<r> holds a header identifying the
 * map, then a record per finished row. */
typedef struct tg__checkpoint {
  const char *prefix; /* NULL: no checkpoints */
  int64_t head[4];    /* nx, ny, record size, fingerprint of model and axes */
  int nfiles;         /* files found by tg__checkpoint_resume */
  FILE *out;          /* this rank's file, appended to as rows finish */
} tg__checkpoint;

void tg__checkpoint_init(tg__checkpoint *c, const char *prefix, const tg_model *m, const tg_axis *x, const tg_axis *y);
/* Read every existing checkpoint file: mark their rows in done; rank r keeps
 * the data of files r, r + size, ... in held. Collective: the same verdict
 * on every rank. */
int tg__checkpoint_resume(tg__checkpoint *c, MPI_Comm dup, int size, int rank, char *done, tg__rows *held,
                          const char *fn);
/* Open this rank's file (appending after a resume). Collective. */
int tg__checkpoint_open(tg__checkpoint *c, MPI_Comm dup, int rank, int resume, const char *fn);
void tg__checkpoint_record(tg__checkpoint *c, int64_t row, const double *data, int64_t per_row);
void tg__checkpoint_close(tg__checkpoint *c);
/* The map is written: remove every checkpoint file. Collective. */
void tg__checkpoint_remove(tg__checkpoint *c, MPI_Comm dup, int size, int rank);

#endif
