/* Collectives with a different count per rank: the v-variants (counts given,
 * displacements computed) and the block variants (counts computed from n by
 * tg_block_range). Both build one layout and share the MPI calls below. */
#include <stdlib.h>

#include "comm/comm.h"

/* Per-rank counts and displacements in MPI's large-count types. Small
 * communicators use the inline arrays, so the common case never allocates. */
enum { LAYOUT_INLINE = 64 };
typedef struct layout {
  MPI_Count *counts;
  MPI_Aint *displs;
  int64_t total;
  MPI_Count inline_counts[LAYOUT_INLINE];
  MPI_Aint inline_displs[LAYOUT_INLINE];
} layout;

static int layout_alloc(layout *l, int size, const char *fn)
{
  l->total = 0;
  if (size <= LAYOUT_INLINE) {
    l->counts = l->inline_counts;
    l->displs = l->inline_displs;
    return TG_SUCCESS;
  }
  l->counts = malloc((size_t)size * sizeof *l->counts);
  l->displs = malloc((size_t)size * sizeof *l->displs);
  if (!l->counts || !l->displs) {
    free(l->counts);
    free(l->displs);
    return tg__fail(TG_ERR_NOMEM, fn, "cannot allocate counts for %d ranks", size);
  }
  return TG_SUCCESS;
}

static void layout_free(layout *l)
{
  if (l->counts != l->inline_counts) {
    free(l->counts);
    free(l->displs);
  }
}

/* Layout from caller-given counts (validated: non-negative, no overflow). */
static int layout_from_counts(layout *l, const int64_t *counts, int size, size_t es, const char *fn, const char *name)
{
  int64_t total;
  TG_CALL(tg__counts(counts, size, es, fn, name, &total));
  TG_CALL(layout_alloc(l, size, fn));
  MPI_Aint displ = 0;
  for (int r = 0; r < size; r++) {
    l->counts[r] = counts[r];
    l->displs[r] = displ;
    displ += (MPI_Aint)counts[r];
  }
  l->total = total;
  return TG_SUCCESS;
}

/* n items of width elements, checked; the caller's block count (in elements) is returned. */
static int block_shape(int64_t n, int64_t width, size_t es, int size, int rank, const char *fn, int64_t *mine)
{
  if (n < 0) return tg__fail(TG_ERR_ARG, fn, "n = %lld is negative", (long long)n);
  if (width < 0) return tg__fail(TG_ERR_ARG, fn, "width = %lld is negative", (long long)width);
  if (width > 0 && n > (int64_t)(PTRDIFF_MAX / es) / width)
    return tg__fail(TG_ERR_ARG, fn, "n*width = %lld*%lld elements overflows the address space", (long long)n,
                    (long long)width);
  int64_t offset, count;
  tg_block_range(n, size, rank, &offset, &count);
  *mine = count * width;
  return TG_SUCCESS;
}

static int layout_from_blocks(layout *l, int64_t n, int64_t width, int size, const char *fn)
{
  TG_CALL(layout_alloc(l, size, fn));
  for (int r = 0; r < size; r++) {
    int64_t offset, count;
    tg_block_range(n, size, r, &offset, &count);
    l->counts[r] = count * width;
    l->displs[r] = (MPI_Aint)(offset * width);
  }
  l->total = n * width;
  return TG_SUCCESS;
}

typedef struct comm_args {
  MPI_Comm comm;
  int size, rank;
  MPI_Datatype type;
  size_t es;
} comm_args;

static int begin(comm_args *a, MPI_Comm comm, tg_dtype dtype, const char *fn)
{
  a->comm = comm;
  TG_CALL(tg__comm(comm, fn, &a->size, &a->rank));
  return tg__dtype(dtype, fn, &a->type, &a->es);
}

/* --- scatter ------------------------------------------------------------ */

/* At root, layout l describes sendbuf; every rank receives recvcount. */
static int scatter_with(const comm_args *a, const char *fn, const void *sendbuf, layout *l, void *recvbuf,
                        int64_t recvcount, int root)
{
  int rc = TG_SUCCESS;
  if (a->rank == root) {
    if (sendbuf == TG_IN_PLACE) rc = tg__fail(TG_ERR_ARG, fn, "TG_IN_PLACE is not allowed for sendbuf");
    if (!rc) rc = tg__buffer(sendbuf, l->total, a->es, fn, "sendbuf");
    if (!rc && recvbuf != TG_IN_PLACE && recvcount != l->counts[root])
      rc = tg__fail(TG_ERR_ARG, fn, "the root receives %lld elements but its own block has %lld", (long long)recvcount,
                    (long long)l->counts[root]);
  } else if (recvbuf == TG_IN_PLACE) {
    rc = tg__fail(TG_ERR_ARG, fn, "TG_IN_PLACE is not allowed for recvbuf on a rank other than root");
  }
  if (!rc && recvbuf != TG_IN_PLACE) rc = tg__buffer(recvbuf, recvcount, a->es, fn, "recvbuf");
  if (!rc)
    rc = tg__mpi(tg__large_scatterv(sendbuf, l->counts, l->displs, recvbuf, recvcount, a->type, root, a->comm), fn,
                 TG__LARGE("MPI_Scatterv"));
  return rc;
}

int tg_scatterv(MPI_Comm comm, const void *sendbuf, const int64_t *sendcounts, void *recvbuf, int64_t recvcount,
                tg_dtype dtype, int root)
{
  comm_args a;
  layout l;
  l.counts = NULL; /* set only where this rank needs a layout */
  TG_CALL(begin(&a, comm, dtype, __func__));
  TG_CALL(tg__root(root, a.size, __func__));
  if (a.rank == root) TG_CALL(layout_from_counts(&l, sendcounts, a.size, a.es, __func__, "sendcounts"));
  int rc = scatter_with(&a, __func__, sendbuf, &l, recvbuf, recvcount, root);
  if (l.counts) layout_free(&l);
  return rc;
}

int tg_scatter_block(MPI_Comm comm, const void *sendbuf, void *recvbuf, int64_t n, int64_t width, tg_dtype dtype,
                     int root)
{
  comm_args a;
  layout l;
  l.counts = NULL; /* set only where this rank needs a layout */
  int64_t mine = 0;
  TG_CALL(begin(&a, comm, dtype, __func__));
  TG_CALL(tg__root(root, a.size, __func__));
  TG_CALL(block_shape(n, width, a.es, a.size, a.rank, __func__, &mine));
  if (a.rank == root) TG_CALL(layout_from_blocks(&l, n, width, a.size, __func__));
  int rc = scatter_with(&a, __func__, sendbuf, &l, recvbuf, mine, root);
  if (l.counts) layout_free(&l);
  return rc;
}

/* --- gather ------------------------------------------------------------- */

static int gather_with(const comm_args *a, const char *fn, const void *sendbuf, int64_t sendcount, void *recvbuf,
                       layout *l, int root, int all)
{
  int rc = TG_SUCCESS;
  int receives = all || a->rank == root;
  if (sendbuf == TG_IN_PLACE && !receives)
    rc = tg__fail(TG_ERR_ARG, fn, "TG_IN_PLACE is not allowed for sendbuf on a rank other than root");
  if (!rc && sendbuf != TG_IN_PLACE) rc = tg__buffer(sendbuf, sendcount, a->es, fn, "sendbuf");
  if (!rc && receives) {
    if (recvbuf == TG_IN_PLACE) rc = tg__fail(TG_ERR_ARG, fn, "TG_IN_PLACE is not allowed for recvbuf");
    if (!rc) rc = tg__buffer(recvbuf, l->total, a->es, fn, "recvbuf");
    if (!rc && sendbuf != TG_IN_PLACE && sendcount != l->counts[a->rank])
      rc = tg__fail(TG_ERR_ARG, fn, "this rank sends %lld elements but its block has %lld", (long long)sendcount,
                    (long long)l->counts[a->rank]);
    if (!rc && sendbuf == recvbuf && sendcount > 0)
      rc = tg__fail(TG_ERR_ARG, fn, "sendbuf and recvbuf are the same buffer; pass TG_IN_PLACE as sendbuf instead");
  }
  if (rc) return rc;
  if (all)
    return tg__mpi(tg__large_allgatherv(sendbuf, sendcount, recvbuf, l->counts, l->displs, a->type, a->comm), fn,
                   TG__LARGE("MPI_Allgatherv"));
  return tg__mpi(tg__large_gatherv(sendbuf, sendcount, recvbuf, l->counts, l->displs, a->type, root, a->comm), fn,
                 TG__LARGE("MPI_Gatherv"));
}

int tg_gatherv(MPI_Comm comm, const void *sendbuf, int64_t sendcount, void *recvbuf, const int64_t *recvcounts,
               tg_dtype dtype, int root)
{
  comm_args a;
  layout l;
  l.counts = NULL; /* set only where this rank needs a layout */
  TG_CALL(begin(&a, comm, dtype, __func__));
  TG_CALL(tg__root(root, a.size, __func__));
  if (a.rank == root) TG_CALL(layout_from_counts(&l, recvcounts, a.size, a.es, __func__, "recvcounts"));
  int rc = gather_with(&a, __func__, sendbuf, sendcount, recvbuf, &l, root, 0);
  if (l.counts) layout_free(&l);
  return rc;
}

int tg_allgatherv(MPI_Comm comm, const void *sendbuf, int64_t sendcount, void *recvbuf, const int64_t *recvcounts,
                  tg_dtype dtype)
{
  comm_args a;
  layout l;
  TG_CALL(begin(&a, comm, dtype, __func__));
  TG_CALL(layout_from_counts(&l, recvcounts, a.size, a.es, __func__, "recvcounts"));
  int rc = gather_with(&a, __func__, sendbuf, sendcount, recvbuf, &l, 0, 1);
  layout_free(&l);
  return rc;
}

int tg_gather_block(MPI_Comm comm, const void *sendbuf, void *recvbuf, int64_t n, int64_t width, tg_dtype dtype,
                    int root)
{
  comm_args a;
  layout l;
  l.counts = NULL; /* set only where this rank needs a layout */
  int64_t mine = 0;
  TG_CALL(begin(&a, comm, dtype, __func__));
  TG_CALL(tg__root(root, a.size, __func__));
  TG_CALL(block_shape(n, width, a.es, a.size, a.rank, __func__, &mine));
  if (a.rank == root) TG_CALL(layout_from_blocks(&l, n, width, a.size, __func__));
  int rc = gather_with(&a, __func__, sendbuf, mine, recvbuf, &l, root, 0);
  if (l.counts) layout_free(&l);
  return rc;
}

int tg_allgather_block(MPI_Comm comm, const void *sendbuf, void *recvbuf, int64_t n, int64_t width, tg_dtype dtype)
{
  comm_args a;
  layout l;
  int64_t mine = 0;
  TG_CALL(begin(&a, comm, dtype, __func__));
  TG_CALL(block_shape(n, width, a.es, a.size, a.rank, __func__, &mine));
  TG_CALL(layout_from_blocks(&l, n, width, a.size, __func__));
  int rc = gather_with(&a, __func__, sendbuf, mine, recvbuf, &l, 0, 1);
  layout_free(&l);
  return rc;
}
