/* tofgrid.Error, tofgrid.ArgumentTypeError and the one import of numpy's C
 * API for the whole module. Every exception tofgrid raises is an Error with
 * .status, whether C or Python code raises it: Error(message, status=TG_ERR_ARG). */
#define NPY_NO_DEPRECATED_API NPY_1_7_API_VERSION
#define PY_ARRAY_UNIQUE_SYMBOL tofgrid_numpy_api
#include "py_errors.h"

#include <numpy/arrayobject.h>
#include <stdarg.h>

#include "tofgrid.h"

static PyObject *tg_error_type, *tg_type_error_type;

/* Error.__init__(self, message, status=TG_ERR_ARG): args is (message,), so
 * str(e) is the message; e.status the code. */
static PyObject *error_init(PyObject *unused, PyObject *args, PyObject *kwargs)
{
  (void)unused;
  static char *names[] = {"self", "message", "status", NULL};
  PyObject *self, *message;
  int status = TG_ERR_ARG;
  if (!PyArg_ParseTupleAndKeywords(args, kwargs, "OO|i:Error", names, &self, &message, &status)) return NULL;
  PyObject *only = PyTuple_Pack(1, message), *code = PyLong_FromLong(status);
  int rc = !only || !code || PyObject_SetAttrString(self, "args", only) || PyObject_SetAttrString(self, "status", code);
  Py_XDECREF(only);
  Py_XDECREF(code);
  if (rc) return NULL;
  Py_RETURN_NONE;
}

static PyMethodDef error_init_def = {"__init__", (PyCFunction)(void (*)(void))error_init, METH_VARARGS | METH_KEYWORDS,
                                     "Error(message, status=TG_ERR_ARG)"};

static PyObject *raise_in(PyObject *type, const char *message, int status)
{
  PyObject *exc = PyObject_CallFunction(type, "si", message, status);
  if (exc) PyErr_SetObject(type, exc);
  Py_XDECREF(exc);
  return NULL;
}

PyObject *tgpy_raise_status(int status) { return raise_in(tg_error_type, tg_error_message(), status); }

/* A formatted message raised as `type` with `status`; a message cut at the
 * buffer's end loses a split UTF-8 character whole (Python would refuse it). */
static PyObject *raise_formatted(PyObject *type, int status, const char *fmt, va_list ap)
{
  char text[512];
  int full = vsnprintf(text, sizeof text, fmt, ap);
  if (full >= (int)sizeof text) {
    size_t n = strlen(text), k = n;
    while (k > 0 && ((unsigned char)text[k - 1] & 0xC0) == 0x80) k--; /* continuation bytes */
    if (k > 0 && (unsigned char)text[k - 1] >= 0xC0) {                /* their lead byte: complete? */
      unsigned char lead = (unsigned char)text[k - 1];
      size_t need = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2;
      if (n - (k - 1) < need) text[k - 1] = 0;
    }
  }
  return raise_in(type, text, status);
}

PyObject *tgpy_raise_message(int status, const char *fmt, ...)
{
  va_list ap;
  va_start(ap, fmt);
  PyObject *r = raise_formatted(tg_error_type, status, fmt, ap);
  va_end(ap);
  return r;
}

PyObject *tgpy_raise_type(const char *fmt, ...)
{
  va_list ap;
  va_start(ap, fmt);
  PyObject *r = raise_formatted(tg_type_error_type, TG_ERR_ARG, fmt, ap);
  va_end(ap);
  return r;
}

/* A new exception class in module, listed in __all__ (SWIG's -builtin
 * module lists its functions there). */
static PyObject *add_class(PyObject *module, const char *name, const char *doc, PyObject *bases, PyObject *dict)
{
  char full[64];
  snprintf(full, sizeof full, "tofgrid.%s", name);
  PyObject *type = PyErr_NewExceptionWithDoc(full, doc, bases, dict);
  if (!type) return NULL;
  Py_INCREF(type); /* one reference kept here, one given to the module */
  if (PyModule_AddObject(module, name, type) < 0) {
    Py_DECREF(type);
    Py_DECREF(type);
    return NULL;
  }
  PyObject *all = PyObject_GetAttrString(module, "__all__"), *str = PyUnicode_FromString(name);
  int rc = (all && str && PyList_Check(all)) ? PyList_Append(all, str) : 0;
  if (!all) PyErr_Clear();
  Py_XDECREF(all);
  Py_XDECREF(str);
  return rc ? NULL : type;
}

int tgpy_init(PyObject *module)
{
  import_array1(-1);
  PyObject *init = PyCFunction_New(&error_init_def, NULL), *method = init ? PyInstanceMethod_New(init) : NULL;
  PyObject *dict = method ? Py_BuildValue("{sO}", "__init__", method) : NULL;
  Py_XDECREF(init);
  Py_XDECREF(method);
  if (!dict) return -1;
  tg_error_type = add_class(module, "Error",
                            "Error(message, status=TG_ERR_ARG): a tofgrid call failed. str(e) says what was wrong "
                            "and in which call; e.status is the status code (tofgrid.TG_ERR_*).",
                            PyExc_RuntimeError, dict);
  Py_DECREF(dict);
  if (!tg_error_type) return -1;
  PyObject *bases = Py_BuildValue("(OO)", tg_error_type, PyExc_TypeError);
  if (!bases) return -1;
  tg_type_error_type = add_class(module, "ArgumentTypeError",
                                 "An argument of the wrong type (not a numpy array, an op that is not a str): "
                                 "a tofgrid.Error (status TG_ERR_ARG) and a TypeError.",
                                 bases, NULL);
  Py_DECREF(bases);
  return tg_type_error_type ? 0 : -1;
}
