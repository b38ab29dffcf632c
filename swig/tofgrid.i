/* SWIG interface of tofgrid's Python face (module tofgrid.core; users
 * `import tofgrid`). Communicators go through mpi4py's own typemap, so
 * MPI.COMM_WORLD, MPI.COMM_SELF and Comm.Split() results all work. The
 * wrapped functions (py_collectives.c) do every check in C. */
%module(package="tofgrid") core

%{
#include "py_collectives.h"
#include "py_errors.h"
#include "py_model.h"
#include "tofgrid.h"
%}

%include "mpi4py/mpi4py.i"
%mpi4py_typemap(Comm, MPI_Comm);

/* mpi4py's "in" typemap, with tofgrid's error: anything but an mpi4py
 * communicator is an ArgumentTypeError (a tofgrid.Error with .status) naming
 * the call, where SWIG raised a plain TypeError. (mpi4py's also takes a
 * SWIG-wrapped MPI_Comm pointer, which this module never hands out.) The
 * call's name is $symname without a leading '_' (tof_grid's is _tof_grid). */
%typemap(in) MPI_Comm {
  if (!PyObject_TypeCheck($input, &PyMPIComm_Type)) {
    const char *call = "$symname";
    tgpy_raise_type("%s: comm must be an mpi4py communicator (MPI.Comm), not %.100s", call + (call[0] == '_'),
                    Py_TYPE($input)->tp_name);
    SWIG_fail;
  }
  $1 = *PyMPIComm_Get($input);
}

%init %{
  if (tgpy_init(m) < 0) return NULL;
%}

%feature("kwargs");

%feature("docstring") tgpy_bcast "bcast(comm, a, root=0) -> a

Broadcast the array `a` from `root` to every rank, in place. Every rank
passes an array of the same shape and dtype (as with MPI_Bcast); it is
returned for convenience. Collective.

Raises tofgrid.Error on bad input (MPI.COMM_NULL, root out of range, an
unsupported dtype, a non-contiguous or read-only array) and TypeError if
`a` is not a numpy.ndarray.";
%rename(bcast) tgpy_bcast;
PyObject *tgpy_bcast(MPI_Comm comm, PyObject *a, int root = 0);

%feature("docstring") tgpy_scatter "scatter(comm, a, root=0, out=None) -> numpy.ndarray

Split the root's array `a` along its first axis into blocks, one per rank
in rank order (tofgrid.block_range: uneven sizes allowed), and return this
rank's block. `a` is read at the root only; other ranks may pass None: the
root first broadcasts the shape and dtype. Pass `out` (this rank's block,
preallocated) on every rank or on none: with it no shape is sent. Collective.";
%rename(scatter) tgpy_scatter;
PyObject *tgpy_scatter(MPI_Comm comm, PyObject *a, int root = 0, PyObject *out = NULL);

%feature("docstring") tgpy_gather "gather(comm, a, root=0, n=None, out=None) -> numpy.ndarray or None

Concatenate every rank's array `a` along the first axis, in rank order, on
`root`; return it there and None elsewhere. Ranks may hold different numbers
of rows (a 0-d array is one row); dtypes and the other axes must agree,
which is checked on every rank. With `n` (the same on every rank, or None on
every rank) each rank must hold its block of n rows (tofgrid.block_range);
n travels with the shapes, so n differing between ranks, or given on some
only, raises on every rank. `out` (read at the root
only) receives the result instead of a new array: a's dtype, the result's
shape. Collective.";
%rename(gather) tgpy_gather;
PyObject *tgpy_gather(MPI_Comm comm, PyObject *a, int root = 0, PyObject *n = NULL, PyObject *out = NULL);

%feature("docstring") tgpy_allgather "allgather(comm, a, n=None, out=None) -> numpy.ndarray

Like gather, with the concatenation returned on every rank (in `out` if
given). Collective.";
%rename(allgather) tgpy_allgather;
PyObject *tgpy_allgather(MPI_Comm comm, PyObject *a, PyObject *n = NULL, PyObject *out = NULL);

%feature("docstring") tgpy_reduce "reduce(comm, a, op='sum', root=0, out=None) -> numpy.ndarray or None

Element-wise reduction of `a` over all ranks with op 'sum', 'prod', 'min' or
'max' (min/max not for complex); the result (a new array, or `out`) is
returned on root, None elsewhere. `out=a` at the root reduces in place.
Collective.";
%rename(reduce) tgpy_reduce;
PyObject *tgpy_reduce(MPI_Comm comm, PyObject *a, PyObject *op = NULL, int root = 0, PyObject *out = NULL);

%feature("docstring") tgpy_allreduce "allreduce(comm, a, op='sum', out=None) -> numpy.ndarray

Element-wise reduction of `a` over all ranks, returned on every rank (a new
array, or `out`; `out=a` works in place). Collective.";
%rename(allreduce) tgpy_allreduce;
PyObject *tgpy_allreduce(MPI_Comm comm, PyObject *a, PyObject *op = NULL, PyObject *out = NULL);

%feature("docstring") tgpy_block_range "block_range(n, size, rank) -> (offset, count)

The block of n items owned by `rank` out of `size` ranks: items
offset .. offset+count-1. Blocks are contiguous, in rank order, and differ
in size by at most one (the first n % size ranks get one more). The rule
used by scatter, gather and every language face. Not collective.";
%rename(block_range) tgpy_block_range;
PyObject *tgpy_block_range(long long n, int size, int rank);

%feature("docstring") tgpy_mpi_library_version "mpi_library_version() -> str

MPI_Get_library_version() of the MPI library tofgrid was built with.";
%rename(mpi_library_version) tgpy_mpi_library_version;
const char *tgpy_mpi_library_version(void);
%rename(_mpi_built_with) tgpy_mpi_built_with;
const char *tgpy_mpi_built_with(void);

%feature("docstring") tg_version "version() -> str

The version of the tofgrid library.";
%rename(version) tg_version;
const char *tg_version(void);

/* The kernel, low level: tofgrid.Model (tofgrid/model.py) is the interface. */
%rename(_model_load) tgpy_model_load;
PyObject *tgpy_model_load(PyObject *path);
%rename(_model_parse) tgpy_model_parse;
PyObject *tgpy_model_parse(PyObject *text, const char *origin);
%rename(_model_default) tgpy_model_default;
PyObject *tgpy_model_default(void);
%rename(_model_info) tgpy_model_info;
PyObject *tgpy_model_info(PyObject *model);
%rename(_model_rate_constants) tgpy_model_rate_constants;
PyObject *tgpy_model_rate_constants(PyObject *model, PyObject *temperature, PyObject *descriptors);
%rename(_model_steady_states) tgpy_model_steady_states;
PyObject *tgpy_model_steady_states(PyObject *model, PyObject *temperature, PyObject *pressures,
                                   PyObject *descriptors);
%rename(_model_solve) tgpy_model_solve;
PyObject *tgpy_model_solve(PyObject *model, PyObject *temperature, PyObject *pressures, PyObject *t_end,
                           PyObject *t_max, PyObject *tolerance, PyObject *max_iterations, int xrc, PyObject *initial,
                           PyObject *k_scale, PyObject *descriptors, int analyses);
%rename(_model_descriptors) tgpy_model_descriptors;
PyObject *tgpy_model_descriptors(PyObject *model);
%rename(_tof_grid) tgpy_tof_grid;
PyObject *tgpy_tof_grid(MPI_Comm comm, PyObject *model, int xvar, PyObject *xs, int yvar, PyObject *ys, int schedule,
                        int root, double temperature, PyObject *pressures, PyObject *descriptors, int analyses);
%rename(_tof_grid_write) tgpy_tof_grid_write;
PyObject *tgpy_tof_grid_write(MPI_Comm comm, PyObject *model, int xvar, PyObject *xs, int yvar, PyObject *ys,
                              int schedule, const char *path, const char *csv, double temperature, PyObject *pressures,
                              PyObject *descriptors, int analyses);
