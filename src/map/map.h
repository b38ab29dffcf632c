/* The map layer's private header: sweeps of the kernel over a grid of
 * conditions spread over MPI ranks (sweep.c), the rows a rank holds
 * (rows.c), gathering them (gather.c), writing them (hdf5_writer.c,
 * csv_writer.c, composed by map_file.c with outputs.c's temporaries and
 * locks), checkpoints (checkpoint.c), verdicts agreed across ranks
 * (agree.c), memory estimates (budget.c) and the private communicator
 * (private_comm.c). Uses the comm and kernel layers. Not installed. */
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

/* What a map stores at each point (fields.c): a table of fields (TOFs,
 * coverages, the analyses asked for), each with its per-point shape, unit
 * and place in tg_solution and tg_grid. A point's record is the fields in
 * order, then status and iterations (doubles). */
enum { TG__FIELDS_MAX = 8 };
/* What a per-point dimension runs over; orders' second is the gas whose
 * pressure moves (a name of its own: a dataset's dimensions differ). */
typedef enum tg__dim {
  TG__DIM_GAS,
  TG__DIM_SPECIES,
  TG__DIM_CONTROL,
  TG__DIM_STEP,
  TG__DIM_PRESSURE,
  TG__NDIMS
} tg__dim;
typedef struct tg__field {
  const char *name;  /* dataset, CSV column stem, Python attribute */
  int analysis;      /* the tg_analysis that gives it, 0 for always */
  int rank;          /* per-point dimensions: 1 or 2 */
  tg__dim dim[2];    /* what they run over */
  const char *units; /* as the files state them */
  size_t sol, grid;  /* offsetof the double * member in tg_solution, tg_grid */
  int count, offset; /* doubles per point; where they start in the record */
} tg__field;
typedef struct tg__layout {
  const tg_model *m;
  int analyses, n, record; /* fields; doubles per point */
  tg__field f[TG__FIELDS_MAX];
} tg__layout;

void tg__layout_init(tg__layout *l, const tg_model *m, int analyses);
int tg__dim_size(const tg_model *m, tg__dim d);
const char *tg__dim_name(tg__dim d);
/* The k-th name along d (steps: their number, from 1), into buf. */
const char *tg__dim_label(const tg_model *m, tg__dim d, int k, char *buf, size_t size);
void tg__record_pack(const tg__layout *l, const tg_solution *s, int failed, int iterations, double *out);
/* Record r into point `point` of per-field arrays fields[k] (f[k].count doubles a point). */
void tg__record_unpack(const tg__layout *l, const double *r, int64_t point, double *const *fields, int *status,
                       int *iterations);

/* One map: the model, axes, what every point shares (fixed conditions,
 * analyses) and its record layout. What the sweep, the gather, the
 * checkpoints and the writers all take. */
typedef struct tg__map {
  const tg_model *m;
  const tg_axis *x, *y; /* y NULL: a 1-D map */
  int64_t nx, ny;       /* ny = 1 for a 1-D map */
  tg_map_options opt;   /* as given (zero: none); checked by tg__grid_prepare */
  tg__layout layout;
} tg__map;

void tg__map_init(tg__map *map, const tg_model *m, const tg_axis *x, const tg_axis *y, const tg_map_options *opt);
/* The conditions of every point before its axes: the model's, with the
 * fixed ones over them. T: TG_MODEL_TEMPERATURE unless fixed; p: ng values;
 * d: the descriptors (nd values). */
void tg__map_base(const tg__map *map, double *T, double *p, double *d);

/* The options' own checks (a fixed condition out of range, on an axis or
 * set by a descriptor; analyses the model cannot give). */
int tg__map_check(const tg__map *map, const char *fn);
/* Units as the files state them: of a pressure, of descriptor k, of an axis's values. */
const char *tg__pressure_unit(const tg_model *m);
const char *tg__descriptor_unit(const tg_model *m, int k);
const char *tg__axis_unit(const tg_model *m, const tg_axis *a);

/* The sweep's private duplicate of comm, and the checks every sweep makes
 * first: the same verdict on every rank (local: the caller's own checks,
 * already failed with their message unless TG_SUCCESS), and every rank
 * given the same model, axes, options, schedule and must_match (e.g. the
 * root). Messages name fn. */
int tg__grid_prepare(MPI_Comm comm, const tg__map *map, tg_schedule schedule, int64_t must_match, int local,
                     const char *fn, MPI_Comm *dup, int *size, int *rank);

/* The fingerprint of a map: model, axes, fixed conditions, analyses
 * (sweep.c's agreement across ranks, checkpoint.c's header). */
uint64_t tg__map_fingerprint(const tg__map *map);

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
  int64_t *row;                  /* [nrows], ascending */
  double *field[TG__FIELDS_MAX]; /* [nrows * ny * count] per field of the layout */
  int *status;                   /* [nrows * ny] */
  int *iterations;               /* [nrows * ny] */
  tg__run *runs;
  int nruns;
} tg__part;

int tg__part_from_rows(const tg__layout *l, const tg__rows *rows, int64_t ny, tg__part *part);
void tg__part_free(tg__part *part);

/* Solve this rank's rows of the map into `mine` (appended): its block of
 * the outer axis (static) or the chunks it claims from an atomic counter on
 * rank 0 of dup (dynamic), skipping rows marked in `done` (may be NULL) and
 * calling on_row (may be NULL) after each; a failing on_row stops the rank.
 * Points without a steady state are NaN with status TG_STEADY_FAILED.
 * Collective over dup; the status agrees on every rank; messages name fn. */
int tg__sweep_rows(MPI_Comm dup, int size, int rank, const tg__map *map, tg_schedule schedule, const char *done,
                   int (*on_row)(int64_t row, const double *data, void *ctx), void *ctx, tg__rows *mine,
                   const char *fn);

/* The writers: each writes its file at path (a temporary; messages name
 * it as shown), collectively over dup, from the part every rank holds (no
 * rank holds the whole map). The status agrees on every rank. */
int tg__write_hdf5(MPI_Comm dup, int rank, const tg__map *map, const tg__part *part, const char *path,
                   const char *shown, const char *fn);
int tg__write_csv(MPI_Comm dup, int rank, const tg__map *map, const tg__part *part, const char *path, const char *shown,
                  const char *fn);
/* The conditions as the files state them: base conditions (T the model's
 * when not fixed), NaN where an axis or a descriptor sets one. */
void tg__map_stated(const tg__map *map, double *T, double *p, double *d);
/* The conditions no axis sets, as the files state them: "T = 500 K, CO_g = 0.1 bar, ..." (every
 * gas no axis or descriptor sets, every descriptor on no axis). The same text on every rank. */
int tg__map_conditions_text(const tg__map *map, char *buf, size_t size);

/* The axes as one number: variables, lengths and values (sweep.c's
 * agreement across ranks, checkpoint.c's header). */
static inline uint64_t tg__axes_hash(uint64_t h, const tg_axis *x, const tg_axis *y)
{
  const tg_axis *ax[2] = {x, y};
  for (int k = 0; k < 2; k++)
    if (ax[k]) {
      h = tg__hash(h, &ax[k]->variable, sizeof ax[k]->variable);
      h = tg__hash(h, &ax[k]->n, sizeof ax[k]->n);
      h = tg__hash(h, ax[k]->values, (size_t)ax[k]->n * sizeof *ax[k]->values);
    }
  return h;
}

/* An axis's name in outputs: the gas, "T", or the descriptor. */
static inline const char *tg__axis_name(const tg_model *m, const tg_axis *a)
{
  if (a->variable == TG_AXIS_TEMPERATURE) return "T";
  if (a->variable < TG_AXIS_TEMPERATURE) return tg_model_species(m, TG_DESCRIPTOR, TG_AXIS_DESCRIPTOR(0) - a->variable);
  return tg_model_species(m, TG_GAS, a->variable);
}

/* Checkpoints (checkpoint.c): CHECKPOINT.<r> holds a header identifying the
 * map, then a record per finished row, each with a checksum. */
typedef struct tg__checkpoint {
  const char *prefix;          /* NULL: no checkpoints */
  const char *fn;              /* the caller, for messages */
  int64_t head[4];             /* nx, ny, record size, fingerprint of the map (tg__map_fingerprint) */
  int64_t per_row;             /* doubles per row */
  int nfiles;                  /* files found by tg__checkpoint_resume */
  int64_t dropped;             /* records found damaged or cut short (the same on every rank) */
  long valid_end;              /* this rank's file: the end of its last whole record, or -1 */
  char file[TG_PATH_MAX + 32]; /* this rank's file */
  FILE *out;                   /* this rank's file, appended to as rows finish */
} tg__checkpoint;

void tg__checkpoint_init(tg__checkpoint *c, const char *prefix, const tg__map *map, const char *fn);
/* Read every existing checkpoint file: mark their good rows in done; rank r
 * keeps the data of files r, r + size, ... in held. Collective: the same
 * verdict on every rank. */
int tg__checkpoint_resume(tg__checkpoint *c, MPI_Comm dup, int size, int rank, char *done, tg__rows *held);
/* Open this rank's file (after a resume: appending after its last whole
 * record). Collective. */
int tg__checkpoint_open(tg__checkpoint *c, MPI_Comm dup, int rank, int resume);
/* Append a finished row; a failed write is an error (TG_ERR_IO). */
int tg__checkpoint_record(tg__checkpoint *c, int64_t row, const double *data);
void tg__checkpoint_close(tg__checkpoint *c);
/* The map is written and every rank has closed its file: remove this
 * rank's share of the checkpoint files. */
void tg__checkpoint_remove(tg__checkpoint *c, int size, int rank);

/* Verdicts (agree.c). Every rank learns whether every rank succeeded: a
 * failing rank returns its own status and message, the others the first
 * failing rank's ("on rank R: ..."); a failed reduction is TG_ERR_MPI. Call
 * it before any branch that a failure on one rank would make collective on
 * the others. */
int tg__agree(MPI_Comm dup, int rc, const char *fn);

/* Outputs (outputs.c): the files of a map, each written under a unique
 * temporary name and renamed into place only when every one is written;
 * a lock on each name refuses a second run on the same files. */
enum { TG_OUTPUTS_MAX = 3 };
typedef struct tg__outputs {
  int n;
  const char *final[TG_OUTPUTS_MAX];           /* the names the caller gave */
  char tmp[TG_OUTPUTS_MAX][TG_PATH_MAX + 32];  /* their temporaries (rank 0 made them; every rank knows) */
  int lock_fd[TG_OUTPUTS_MAX];                 /* rank 0: the locks held, or -1 */
  char lock[TG_OUTPUTS_MAX][TG_PATH_MAX + 32]; /* rank 0: the lock files */
  int ntmp;                                    /* temporaries made so far: outputs 0 .. ntmp-1 */
} tg__outputs;

/* Lock every name (`locked` also: e.g. the checkpoint prefix, not an
 * output) and make the temporaries of the outputs. Collective. */
int tg__outputs_begin(tg__outputs *o, MPI_Comm dup, int rank, const char *const *names, int n, const char *locked,
                      const char *fn);
/* rc == TG_SUCCESS: rename every temporary into place; else remove them.
 * Collective; returns the agreed status. The locks are still held. */
int tg__outputs_commit(tg__outputs *o, MPI_Comm dup, int rank, int rc, const char *fn);
/* Release the locks once every rank is done with the files they guard
 * (checkpoints included). Collective. */
void tg__outputs_unlock(tg__outputs *o, MPI_Comm dup, int rank);

/* Memory (budget.c): refuse a map whose rows would not fit, before any
 * work. bytes: what this rank will hold at its peak. Collective. */
int tg__check_budget(MPI_Comm dup, double bytes, int64_t points, const char *fn);

#endif
