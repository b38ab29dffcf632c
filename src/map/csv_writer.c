/* The CSV writer: a map as text, one line per point, written collectively
 * with MPI-IO from the rows each rank holds. Each rank formats its rows; the
 * line lengths of every row are summed over the ranks, which gives every row
 * its offset in the file, and each rank writes its runs of rows there. Rank
 * 0 writes the header. Numbers with 17 significant digits (exact doubles). */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "map/map.h"

typedef struct text {
  char *s;
  size_t n, cap;
  int failed;
} text;

static void put(text *t, const char *fmt, ...) TG_PRINTF(2, 3);
static void put(text *t, const char *fmt, ...)
{
  for (;;) {
    va_list ap;
    va_start(ap, fmt);
    int k = t->failed ? -1 : vsnprintf(t->s ? t->s + t->n : NULL, t->cap - t->n, fmt, ap);
    va_end(ap);
    if (k < 0) {
      t->failed = 1;
      return;
    }
    if ((size_t)k < t->cap - t->n) {
      t->n += (size_t)k;
      return;
    }
    size_t cap = 2 * t->cap + (size_t)k + 4096;
    char *s = realloc(t->s, cap);
    if (!s) {
      t->failed = 1;
      return;
    }
    t->s = s, t->cap = cap;
  }
}

/* The comment lines (tofgrid, the model, its product, the conditions no
 * axis sets, the units) and the header line: the axes, the TOF of every gas, the
 * coverages, each analysis's values (name[label] or name[label][label]),
 * status, iterations. */
static void header(text *t, const tg__map *map)
{
  const tg_model *m = map->m;
  const tg__layout *l = &map->layout;
  char buf[8192], a[32], b[32];
  put(t, "# tofgrid %s: %s\n", tg_version(), tg_model_name(m));
  put(t, "# product: %s\n", tg_model_product(m) >= 0 ? tg_model_species(m, TG_GAS, tg_model_product(m)) : "none");
  if (tg__map_conditions_text(map, buf, sizeof buf) != TG_SUCCESS) t->failed = 1;
  put(t, "# conditions: %s\n", buf);
  put(t, "# units: %s in %s", tg__axis_name(m, map->x), tg__axis_unit(m, map->x));
  if (map->y) put(t, ", %s in %s", tg__axis_name(m, map->y), tg__axis_unit(m, map->y));
  for (int k = 0; k < l->n; k++) put(t, "; %s: %s", l->f[k].name, l->f[k].units);
  put(t, "; status: 0 ok, 1 past_t_end, 2 failed (NaN results), 3 before_t_end\n");
  put(t, "%s,%s", tg__axis_name(m, map->x), map->y ? tg__axis_name(m, map->y) : "-");
  for (int k = 0; k < m->ng; k++) put(t, ",TOF_%s", tg_model_species(m, TG_GAS, k));
  for (int k = 0; k < m->na + m->ns; k++) put(t, ",theta_%s", tg__dim_label(m, TG__DIM_SPECIES, k, a, sizeof a));
  for (int k = 2; k < l->n; k++) { /* the analyses */
    const tg__field *f = &l->f[k];
    int n0 = tg__dim_size(m, f->dim[0]), n1 = f->rank > 1 ? tg__dim_size(m, f->dim[1]) : 1;
    for (int i = 0; i < n0; i++)
      for (int j = 0; j < n1; j++) {
        put(t, ",%s[%s]", f->name, tg__dim_label(m, f->dim[0], i, a, sizeof a));
        if (f->rank > 1) put(t, "[%s]", tg__dim_label(m, f->dim[1], j, b, sizeof b));
      }
  }
  put(t, ",status,iterations\n");
}

/* MPI-IO counts are ints: write in pieces of at most 1 GiB. */
static int write_at(MPI_File fh, MPI_Offset at, const char *s, size_t n)
{
  while (n > 0) {
    int piece = n > ((size_t)1 << 30) ? 1 << 30 : (int)n;
    MPI_Status st;
    int written = 0;
    if (MPI_File_write_at(fh, at, s, piece, MPI_CHAR, &st) != MPI_SUCCESS ||
        MPI_Get_count(&st, MPI_CHAR, &written) != MPI_SUCCESS || written != piece)
      return -1; /* a short write: the disk is full */
    at += piece, s += piece, n -= (size_t)piece;
  }
  return 0;
}

int tg__write_csv(MPI_Comm dup, int rank, const tg__map *map, const tg__part *p, const char *path, const char *shown,
                  const char *fn)
{
  const tg_axis *x = map->x, *y = map->y;
  const tg__layout *l = &map->layout;
  int64_t nx = map->nx, ny = map->ny;
  text head = {0}, body = {0};
  if (rank == 0) header(&head, map);
  /* len[row] = bytes of map row `row` (this rank's rows), len[nx] = the header's. */
  int64_t *len = calloc((size_t)nx + 1, sizeof *len);
  int ok = len != NULL;
  for (int64_t k = 0; ok && k < p->nrows; k++) {
    size_t start = body.n;
    for (int64_t j = 0; j < ny; j++) {
      int64_t q = k * ny + j;
      put(&body, "%.17g,%.17g", x->values[p->row[k]], y ? y->values[j] : 0.0);
      for (int f = 0; f < l->n; f++)
        for (int c = 0; c < l->f[f].count; c++) put(&body, ",%.17g", p->field[f][q * l->f[f].count + c]);
      put(&body, ",%d,%d\n", p->status[q], p->iterations[q]);
    }
    len[p->row[k]] = (int64_t)(body.n - start);
  }
  ok &= !head.failed && !body.failed;
  if (ok) len[nx] = (int64_t)head.n;
  int rc = tg__agree(dup, ok ? TG_SUCCESS : tg__fail(TG_ERR_NOMEM, fn, "out of memory formatting %s", shown), fn);
  if (!rc)
    rc = tg__mpi(tg__large_allreduce(MPI_IN_PLACE, len, (MPI_Count)nx + 1, MPI_INT64_T, MPI_SUM, dup), fn,
                 TG__LARGE("MPI_Allreduce"));
  MPI_File fh = MPI_FILE_NULL;
  if (!rc) { /* path is a new, empty temporary (outputs.c): nothing stale past our end */
    int err = MPI_File_open(dup, path, MPI_MODE_WRONLY | MPI_MODE_CREATE, MPI_INFO_NULL, &fh);
    rc = tg__agree(dup, err == MPI_SUCCESS ? TG_SUCCESS : tg__fail(TG_ERR_IO, fn, "cannot open %s", shown), fn);
    if (rc && fh != MPI_FILE_NULL) MPI_File_close(&fh);
  }
  if (!rc) {
    /* Row r starts after the header and every earlier row: len becomes the
     * rows' offsets (an exclusive prefix sum, the header first). */
    int64_t at = len[nx];
    for (int64_t row = 0; row <= nx; row++) {
      int64_t n = row < nx ? len[row] : 0;
      len[row] = at;
      at += n;
    }
    int bad = rank == 0 && write_at(fh, 0, head.s, head.n);
    size_t pos = 0; /* my rows are in body in the order of their runs */
    for (int k = 0; k < p->nruns && !bad; k++) {
      const tg__run *r = &p->runs[k];
      size_t n = (size_t)(len[r->row + r->n] - len[r->row]);
      bad |= write_at(fh, len[r->row], body.s + pos, n);
      pos += n;
    }
    bad |= MPI_File_close(&fh) != MPI_SUCCESS; /* collective: every rank closes, whatever its writes did */
    rc = tg__agree(dup,
                   bad ? tg__fail(TG_ERR_IO, fn, "writing %s failed (is the disk full or a quota reached?)", shown)
                       : TG_SUCCESS,
                   fn);
  }
  free(len), free(head.s), free(body.s);
  return rc;
}
