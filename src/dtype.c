/* Element types and reduction operations: tofgrid's enums to MPI handles. */
#include <complex.h>

#include "tg_internal.h"

/* dtype, name, MPI datatype, element size, reducible, ordered (min/max) */
#define TG_DTYPE_LIST(X)                                               \
  X(TG_BYTE, "byte", MPI_BYTE, 1, 0, 0)                                \
  X(TG_INT32, "int32", MPI_INT32_T, sizeof(int32_t), 1, 1)             \
  X(TG_INT64, "int64", MPI_INT64_T, sizeof(int64_t), 1, 1)             \
  X(TG_FLOAT32, "float32", MPI_FLOAT, sizeof(float), 1, 1)             \
  X(TG_FLOAT64, "float64", MPI_DOUBLE, sizeof(double), 1, 1)           \
  X(TG_COMPLEX128, "complex128", MPI_C_DOUBLE_COMPLEX, sizeof(double _Complex), 1, 0)

static const char *dtype_name(tg_dtype dtype)
{
  switch (dtype) {
#define TG_DTYPE_NAME(d, name, mpi, size, red, ord) case d: return name;
    TG_DTYPE_LIST(TG_DTYPE_NAME)
#undef TG_DTYPE_NAME
  }
  return "?";
}

int tg__dtype(tg_dtype dtype, const char *fn, MPI_Datatype *type, size_t *size)
{
  switch (dtype) {
#define TG_DTYPE_CASE(d, name, mpi, sz, red, ord) \
  case d: *type = mpi; *size = sz; return TG_SUCCESS;
    TG_DTYPE_LIST(TG_DTYPE_CASE)
#undef TG_DTYPE_CASE
  }
  return tg__fail(TG_ERR_ARG, fn, "unknown dtype %d (use TG_BYTE, TG_INT32, TG_INT64, TG_FLOAT32, "
                  "TG_FLOAT64 or TG_COMPLEX128)", (int)dtype);
}

int tg_dtype_size(tg_dtype dtype)
{
  switch (dtype) {
#define TG_DTYPE_SIZE(d, name, mpi, sz, red, ord) case d: return (int)(sz);
    TG_DTYPE_LIST(TG_DTYPE_SIZE)
#undef TG_DTYPE_SIZE
  }
  return 0;
}

int tg__op(tg_op op, tg_dtype dtype, const char *fn, MPI_Op *mpi_op)
{
  int reducible = 0, ordered = 0;
  switch (dtype) {
#define TG_DTYPE_FLAGS(d, name, mpi, sz, red, ord) case d: reducible = red; ordered = ord; break;
    TG_DTYPE_LIST(TG_DTYPE_FLAGS)
#undef TG_DTYPE_FLAGS
  }
  switch (op) {
  case TG_SUM: *mpi_op = MPI_SUM; break;
  case TG_PROD: *mpi_op = MPI_PROD; break;
  case TG_MIN: *mpi_op = MPI_MIN; break;
  case TG_MAX: *mpi_op = MPI_MAX; break;
  default:
    return tg__fail(TG_ERR_ARG, fn, "unknown op %d (use TG_SUM, TG_PROD, TG_MIN or TG_MAX)", (int)op);
  }
  if (!reducible)
    return tg__fail(TG_ERR_UNSUPPORTED, fn, "%s elements cannot be reduced", dtype_name(dtype));
  if (!ordered && (op == TG_MIN || op == TG_MAX))
    return tg__fail(TG_ERR_UNSUPPORTED, fn, "min and max are not defined for %s", dtype_name(dtype));
  return TG_SUCCESS;
}
