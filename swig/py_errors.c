/* tofgrid.Error and the one import of numpy's C API for the whole module. */
#define NPY_NO_DEPRECATED_API NPY_1_7_API_VERSION
#define PY_ARRAY_UNIQUE_SYMBOL tofgrid_numpy_api
#include "py_errors.h"

#include <numpy/arrayobject.h>
#include <stdarg.h>

#include "tofgrid.h"

static PyObject *tg_error_type;

static PyObject *raise_error(const char *message, int status)
{
  PyObject *exc = PyObject_CallFunction(tg_error_type, "s", message);
  if (!exc) return NULL;
  PyObject *code = PyLong_FromLong(status);
  if (code && PyObject_SetAttrString(exc, "status", code) == 0) PyErr_SetObject(tg_error_type, exc);
  Py_XDECREF(code);
  Py_DECREF(exc);
  return NULL;
}

PyObject *tgpy_raise_status(int status) { return raise_error(tg_error_message(), status); }

PyObject *tgpy_raise_message(int status, const char *fmt, ...)
{
  char text[512];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(text, sizeof text, fmt, ap);
  va_end(ap);
  return raise_error(text, status);
}

int tgpy_init(PyObject *module)
{
  import_array1(-1);
  tg_error_type = PyErr_NewExceptionWithDoc(
      "tofgrid.Error",
      "A tofgrid call failed. str(e) says what was wrong and in which call; e.status is the status code.",
      PyExc_RuntimeError, NULL);
  if (!tg_error_type) return -1;
  Py_INCREF(tg_error_type);
  if (PyModule_AddObject(module, "Error", tg_error_type) < 0) {
    Py_DECREF(tg_error_type);
    return -1;
  }
  /* SWIG's -builtin module lists its functions in __all__; Error belongs there too. */
  PyObject *all = PyObject_GetAttrString(module, "__all__"), *name = PyUnicode_FromString("Error");
  int rc = (all && name && PyList_Check(all)) ? PyList_Append(all, name) : 0;
  if (!all) PyErr_Clear();
  Py_XDECREF(all);
  Py_XDECREF(name);
  return rc;
}
