/* tofgrid.Error and numpy's C API, shared by the Python glue files. */
#ifndef TOFGRID_PY_ERRORS_H
#define TOFGRID_PY_ERRORS_H

#include <Python.h>

/* Set up numpy's C API and tofgrid.Error in `module` (once, at import). */
int tgpy_init(PyObject *module);
/* Raise tofgrid.Error(tofgrid's last message) with .status; returns NULL. */
PyObject *tgpy_raise_status(int status);
/* Raise tofgrid.Error(formatted message) with .status; returns NULL. */
PyObject *tgpy_raise_message(int status, const char *fmt, ...);

#endif
