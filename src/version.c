/* Version strings: ours, and the MPI library's (for binding-time checks). */
#include <mpi.h>

#include "tofgrid.h"

const char *tg_version(void) { return TOFGRID_VERSION_STRING; }

const char *tg_mpi_library_version(void)
{
  static _Thread_local char text[MPI_MAX_LIBRARY_VERSION_STRING];
  int len = 0;
  if (MPI_Get_library_version(text, &len) != MPI_SUCCESS) text[0] = '\0';
  return text;
}
