/* Private duplicates of callers' communicators, for objects that send
 * messages of their own (grid sweeps): made on a communicator's first sweep,
 * never per call (MPICH runs out of context ids), and kept as an attribute
 * of it, the MPI way (as PETSc keeps its inner communicator): the next sweep
 * finds it there, and freeing the caller's communicator frees it (for
 * MPI_COMM_WORLD and MPI_COMM_SELF: MPI_Finalize). The value is the
 * duplicate's Fortran handle, an integer, so nothing is allocated. */
#include <stdint.h>

#include "map/map.h"

static _Atomic int dup_keyval = MPI_KEYVAL_INVALID;

static int free_dup(MPI_Comm comm, int keyval, void *value, void *extra)
{
  (void)comm, (void)keyval, (void)extra;
  MPI_Comm dup = MPI_Comm_f2c((MPI_Fint)(intptr_t)value);
  MPI_Comm_free(&dup); /* local; its errors return (MPI_ERRORS_RETURN), never abort */
  return MPI_SUCCESS;  /* an error here would fail the caller's MPI_Comm_free */
}

int tg__private_comm(MPI_Comm comm, const char *fn, MPI_Comm *dup)
{
  int keyval, found = 0;
  void *value;
  TG_CALL(tg__keyval(&dup_keyval, free_dup, fn, &keyval));
  TG_CALL(tg__mpi(MPI_Comm_get_attr(comm, keyval, &value, &found), fn, "MPI_Comm_get_attr"));
  if (found) return *dup = MPI_Comm_f2c((MPI_Fint)(intptr_t)value), TG_SUCCESS;
  MPI_Comm d;
  TG_CALL(tg__mpi(MPI_Comm_dup(comm, &d), fn, "MPI_Comm_dup"));
  MPI_Comm_set_errhandler(d, MPI_ERRORS_RETURN); /* our copy only */
  int err = MPI_Comm_set_attr(comm, keyval, (void *)(intptr_t)MPI_Comm_c2f(d));
  if (err != MPI_SUCCESS) {
    MPI_Comm_free(&d);
    return tg__mpi_fail(err, fn, "MPI_Comm_set_attr");
  }
  *dup = d;
  return TG_SUCCESS;
}
