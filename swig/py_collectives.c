/* Python face of the collectives: numpy arrays in and out, every check in C.
 * Arrays must be numpy arrays of a supported dtype, C-contiguous, aligned and
 * in native byte order; anything else raises instead of being misread. */
#define NPY_NO_DEPRECATED_API NPY_1_7_API_VERSION
#define NO_IMPORT_ARRAY
#define PY_ARRAY_UNIQUE_SYMBOL tofgrid_numpy_api
#include "py_collectives.h"

#include <numpy/arrayobject.h>
#include <stdarg.h>
#include <string.h>

#include "py_errors.h"
#include "tofgrid.h"

/* The shape exchange: rows (-1: this rank's arguments were rejected),
 * typenum, ndim, the shape beyond axis 0, the verdict on out (HDR_OUT) and
 * gather's n (HDR_N). */
enum { HDR_MAX_NDIM = 8, HDR_OUT = 2 + HDR_MAX_NDIM, HDR_N = HDR_OUT + 1, HDR_LEN = HDR_N + 1 };
enum { OUT_NONE = -1, OUT_BAD = -2 }; /* hdr[HDR_OUT]: no out here, out rejected; else its rows */
enum { N_NONE = -1 };                 /* hdr[HDR_N]: n not given; else n (>= 0) */

typedef struct pybuf {
  PyArrayObject *arr;
  void *data;
  int64_t count; /* elements */
  tg_dtype dtype;
} pybuf;

/* The tofgrid dtype of a numpy dtype (TG_DTYPE_TABLE's numpy column), -1 if
 * unsupported. This runs on every call: exact type numbers first (integer
 * compares), numpy's equivalents (long vs long long of one size) only after. */
static int dtype_of(PyArray_Descr *d, int size)
{
  if (d->kind == 'i' && size == 1) return TG_BYTE; /* int8 is read as bytes, like uint8 */
  switch (d->type_num) {
#define TGPY_EXACT(e, v, name, ctype, mpi, red, ord, cfi, fortran, npy) \
  case npy: return e;
    TG_DTYPE_TABLE(TGPY_EXACT)
#undef TGPY_EXACT
  }
#define TGPY_EQUIVALENT(e, v, name, ctype, mpi, red, ord, cfi, fortran, npy) \
  if (PyArray_EquivTypenums(d->type_num, npy)) return e;
  TG_DTYPE_TABLE(TGPY_EQUIVALENT)
#undef TGPY_EQUIVALENT
  return -1;
}

/* Check that obj is an array tofgrid can read (and write, if writable). */
static int as_buffer(PyObject *obj, const char *fn, const char *name, int writable, pybuf *b)
{
  if (!PyArray_Check(obj)) {
    tgpy_raise_type("%s: %s must be a numpy.ndarray, not %.100s (use numpy.asarray)", fn, name, Py_TYPE(obj)->tp_name);
    return -1;
  }
  PyArrayObject *arr = (PyArrayObject *)obj;
  PyArray_Descr *d = PyArray_DESCR(arr);
  int size = (int)PyArray_ITEMSIZE(arr);
  int dtype = dtype_of(d, size), ok = dtype >= 0;
  b->dtype = (tg_dtype)dtype;
  if (!ok) {
    PyObject *repr = PyObject_Str((PyObject *)d);
    tgpy_raise_message(TG_ERR_ARG,
                       "%s: %s has dtype %s; supported: int8, uint8, int32, int64, float32, float64, complex128", fn,
                       name, repr ? PyUnicode_AsUTF8(repr) : "?");
    Py_XDECREF(repr);
    return -1;
  }
  if (!PyArray_ISNOTSWAPPED(arr))
    return tgpy_raise_message(TG_ERR_ARG, "%s: %s is not in native byte order", fn, name), -1;
  if (!PyArray_IS_C_CONTIGUOUS(arr))
    return tgpy_raise_message(TG_ERR_ARG, "%s: %s is not C-contiguous (use numpy.ascontiguousarray)", fn, name), -1;
  if (!PyArray_ISALIGNED(arr)) return tgpy_raise_message(TG_ERR_ARG, "%s: %s is not aligned", fn, name), -1;
  if (writable && !PyArray_ISWRITEABLE(arr)) return tgpy_raise_message(TG_ERR_ARG, "%s: %s is read-only", fn, name), -1;
  b->arr = arr;
  b->data = PyArray_DATA(arr);
  b->count = (int64_t)PyArray_SIZE(arr);
  return 0;
}

static int comm_info(MPI_Comm comm, int *size, int *rank)
{
  int rc = tg_comm_info(comm, size, rank);
  if (rc) tgpy_raise_status(rc);
  return rc;
}

/* Rows along axis 0 (a 0-d array counts as one row) and elements per row. */
static void rows_width(PyArrayObject *a, int64_t *rows, int64_t *width)
{
  int nd = PyArray_NDIM(a);
  *rows = nd ? (int64_t)PyArray_DIM(a, 0) : 1;
  *width = 1;
  for (int i = 1; i < nd; i++) *width *= (int64_t)PyArray_DIM(a, i);
}

/* A new array of `rows` rows shaped like `like`'s rows (or of 1-d shape if like is 0-d). */
static PyObject *new_rows(PyArrayObject *like, int64_t rows)
{
  npy_intp dims[NPY_MAXDIMS];
  int nd = PyArray_NDIM(like) ? PyArray_NDIM(like) : 1;
  dims[0] = (npy_intp)rows;
  for (int i = 1; i < nd; i++) dims[i] = PyArray_DIM(like, i);
  PyArray_Descr *d = PyArray_DESCR(like);
  Py_INCREF(d);
  return PyArray_Empty(nd, dims, d, 0);
}

/* op as a Python str, compared in place: SWIG's char* conversion would
 * copy it through a new bytes object and a malloc on every call. NULL
 * (not given) is "sum". */
static int parse_op(PyObject *op, const char *fn, tg_op *out)
{
  static const struct {
    const char *name;
    tg_op op;
  } ops[] = {
#define TGPY_OP(e, v, name, mpi) {name, e},
      TG_OP_TABLE(TGPY_OP)
#undef TGPY_OP
  };
  if (op == NULL) return *out = TG_SUM, 0;
  if (!PyUnicode_Check(op)) {
    tgpy_raise_type("%s: op must be a str ('sum', 'prod', 'min' or 'max'), not %.100s", fn, Py_TYPE(op)->tp_name);
    return -1;
  }
  for (size_t i = 0; i < sizeof ops / sizeof ops[0]; i++)
    if (PyUnicode_CompareWithASCIIString(op, ops[i].name) == 0) return *out = ops[i].op, 0;
  const char *name = PyUnicode_AsUTF8(op);
  if (!name) PyErr_Clear(); /* e.g. a lone surrogate: say "?" */
  tgpy_raise_message(TG_ERR_ARG, "%s: unknown op '%.100s' (use 'sum', 'prod', 'min' or 'max')", fn, name ? name : "?");
  return -1;
}

/* --- bcast / reduce / allreduce: one collective each ------------------- */

PyObject *tgpy_bcast(MPI_Comm comm, PyObject *a, int root)
{
  pybuf b;
  if (as_buffer(a, "bcast", "a", 1, &b)) return NULL;
  int rc = tg_bcast(comm, b.data, b.count, b.dtype, root);
  if (rc) return tgpy_raise_status(rc);
  Py_INCREF(a);
  return a;
}

/* The result buffer: `out` if given (same shape and dtype as a), else a new array. */
static PyObject *result_like(PyObject *out, const pybuf *a, const char *fn, pybuf *r)
{
  if (out == NULL || out == Py_None) {
    PyArray_Descr *d = PyArray_DESCR(a->arr);
    Py_INCREF(d);
    PyObject *res = PyArray_Empty(PyArray_NDIM(a->arr), PyArray_DIMS(a->arr), d, 0);
    if (res && as_buffer(res, fn, "out", 1, r)) Py_CLEAR(res);
    return res;
  }
  if (as_buffer(out, fn, "out", 1, r)) return NULL;
  if (r->dtype != a->dtype || r->count != a->count || !PyArray_EquivTypes(PyArray_DESCR(a->arr), PyArray_DESCR(r->arr)))
    return tgpy_raise_message(TG_ERR_ARG, "%s: out must have the dtype and size of a", fn);
  Py_INCREF(out);
  return out;
}

static PyObject *reduction(MPI_Comm comm, PyObject *a, PyObject *opname, int root, PyObject *out, int all,
                           const char *fn)
{
  pybuf b, r;
  tg_op op;
  int size, rank;
  if (parse_op(opname, fn, &op) || as_buffer(a, fn, "a", 0, &b)) return NULL;
  if (!all && comm_info(comm, &size, &rank)) return NULL; /* allreduce needs neither */
  int receives = all || rank == root;
  if (!all && (root < 0 || root >= size)) /* before the result is allocated */
    return tgpy_raise_message(TG_ERR_ARG, "%s: root %d is outside the communicator (size %d)", fn, root, size);
  PyObject *res = NULL;
  if (receives && !(res = result_like(out, &b, fn, &r))) return NULL;
  const void *send = (res == a) ? TG_IN_PLACE : b.data; /* out is a: in place */
  int rc = all ? tg_allreduce(comm, send, r.data, b.count, b.dtype, op)
               : tg_reduce(comm, send, receives ? r.data : NULL, b.count, b.dtype, op, root);
  if (rc) {
    Py_XDECREF(res);
    return tgpy_raise_status(rc);
  }
  if (res) return res;
  Py_RETURN_NONE;
}

PyObject *tgpy_reduce(MPI_Comm comm, PyObject *a, PyObject *op, int root, PyObject *out)
{
  return reduction(comm, a, op, root, out, 0, "reduce");
}

PyObject *tgpy_allreduce(MPI_Comm comm, PyObject *a, PyObject *op, PyObject *out)
{
  return reduction(comm, a, op, 0, out, 1, "allreduce");
}

/* --- scatter: the root's rows split in blocks ---------------------------- */

/* Per-rank element counts of n rows of `width` in blocks; caller frees. */
static int64_t *block_counts(int64_t n, int64_t width, int size)
{
  int64_t *counts = PyMem_Malloc((size_t)size * sizeof *counts);
  if (!counts) return (int64_t *)PyErr_NoMemory();
  for (int r = 0; r < size; r++) {
    int64_t off, cnt;
    tg_block_range(n, size, r, &off, &cnt);
    counts[r] = cnt * width;
  }
  return counts;
}

static void header_of(PyArrayObject *a, int64_t rows, int64_t *hdr)
{
  memset(hdr, 0, HDR_LEN * sizeof *hdr);
  hdr[0] = rows;
  hdr[1] = PyArray_TYPE(a);
  hdr[2] = PyArray_NDIM(a);
  for (int i = 1; i < PyArray_NDIM(a); i++) hdr[2 + i] = PyArray_DIM(a, i);
}

static PyObject *array_from_header(const int64_t *hdr, int64_t rows)
{
  npy_intp dims[HDR_MAX_NDIM];
  int nd = hdr[2] ? (int)hdr[2] : 1;
  dims[0] = (npy_intp)rows;
  for (int i = 1; i < nd; i++) dims[i] = (npy_intp)hdr[2 + i];
  return PyArray_SimpleNew(nd, dims, (int)hdr[1]);
}

PyObject *tgpy_scatter(MPI_Comm comm, PyObject *a, int root, PyObject *out)
{
  const char *fn = "scatter";
  int size, rank, rc;
  if (comm_info(comm, &size, &rank)) return NULL;
  if (root < 0 || root >= size)
    return tgpy_raise_message(TG_ERR_ARG, "%s: root %d is outside the communicator (size %d)", fn, root, size);
  int have_out = out != NULL && out != Py_None;
  pybuf s = {0}, r = {0};
  int64_t n = 0, width = 1, hdr[HDR_LEN];
  if (rank == root) {
    int bad = as_buffer(a, fn, "a", 0, &s) != 0;
    if (!bad && PyArray_NDIM(s.arr) == 0)
      bad = (tgpy_raise_message(TG_ERR_ARG, "%s: a must have at least one dimension", fn), 1);
    if (!bad && PyArray_NDIM(s.arr) > HDR_MAX_NDIM)
      bad = (tgpy_raise_message(TG_ERR_ARG, "%s: a has more than %d dimensions", fn, HDR_MAX_NDIM), 1);
    if (!bad) rows_width(s.arr, &n, &width);
    if (!have_out) { /* tell the other ranks the shape, or that the root failed */
      if (bad) memset(hdr, 0, sizeof hdr), hdr[0] = -1;
      else header_of(s.arr, n, hdr);
      if ((rc = tg_bcast(comm, hdr, HDR_LEN, TG_INT64, root))) return bad ? NULL : tgpy_raise_status(rc);
    }
    if (bad) return NULL;
  } else if (!have_out) {
    if ((rc = tg_bcast(comm, hdr, HDR_LEN, TG_INT64, root))) return tgpy_raise_status(rc);
    if (hdr[0] < 0)
      return tgpy_raise_message(TG_ERR_ARG, "%s: the root (rank %d) rejected its array; see its error", fn, root);
    n = hdr[0];
    for (int i = 1; i < hdr[2]; i++) width *= hdr[2 + i];
  }
  PyObject *res;
  if (have_out) {
    if (as_buffer(out, fn, "out", 1, &r)) return NULL;
    Py_INCREF(out);
    res = out;
  } else {
    int64_t off, cnt;
    tg_block_range(n, size, rank, &off, &cnt);
    res = rank == root ? new_rows(s.arr, cnt) : array_from_header(hdr, cnt);
    if (!res || as_buffer(res, fn, "out", 1, &r)) return Py_XDECREF(res), NULL;
  }
  int64_t *counts = NULL;
  if (rank == root) {
    if (have_out && r.dtype != s.dtype) {
      Py_DECREF(res);
      return tgpy_raise_message(TG_ERR_ARG, "%s: out and a have different dtypes", fn);
    }
    if (!(counts = block_counts(n, width, size))) return Py_DECREF(res), NULL;
  }
  rc = tg_scatterv(comm, s.data, counts, r.data, r.count, r.dtype, root);
  PyMem_Free(counts);
  if (rc) return Py_DECREF(res), tgpy_raise_status(rc);
  return res;
}

/* --- gather / allgather: everyone's rows, concatenated in rank order ---- */

/* `out` for a result of `rows` rows shaped like a's rows: writable, with
 * a's dtype and exactly that shape (numpy's out= convention). rows < 0:
 * not known yet (before the shape exchange): every other check, without
 * raising. */
static int out_fits(PyObject *out, PyArrayObject *like, int64_t rows, const char *fn, pybuf *r)
{
  if (as_buffer(out, fn, "out", 1, r)) return rows < 0 ? (PyErr_Clear(), -1) : -1;
  int nd = PyArray_NDIM(like) ? PyArray_NDIM(like) : 1;
  int ok = PyArray_EquivTypes(PyArray_DESCR(like), PyArray_DESCR(r->arr)) && PyArray_NDIM(r->arr) == nd &&
           (rows < 0 || PyArray_DIM(r->arr, 0) == rows);
  for (int i = 1; ok && i < nd; i++) ok = PyArray_DIM(r->arr, i) == PyArray_DIM(like, i);
  if (!ok && rows >= 0)
    tgpy_raise_message(TG_ERR_ARG, "%s: out must have a's dtype and the result's shape: %lld rows shaped like a's rows",
                       fn, (long long)rows);
  return ok ? 0 : -1;
}

static PyObject *out_rows(PyObject *out, PyArrayObject *like, int64_t rows, const char *fn, pybuf *r)
{
  if (out_fits(out, like, rows, fn, r)) return NULL;
  Py_INCREF(out);
  return out;
}

/* n as given: N_NONE for None, else an int >= 0 (bool refused: True is no
 * row count). -1 with an exception if it is neither. */
static int n_of(PyObject *nobj, int size, int rank, const char *fn, int64_t *n)
{
  *n = N_NONE;
  if (nobj == NULL || nobj == Py_None) return 0;
  if (!PyLong_Check(nobj) || PyBool_Check(nobj))
    return tgpy_raise_type("%s: n must be an int or None, not %.100s", fn, Py_TYPE(nobj)->tp_name), -1;
  long long v = PyLong_AsLongLong(nobj);
  if (v == -1 && PyErr_Occurred()) {
    PyErr_Clear();
    return tgpy_raise_message(TG_ERR_ARG, "%s: n does not fit in 64 bits", fn), -1;
  }
  int64_t off, cnt;
  int rc = tg_block_range(v, size, rank, &off, &cnt); /* refuses n < 0 */
  if (rc) return tgpy_raise_status(rc), -1;
  *n = v;
  return 0;
}

/* "n = 6" or "n not given", for messages. */
static const char *n_text(int64_t n, char *buf, size_t len)
{
  if (n == N_NONE) return "not given";
  snprintf(buf, len, "n = %lld", (long long)n);
  return buf;
}

/* Every rank's arguments against every other's, from the exchanged headers
 * alone (the same on every rank), so that all ranks fail together: 0 if
 * they agree, else -1 with this rank's exception set. */
static int agree(const int64_t *hdrs, const int64_t *mine, int size, int rank, int64_t n, PyObject *out,
                 PyArrayObject *like, const char *fn, pybuf *r)
{
  char a[32], b[32];
  for (int q = 0; q < size; q++) {
    const int64_t *h = hdrs + (size_t)q * HDR_LEN;
    if (h[0] < 0) return tgpy_raise_message(TG_ERR_ARG, "%s: rank %d rejected its arguments; see its error", fn, q), -1;
  }
  for (int q = 1; q < size; q++) { /* n is not a local choice: the first collective depended on it */
    int p = 0;
    if (hdrs[(size_t)q * HDR_LEN + HDR_N] == hdrs[HDR_N]) continue;
    if (hdrs[HDR_N] == N_NONE) p = q, q = 0; /* the rank that gave n first */
    return tgpy_raise_message(TG_ERR_ARG,
                              "%s: %s on rank %d, %s on rank %d (pass the same n on every rank, or on none)", fn,
                              n_text(hdrs[(size_t)p * HDR_LEN + HDR_N], a, sizeof a), p,
                              n_text(hdrs[(size_t)q * HDR_LEN + HDR_N], b, sizeof b), q),
           -1;
  }
  for (int q = 0; q < size; q++) {
    const int64_t *h = hdrs + (size_t)q * HDR_LEN;
    if (h[HDR_N] == N_NONE) break;
    int64_t off, cnt;
    tg_block_range(h[HDR_N], size, q, &off, &cnt);
    if (h[0] != cnt)
      return (q == rank
                  ? tgpy_raise_message(TG_ERR_ARG, "%s: a has %lld rows but this rank's block of n = %lld has %lld", fn,
                                       (long long)h[0], (long long)h[HDR_N], (long long)cnt)
                  : tgpy_raise_message(TG_ERR_ARG, "%s: rank %d holds %lld rows, its block of n = %lld has %lld", fn, q,
                                       (long long)h[0], (long long)h[HDR_N], (long long)cnt)),
             -1;
  }
  for (int q = 0; q < size; q++) {
    const int64_t *h = hdrs + (size_t)q * HDR_LEN;
    if (q == rank && h[HDR_OUT] != OUT_NONE && out_fits(out, like, n, fn, r))
      return -1; /* this rank's out, refused with the result's shape now known */
    if (h[HDR_OUT] == OUT_BAD)
      return tgpy_raise_message(TG_ERR_ARG, "%s: rank %d rejected its out; see its error", fn, q), -1;
    if (h[HDR_OUT] >= 0 && h[HDR_OUT] != n)
      return tgpy_raise_message(TG_ERR_ARG, "%s: rank %d's out has %lld rows, the result %lld", fn, q,
                                (long long)h[HDR_OUT], (long long)n),
             -1;
    int same = h[1] == mine[1] && (h[2] > 1 ? h[2] : 1) == (mine[2] > 1 ? mine[2] : 1);
    for (int i = 3; same && i < HDR_OUT; i++) same = h[i] == mine[i];
    if (!same)
      return tgpy_raise_message(TG_ERR_ARG,
                                "%s: rank %d's array differs from rank %d's in dtype or in shape beyond the first axis",
                                fn, q, rank),
             -1;
  }
  return 0;
}

/* Every rank first exchanges a header (its shape, dtype, n and its verdict
 * on out) so that all of them agree on success or failure: every local
 * check is made before, and the header says whether it failed. n given on
 * some ranks only, or different ones, is caught there too (the exchange is
 * the same collective whatever the arguments; a call with n skipping it ran
 * the data against the others' headers: garbage on one rank, a nonsense
 * message on the other). */
static PyObject *gathering(MPI_Comm comm, PyObject *a, int root, PyObject *nobj, PyObject *out, int all, const char *fn)
{
  int size, rank, rc;
  if (comm_info(comm, &size, &rank)) return NULL;
  if (!all && (root < 0 || root >= size))
    return tgpy_raise_message(TG_ERR_ARG, "%s: root %d is outside the communicator (size %d)", fn, root, size);
  int receives = all || rank == root, has_out = out != NULL && out != Py_None;
  pybuf s = {0}, r = {0};
  int64_t rows = 0, width = 1, n = N_NONE, given;
  int bad = n_of(nobj, size, rank, fn, &given) != 0;
  if (!bad) bad = as_buffer(a, fn, "a", 0, &s) != 0;
  if (!bad && PyArray_NDIM(s.arr) > HDR_MAX_NDIM)
    bad = (tgpy_raise_message(TG_ERR_ARG, "%s: a has more than %d dimensions", fn, HDR_MAX_NDIM), 1);
  if (!bad) rows_width(s.arr, &rows, &width);
  int64_t mine[HDR_LEN], *counts = NULL, *hdrs;
  if (bad) memset(mine, 0, sizeof mine), mine[0] = -1;
  else header_of(s.arr, rows, mine);
  mine[HDR_N] = bad ? N_NONE : given;
  mine[HDR_OUT] = OUT_NONE;
  if (!bad && receives && has_out) /* this rank raises its own message after */
    mine[HDR_OUT] = out_fits(out, s.arr, -1, fn, &r) ? OUT_BAD : (int64_t)PyArray_DIM(r.arr, 0);
  if (!(hdrs = PyMem_Malloc((size_t)size * sizeof mine))) return bad ? NULL : PyErr_NoMemory();
  if ((rc = tg_allgather(comm, mine, hdrs, HDR_LEN, TG_INT64)))
    return PyMem_Free(hdrs), bad ? NULL : tgpy_raise_status(rc);
  if (bad) return PyMem_Free(hdrs), NULL; /* this rank's own exception; the others hear of it */
  n = 0;
  for (int q = 0; q < size; q++) n += hdrs[(size_t)q * HDR_LEN] > 0 ? hdrs[(size_t)q * HDR_LEN] : 0;
  if (agree(hdrs, mine, size, rank, n, out, s.arr, fn, &r)) return PyMem_Free(hdrs), NULL;
  int equal = 1; /* every rank holds the same number of rows: one MPI_Gather */
  for (int q = 0; q < size; q++) equal &= hdrs[(size_t)q * HDR_LEN] == mine[0];
  if (receives && !equal) {
    if (!(counts = PyMem_Malloc((size_t)size * sizeof *counts))) return PyMem_Free(hdrs), PyErr_NoMemory();
    for (int q = 0; q < size; q++) counts[q] = hdrs[(size_t)q * HDR_LEN] * width;
  }
  PyMem_Free(hdrs);
  PyObject *res = NULL;
  if (receives) {
    if (has_out) res = out_rows(out, s.arr, n, fn, &r);
    else if ((res = new_rows(s.arr, n)) && as_buffer(res, fn, "result", 1, &r)) Py_CLEAR(res);
    if (!res) return PyMem_Free(counts), NULL;
  }
  if (equal)
    rc = all ? tg_allgather(comm, s.data, r.data, s.count, s.dtype)
             : tg_gather(comm, s.data, r.data, s.count, s.dtype, root);
  else
    rc = all ? tg_allgatherv(comm, s.data, s.count, r.data, counts, s.dtype)
             : tg_gatherv(comm, s.data, s.count, r.data, counts, s.dtype, root);
  PyMem_Free(counts);
  if (rc) return Py_XDECREF(res), tgpy_raise_status(rc);
  if (res) return res;
  Py_RETURN_NONE;
}

PyObject *tgpy_gather(MPI_Comm comm, PyObject *a, int root, PyObject *n, PyObject *out)
{
  return gathering(comm, a, root, n, out, 0, "gather");
}

PyObject *tgpy_allgather(MPI_Comm comm, PyObject *a, PyObject *n, PyObject *out)
{
  return gathering(comm, a, 0, n, out, 1, "allgather");
}

/* --- helpers --------------------------------------------------------------- */

PyObject *tgpy_block_range(long long n, int size, int rank)
{
  int64_t off, cnt;
  int rc = tg_block_range(n, size, rank, &off, &cnt);
  if (rc) return tgpy_raise_status(rc);
  return Py_BuildValue("(LL)", (long long)off, (long long)cnt);
}

const char *tgpy_mpi_library_version(void) { return tg_mpi_library_version(); }

/* The MPI tofgrid was compiled against, from its mpi.h: a run-time check cannot
 * tell, as the library that answers MPI_Get_library_version may be mpi4py's. */
const char *tgpy_mpi_built_with(void)
{
#if defined(OPEN_MPI)
  return "Open MPI";
#elif defined(I_MPI_VERSION)
  return "Intel(R) MPI";
#elif defined(MPICH_VERSION)
  return "MPICH";
#else
  return "";
#endif
}
