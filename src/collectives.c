/* Collectives with equal counts on every rank: thin, checked wrappers over
 * MPI-4 large-count calls on the caller's communicator. */
#include "tg_internal.h"

/* count * factor elements, checked against overflow. */
static int scaled(int64_t count, int factor, const char *fn, const char *name, int64_t *total)
{
  if (count > 0 && factor > 0 && count > INT64_MAX / factor)
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

int tg_bcast(MPI_Comm comm, void *buf, int64_t count, tg_dtype dtype, int root)
{
  int size, rank;
  MPI_Datatype type;
  size_t es;
  TG_CALL(tg__comm(comm, __func__, &size, &rank));
  TG_CALL(tg__root(root, size, __func__));
  TG_CALL(tg__dtype(dtype, __func__, &type, &es));
  TG_CALL(not_in_place(buf, __func__, "buf"));
  TG_CALL(tg__buffer(buf, count, es, __func__, "buf"));
  return tg__mpi(MPI_Bcast_c(buf, count, type, root, comm), __func__, "MPI_Bcast_c");
}

int tg_scatter(MPI_Comm comm, const void *sendbuf, void *recvbuf, int64_t count, tg_dtype dtype, int root)
{
  int size, rank;
  MPI_Datatype type;
  size_t es;
  int64_t total = 0;
  TG_CALL(tg__comm(comm, __func__, &size, &rank));
  TG_CALL(tg__root(root, size, __func__));
  TG_CALL(tg__dtype(dtype, __func__, &type, &es));
  TG_CALL(tg__buffer(recvbuf, count, es, __func__, "recvbuf"));
  if (rank == root) {
    TG_CALL(not_in_place(sendbuf, __func__, "sendbuf"));
    TG_CALL(scaled(count, size, __func__, "sendbuf", &total));
    TG_CALL(tg__buffer(sendbuf, total, es, __func__, "sendbuf"));
  } else {
    TG_CALL(not_in_place(recvbuf, __func__, "recvbuf on a rank other than root"));
  }
  return tg__mpi(MPI_Scatter_c(sendbuf, count, type, recvbuf, count, type, root, comm), __func__, "MPI_Scatter_c");
}

int tg_gather(MPI_Comm comm, const void *sendbuf, void *recvbuf, int64_t count, tg_dtype dtype, int root)
{
  int size, rank;
  MPI_Datatype type;
  size_t es;
  int64_t total = 0;
  TG_CALL(tg__comm(comm, __func__, &size, &rank));
  TG_CALL(tg__root(root, size, __func__));
  TG_CALL(tg__dtype(dtype, __func__, &type, &es));
  TG_CALL(tg__buffer(sendbuf, count, es, __func__, "sendbuf"));
  if (rank == root) {
    TG_CALL(not_in_place(recvbuf, __func__, "recvbuf"));
    TG_CALL(scaled(count, size, __func__, "recvbuf", &total));
    TG_CALL(tg__buffer(recvbuf, total, es, __func__, "recvbuf"));
    TG_CALL(not_aliased(sendbuf, recvbuf, count, __func__));
  } else {
    TG_CALL(not_in_place(sendbuf, __func__, "sendbuf on a rank other than root"));
  }
  return tg__mpi(MPI_Gather_c(sendbuf, count, type, recvbuf, count, type, root, comm), __func__, "MPI_Gather_c");
}

int tg_allgather(MPI_Comm comm, const void *sendbuf, void *recvbuf, int64_t count, tg_dtype dtype)
{
  int size, rank;
  MPI_Datatype type;
  size_t es;
  int64_t total = 0;
  TG_CALL(tg__comm(comm, __func__, &size, &rank));
  TG_CALL(tg__dtype(dtype, __func__, &type, &es));
  TG_CALL(tg__buffer(sendbuf, count, es, __func__, "sendbuf"));
  TG_CALL(not_in_place(recvbuf, __func__, "recvbuf"));
  TG_CALL(scaled(count, size, __func__, "recvbuf", &total));
  TG_CALL(tg__buffer(recvbuf, total, es, __func__, "recvbuf"));
  TG_CALL(not_aliased(sendbuf, recvbuf, count, __func__));
  /* With MPI_IN_PLACE, MPI ignores the send count and type. */
  return tg__mpi(MPI_Allgather_c(sendbuf, count, type, recvbuf, count, type, comm), __func__, "MPI_Allgather_c");
}

int tg_reduce(MPI_Comm comm, const void *sendbuf, void *recvbuf, int64_t count, tg_dtype dtype, tg_op op,
              int root)
{
  int size, rank;
  MPI_Datatype type;
  MPI_Op mop;
  size_t es;
  TG_CALL(tg__comm(comm, __func__, &size, &rank));
  TG_CALL(tg__root(root, size, __func__));
  TG_CALL(tg__dtype(dtype, __func__, &type, &es));
  TG_CALL(tg__op(op, dtype, __func__, &mop));
  TG_CALL(tg__buffer(sendbuf, count, es, __func__, "sendbuf"));
  if (rank == root) {
    TG_CALL(not_in_place(recvbuf, __func__, "recvbuf"));
    TG_CALL(tg__buffer(recvbuf, count, es, __func__, "recvbuf"));
    TG_CALL(not_aliased(sendbuf, recvbuf, count, __func__));
  } else {
    TG_CALL(not_in_place(sendbuf, __func__, "sendbuf on a rank other than root"));
  }
  return tg__mpi(MPI_Reduce_c(sendbuf, recvbuf, count, type, mop, root, comm), __func__, "MPI_Reduce_c");
}

int tg_allreduce(MPI_Comm comm, const void *sendbuf, void *recvbuf, int64_t count, tg_dtype dtype, tg_op op)
{
  int size, rank;
  MPI_Datatype type;
  MPI_Op mop;
  size_t es;
  TG_CALL(tg__comm(comm, __func__, &size, &rank));
  TG_CALL(tg__dtype(dtype, __func__, &type, &es));
  TG_CALL(tg__op(op, dtype, __func__, &mop));
  TG_CALL(tg__buffer(sendbuf, count, es, __func__, "sendbuf"));
  TG_CALL(not_in_place(recvbuf, __func__, "recvbuf"));
  TG_CALL(tg__buffer(recvbuf, count, es, __func__, "recvbuf"));
  TG_CALL(not_aliased(sendbuf, recvbuf, count, __func__));
  return tg__mpi(MPI_Allreduce_c(sendbuf, recvbuf, count, type, mop, comm), __func__, "MPI_Allreduce_c");
}
