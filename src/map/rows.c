/* The rows of a map one rank holds: appended as the sweep solves them, then
 * sorted and unpacked once for the writers (by fields.c's layout). */
#include <stdlib.h>
#include <string.h>

#include "map/map.h"

int tg__rows_add(tg__rows *r, int64_t row, const double *data)
{
  if (r->n == r->cap) {
    int64_t cap = r->cap ? 2 * r->cap : 64;
    int64_t *rows = realloc(r->row, (size_t)cap * sizeof *rows);
    if (!rows) return -1;
    r->row = rows;
    double *d = realloc(r->data, (size_t)(cap * r->per_row) * sizeof *d);
    if (!d) return -1;
    r->data = d;
    r->cap = cap;
  }
  r->row[r->n] = row;
  memcpy(r->data + r->n * r->per_row, data, (size_t)r->per_row * sizeof *data);
  r->n++;
  return 0;
}

void tg__rows_free(tg__rows *r)
{
  free(r->row);
  free(r->data);
  r->row = NULL, r->data = NULL, r->n = r->cap = 0;
}

static int by_row(const void *a, const void *b)
{
  int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;
  return (x > y) - (x < y);
}

void tg__part_free(tg__part *p)
{
  for (int k = 0; k < TG__FIELDS_MAX; k++) free(p->field[k]);
  free(p->row), free(p->status), free(p->iterations), free(p->runs);
  memset(p, 0, sizeof *p);
}

int tg__part_from_rows(const tg__layout *l, const tg__rows *h, int64_t ny, tg__part *p)
{
  int64_t pts = h->n * ny;
  memset(p, 0, sizeof *p);
  p->nrows = h->n, p->ny = ny;
  int64_t *order = malloc((size_t)(h->n + 1) * 2 * sizeof *order);
  p->row = malloc((size_t)(h->n + 1) * sizeof *p->row);
  int ok = 1;
  for (int k = 0; k < l->n; k++)
    ok &= (p->field[k] = malloc((size_t)(pts * l->f[k].count + 1) * sizeof(double))) != NULL;
  p->status = malloc((size_t)(pts + 1) * sizeof *p->status);
  p->iterations = malloc((size_t)(pts + 1) * sizeof *p->iterations);
  p->runs = malloc((size_t)(h->n + 1) * sizeof *p->runs);
  if (!ok || !order || !p->row || !p->status || !p->iterations || !p->runs) {
    free(order);
    tg__part_free(p);
    return -1;
  }
  for (int64_t k = 0; k < h->n; k++) order[2 * k] = h->row[k], order[2 * k + 1] = k;
  qsort(order, (size_t)h->n, 2 * sizeof *order, by_row);
  for (int64_t k = 0; k < h->n; k++) {
    int64_t row = order[2 * k];
    const double *src = h->data + order[2 * k + 1] * h->per_row;
    p->row[k] = row;
    for (int64_t j = 0; j < ny; j++)
      tg__record_unpack(l, src + j * l->record, k * ny + j, p->field, p->status, p->iterations);
    if (p->nruns > 0 && p->runs[p->nruns - 1].row + p->runs[p->nruns - 1].n == row) p->runs[p->nruns - 1].n++;
    else p->runs[p->nruns++] = (tg__run){row, 1};
  }
  free(order);
  return 0;
}
