/* Every collective x every dtype, with real values, at any rank count
 * (the suite runs it at 1, 2 and 3 ranks). Element i of rank r holds a small
 * integer v(r, i), exact in every dtype; complex elements hold v + (v/2)i. */
#include <complex.h>
#include <stdint.h>
#include <stdlib.h>

#include "check_mpi.h"

static int size, rank;

static double v(int r, int64_t i) { return (double)(r * 16 + i % 16); }

static void put(tg_dtype t, void *buf, int64_t i, double x)
{
  switch (t) {
  case TG_BYTE: ((uint8_t *)buf)[i] = (uint8_t)x; break;
  case TG_INT32: ((int32_t *)buf)[i] = (int32_t)x; break;
  case TG_INT64: ((int64_t *)buf)[i] = (int64_t)x; break;
  case TG_FLOAT32: ((float *)buf)[i] = (float)x; break;
  case TG_FLOAT64: ((double *)buf)[i] = x; break;
  case TG_COMPLEX128: ((double complex *)buf)[i] = x + 0.5 * x * I; break;
  }
}

/* Value of element i as the real part; for complex, also checks imag = re/2. */
static double get(tg_dtype t, const void *buf, int64_t i)
{
  switch (t) {
  case TG_BYTE: return ((const uint8_t *)buf)[i];
  case TG_INT32: return ((const int32_t *)buf)[i];
  case TG_INT64: return (double)((const int64_t *)buf)[i];
  case TG_FLOAT32: return ((const float *)buf)[i];
  case TG_FLOAT64: return ((const double *)buf)[i];
  case TG_COMPLEX128: {
    double complex z = ((const double complex *)buf)[i];
    return cimag(z) == 0.5 * creal(z) ? creal(z) : -1e300;
  }
  }
  return -1e300;
}

static const char *name(tg_dtype t)
{
  static const char *names[] = {"byte", "int32", "int64", "float32", "float64", "complex128"};
  return names[t];
}

static void *alloc(tg_dtype t, int64_t n) { return calloc((size_t)(n > 0 ? n : 1), (size_t)tg_dtype_size(t)); }

static void test_bcast(tg_dtype t)
{
  int root = size - 1;
  void *buf = alloc(t, 5);
  for (int i = 0; i < 5; i++) put(t, buf, i, rank == root ? v(root, i) : 0);
  CHECK_OK(tg_bcast(MPI_COMM_WORLD, buf, 5, t, root));
  for (int i = 0; i < 5; i++) CHECK(get(t, buf, i) == v(root, i), "bcast %s [%d]", name(t), i);
  free(buf);
}

static void test_scatter_gather(tg_dtype t)
{
  const int c = 3, root = 0;
  void *all = alloc(t, c * size), *mine = alloc(t, c);
  if (rank == root)
    for (int i = 0; i < c * size; i++) put(t, all, i, v(0, i));
  CHECK_OK(tg_scatter(MPI_COMM_WORLD, all, mine, c, t, root));
  for (int i = 0; i < c; i++) CHECK(get(t, mine, i) == v(0, rank * c + i), "scatter %s [%d]", name(t), i);

  for (int i = 0; i < c; i++) put(t, mine, i, v(rank, i));
  CHECK_OK(tg_gather(MPI_COMM_WORLD, mine, all, c, t, root));
  if (rank == root)
    for (int r = 0; r < size; r++)
      for (int i = 0; i < c; i++) CHECK(get(t, all, r * c + i) == v(r, i), "gather %s r=%d i=%d", name(t), r, i);

  CHECK_OK(tg_allgather(MPI_COMM_WORLD, mine, all, c, t));
  for (int r = 0; r < size; r++)
    for (int i = 0; i < c; i++) CHECK(get(t, all, r * c + i) == v(r, i), "allgather %s r=%d i=%d", name(t), r, i);
  free(all);
  free(mine);
}

/* Expected reduction of v(r, i) (or r+1 for prod) over all ranks. */
static double expected(tg_op op, int64_t i)
{
  double acc = op == TG_PROD ? 1 : op == TG_SUM ? 0 : v(0, i);
  for (int r = 0; r < size; r++) {
    double x = op == TG_PROD ? r + 1 : v(r, i);
    acc = op == TG_SUM ? acc + x : op == TG_PROD ? acc * x : op == TG_MIN ? (x < acc ? x : acc) : (x > acc ? x : acc);
  }
  return acc;
}

static void test_reductions(tg_dtype t)
{
  const int n = 4, root = size > 1 ? 1 : 0;
  void *in = alloc(t, n), *out = alloc(t, n);
  for (int op = TG_SUM; op <= TG_MAX; op++) {
    if (t == TG_COMPLEX128 && (op == TG_MIN || op == TG_MAX)) continue; /* test_errors covers the refusal */
    for (int i = 0; i < n; i++) put(t, in, i, op == TG_PROD ? rank + 1 : v(rank, i));
    double complex_prod_fix = 1;
    if (t == TG_COMPLEX128 && op == TG_PROD) { /* real factors for an exact expected product */
      for (int i = 0; i < n; i++) ((double complex *)in)[i] = rank + 1;
      complex_prod_fix = 0;
    }
    CHECK_OK(tg_allreduce(MPI_COMM_WORLD, in, out, n, t, op));
    for (int i = 0; i < n; i++) {
      double got = complex_prod_fix ? get(t, out, i) : creal(((double complex *)out)[i]);
      CHECK(got == expected(op, i), "allreduce %s op %d [%d]: %g != %g", name(t), op, i, got, expected(op, i));
    }
    for (int i = 0; i < n; i++) put(t, out, i, -1);
    CHECK_OK(tg_reduce(MPI_COMM_WORLD, in, out, n, t, op, root));
    if (rank == root)
      for (int i = 0; i < n; i++) {
        double got = complex_prod_fix ? get(t, out, i) : creal(((double complex *)out)[i]);
        CHECK(got == expected(op, i), "reduce %s op %d [%d]: %g != %g", name(t), op, i, got, expected(op, i));
      }
  }
  free(in);
  free(out);
}

static void test_in_place(tg_dtype t)
{
  const int c = 2, root = 0;
  void *buf = alloc(t, c * size);
  if (t != TG_BYTE) {
    for (int i = 0; i < c; i++) put(t, buf, i, v(rank, i));
    CHECK_OK(tg_allreduce(MPI_COMM_WORLD, TG_IN_PLACE, buf, c, t, TG_SUM));
    for (int i = 0; i < c; i++) CHECK(get(t, buf, i) == expected(TG_SUM, i), "allreduce in place %s", name(t));
    for (int i = 0; i < c; i++) put(t, buf, i, v(rank, i));
    CHECK_OK(tg_reduce(MPI_COMM_WORLD, rank == root ? TG_IN_PLACE : buf, buf, c, t, TG_SUM, root));
    if (rank == root)
      for (int i = 0; i < c; i++) CHECK(get(t, buf, i) == expected(TG_SUM, i), "reduce in place %s", name(t));
  }
  /* allgather in place: each rank's block already sits at its position. */
  for (int i = 0; i < c; i++) put(t, buf, rank * c + i, v(rank, i));
  CHECK_OK(tg_allgather(MPI_COMM_WORLD, TG_IN_PLACE, buf, c, t));
  for (int r = 0; r < size; r++)
    for (int i = 0; i < c; i++) CHECK(get(t, buf, r * c + i) == v(r, i), "allgather in place %s", name(t));
  /* gather in place at root, then scatter in place at root. */
  void *mine = alloc(t, c);
  for (int i = 0; i < c; i++) put(t, mine, i, v(rank, i) + 1);
  if (rank == root)
    for (int i = 0; i < c; i++) put(t, buf, root * c + i, v(rank, i) + 1);
  CHECK_OK(tg_gather(MPI_COMM_WORLD, rank == root ? TG_IN_PLACE : mine, buf, c, t, root));
  if (rank == root)
    for (int r = 0; r < size; r++)
      for (int i = 0; i < c; i++) CHECK(get(t, buf, r * c + i) == v(r, i) + 1, "gather in place %s", name(t));
  CHECK_OK(tg_scatter(MPI_COMM_WORLD, buf, rank == root ? TG_IN_PLACE : mine, c, t, root));
  if (rank != root)
    for (int i = 0; i < c; i++) CHECK(get(t, mine, i) == v(rank, i) + 1, "scatter in place %s", name(t));
  free(mine);
  free(buf);
}

/* Uneven splits: v-variants with counts r+1, block variants with n = 7. */
static void test_uneven(tg_dtype t)
{
  int64_t *counts = malloc((size_t)size * sizeof *counts), total = 0, off = 0;
  for (int r = 0; r < size; r++) total += counts[r] = r + 1;
  for (int r = 0; r < rank; r++) off += counts[r];
  void *all = alloc(t, total), *mine = alloc(t, rank + 1);
  for (int64_t i = 0; i < total; i++) put(t, all, i, rank == 0 ? v(0, i) : 0);
  CHECK_OK(tg_scatterv(MPI_COMM_WORLD, all, counts, mine, rank + 1, t, 0));
  for (int i = 0; i <= rank; i++) CHECK(get(t, mine, i) == v(0, off + i), "scatterv %s", name(t));
  for (int i = 0; i <= rank; i++) put(t, mine, i, v(rank, i));
  CHECK_OK(tg_gatherv(MPI_COMM_WORLD, mine, rank + 1, all, counts, t, size - 1));
  if (rank == size - 1)
    for (int r = 0, o = 0; r < size; o += r + 1, r++)
      for (int i = 0; i <= r; i++) CHECK(get(t, all, o + i) == v(r, i), "gatherv %s r=%d", name(t), r);
  for (int64_t i = 0; i < total; i++) put(t, all, i, 0);
  CHECK_OK(tg_allgatherv(MPI_COMM_WORLD, mine, rank + 1, all, counts, t));
  for (int r = 0, o = 0; r < size; o += r + 1, r++)
    for (int i = 0; i <= r; i++) CHECK(get(t, all, o + i) == v(r, i), "allgatherv %s r=%d", name(t), r);

  const int64_t n = 7, w = 2;
  int64_t boff, bcnt;
  CHECK_OK(tg_block_range(n, size, rank, &boff, &bcnt));
  void *grid = alloc(t, n * w), *block = alloc(t, bcnt * w);
  for (int64_t i = 0; i < n * w; i++) put(t, grid, i, rank == 0 ? v(1, i) : 0);
  CHECK_OK(tg_scatter_block(MPI_COMM_WORLD, grid, block, n, w, t, 0));
  for (int64_t i = 0; i < bcnt * w; i++) CHECK(get(t, block, i) == v(1, boff * w + i), "scatter_block %s", name(t));
  for (int64_t i = 0; i < bcnt * w; i++) put(t, block, i, v(2, boff * w + i));
  for (int64_t i = 0; i < n * w; i++) put(t, grid, i, 0);
  CHECK_OK(tg_gather_block(MPI_COMM_WORLD, block, grid, n, w, t, 0));
  if (rank == 0)
    for (int64_t i = 0; i < n * w; i++)
      CHECK(get(t, grid, i) == v(2, i), "gather_block %s [%lld]", name(t), (long long)i);
  CHECK_OK(tg_allgather_block(MPI_COMM_WORLD, block, grid, n, w, t));
  for (int64_t i = 0; i < n * w; i++) CHECK(get(t, grid, i) == v(2, i), "allgather_block %s", name(t));
  free(grid);
  free(block);
  free(all);
  free(mine);
  free(counts);
}

int main(int argc, char **argv)
{
  MPI_Init(&argc, &argv);
  MPI_Comm_size(MPI_COMM_WORLD, &size);
  MPI_Comm_rank(MPI_COMM_WORLD, &rank);
  tg_test_rank = rank;
  for (tg_dtype t = TG_BYTE; t <= TG_COMPLEX128; t++) {
    test_bcast(t);
    test_scatter_gather(t);
    if (t != TG_BYTE) test_reductions(t);
    test_in_place(t);
    test_uneven(t);
  }
  int failed = tg_test_finish(MPI_COMM_WORLD);
  MPI_Finalize();
  return failed;
}
