/* Counts beyond 2^31 - 1 on every MPI. MPI-4 libraries have the large-count
 * calls (MPI_Bcast_c, ...): tg__large_* are those. MPI-3.1 libraries (Open
 * MPI 4.1, Cray MPICH 8, older Intel MPI) have int counts only: a count that
 * fits goes in one call; a larger one moves as one element of a derived
 * datatype that spans it (q blocks of `chunk` elements and the rest) and
 * reduces in pieces of at most `chunk` elements (MPI's predefined ops take
 * predefined types only). V-variants whose counts or displacements do not
 * fit go point to point, one derived datatype per peer. The MPI-3.1 path is
 * compiled on every MPI (tg__mpi3_*), so its tests run on MPI-4 libraries
 * too, with small limits (tg__mpi3_set_limits). */
#include <limits.h>
#include <stdlib.h>

#include "comm/comm.h"

/* What fits one call, and the block of the derived datatypes and the
 * reduction pieces: INT_MAX and 2^30 (tests make them small). */
static MPI_Count fits = INT_MAX, chunk = (MPI_Count)1 << 30;

void tg__mpi3_set_limits(MPI_Count fits_in_one_call, MPI_Count block)
{
  fits = fits_in_one_call > 0 ? fits_in_one_call : INT_MAX;
  chunk = block > 0 ? block : (MPI_Count)1 << 30;
}

/* A datatype spanning n elements of t (extent n * extent(t)), committed. */
static int spanning(MPI_Count n, MPI_Datatype t, MPI_Datatype *out)
{
  MPI_Aint lb, ext;
  MPI_Datatype blocks = MPI_DATATYPE_NULL, rest = MPI_DATATYPE_NULL;
  MPI_Count q = n / chunk, r = n % chunk;
  int err = MPI_Type_get_extent(t, &lb, &ext);
  if (!err) err = MPI_Type_vector((int)q, (int)chunk, (int)chunk, t, &blocks);
  if (!err) err = MPI_Type_contiguous((int)r, t, &rest);
  if (!err) {
    int lengths[2] = {1, 1};
    MPI_Aint displs[2] = {0, (MPI_Aint)(q * chunk) * ext};
    MPI_Datatype types[2] = {blocks, rest};
    err = MPI_Type_create_struct(2, lengths, displs, types, out);
  }
  if (!err) err = MPI_Type_commit(out);
  if (blocks != MPI_DATATYPE_NULL) MPI_Type_free(&blocks);
  if (rest != MPI_DATATYPE_NULL) MPI_Type_free(&rest);
  return err;
}

/* One call with (count, type) that may not fit an int: the call as given, or
 * with one element of a spanning type. */
#define MOVE(call_int, n, t, ...)                               \
  do {                                                          \
    if ((n) <= fits) return call_int((int)(n), t, __VA_ARGS__); \
    MPI_Datatype whole;                                         \
    int err_ = spanning(n, t, &whole);                          \
    if (err_) return err_;                                      \
    err_ = call_int(1, whole, __VA_ARGS__);                     \
    MPI_Type_free(&whole);                                      \
    return err_;                                                \
  } while (0)

#define BCAST(n, t, buf, root, comm) MPI_Bcast(buf, n, t, root, comm)
int tg__mpi3_bcast(void *buf, MPI_Count n, MPI_Datatype t, int root, MPI_Comm comm)
{
  MOVE(BCAST, n, t, buf, root, comm);
}

#define SCATTER(n, t, s, r, root, comm) MPI_Scatter(s, n, t, r, n, t, root, comm)
int tg__mpi3_scatter(const void *s, void *r, MPI_Count n, MPI_Datatype t, int root, MPI_Comm comm)
{
  MOVE(SCATTER, n, t, s, r, root, comm);
}

#define GATHER(n, t, s, r, root, comm) MPI_Gather(s, n, t, r, n, t, root, comm)
int tg__mpi3_gather(const void *s, void *r, MPI_Count n, MPI_Datatype t, int root, MPI_Comm comm)
{
  MOVE(GATHER, n, t, s, r, root, comm);
}

#define ALLGATHER(n, t, s, r, comm) MPI_Allgather(s, n, t, r, n, t, comm)
int tg__mpi3_allgather(const void *s, void *r, MPI_Count n, MPI_Datatype t, MPI_Comm comm)
{
  MOVE(ALLGATHER, n, t, s, r, comm);
}

/* Reductions in pieces of at most `chunk` elements (in place stays in place;
 * a NULL buffer, e.g. a non-root's receive buffer, stays NULL). */
static int reduce_pieces(const void *s, void *r, MPI_Count n, MPI_Datatype t, MPI_Op op, int root, MPI_Comm comm,
                         int all)
{
  if (n <= fits) return all ? MPI_Allreduce(s, r, (int)n, t, op, comm) : MPI_Reduce(s, r, (int)n, t, op, root, comm);
  MPI_Aint lb, ext;
  int err = MPI_Type_get_extent(t, &lb, &ext);
  for (MPI_Count at = 0; !err && at < n; at += chunk) {
    int piece = (int)(n - at < chunk ? n - at : chunk);
    const void *sp = s == MPI_IN_PLACE || !s ? s : (const char *)s + at * ext;
    void *rp = r ? (char *)r + at * ext : NULL;
    err = all ? MPI_Allreduce(sp, rp, piece, t, op, comm) : MPI_Reduce(sp, rp, piece, t, op, root, comm);
  }
  return err;
}

int tg__mpi3_reduce(const void *s, void *r, MPI_Count n, MPI_Datatype t, MPI_Op op, int root, MPI_Comm comm)
{
  return reduce_pieces(s, r, n, t, op, root, comm, 0);
}

int tg__mpi3_allreduce(const void *s, void *r, MPI_Count n, MPI_Datatype t, MPI_Op op, MPI_Comm comm)
{
  return reduce_pieces(s, r, n, t, op, 0, comm, 1);
}

/* Do every count and displacement of a v-variant fit an int? Then int copies
 * of them (caller frees). */
static int int_layout(int size, const MPI_Count *counts, const MPI_Aint *displs, int **ic, int **id, int *fit)
{
  *ic = *id = NULL;
  *fit = 1;
  for (int k = 0; k < size && *fit; k++) *fit = counts[k] <= fits && displs[k] >= 0 && displs[k] <= fits;
  if (!*fit) return MPI_SUCCESS;
  *ic = malloc((size_t)size * sizeof **ic);
  *id = malloc((size_t)size * sizeof **id);
  if (!*ic || !*id) return free(*ic), free(*id), MPI_ERR_NO_MEM;
  for (int k = 0; k < size; k++) (*ic)[k] = (int)counts[k], (*id)[k] = (int)displs[k];
  return MPI_SUCCESS;
}

/* Wait for n requests (MPI_Waitall with MPI_STATUSES_IGNORE trips GCC's
 * -Wstringop-overflow on MPICH's declaration). */
static int wait_all(int n, MPI_Request *req)
{
  int err = MPI_SUCCESS;
  for (int k = 0; k < n; k++) {
    int e = MPI_Wait(&req[k], MPI_STATUS_IGNORE);
    if (!err) err = e;
  }
  return err;
}

/* Point to point, on a duplicate of comm (no message of the caller's can
 * match ours): this rank sends sn elements at sb to the root (to = 1), to
 * every rank (to = 2) or to none (to = 0), and, if it receives, gets
 * counts[k] elements at displs[k] of r from every rank k but itself when
 * skip_self. Each message is one element of a spanning datatype. */
static int exchange(const void *sb, MPI_Count sn, MPI_Datatype t, void *r, const MPI_Count *counts,
                    const MPI_Aint *displs, int to, int root, int receive, int skip_self, MPI_Comm comm)
{
  int size, rank, err = MPI_Comm_size(comm, &size);
  if (!err) err = MPI_Comm_rank(comm, &rank);
  MPI_Aint lb, ext;
  if (!err) err = MPI_Type_get_extent(t, &lb, &ext);
  if (err) return err;
  MPI_Comm dup;
  if ((err = MPI_Comm_dup(comm, &dup))) return err;
  MPI_Request *req = malloc((size_t)(2 * size + 1) * sizeof *req);
  MPI_Datatype *types = malloc((size_t)(2 * size + 1) * sizeof *types);
  if (!req || !types) err = MPI_ERR_NO_MEM;
  int nreq = 0;
  for (int k = 0; !err && receive && k < size; k++) {
    if (k == rank && skip_self) continue;
    err = spanning(counts[k], t, &types[nreq]);
    if (!err) err = MPI_Irecv((char *)r + displs[k] * ext, 1, types[nreq], k, 0, dup, &req[nreq]);
    if (!err) nreq++;
  }
  for (int k = 0; !err && k < (to == 2 ? size : to); k++) {
    if (to == 2 && k == rank && skip_self) continue;
    err = spanning(sn, t, &types[nreq]);
    if (!err) err = MPI_Isend(sb, 1, types[nreq], to == 2 ? k : root, 0, dup, &req[nreq]);
    if (!err) nreq++;
  }
  int waited = req ? wait_all(nreq, req) : MPI_SUCCESS;
  for (int k = 0; k < nreq; k++) MPI_Type_free(&types[k]);
  free(req), free(types);
  MPI_Comm_free(&dup);
  return err ? err : waited;
}

/* A v-variant's path, the same on every rank: one int-count call if every
 * count and displacement of the layout (the root's, or every rank's when
 * all_hold) and this rank's n fit (then *ic, *id are their int copies). */
static int v_path(const MPI_Count *counts, const MPI_Aint *displs, MPI_Count n, int all_hold, int root, MPI_Comm comm,
                  int *size, int *rank, int **ic, int **id, int *fit)
{
  *ic = *id = NULL, *fit = 1;
  int err = MPI_Comm_size(comm, size);
  if (!err) err = MPI_Comm_rank(comm, rank);
  if (!err && (all_hold || *rank == root)) err = int_layout(*size, counts, displs, ic, id, fit);
  *fit = *fit && n <= fits;
  if (!err) err = MPI_Allreduce(MPI_IN_PLACE, fit, 1, MPI_INT, MPI_LAND, comm);
  return err;
}

int tg__mpi3_gatherv(const void *s, MPI_Count n, void *r, const MPI_Count *counts, const MPI_Aint *displs,
                     MPI_Datatype t, int root, MPI_Comm comm)
{
  int size, rank, fit, *ic, *id, err = v_path(counts, displs, n, 0, root, comm, &size, &rank, &ic, &id, &fit);
  if (!err && fit) err = MPI_Gatherv(s, (int)n, t, r, ic, id, t, root, comm);
  else if (!err)
    err = exchange(s, n, t, r, counts, displs, s == MPI_IN_PLACE ? 0 : 1, root, rank == root, s == MPI_IN_PLACE, comm);
  free(ic), free(id);
  return err;
}

int tg__mpi3_allgatherv(const void *s, MPI_Count n, void *r, const MPI_Count *counts, const MPI_Aint *displs,
                        MPI_Datatype t, MPI_Comm comm)
{
  int size, rank, fit, *ic, *id, err = v_path(counts, displs, n, 1, 0, comm, &size, &rank, &ic, &id, &fit);
  if (!err && fit) {
    err = MPI_Allgatherv(s, (int)n, t, r, ic, id, t, comm);
  } else if (!err) { /* in place: this rank's part is already at its place in r, and goes from there */
    MPI_Aint lb, ext;
    err = MPI_Type_get_extent(t, &lb, &ext);
    int in_place = s == MPI_IN_PLACE;
    if (!err)
      err = exchange(in_place ? (char *)r + displs[rank] * ext : s, in_place ? counts[rank] : n, t, r, counts, displs,
                     2, 0, 1, in_place, comm);
  }
  free(ic), free(id);
  return err;
}

int tg__mpi3_scatterv(const void *s, const MPI_Count *counts, const MPI_Aint *displs, void *r, MPI_Count n,
                      MPI_Datatype t, int root, MPI_Comm comm)
{
  int size, rank, fit, *ic, *id, err = v_path(counts, displs, n, 0, root, comm, &size, &rank, &ic, &id, &fit);
  if (!err && fit) {
    err = MPI_Scatterv(s, ic, id, t, r, (int)n, t, root, comm);
  } else if (!err) { /* the root sends each rank its part; each rank receives its own (on a duplicate) */
    MPI_Aint lb, ext;
    MPI_Comm dup = MPI_COMM_NULL;
    err = MPI_Type_get_extent(t, &lb, &ext);
    if (!err) err = MPI_Comm_dup(comm, &dup);
    MPI_Request *req = malloc((size_t)(size + 1) * sizeof *req);
    MPI_Datatype *types = malloc((size_t)(size + 1) * sizeof *types);
    int nreq = 0;
    if (!err && (!req || !types)) err = MPI_ERR_NO_MEM;
    for (int k = 0; !err && rank == root && k < size; k++) {
      if (k == root && r == MPI_IN_PLACE) continue;
      err = spanning(counts[k], t, &types[nreq]);
      if (!err) err = MPI_Isend((const char *)s + displs[k] * ext, 1, types[nreq], k, 0, dup, &req[nreq]);
      if (!err) nreq++;
    }
    if (!err && r != MPI_IN_PLACE) {
      err = spanning(n, t, &types[nreq]);
      if (!err) err = MPI_Irecv(r, 1, types[nreq], root, 0, dup, &req[nreq]);
      if (!err) nreq++;
    }
    int waited = req ? wait_all(nreq, req) : MPI_SUCCESS;
    for (int k = 0; k < nreq; k++) MPI_Type_free(&types[k]);
    free(req), free(types);
    if (dup != MPI_COMM_NULL) MPI_Comm_free(&dup);
    if (!err) err = waited;
  }
  free(ic), free(id);
  return err;
}
