/* Local argument checks run before any MPI call, so bad input returns a
 * status instead of reaching MPI (whose default handler aborts the job). */
#include <stdatomic.h>
#include <stdint.h>

#include "comm/comm.h"

/* The fast path of tg__comm is inline (comm.h); this is the rest:
 * the first call (is MPI initialised?), NULL, unknown handles (valid? an
 * intercommunicator?), and the size and rank queries. Each MPI query costs
 * ~5-7 ns of handle validation in MPICH, ~2-3 % of a small collective, so
 * none is repeated needlessly. */
static _Atomic int mpi_seen_initialised, swap_errhandlers;

/* Handles found to be intracommunicators, so the intercommunicator test runs
 * once per communicator. A global array of atomics, not thread-locals (TLS
 * in a shared library costs a __tls_get_addr call per access); relaxed loads
 * and stores are enough. Each communicator stored carries an attribute
 * (intra_keyval) whose delete callback takes it out again when it is freed,
 * before MPI can reuse its handle; at MPI_Finalize the whole cache is
 * emptied (attr.c). Size and rank are never cached: a stale value could
 * refuse a valid root. Entries start as MPI_COMM_NULL and are filled only
 * once MPI is seen initialised, so a hit also says MPI is initialised. */
_Atomic(MPI_Comm) tg__intra_cache[TG_INTRA_CACHE] = {MPI_COMM_NULL, MPI_COMM_NULL, MPI_COMM_NULL, MPI_COMM_NULL,
                                                     MPI_COMM_NULL, MPI_COMM_NULL, MPI_COMM_NULL, MPI_COMM_NULL};
_Static_assert(TG_INTRA_CACHE == 8, "initialise every entry to MPI_COMM_NULL above, and test each in TG__KNOWN_COMM");
static _Atomic unsigned intra_next;
static _Atomic int intra_keyval = MPI_KEYVAL_INVALID;

static int forget_comm(MPI_Comm comm, int keyval, void *value, void *extra)
{
  (void)keyval, (void)value, (void)extra;
  for (int i = 0; i < TG_INTRA_CACHE; i++) {
    MPI_Comm expected = comm;
    atomic_compare_exchange_strong(&tg__intra_cache[i], &expected, MPI_COMM_NULL);
  }
  return MPI_SUCCESS;
}

void tg__forget_comms(void)
{
  for (int i = 0; i < TG_INTRA_CACHE; i++) atomic_store(&tg__intra_cache[i], MPI_COMM_NULL);
  atomic_store(&mpi_seen_initialised, 0);
}

/* MPI calls on comm with MPI_ERRORS_RETURN on MPI_COMM_WORLD and
 * MPI_COMM_SELF, where MPI raises the error of an invalid handle (MPICH:
 * WORLD; MPI-4: SELF), so a freed or made-up handle (a Fortran integer)
 * gives a status, not an abort. The handlers are swapped only while no other
 * thread can be in MPI (thread level below MPI_THREAD_MULTIPLE); otherwise
 * an invalid handle meets the caller's handlers, as in MPI itself. */
static int inspect(MPI_Comm comm, int keyval, int *marked, int *inter)
{
  int swap = atomic_load_explicit(&swap_errhandlers, memory_order_relaxed);
  MPI_Errhandler world = MPI_ERRHANDLER_NULL, self = MPI_ERRHANDLER_NULL;
  if (swap) {
    MPI_Comm_get_errhandler(MPI_COMM_WORLD, &world);
    MPI_Comm_get_errhandler(MPI_COMM_SELF, &self);
    MPI_Comm_set_errhandler(MPI_COMM_WORLD, MPI_ERRORS_RETURN);
    MPI_Comm_set_errhandler(MPI_COMM_SELF, MPI_ERRORS_RETURN);
  }
  void *value;
  int err = MPI_Comm_get_attr(comm, keyval, &value, marked);
  if (err == MPI_SUCCESS && !*marked) err = MPI_Comm_test_inter(comm, inter);
  if (swap) {
    MPI_Comm_set_errhandler(MPI_COMM_WORLD, world);
    MPI_Comm_set_errhandler(MPI_COMM_SELF, self);
    MPI_Errhandler_free(&world);
    MPI_Errhandler_free(&self);
  }
  return err;
}

/* A handle not in the cache: valid, an intracommunicator; then marked and cached. */
static TG_NOINLINE int check_unknown(MPI_Comm comm, const char *fn)
{
  int keyval, marked = 0, inter = 0;
  TG_CALL(tg__keyval(&intra_keyval, forget_comm, fn, &keyval));
  int err = inspect(comm, keyval, &marked, &inter);
  if (err != MPI_SUCCESS) {
    char text[MPI_MAX_ERROR_STRING];
    int len = 0;
    if (MPI_Error_string(err, text, &len) != MPI_SUCCESS) text[0] = '\0';
    return tg__fail(TG_ERR_COMM, fn, "the communicator is not a valid communicator (freed, or never created): %s",
                    text);
  }
  if (inter)
    return tg__fail(TG_ERR_COMM, fn, "intercommunicators are not supported; merge it first (MPI_Intercomm_merge)");
  if (!marked) TG_CALL(tg__mpi(MPI_Comm_set_attr(comm, keyval, NULL), fn, "MPI_Comm_set_attr"));
  unsigned slot = atomic_fetch_add_explicit(&intra_next, 1, memory_order_relaxed) % TG_INTRA_CACHE;
  atomic_store_explicit(&tg__intra_cache[slot], comm, memory_order_relaxed);
  return TG_SUCCESS;
}

int tg__comm_slow(MPI_Comm comm, const char *fn, int *size, int *rank)
{
  if (!atomic_load_explicit(&mpi_seen_initialised, memory_order_relaxed)) {
    int init = 0, fini = 0, level = MPI_THREAD_MULTIPLE;
    MPI_Initialized(&init);
    MPI_Finalized(&fini);
    if (!init) return tg__fail(TG_ERR_COMM, fn, "MPI is not initialised (call MPI_Init, or import mpi4py.MPI, first)");
    if (fini) return tg__fail(TG_ERR_COMM, fn, "MPI has already been finalised");
    int keyval; /* made now, so MPI_Finalize will forget what is seen from here on */
    TG_CALL(tg__keyval(&intra_keyval, forget_comm, fn, &keyval));
    MPI_Query_thread(&level);
    atomic_store_explicit(&swap_errhandlers, level < MPI_THREAD_MULTIPLE, memory_order_relaxed);
    atomic_store_explicit(&mpi_seen_initialised, 1, memory_order_relaxed);
  }
  if (comm == MPI_COMM_NULL) return tg__fail(TG_ERR_COMM, fn, "the communicator is MPI_COMM_NULL");
  if (!TG__KNOWN_COMM(comm)) TG_CALL(check_unknown(comm, fn));
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
