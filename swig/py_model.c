/* Python glue of the kernel: a model lives in a PyCapsule (freed with it);
 * solve returns a dict of plain values and numpy arrays. */
#define NPY_NO_DEPRECATED_API NPY_1_7_API_VERSION
#define NO_IMPORT_ARRAY
#define PY_ARRAY_UNIQUE_SYMBOL tofgrid_numpy_api
#include "py_model.h"

#include <limits.h>
#include <math.h>

#include <numpy/arrayobject.h>

#include "py_errors.h"
#include "tofgrid.h"

static const char capsule_name[] = "tofgrid.model";

static void capsule_free(PyObject *capsule) { tg_model_free(PyCapsule_GetPointer(capsule, capsule_name)); }

static PyObject *wrap(int rc, tg_model *m)
{
  if (rc) return tgpy_raise_status(rc);
  PyObject *cap = PyCapsule_New(m, capsule_name, capsule_free);
  if (!cap) tg_model_free(m);
  return cap;
}

static tg_model *model_of(PyObject *cap)
{
  tg_model *m = PyCapsule_IsValid(cap, capsule_name) ? PyCapsule_GetPointer(cap, capsule_name) : NULL;
  if (!m) PyErr_Clear(), tgpy_raise_type("expected a tofgrid model (use tofgrid.Model)");
  return m;
}

/* The bytes of a path (str through the file-system encoding, or bytes),
 * whole: a NUL inside would end the C string early and open another file. */
PyObject *tgpy_model_load(PyObject *path)
{
  PyObject *bytes = NULL;
  if (PyUnicode_Check(path)) bytes = PyUnicode_EncodeFSDefault(path);
  else if (PyBytes_Check(path)) bytes = (Py_INCREF(path), path);
  else PyErr_SetString(PyExc_TypeError, "load: the path must be str, bytes or os.PathLike");
  if (!bytes) return NULL;
  char *text = NULL;
  Py_ssize_t n = 0;
  if (PyBytes_AsStringAndSize(bytes, &text, &n) < 0) return Py_DECREF(bytes), NULL;
  if ((Py_ssize_t)strlen(text) != n) {
    PyObject *shown = PyObject_Repr(path);
    tgpy_raise_message(TG_ERR_ARG, "load: the path %s has a NUL byte, where a C file name would end",
                       shown ? PyUnicode_AsUTF8(shown) : "");
    Py_XDECREF(shown);
    Py_DECREF(bytes);
    return NULL;
  }
  tg_model *m = NULL;
  int rc;
  Py_BEGIN_ALLOW_THREADS rc = tg_model_load(text, &m);
  Py_END_ALLOW_THREADS
  Py_DECREF(bytes);
  return wrap(rc, m);
}

/* The text with its length, so a NUL inside reaches tg_model_parse (which
 * refuses it) instead of cutting the text short. */
PyObject *tgpy_model_parse(PyObject *text, const char *origin)
{
  Py_ssize_t length = 0;
  const char *yaml = PyUnicode_AsUTF8AndSize(text, &length);
  if (!yaml) return NULL;
  tg_model *m = NULL;
  int rc;
  /* The caller's arguments keep text alive while other threads run. */
  Py_BEGIN_ALLOW_THREADS rc = tg_model_parse(yaml, (size_t)length, origin, &m);
  Py_END_ALLOW_THREADS
  return wrap(rc, m);
}

PyObject *tgpy_model_default(void)
{
  tg_model *m = NULL;
  int rc = tg_model_default(&m);
  return wrap(rc, m);
}

static PyObject *names(const tg_model *m, int kind)
{
  int n = tg_model_count(m, kind);
  PyObject *list = PyList_New(n);
  for (int i = 0; list && i < n; i++) PyList_SET_ITEM(list, i, PyUnicode_FromString(tg_model_species(m, kind, i)));
  return list;
}

static PyObject *vector(const double *x, int n)
{
  npy_intp dims[1] = {n};
  PyObject *a = PyArray_SimpleNew(1, dims, NPY_FLOAT64);
  if (a) memcpy(PyArray_DATA((PyArrayObject *)a), x, (size_t)n * sizeof *x);
  return a;
}

PyObject *tgpy_model_info(PyObject *cap)
{
  tg_model *m = model_of(cap);
  if (!m) return NULL;
  int ng = tg_model_count(m, TG_GAS), product = tg_model_product(m);
  double T, p[256];
  if (ng > 256) return tgpy_raise_message(TG_ERR_UNSUPPORTED, "model_info: more than 256 gases");
  tg_model_conditions(m, &T, p);
  /* The energy table's surfaces: {name: descriptor values} (volcano figures) */
  PyObject *surfaces = PyDict_New();
  int nd = tg_model_count(m, TG_DESCRIPTOR);
  for (int k = 0; surfaces && k < tg_model_count(m, TG_SURFACE); k++) {
    double d[64];
    PyObject *v = nd <= 64 && tg_model_surface(m, k, d) == TG_SUCCESS ? vector(d, nd) : NULL;
    if (!v || PyDict_SetItemString(surfaces, tg_model_species(m, TG_SURFACE, k), v) < 0) Py_CLEAR(surfaces);
    Py_XDECREF(v);
  }
  if (!surfaces) return NULL;
  /* "N" hands every new reference to the dict (with "O" the product's name leaked per call). */
  return Py_BuildValue(
      "{s:s,s:N,s:N,s:N,s:N,s:i,s:N,s:d,s:N,s:N,s:i}", "name", tg_model_name(m), "adsorbates", names(m, TG_ADSORBATE),
      "transition_states", names(m, TG_TRANSITION_STATE), "sites", names(m, TG_SITE), "gases", names(m, TG_GAS),
      "steps", tg_model_count(m, -1), "product",
      product >= 0 ? PyUnicode_FromString(tg_model_species(m, TG_GAS, product)) : (Py_INCREF(Py_None), Py_None),
      "temperature", T, "pressures", vector(p, ng), "surfaces", surfaces, "analyses", tg_model_analyses(m));
}

/* A bool (Python's or numpy's): a number to Python, never a temperature or a count. */
static int is_bool(PyObject *obj) { return PyBool_Check(obj) || PyArray_IsScalar(obj, Bool); }

/* obj as a double (what float(obj) gives, a bool or str refused), or -1 with
 * a tofgrid error naming the argument: "<fn>: <name> must be <what>, not <type>". */
static int real_of(PyObject *obj, const char *fn, const char *name, const char *what, double *x)
{
  if (!is_bool(obj) && !PyUnicode_Check(obj) && !PyBytes_Check(obj)) {
    *x = PyFloat_AsDouble(obj);
    if (!(*x == -1 && PyErr_Occurred())) return 0;
    if (!PyErr_ExceptionMatches(PyExc_TypeError)) { /* e.g. an int beyond a double's range */
      PyErr_Clear();
      return tgpy_raise_message(TG_ERR_ARG, "%s: %s is out of a double's range", fn, name), -1;
    }
    PyErr_Clear();
  }
  return tgpy_raise_type("%s: %s must be %s, not %.100s", fn, name, what,
                         is_bool(obj) ? "bool" : Py_TYPE(obj)->tp_name),
         -1;
}

static PyArrayObject *doubles(PyObject *obj, int n, const char *what); /* below: n doubles, checked */

/* Python spells "the model's temperature" as None; every number given must
 * be a temperature (0 is refused here, since C reads it as the model's). */
static int temperature_of(PyObject *obj, const char *fn, double *T)
{
  if (!obj || obj == Py_None) {
    *T = TG_MODEL_TEMPERATURE;
    return 0;
  }
  if (real_of(obj, fn, "temperature", "a number (K) or None", T)) return -1;
  if (!(*T > 0) || !isfinite(*T)) {
    tgpy_raise_message(TG_ERR_ARG, "%s: temperature = %g K must be finite and > 0 (None for the model's)", fn, *T);
    return -1;
  }
  return 0;
}

PyObject *tgpy_model_rate_constants(PyObject *cap, PyObject *temperature, PyObject *descriptors)
{
  tg_model *m = model_of(cap);
  double T;
  if (!m || temperature_of(temperature, "rate_constants", &T)) return NULL;
  int ns = tg_model_count(m, -1);
  PyArrayObject *ds = NULL;
  if (descriptors && descriptors != Py_None &&
      !(ds = doubles(descriptors, tg_model_count(m, TG_DESCRIPTOR), "descriptors")))
    return NULL;
  double *k = PyMem_Malloc(2 * (size_t)ns * sizeof *k);
  if (!k) return Py_XDECREF(ds), PyErr_NoMemory();
  int rc = tg_model_rate_constants_at(m, T, ds ? PyArray_DATA(ds) : NULL, k, k + ns);
  Py_XDECREF(ds);
  PyObject *res = rc ? tgpy_raise_status(rc) : Py_BuildValue("(NN)", vector(k, ns), vector(k + ns, ns));
  PyMem_Free(k);
  return res;
}

/* A float64 vector of exactly n values, or NULL with an exception. */
static PyArrayObject *doubles(PyObject *obj, int n, const char *what)
{
  PyArrayObject *a = (PyArrayObject *)PyArray_FROMANY(obj, NPY_FLOAT64, 1, 1, NPY_ARRAY_IN_ARRAY);
  if (!a) {
    PyErr_Clear(); /* numpy's ValueError or TypeError, without .status */
    tgpy_raise_message(TG_ERR_ARG, "solve: %s must be a sequence of %d numbers", what, n);
    return NULL;
  }
  if (PyArray_SIZE(a) != n) {
    Py_DECREF(a);
    tgpy_raise_message(TG_ERR_ARG, "solve: %s needs %d values", what, n);
    return NULL;
  }
  return a;
}

static PyObject *solution_dict(const tg_model *m, const tg_solution *s, int rc);

PyObject *tgpy_model_steady_states(PyObject *cap, PyObject *temperature, PyObject *pressures, PyObject *descriptors)
{
  tg_model *m = model_of(cap);
  double T;
  if (!m || temperature_of(temperature, "steady_states", &T)) return NULL;
  int n = tg_model_count(m, TG_ADSORBATE) + tg_model_count(m, TG_SITE), ng = tg_model_count(m, TG_GAS),
      ns = tg_model_count(m, -1), max = tg_model_count(m, TG_ADSORBATE) + 1, found = 0, rc = 0;
  PyArrayObject *p = NULL, *ds = NULL;
  if (pressures && pressures != Py_None && !(p = doubles(pressures, ng, "pressures"))) return NULL;
  if (descriptors && descriptors != Py_None &&
      !(ds = doubles(descriptors, tg_model_count(m, TG_DESCRIPTOR), "descriptors")))
    return Py_XDECREF(p), NULL;
  tg_solution **s = PyMem_Calloc((size_t)max, sizeof *s);
  if (!s) return Py_XDECREF(p), Py_XDECREF(ds), PyErr_NoMemory();
  for (int k = 0; k < max && !rc; k++) rc = tg_solution_create(m, &s[k]);
  tg_solve_options o = tg_solve_options_default(m);
  o.descriptors = ds ? PyArray_DATA(ds) : NULL;
  if (!rc) {
    const double *pp = p ? PyArray_DATA(p) : NULL;
    Py_BEGIN_ALLOW_THREADS rc = tg_steady_states(m, T, pp, &o, s, max, &found);
    Py_END_ALLOW_THREADS
  }
  PyObject *list = NULL;
  if (rc && rc != TG_ERR_CONVERGENCE) {
    tgpy_raise_status(rc);
  } else {
    list = PyList_New(found);
    for (int k = 0; list && k < found; k++) {
      PyObject *d = solution_dict(m, s[k], 0);
      if (!d) {
        Py_CLEAR(list);
        break;
      }
      PyList_SET_ITEM(list, k, d);
    }
  }
  for (int k = 0; k < max; k++) tg_solution_free(s[k]);
  PyMem_Free(s);
  Py_XDECREF(p);
  Py_XDECREF(ds);
  return list;
}

/* The analyses asked for (flat arrays, as in tg_solution), or None. */
static PyObject *analyses_dict(const tg_model *m, const tg_solution *s)
{
  if (!s->analyses) Py_RETURN_NONE;
  int ng = tg_model_count(m, TG_GAS), np = tg_model_count(m, TG_ADSORBATE) + tg_model_count(m, TG_TRANSITION_STATE);
  return Py_BuildValue("{s:i,s:N,s:N,s:N,s:N,s:N}", "which", s->analyses, "orders", vector(s->orders, ng * ng), "eapp",
                       vector(s->eapp, ng), "rate_control", vector(s->rate_control, ng * np), "selectivity",
                       vector(s->selectivity, ng), "selectivity_control", vector(s->selectivity_control, ng * np));
}

static PyObject *solution_dict(const tg_model *m, const tg_solution *s, int rc)
{
  int n = tg_model_count(m, TG_ADSORBATE) + tg_model_count(m, TG_SITE), ng = tg_model_count(m, TG_GAS),
      ns = tg_model_count(m, -1);
  return Py_BuildValue(
      "{s:i,s:s,s:i,s:i,s:d,s:d,s:i,s:i,s:N,s:N,s:N,s:N,s:N,s:N,s:N}", "status", s->status, "message",
      rc ? tg_error_message() : "", "iterations", s->iterations, "time_steps", s->time_steps, "t_reached", s->t_reached,
      "residual", s->residual, "poisoned_by", s->poisoned_by, "stable", s->stable, "coverages", vector(s->coverages, n),
      "tof", vector(s->tof, ng), "rf", vector(s->rf, ns), "rr", vector(s->rr, ns), "net", vector(s->net, ns), "xrc",
      s->has_xrc ? vector(s->xrc, ns) : (Py_INCREF(Py_None), Py_None), "analyses", analyses_dict(m, s));
}

/* The solver options given (None: the model's); tg_solve judges the values.
 * t_max absent follows a larger t_end, so t_end alone can be raised. */
static int options_of(const tg_model *m, PyObject *t_end, PyObject *t_max, PyObject *tolerance,
                      PyObject *max_iterations, tg_solve_options *o)
{
  *o = tg_solve_options_default(m);
  PyObject *reals[3] = {t_end, t_max, tolerance};
  double *fields[3] = {&o->t_end, &o->t_max, &o->tolerance};
  static const char *const names[3] = {"t_end", "t_max", "tolerance"};
  for (int k = 0; k < 3; k++)
    if (reals[k] && reals[k] != Py_None && real_of(reals[k], "solve", names[k], "a number or None", fields[k]))
      return -1;
  if ((!t_max || t_max == Py_None) && o->t_max < o->t_end) o->t_max = o->t_end;
  if (max_iterations && max_iterations != Py_None) {
    PyObject *whole = is_bool(max_iterations) ? NULL : PyNumber_Index(max_iterations);
    long n = whole ? PyLong_AsLong(whole) : -1;
    Py_XDECREF(whole);
    if (!whole || (n == -1 && PyErr_Occurred()) || n > INT_MAX || n < INT_MIN) {
      int type = !whole; /* not an integer at all (a bool included), rather than one out of range */
      PyErr_Clear();
      PyObject *text = PyObject_Repr(max_iterations);
      const char *shown = text ? PyUnicode_AsUTF8(text) : NULL;
      if (!shown) PyErr_Clear();
      if (is_bool(max_iterations)) shown = PyObject_IsTrue(max_iterations) ? "True (a bool)" : "False (a bool)";
      if (type)
        tgpy_raise_type("solve: max_iterations must be a whole number >= 1, not %.100s", shown ? shown : "this");
      else
        tgpy_raise_message(TG_ERR_ARG, "solve: max_iterations must be a whole number >= 1, not %s",
                           shown ? shown : "this");
      Py_XDECREF(text);
      return -1;
    }
    o->max_iterations = (int)n;
  }
  return 0;
}

PyObject *tgpy_model_solve(PyObject *cap, PyObject *temperature, PyObject *pressures, PyObject *t_end, PyObject *t_max,
                           PyObject *tolerance, PyObject *max_iterations, int xrc, PyObject *initial, PyObject *k_scale,
                           PyObject *descriptors, int analyses)
{
  tg_model *m = model_of(cap);
  double T;
  tg_solve_options o;
  if (!m || temperature_of(temperature, "solve", &T) || options_of(m, t_end, t_max, tolerance, max_iterations, &o))
    return NULL;
  int na = tg_model_count(m, TG_ADSORBATE), n = na + tg_model_count(m, TG_SITE), ng = tg_model_count(m, TG_GAS),
      ns = tg_model_count(m, -1);
  PyArrayObject *p = NULL, *init = NULL, *ks = NULL, *ds = NULL;
  if (pressures && pressures != Py_None && !(p = doubles(pressures, ng, "pressures"))) return NULL;
  if (initial && initial != Py_None && !(init = doubles(initial, na, "initial"))) return Py_XDECREF(p), NULL;
  if (k_scale && k_scale != Py_None && !(ks = doubles(k_scale, ns, "k_scale")))
    return Py_XDECREF(p), Py_XDECREF(init), NULL;
  if (descriptors && descriptors != Py_None &&
      !(ds = doubles(descriptors, tg_model_count(m, TG_DESCRIPTOR), "descriptors")))
    return Py_XDECREF(p), Py_XDECREF(init), Py_XDECREF(ks), NULL;
  o.want_xrc = xrc;
  o.analyses = analyses;
  o.initial = init ? PyArray_DATA(init) : NULL;
  o.k_scale = ks ? PyArray_DATA(ks) : NULL;
  o.descriptors = ds ? PyArray_DATA(ds) : NULL;
  tg_solution *s = NULL;
  int rc = tg_solution_create(m, &s);
  if (!rc) {
    const double *pp = p ? PyArray_DATA(p) : NULL;
    Py_BEGIN_ALLOW_THREADS rc = tg_solve(m, T, pp, &o, s);
    Py_END_ALLOW_THREADS
  }
  PyObject *res = NULL;
  if (rc && rc != TG_ERR_CONVERGENCE) {
    tgpy_raise_status(rc);
  } else {
    res = solution_dict(m, s, rc);
  }
  tg_solution_free(s);
  Py_XDECREF(p);
  Py_XDECREF(init);
  Py_XDECREF(ks);
  Py_XDECREF(ds);
  return res;
}

/* A CatMAP model's descriptors: [(name, lo, hi, n, value)], None where the
 * model states no range or value. */
PyObject *tgpy_model_descriptors(PyObject *cap)
{
  tg_model *m = model_of(cap);
  if (!m) return NULL;
  int nd = tg_model_count(m, TG_DESCRIPTOR);
  PyObject *list = PyList_New(nd);
  for (int k = 0; list && k < nd; k++) {
    double lo, hi, v;
    int64_t n;
    int ranged = tg_model_descriptor(m, k, &lo, &hi, &n, NULL) == TG_SUCCESS,
        valued = tg_model_descriptor(m, k, NULL, NULL, NULL, &v) == TG_SUCCESS;
    PyObject *item = Py_BuildValue("(sNNNN)", tg_model_species(m, TG_DESCRIPTOR, k),
                                   ranged ? PyFloat_FromDouble(lo) : (Py_INCREF(Py_None), Py_None),
                                   ranged ? PyFloat_FromDouble(hi) : (Py_INCREF(Py_None), Py_None),
                                   ranged ? PyLong_FromLongLong(n) : (Py_INCREF(Py_None), Py_None),
                                   valued ? PyFloat_FromDouble(v) : (Py_INCREF(Py_None), Py_None));
    if (!item) return Py_DECREF(list), NULL;
    PyList_SET_ITEM(list, k, item);
  }
  return list;
}

/* The axes of a map from Python sequences (ya stays NULL for a 1-D map). */
static int axes_of(int xvar, PyObject *xs, int yvar, PyObject *ys, PyArrayObject **xa, PyArrayObject **ya, tg_axis *x,
                   tg_axis *y)
{
  *xa = (PyArrayObject *)PyArray_FROMANY(xs, NPY_FLOAT64, 1, 1, NPY_ARRAY_IN_ARRAY);
  if (!*xa) return -1;
  if (ys != Py_None && !(*ya = (PyArrayObject *)PyArray_FROMANY(ys, NPY_FLOAT64, 1, 1, NPY_ARRAY_IN_ARRAY))) {
    Py_CLEAR(*xa);
    return -1;
  }
  *x = (tg_axis){xvar, PyArray_SIZE(*xa), PyArray_DATA(*xa)};
  *y = (tg_axis){yvar, *ya ? PyArray_SIZE(*ya) : 0, *ya ? PyArray_DATA(*ya) : NULL};
  return 0;
}

/* A map's fixed conditions and analyses from Python: T (0: the model's),
 * pressures and descriptors (sequences with NaN for the model's, or None).
 * The arrays it makes are released by options_release. */
static int map_options_of(double T, PyObject *pressures, PyObject *descriptors, int analyses, tg_map_options *o,
                          PyArrayObject **pa, PyArrayObject **da)
{
  *o = (tg_map_options){.temperature = T, .analyses = analyses};
  *pa = *da = NULL;
  if (pressures != Py_None) {
    if (!(*pa = (PyArrayObject *)PyArray_FROMANY(pressures, NPY_FLOAT64, 1, 1, NPY_ARRAY_IN_ARRAY))) return -1;
    o->pressures = PyArray_DATA(*pa);
  }
  if (descriptors != Py_None) {
    if (!(*da = (PyArrayObject *)PyArray_FROMANY(descriptors, NPY_FLOAT64, 1, 1, NPY_ARRAY_IN_ARRAY))) {
      Py_CLEAR(*pa);
      return -1;
    }
    o->descriptors = PyArray_DATA(*da);
  }
  return 0;
}

/* A new numpy array of `nd` dimensions holding a copy of data (NULL: None). */
static PyObject *array_of(int nd, const npy_intp *dims, const void *data, int type, size_t item)
{
  if (!data) Py_RETURN_NONE;
  PyObject *a = PyArray_SimpleNew(nd, (npy_intp *)dims, type);
  if (!a) return NULL;
  size_t n = item;
  for (int k = 0; k < nd; k++) n *= (size_t)dims[k];
  memcpy(PyArray_DATA((PyArrayObject *)a), data, n);
  return a;
}

/* A TOF map over comm; on the root a dict of numpy arrays (the analyses'
 * None unless asked for), None elsewhere. */
PyObject *tgpy_tof_grid(MPI_Comm comm, PyObject *cap, int xvar, PyObject *xs, int yvar, PyObject *ys, int schedule,
                        int root, double T, PyObject *pressures, PyObject *descriptors, int analyses)
{
  tg_model *m = model_of(cap);
  PyArrayObject *xa = NULL, *ya = NULL, *pa = NULL, *da = NULL;
  tg_axis x, y;
  tg_map_options o;
  if (!m || axes_of(xvar, xs, yvar, ys, &xa, &ya, &x, &y)) return NULL;
  if (map_options_of(T, pressures, descriptors, analyses, &o, &pa, &da)) return Py_DECREF(xa), Py_XDECREF(ya), NULL;
  tg_grid g;
  int rc;
  Py_BEGIN_ALLOW_THREADS rc = tg_tof_grid_with(comm, m, &x, ya ? &y : NULL, (tg_schedule)schedule, root, &o, &g);
  Py_END_ALLOW_THREADS
  Py_DECREF(xa);
  Py_XDECREF(ya);
  Py_XDECREF(pa);
  Py_XDECREF(da);
  if (rc) return tgpy_raise_status(rc);
  if (!g.tof) Py_RETURN_NONE; /* not the root */
  npy_intp nx = (npy_intp)g.nx, ny = (npy_intp)g.ny, ng = g.ng, nc = g.ncontrol;
  npy_intp d2[2] = {nx, ny}, gas[3] = {nx, ny, ng}, cov[3] = {nx, ny, g.ncov}, gas2[4] = {nx, ny, ng, ng},
           ctl[4] = {nx, ny, ng, nc}, steps[3] = {nx, ny, g.nsteps};
  size_t f = sizeof(double);
  PyObject *res = Py_BuildValue(
      "{s:N,s:N,s:N,s:N,s:d,s:N,s:N,s:N,s:N,s:N,s:N}", "tof", array_of(3, gas, g.tof, NPY_FLOAT64, f), "coverages",
      array_of(3, cov, g.coverages, NPY_FLOAT64, f), "status", array_of(2, d2, g.status, NPY_INT32, sizeof(int)),
      "iterations", array_of(2, d2, g.iterations, NPY_INT32, sizeof(int)), "seconds", g.seconds, "orders",
      array_of(4, gas2, g.orders, NPY_FLOAT64, f), "eapp", array_of(3, gas, g.eapp, NPY_FLOAT64, f), "rate_control",
      array_of(4, ctl, g.rate_control, NPY_FLOAT64, f), "selectivity", array_of(3, gas, g.selectivity, NPY_FLOAT64, f),
      "selectivity_control", array_of(4, ctl, g.selectivity_control, NPY_FLOAT64, f), "xrc",
      array_of(3, steps, g.xrc, NPY_FLOAT64, f));
  tg_grid_free(&g);
  return res;
}

/* A TOF map written collectively to files (HDF5 at path, CSV at csv; either
 * may be None); None on every rank. */
PyObject *tgpy_tof_grid_write(MPI_Comm comm, PyObject *cap, int xvar, PyObject *xs, int yvar, PyObject *ys,
                              int schedule, const char *path, const char *csv, double T, PyObject *pressures,
                              PyObject *descriptors, int analyses)
{
  tg_model *m = model_of(cap);
  PyArrayObject *xa = NULL, *ya = NULL, *pa = NULL, *da = NULL;
  tg_axis x, y;
  tg_map_options o;
  if (!m || axes_of(xvar, xs, yvar, ys, &xa, &ya, &x, &y)) return NULL;
  if (map_options_of(T, pressures, descriptors, analyses, &o, &pa, &da)) return Py_DECREF(xa), Py_XDECREF(ya), NULL;
  tg_sweep_options so = {.schedule = (tg_schedule)schedule, .csv = csv, .map = &o};
  int rc;
  Py_BEGIN_ALLOW_THREADS rc = tg_tof_grid_file(comm, m, &x, ya ? &y : NULL, path, &so);
  Py_END_ALLOW_THREADS
  Py_DECREF(xa);
  Py_XDECREF(ya);
  Py_XDECREF(pa);
  Py_XDECREF(da);
  if (rc) return tgpy_raise_status(rc);
  Py_RETURN_NONE;
}
