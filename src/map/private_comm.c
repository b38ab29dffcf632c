/* Private duplicates of callers' communicators, for objects that send
 * messages of their own (grid sweeps): made once per communicator and cached,
 * never per call (MPICH runs out of context ids), and without touching the
 * caller's communicator (no attribute). The cache is keyed by handle; an entry
 * is reused only while MPI_Comm_compare (a local call) still finds the
 * duplicate CONGRUENT with it, so a freed and reused handle gets a fresh
 * duplicate. Entries are replaced in call order, which every rank of a
 * communicator shares, so a replaced duplicate is freed on all its ranks. */
#include "map/map.h"

enum { PRIVATE_CACHE = 16 };
static struct {
  MPI_Comm user, dup;
} cache[PRIVATE_CACHE];
static int used, next;

int tg__private_comm(MPI_Comm comm, const char *fn, MPI_Comm *dup)
{
  for (int k = 0; k < used; k++)
    if (cache[k].user == comm) {
      int cmp = MPI_UNEQUAL;
      MPI_Comm_compare(comm, cache[k].dup, &cmp);
      if (cmp == MPI_CONGRUENT) return *dup = cache[k].dup, TG_SUCCESS;
      MPI_Comm_free(&cache[k].dup); /* stale: the handle now names another communicator */
      TG_CALL(tg__mpi(MPI_Comm_dup(comm, &cache[k].dup), fn, "MPI_Comm_dup"));
      MPI_Comm_set_errhandler(cache[k].dup, MPI_ERRORS_RETURN); /* our copy only */
      return *dup = cache[k].dup, TG_SUCCESS;
    }
  int k;
  if (used < PRIVATE_CACHE) {
    k = used++;
  } else { /* full: replace the oldest entry (same order on every rank) */
    k = next++ % PRIVATE_CACHE;
    MPI_Comm_free(&cache[k].dup);
  }
  cache[k].user = comm;
  TG_CALL(tg__mpi(MPI_Comm_dup(comm, &cache[k].dup), fn, "MPI_Comm_dup"));
  MPI_Comm_set_errhandler(cache[k].dup, MPI_ERRORS_RETURN); /* our copy only */
  *dup = cache[k].dup;
  return TG_SUCCESS;
}
