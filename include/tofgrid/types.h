/**
 * @file tofgrid/types.h
 * @brief Element types and reduction operations of the collectives.
 */
#ifndef TOFGRID_TYPES_H
#define TOFGRID_TYPES_H

#include <mpi.h>

/**
 * @brief The one table of element types, as an X-macro.
 *
 * Each row: enumerator, value, name, C type, MPI datatype, reducible (sum and
 * prod), ordered (min and max), Fortran type code (ISO_Fortran_binding.h),
 * Fortran type, numpy type number. The enum below, the C fast path, the
 * argument checks, the Fortran shims, the Python face and the generated
 * Fortran and Python constants all take their entries from it. The last three
 * columns are tokens that only the bindings expand.
 */
#define TG_DTYPE_TABLE(X)                                                                                 \
  X(TG_BYTE, 0, "byte", uint8_t, MPI_BYTE, 0, 0, CFI_type_int8_t, "integer(int8)", NPY_UINT8)             \
  X(TG_INT32, 1, "int32", int32_t, MPI_INT32_T, 1, 1, CFI_type_int32_t, "integer(int32)", NPY_INT32)      \
  X(TG_INT64, 2, "int64", int64_t, MPI_INT64_T, 1, 1, CFI_type_int64_t, "integer(int64)", NPY_INT64)      \
  X(TG_FLOAT32, 3, "float32", float, MPI_FLOAT, 1, 1, CFI_type_float, "real(real32)", NPY_FLOAT32)        \
  X(TG_FLOAT64, 4, "float64", double, MPI_DOUBLE, 1, 1, CFI_type_double, "real(real64)", NPY_FLOAT64)     \
  X(TG_COMPLEX128, 5, "complex128", double _Complex, MPI_C_DOUBLE_COMPLEX, 1, 0, CFI_type_double_Complex, \
    "complex(real64)", NPY_COMPLEX128)

/** @brief Element types (TG_DTYPE_TABLE). Values are stable: the Fortran and Python faces use them. */
typedef enum tg_dtype {
#define TG__DTYPE_ENUM(e, value, ...) e = value,
  TG_DTYPE_TABLE(TG__DTYPE_ENUM)
#undef TG__DTYPE_ENUM
} tg_dtype;

/** @brief Reduction operations as an X-macro: enumerator, value, name, MPI operation. */
#define TG_OP_TABLE(X)            \
  X(TG_SUM, 0, "sum", MPI_SUM)    \
  X(TG_PROD, 1, "prod", MPI_PROD) \
  X(TG_MIN, 2, "min", MPI_MIN)    \
  X(TG_MAX, 3, "max", MPI_MAX)

/** @brief Reduction operations. Values are stable: the Fortran and Python faces use them.
 *  TG_MIN and TG_MAX are not defined for complex128. */
typedef enum tg_op {
#define TG__OP_ENUM(e, value, name, mpi) e = value,
  TG_OP_TABLE(TG__OP_ENUM)
#undef TG__OP_ENUM
} tg_op;

/** Pass as the send buffer (or, for scatter, the root's receive buffer) to
 *  work in place, exactly where MPI allows MPI_IN_PLACE. */
#define TG_IN_PLACE MPI_IN_PLACE

#endif
