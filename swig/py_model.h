/* The Python face of the TOF kernel: models as capsules, solves returning
 * dicts of numpy arrays. The class layer is Python (tofgrid/model.py). */
#ifndef TOFGRID_PY_MODEL_H
#define TOFGRID_PY_MODEL_H

#include <Python.h>
#include <mpi.h>

PyObject *tgpy_model_load(PyObject *path);
PyObject *tgpy_model_parse(PyObject *text, const char *origin);
PyObject *tgpy_model_default(void);
PyObject *tgpy_model_info(PyObject *model);
PyObject *tgpy_model_rate_constants(PyObject *model, PyObject *temperature, PyObject *descriptors);
PyObject *tgpy_model_steady_states(PyObject *model, PyObject *temperature, PyObject *pressures, PyObject *descriptors);
PyObject *tgpy_model_descriptors(PyObject *model);
PyObject *tgpy_model_solve(PyObject *model, PyObject *temperature, PyObject *pressures, PyObject *t_end,
                           PyObject *t_max, PyObject *tolerance, PyObject *max_iterations, int xrc, PyObject *initial,
                           PyObject *k_scale, PyObject *descriptors, int analyses);

PyObject *tgpy_tof_grid(MPI_Comm comm, PyObject *model, int xvar, PyObject *xs, int yvar, PyObject *ys, int schedule,
                        int root, double temperature, PyObject *pressures, PyObject *descriptors, int analyses);

PyObject *tgpy_tof_grid_write(MPI_Comm comm, PyObject *model, int xvar, PyObject *xs, int yvar, PyObject *ys,
                              int schedule, const char *path, const char *csv, double temperature, PyObject *pressures,
                              PyObject *descriptors, int analyses);

#endif
