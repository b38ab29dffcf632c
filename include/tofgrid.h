/**
 * @file tofgrid.h
 * @brief tofgrid: MPI collectives on your communicator, and turnover-frequency
 * maps of surface reactions. Include this one header.
 */
#ifndef TOFGRID_H
#define TOFGRID_H

#include "tofgrid/version.h"
#include "tofgrid/error.h"
#include "tofgrid/types.h"
#include "tofgrid/decomp.h"
#include "tofgrid/collectives.h"
#include "tofgrid/model.h"
#include "tofgrid/grid.h"

#endif
