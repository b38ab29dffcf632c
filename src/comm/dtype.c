/* Element types and reduction operations: names, sizes, and the error
 * messages of the inline lookups in comm.h (all from TG_DTYPE_TABLE). */
#include "comm/comm.h"

static const char *dtype_name(tg_dtype dtype)
{
  switch (dtype) {
#define TG_DTYPE_NAME(d, v, name, ...) \
  case d: return name;
    TG_DTYPE_TABLE(TG_DTYPE_NAME)
#undef TG_DTYPE_NAME
  }
  return "?";
}

int tg__bad_dtype(tg_dtype dtype, const char *fn)
{
  return tg__fail(TG_ERR_ARG, fn,
                  "unknown dtype %d (use TG_BYTE, TG_INT32, TG_INT64, TG_FLOAT32, "
                  "TG_FLOAT64 or TG_COMPLEX128)",
                  (int)dtype);
}

int tg_dtype_size(tg_dtype dtype)
{
  switch (dtype) {
#define TG_DTYPE_SIZE(d, v, name, ctype, ...) \
  case d: return (int)sizeof(ctype);
    TG_DTYPE_TABLE(TG_DTYPE_SIZE)
#undef TG_DTYPE_SIZE
  }
  return 0;
}

int tg__bad_op(tg_op op, tg_dtype dtype, const char *fn)
{
  int reducible = 0;
  switch (dtype) {
#define TG_DTYPE_FLAGS(d, v, name, ctype, mpi, red, ...) \
  case d: reducible = red; break;
    TG_DTYPE_TABLE(TG_DTYPE_FLAGS)
#undef TG_DTYPE_FLAGS
  }
  if (op < TG_SUM || op > TG_MAX)
    return tg__fail(TG_ERR_ARG, fn, "unknown op %d (use TG_SUM, TG_PROD, TG_MIN or TG_MAX)", (int)op);
  if (!reducible) return tg__fail(TG_ERR_UNSUPPORTED, fn, "%s elements cannot be reduced", dtype_name(dtype));
  return tg__fail(TG_ERR_UNSUPPORTED, fn, "min and max are not defined for %s", dtype_name(dtype));
}
