/* The keyvals of what tofgrid attaches to callers' communicators (MPI
 * attributes, each with a delete callback, so tofgrid learns when a
 * communicator is freed). A keyval is made once, by whichever thread comes
 * first, and freed at MPI_Finalize: MPI_Finalize deletes MPI_COMM_SELF's
 * attributes before anything else (MPI-4.0 sec. 11.2.4), so one attribute
 * there (as PETSc does) frees the keyvals and forgets the communicators seen
 * (no handle outlives MPI). Attributes on MPI_COMM_WORLD are deleted later,
 * and their callbacks still run: a freed keyval lives on while in use. */
#include "comm/comm.h"

enum { MAX_KEYVALS = 4 };
static _Atomic int *registered[MAX_KEYVALS];
static int n_registered, finalize_keyval = MPI_KEYVAL_INVALID;
static atomic_flag lock = ATOMIC_FLAG_INIT;

static int at_finalize(MPI_Comm comm, int keyval, void *value, void *extra)
{
  (void)comm, (void)value, (void)extra;
  while (atomic_flag_test_and_set_explicit(&lock, memory_order_acquire)) continue;
  for (int k = 0; k < n_registered; k++) {
    int kv = atomic_exchange(registered[k], MPI_KEYVAL_INVALID);
    if (kv != MPI_KEYVAL_INVALID) MPI_Comm_free_keyval(&kv);
  }
  n_registered = 0;
  MPI_Comm_free_keyval(&keyval);
  finalize_keyval = MPI_KEYVAL_INVALID;
  atomic_flag_clear_explicit(&lock, memory_order_release);
  tg__forget_comms();
  return MPI_SUCCESS; /* an error here would fail the caller's MPI_Finalize */
}

/* Under the lock: the keyval *kv, and the finalize hook with it. */
static int make(_Atomic int *kv, MPI_Comm_delete_attr_function *on_delete, const char *fn)
{
  if (atomic_load(kv) != MPI_KEYVAL_INVALID) return TG_SUCCESS; /* made while we waited */
  if (n_registered == MAX_KEYVALS)
    return tg__fail(TG_ERR_UNSUPPORTED, fn, "tofgrid needs more keyvals than MAX_KEYVALS (src/comm/attr.c)");
  if (finalize_keyval == MPI_KEYVAL_INVALID) {
    TG_CALL(tg__mpi(MPI_Comm_create_keyval(MPI_COMM_NULL_COPY_FN, at_finalize, &finalize_keyval, NULL), fn,
                    "MPI_Comm_create_keyval"));
    int err = MPI_Comm_set_attr(MPI_COMM_SELF, finalize_keyval, NULL);
    if (err != MPI_SUCCESS) {
      MPI_Comm_free_keyval(&finalize_keyval);
      return tg__mpi_fail(err, fn, "MPI_Comm_set_attr");
    }
  }
  int k = MPI_KEYVAL_INVALID;
  TG_CALL(tg__mpi(MPI_Comm_create_keyval(MPI_COMM_NULL_COPY_FN, on_delete, &k, NULL), fn, "MPI_Comm_create_keyval"));
  registered[n_registered++] = kv;
  atomic_store_explicit(kv, k, memory_order_release);
  return TG_SUCCESS;
}

int tg__keyval_slow(_Atomic int *kv, MPI_Comm_delete_attr_function *on_delete, const char *fn, int *keyval)
{
  while (atomic_flag_test_and_set_explicit(&lock, memory_order_acquire)) continue;
  int rc = make(kv, on_delete, fn);
  atomic_flag_clear_explicit(&lock, memory_order_release);
  *keyval = atomic_load_explicit(kv, memory_order_acquire);
  return rc;
}
