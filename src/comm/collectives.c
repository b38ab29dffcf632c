/* Collectives with equal counts on every rank: thin, checked wrappers over
 * MPI-4 large-count calls on the caller's communicator. Each MPI query costs
 * ~2-3% of a small collective, so the checks ask MPI only what they need:
 * the size for a root other than 0 or a huge count, the rank only when a
 * buffer is invalid for one of root / non-root (to say which error applies).
 * A valid call with root 0 makes no query at all. */
#include "comm/comm.h"

/* Each public collective is its checks and the MPI call in one function: a
 * call less per collective is ~15 instructions of a ~250 ns operation. */
#if defined(__GNUC__) || defined(__clang__)
#define TG_ALWAYS_INLINE inline __attribute__((always_inline))
#else
#define TG_ALWAYS_INLINE inline
#endif

/* The common valid call of bcast, scatter, gather and allreduce is inline
 * in the public header (tofgrid/fast_path.h). These declarations make this
 * file hold their external definitions, for calls that are not inlined and
 * for the Fortran and Python faces. Whatever the fast tests refuse comes to
 * tg__*_checked below, which name what is wrong; the fast tests imply every
 * full check. */
#if !TG_FAST_PATH
#error "compile tofgrid as C11: it holds the external definitions of the inline fast paths"
#endif
extern int tg_bcast(MPI_Comm, void *, int64_t, tg_dtype, int);
extern int tg_scatter(MPI_Comm, const void *, void *, int64_t, tg_dtype, int);
extern int tg_gather(MPI_Comm, const void *, void *, int64_t, tg_dtype, int);
extern int tg_allreduce(MPI_Comm, const void *, void *, int64_t, tg_dtype, tg_op);

/* Size and rank are asked of MPI lazily (-1 in the context: not asked yet),
 * only when a check needs them: each query costs ~2-3% of a small collective. */
static int size_of(tg__ctx *c)
{
  if (c->size < 0) MPI_Comm_size(c->comm, &c->size);
  return c->size;
}

static int rank_of(tg__ctx *c)
{
  if (c->rank < 0) MPI_Comm_rank(c->comm, &c->rank);
  return c->rank;
}

/* root must name a rank; 0 always does, so it needs no size query (a
 * negative root asks it for the message only). */
static int root_ok(tg__ctx *c, int root, const char *fn)
{
  if (TG_LIKELY(root == 0)) return TG_SUCCESS;
  return tg__root(root, size_of(c), fn);
}

/* count elements from each of the ranks, checked against overflow. Small
 * counts cannot overflow with any int number of ranks (2^27 * 2^31 * 16
 * bytes < 2^63) and need no size query; then only zero-ness matters. */
static int scaled(tg__ctx *c, int64_t count, const char *fn, const char *name, int64_t *total)
{
  if (count >= 0 && count <= ((int64_t)1 << 27) && c->size < 0) {
    *total = count; /* a stand-in with the same zero-ness and no overflow */
    return TG_SUCCESS;
  }
  int factor = size_of(c);
  if (count > 0 && count > INT64_MAX / factor)
    return tg__fail(TG_ERR_ARG, fn, "%s: count %lld times %d ranks overflows", name, (long long)count, factor);
  *total = count * factor;
  return TG_SUCCESS;
}

static int not_in_place(const void *buf, const char *fn, const char *where)
{
  if (TG_UNLIKELY(buf == TG_IN_PLACE)) return tg__fail(TG_ERR_ARG, fn, "TG_IN_PLACE is not allowed for %s", where);
  return TG_SUCCESS;
}

static int not_aliased(const void *sendbuf, const void *recvbuf, int64_t count, const char *fn)
{
  if (TG_UNLIKELY(sendbuf == recvbuf && sendbuf != NULL && count > 0))
    return tg__fail(TG_ERR_ARG, fn, "sendbuf and recvbuf are the same buffer; pass TG_IN_PLACE as sendbuf instead");
  return TG_SUCCESS;
}

static TG_ALWAYS_INLINE int bcast_on(tg__ctx *c, void *buf, int64_t count, tg_dtype dtype, int root, const char *fn)
{
  MPI_Datatype type = MPI_DATATYPE_NULL;
  size_t es = 1;
  TG_CALL(root_ok(c, root, fn));
  TG_CALL(tg__dtype(dtype, fn, &type, &es));
  TG_CALL(not_in_place(buf, fn, "buf"));
  TG_CALL(tg__buffer(buf, count, es, fn, "buf"));
  return tg__mpi(tg__large_bcast(buf, count, type, root, c->comm), fn, TG__LARGE("MPI_Bcast"));
}

int tg__bcast_checked(MPI_Comm comm, void *buf, int64_t count, tg_dtype dtype, int root)
{
  tg__ctx c = {comm, -1, -1};
  TG_CALL(tg__comm(comm, "tg_bcast", NULL, NULL));
  return bcast_on(&c, buf, count, dtype, root, "tg_bcast");
}

static TG_ALWAYS_INLINE int scatter_on(tg__ctx *c, const void *sendbuf, void *recvbuf, int64_t count, tg_dtype dtype,
                                       int root, const char *fn)
{
  MPI_Datatype type = MPI_DATATYPE_NULL;
  size_t es = 1;
  int64_t total = 0;
  TG_CALL(root_ok(c, root, fn));
  TG_CALL(tg__dtype(dtype, fn, &type, &es));
  TG_CALL(scaled(c, count, fn, "sendbuf", &total));
  /* Valid as root and as non-root alike: no need to know which we are. */
  int as_root = sendbuf != TG_IN_PLACE && (sendbuf != NULL || total == 0) && recvbuf != NULL;
  int as_other = recvbuf != TG_IN_PLACE;
  if (!(as_root && as_other)) {
    if (rank_of(c) == root) {
      TG_CALL(not_in_place(sendbuf, fn, "sendbuf"));
      TG_CALL(tg__buffer(sendbuf, total, es, fn, "sendbuf"));
    } else {
      TG_CALL(not_in_place(recvbuf, fn, "recvbuf on a rank other than root"));
    }
  }
  if (recvbuf != TG_IN_PLACE) TG_CALL(tg__buffer(recvbuf, count, es, fn, "recvbuf"));
  else TG_CALL(tg__buffer(NULL, count < 0 ? count : 0, es, fn, "recvbuf"));
  return tg__mpi(tg__large_scatter(sendbuf, recvbuf, count, type, root, c->comm), fn, TG__LARGE("MPI_Scatter"));
}

int tg__scatter_checked(MPI_Comm comm, const void *sendbuf, void *recvbuf, int64_t count, tg_dtype dtype, int root)
{
  tg__ctx c = {comm, -1, -1};
  TG_CALL(tg__comm(comm, "tg_scatter", NULL, NULL));
  return scatter_on(&c, sendbuf, recvbuf, count, dtype, root, "tg_scatter");
}

static TG_ALWAYS_INLINE int gather_on(tg__ctx *c, const void *sendbuf, void *recvbuf, int64_t count, tg_dtype dtype,
                                      int root, const char *fn)
{
  MPI_Datatype type = MPI_DATATYPE_NULL;
  size_t es = 1;
  int64_t total = 0;
  TG_CALL(root_ok(c, root, fn));
  TG_CALL(tg__dtype(dtype, fn, &type, &es));
  TG_CALL(scaled(c, count, fn, "recvbuf", &total));
  if (sendbuf != TG_IN_PLACE) TG_CALL(tg__buffer(sendbuf, count, es, fn, "sendbuf"));
  else TG_CALL(tg__buffer(NULL, count < 0 ? count : 0, es, fn, "sendbuf"));
  int as_root = recvbuf != TG_IN_PLACE && (recvbuf != NULL || total == 0) && !(sendbuf == recvbuf && count > 0);
  int as_other = sendbuf != TG_IN_PLACE;
  if (!(as_root && as_other)) {
    if (rank_of(c) == root) {
      TG_CALL(not_in_place(recvbuf, fn, "recvbuf"));
      TG_CALL(tg__buffer(recvbuf, total, es, fn, "recvbuf"));
      TG_CALL(not_aliased(sendbuf, recvbuf, count, fn));
    } else {
      TG_CALL(not_in_place(sendbuf, fn, "sendbuf on a rank other than root"));
    }
  }
  return tg__mpi(tg__large_gather(sendbuf, recvbuf, count, type, root, c->comm), fn, TG__LARGE("MPI_Gather"));
}

int tg__gather_checked(MPI_Comm comm, const void *sendbuf, void *recvbuf, int64_t count, tg_dtype dtype, int root)
{
  tg__ctx c = {comm, -1, -1};
  TG_CALL(tg__comm(comm, "tg_gather", NULL, NULL));
  return gather_on(&c, sendbuf, recvbuf, count, dtype, root, "tg_gather");
}

static TG_ALWAYS_INLINE int allgather_on(tg__ctx *c, const void *sendbuf, void *recvbuf, int64_t count, tg_dtype dtype,
                                         const char *fn)
{
  MPI_Datatype type = MPI_DATATYPE_NULL;
  size_t es = 1;
  int64_t total = 0;
  TG_CALL(tg__dtype(dtype, fn, &type, &es));
  TG_CALL(tg__buffer(sendbuf, count, es, fn, "sendbuf"));
  TG_CALL(not_in_place(recvbuf, fn, "recvbuf"));
  TG_CALL(scaled(c, count, fn, "recvbuf", &total));
  TG_CALL(tg__buffer(recvbuf, total, es, fn, "recvbuf"));
  TG_CALL(not_aliased(sendbuf, recvbuf, count, fn));
  /* With MPI_IN_PLACE, MPI ignores the send count and type. */
  return tg__mpi(tg__large_allgather(sendbuf, recvbuf, count, type, c->comm), fn, TG__LARGE("MPI_Allgather"));
}

int tg_allgather(MPI_Comm comm, const void *sendbuf, void *recvbuf, int64_t count, tg_dtype dtype)
{
  tg__ctx c = {comm, -1, -1};
  TG_CALL(tg__comm(comm, __func__, NULL, NULL));
  return allgather_on(&c, sendbuf, recvbuf, count, dtype, __func__);
}

static TG_ALWAYS_INLINE int reduce_on(tg__ctx *c, const void *sendbuf, void *recvbuf, int64_t count, tg_dtype dtype,
                                      tg_op op, int root, const char *fn)
{
  MPI_Datatype type = MPI_DATATYPE_NULL;
  MPI_Op mop = MPI_OP_NULL;
  size_t es = 1;
  TG_CALL(root_ok(c, root, fn));
  TG_CALL(tg__dtype(dtype, fn, &type, &es));
  TG_CALL(tg__op(op, dtype, fn, &mop));
  if (sendbuf != TG_IN_PLACE) TG_CALL(tg__buffer(sendbuf, count, es, fn, "sendbuf"));
  else TG_CALL(tg__buffer(NULL, count < 0 ? count : 0, es, fn, "sendbuf"));
  int as_root = recvbuf != TG_IN_PLACE && (recvbuf != NULL || count == 0) && !(sendbuf == recvbuf && count > 0);
  int as_other = sendbuf != TG_IN_PLACE;
  if (!(as_root && as_other)) {
    if (rank_of(c) == root) {
      TG_CALL(not_in_place(recvbuf, fn, "recvbuf"));
      TG_CALL(tg__buffer(recvbuf, count, es, fn, "recvbuf"));
      TG_CALL(not_aliased(sendbuf, recvbuf, count, fn));
    } else {
      TG_CALL(not_in_place(sendbuf, fn, "sendbuf on a rank other than root"));
    }
  }
  return tg__mpi(tg__large_reduce(sendbuf, recvbuf, count, type, mop, root, c->comm), fn, TG__LARGE("MPI_Reduce"));
}

int tg_reduce(MPI_Comm comm, const void *sendbuf, void *recvbuf, int64_t count, tg_dtype dtype, tg_op op, int root)
{
  tg__ctx c = {comm, -1, -1};
  TG_CALL(tg__comm(comm, __func__, NULL, NULL));
  return reduce_on(&c, sendbuf, recvbuf, count, dtype, op, root, __func__);
}

static TG_ALWAYS_INLINE int allreduce_on(tg__ctx *c, const void *sendbuf, void *recvbuf, int64_t count, tg_dtype dtype,
                                         tg_op op, const char *fn)
{
  MPI_Datatype type = MPI_DATATYPE_NULL;
  MPI_Op mop = MPI_OP_NULL;
  size_t es = 1;
  TG_CALL(tg__dtype(dtype, fn, &type, &es));
  TG_CALL(tg__op(op, dtype, fn, &mop));
  TG_CALL(tg__buffer(sendbuf, count, es, fn, "sendbuf"));
  TG_CALL(not_in_place(recvbuf, fn, "recvbuf"));
  TG_CALL(tg__buffer(recvbuf, count, es, fn, "recvbuf"));
  TG_CALL(not_aliased(sendbuf, recvbuf, count, fn));
  return tg__mpi(tg__large_allreduce(sendbuf, recvbuf, count, type, mop, c->comm), fn, TG__LARGE("MPI_Allreduce"));
}

int tg__allreduce_checked(MPI_Comm comm, const void *sendbuf, void *recvbuf, int64_t count, tg_dtype dtype, tg_op op)
{
  tg__ctx c = {comm, -1, -1};
  TG_CALL(tg__comm(comm, "tg_allreduce", NULL, NULL));
  return allreduce_on(&c, sendbuf, recvbuf, count, dtype, op, "tg_allreduce");
}

/* The same entry points for the Fortran shims, which check the communicator
 * themselves (comm.h). */

int tg__bcast_on(tg__ctx *c, void *buf, int64_t count, tg_dtype dtype, int root, const char *fn)
{
  return bcast_on(c, buf, count, dtype, root, fn);
}

int tg__scatter_on(tg__ctx *c, const void *sendbuf, void *recvbuf, int64_t count, tg_dtype dtype, int root,
                   const char *fn)
{
  return scatter_on(c, sendbuf, recvbuf, count, dtype, root, fn);
}

int tg__gather_on(tg__ctx *c, const void *sendbuf, void *recvbuf, int64_t count, tg_dtype dtype, int root,
                  const char *fn)
{
  return gather_on(c, sendbuf, recvbuf, count, dtype, root, fn);
}

int tg__allgather_on(tg__ctx *c, const void *sendbuf, void *recvbuf, int64_t count, tg_dtype dtype, const char *fn)
{
  return allgather_on(c, sendbuf, recvbuf, count, dtype, fn);
}

int tg__reduce_on(tg__ctx *c, const void *sendbuf, void *recvbuf, int64_t count, tg_dtype dtype, tg_op op, int root,
                  const char *fn)
{
  return reduce_on(c, sendbuf, recvbuf, count, dtype, op, root, fn);
}

int tg__allreduce_on(tg__ctx *c, const void *sendbuf, void *recvbuf, int64_t count, tg_dtype dtype, tg_op op,
                     const char *fn)
{
  return allreduce_on(c, sendbuf, recvbuf, count, dtype, op, fn);
}
