/* Local argument checks run before any MPI call, so bad input returns a
 * status instead of reaching MPI (whose default handler aborts the job). */
#include <stdint.h>

#include "tg_internal.h"

int tg__comm(MPI_Comm comm, const char *fn, int *size, int *rank)
{
  int flag = 0;
  MPI_Initialized(&flag);
  if (TG_UNLIKELY(!flag))
    return tg__fail(TG_ERR_COMM, fn, "MPI is not initialised (call MPI_Init, or import mpi4py.MPI, first)");
  MPI_Finalized(&flag);
  if (TG_UNLIKELY(flag)) return tg__fail(TG_ERR_COMM, fn, "MPI has already been finalised");
  if (TG_UNLIKELY(comm == MPI_COMM_NULL)) return tg__fail(TG_ERR_COMM, fn, "the communicator is MPI_COMM_NULL");
  MPI_Comm_test_inter(comm, &flag);
  if (TG_UNLIKELY(flag))
    return tg__fail(TG_ERR_COMM, fn, "intercommunicators are not supported; merge it first (MPI_Intercomm_merge)");
  MPI_Comm_size(comm, size);
  MPI_Comm_rank(comm, rank);
  return TG_SUCCESS;
}

int tg_comm_info(MPI_Comm comm, int *size, int *rank)
{
  int s, r;
  TG_CALL(tg__comm(comm, __func__, &s, &r));
  if (size) *size = s;
  if (rank) *rank = r;
  return TG_SUCCESS;
}

int tg__root(int root, int size, const char *fn)
{
  if (TG_UNLIKELY(root < 0 || root >= size))
    return tg__fail(TG_ERR_ARG, fn, "root %d is outside the communicator (size %d)", root, size);
  return TG_SUCCESS;
}

int tg__buffer(const void *buf, int64_t count, size_t elem_size, const char *fn, const char *name)
{
  if (TG_UNLIKELY(count < 0)) return tg__fail(TG_ERR_ARG, fn, "%s: count %lld is negative", name, (long long)count);
  if (TG_UNLIKELY((uint64_t)count > (uint64_t)PTRDIFF_MAX / elem_size))
    return tg__fail(TG_ERR_ARG, fn, "%s: count %lld of %zu-byte elements overflows the address space", name,
                    (long long)count, elem_size);
  if (TG_UNLIKELY(buf == NULL && count > 0))
    return tg__fail(TG_ERR_ARG, fn, "%s is NULL but count is %lld", name, (long long)count);
  return TG_SUCCESS;
}

int tg__counts(const int64_t *counts, int size, size_t elem_size, const char *fn, const char *name,
               int64_t *total)
{
  if (counts == NULL) return tg__fail(TG_ERR_ARG, fn, "%s is NULL", name);
  int64_t sum = 0;
  for (int r = 0; r < size; r++) {
    if (counts[r] < 0)
      return tg__fail(TG_ERR_ARG, fn, "%s[%d] = %lld is negative", name, r, (long long)counts[r]);
    if (counts[r] > (int64_t)(PTRDIFF_MAX / elem_size) - sum)
      return tg__fail(TG_ERR_ARG, fn, "%s: the total count overflows the address space", name);
    sum += counts[r];
  }
  *total = sum;
  return TG_SUCCESS;
}
