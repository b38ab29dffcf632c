/**
 * @file tofgrid/types.h
 * @brief Element types and reduction operations of the collectives.
 */
#ifndef TOFGRID_TYPES_H
#define TOFGRID_TYPES_H

#include <mpi.h>

/** Element types. Values are stable: the Fortran and Python faces use them. */
typedef enum tg_dtype {
  TG_BYTE = 0,       /**< raw bytes (uint8); not reducible */
  TG_INT32 = 1,      /**< int32_t */
  TG_INT64 = 2,      /**< int64_t */
  TG_FLOAT32 = 3,    /**< float */
  TG_FLOAT64 = 4,    /**< double */
  TG_COMPLEX128 = 5  /**< double _Complex; sum and prod only */
} tg_dtype;

/** Reduction operations. Values are stable: the Fortran and Python faces use them. */
typedef enum tg_op {
  TG_SUM = 0,
  TG_PROD = 1,
  TG_MIN = 2,  /**< not for complex128 */
  TG_MAX = 3   /**< not for complex128 */
} tg_op;

/** Pass as the send buffer (or, for scatter, the root's receive buffer) to
 *  work in place, exactly where MPI allows MPI_IN_PLACE. */
#define TG_IN_PLACE MPI_IN_PLACE

#endif
