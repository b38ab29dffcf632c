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
#define TG_DTYPE_ENUM_NAME(d, ...) " " #d
  return tg__fail(TG_ERR_ARG, fn, "unknown dtype %d (use one of" TG_DTYPE_TABLE(TG_DTYPE_ENUM_NAME) ")", (int)dtype);
#undef TG_DTYPE_ENUM_NAME
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
#define TG_OP_ENUM_NAME(e, ...) " " #e
    return tg__fail(TG_ERR_ARG, fn, "unknown op %d (use one of" TG_OP_TABLE(TG_OP_ENUM_NAME) ")", (int)op);
#undef TG_OP_ENUM_NAME
  if (!reducible) return tg__fail(TG_ERR_UNSUPPORTED, fn, "%s elements cannot be reduced", dtype_name(dtype));
  return tg__fail(TG_ERR_UNSUPPORTED, fn, "min and max are not defined for %s", dtype_name(dtype));
}
