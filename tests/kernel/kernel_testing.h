/* What the kernel's tests reach inside the kernel, through the layer's own
 * header (src/kernel/kernel.h), so a changed signature fails to compile:
 * a model's solver knobs and the LU. */
#ifndef TOFGRID_KERNEL_TESTING_H
#define TOFGRID_KERNEL_TESTING_H

#include "kernel/kernel.h"

/* The solver's internal settings of one model (set before solving with it). */
static inline tg__solver_config *tg__model_config(tg_model *m) { return &m->config; }

#endif
