/* tofgrid.Error (with .status), tofgrid.ArgumentTypeError and numpy's C
 * API, shared by the Python glue files. */
#ifndef TOFGRID_PY_ERRORS_H
#define TOFGRID_PY_ERRORS_H

#include <Python.h>

/* Set up numpy's C API, tofgrid.Error and tofgrid.ArgumentTypeError in
 * `module` (once, at import). */
int tgpy_init(PyObject *module);
/* Raise tofgrid.Error(tofgrid's last message) with .status; returns NULL. */
PyObject *tgpy_raise_status(int status);
/* Raise tofgrid.Error(formatted message) with .status; returns NULL. */
PyObject *tgpy_raise_message(int status, const char *fmt, ...);
/* Raise tofgrid.ArgumentTypeError(formatted message) (a TypeError too;
 * .status TG_ERR_ARG); returns NULL. */
PyObject *tgpy_raise_type(const char *fmt, ...);

#endif
