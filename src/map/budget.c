/* Refusing maps that cannot fit: a rank whose share of a map needs more
 * bytes than its node has would start, grow for hours and be killed by the
 * system (or swap to a standstill). The estimate is checked before any
 * work, on every rank, and the verdict agreed. */
#define _POSIX_C_SOURCE 200809L
#include <unistd.h>

#include "map/map.h"

int tg__check_budget(MPI_Comm dup, double bytes, int64_t points, const char *fn)
{
  long pages = sysconf(_SC_PHYS_PAGES), page = sysconf(_SC_PAGESIZE);
  double have = pages > 0 && page > 0 ? (double)pages * (double)page : 0;
  int rc = TG_SUCCESS;
  if (have > 0 && bytes > have)
    rc = tg__fail(TG_ERR_NOMEM, fn,
                  "a map of %lld points needs about %.3g GiB on this rank, more than the %.3g GiB of memory of "
                  "its node; use more ranks (on more nodes) or fewer points",
                  (long long)points, bytes / 1073741824.0, have / 1073741824.0);
  return tg__agree(dup, rc, fn);
}
