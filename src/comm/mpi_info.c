/* MPI's side of errors and versions: an MPI error code as a tofgrid status
 * with MPI's own text, and the MPI library tofgrid was linked with. */
#include <stdio.h>

#include "comm/comm.h"

int tg__mpi_fail(int mpi_err, const char *fn, const char *call)
{
  char text[MPI_MAX_ERROR_STRING];
  int len = 0;
  if (MPI_Error_string(mpi_err, text, &len) != MPI_SUCCESS) snprintf(text, sizeof text, "code %d", mpi_err);
  return tg__fail(TG_ERR_MPI, fn, "%s failed: %s", call, text);
}

const char *tg_mpi_library_version(void)
{
  static _Thread_local char text[MPI_MAX_LIBRARY_VERSION_STRING];
  int len = 0;
  if (MPI_Get_library_version(text, &len) != MPI_SUCCESS) text[0] = '\0';
  return text;
}
