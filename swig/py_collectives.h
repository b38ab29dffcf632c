/* The Python face of the collectives, written against the Python and numpy
 * C APIs so that every check runs in C (no Python layer on the hot path).
 * SWIG wraps these (tofgrid.i) with mpi4py's MPI_Comm typemap. Each returns
 * a new reference, or NULL with tofgrid.Error / TypeError set. */
#ifndef TOFGRID_PY_COLLECTIVES_H
#define TOFGRID_PY_COLLECTIVES_H

#include <Python.h>
#include <mpi.h>

PyObject *tgpy_bcast(MPI_Comm comm, PyObject *a, int root);
PyObject *tgpy_scatter(MPI_Comm comm, PyObject *a, int root, PyObject *out);
PyObject *tgpy_gather(MPI_Comm comm, PyObject *a, int root, PyObject *n, PyObject *out);
PyObject *tgpy_allgather(MPI_Comm comm, PyObject *a, PyObject *n, PyObject *out);
PyObject *tgpy_reduce(MPI_Comm comm, PyObject *a, PyObject *op, int root, PyObject *out);
PyObject *tgpy_allreduce(MPI_Comm comm, PyObject *a, PyObject *op, PyObject *out);
PyObject *tgpy_block_range(long long n, int size, int rank);
const char *tgpy_mpi_library_version(void);
const char *tgpy_mpi_built_with(void);

#endif
