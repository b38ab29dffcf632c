/* Local argument checks run before any MPI call, so bad input returns a
 * status instead of reaching MPI (whose default handler aborts the job). */
#include <stdatomic.h>
#include <stdint.h>

#include "comm/comm.h"

/* The fast path of tg__comm is inline (comm.h); this is the rest:
 * the first call (is MPI initialised?), NULL, unknown handles (is it an
 * intercommunicator?), and the size and rank queries. Each MPI query costs
 * ~5-7 ns of handle validation in MPICH, ~2-3 % of a small collective, so
 * none is repeated needlessly. (Calls after MPI_Finalize are erroneous in
 * MPI itself and are not checked.) */
static _Atomic int mpi_seen_initialised;

/* Handles found to be intracommunicators, so the intercommunicator test runs
 * once per communicator. A global array of atomics, not thread-locals (TLS
 * in a shared library costs a __tls_get_addr call per access); the entries
 * are hints, so relaxed loads and stores are enough. Only "intra" verdicts
 * are kept: if a handle is freed and reused by an intercommunicator, the
 * worst case is MPI's own intercommunicator behaviour, never a refused valid
 * call. Size and rank are never cached: a stale value could refuse a valid root.
 * Entries start as MPI_COMM_NULL and are filled only once MPI is seen
 * initialised, so a hit also says MPI is initialised. */
_Atomic(MPI_Comm) tg__intra_cache[TG_INTRA_CACHE] = {MPI_COMM_NULL, MPI_COMM_NULL, MPI_COMM_NULL, MPI_COMM_NULL,
                                                     MPI_COMM_NULL, MPI_COMM_NULL, MPI_COMM_NULL, MPI_COMM_NULL};
_Static_assert(TG_INTRA_CACHE == 8, "initialise every entry to MPI_COMM_NULL above, and test each in TG__KNOWN_COMM");
static _Atomic unsigned intra_next;

int tg__comm_slow(MPI_Comm comm, const char *fn, int *size, int *rank)
{
  if (!atomic_load_explicit(&mpi_seen_initialised, memory_order_relaxed)) {
    int init = 0, fini = 0;
    MPI_Initialized(&init);
    MPI_Finalized(&fini);
    if (!init) return tg__fail(TG_ERR_COMM, fn, "MPI is not initialised (call MPI_Init, or import mpi4py.MPI, first)");
    if (fini) return tg__fail(TG_ERR_COMM, fn, "MPI has already been finalised");
    atomic_store_explicit(&mpi_seen_initialised, 1, memory_order_relaxed);
  }
  if (comm == MPI_COMM_NULL) return tg__fail(TG_ERR_COMM, fn, "the communicator is MPI_COMM_NULL");
  if (!TG__KNOWN_COMM(comm)) {
    int inter = 0;
    MPI_Comm_test_inter(comm, &inter);
    if (inter)
      return tg__fail(TG_ERR_COMM, fn, "intercommunicators are not supported; merge it first (MPI_Intercomm_merge)");
    unsigned slot = atomic_fetch_add_explicit(&intra_next, 1, memory_order_relaxed) % TG_INTRA_CACHE;
    atomic_store_explicit(&tg__intra_cache[slot], comm, memory_order_relaxed);
  }
  if (size) MPI_Comm_size(comm, size);
  if (rank) MPI_Comm_rank(comm, rank);
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

int tg__counts(const int64_t *counts, int size, size_t elem_size, const char *fn, const char *name, int64_t *total)
{
  if (counts == NULL) return tg__fail(TG_ERR_ARG, fn, "%s is NULL", name);
  int64_t sum = 0;
  for (int r = 0; r < size; r++) {
    if (counts[r] < 0) return tg__fail(TG_ERR_ARG, fn, "%s[%d] = %lld is negative", name, r, (long long)counts[r]);
    if (counts[r] > (int64_t)(PTRDIFF_MAX / elem_size) - sum)
      return tg__fail(TG_ERR_ARG, fn, "%s: the total count overflows the address space", name);
    sum += counts[r];
  }
  *total = sum;
  return TG_SUCCESS;
}
