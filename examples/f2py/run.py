#!/usr/bin/env python3
"""The tutorial's F2PY route (examples/f2py/rank_tofs.f90): a user's Fortran subroutine,
compiled with numpy.f2py, gets an mpi4py communicator as comm.py2f() and calls tofgrid on it;
Python checks the Fortran's sum with tofgrid's own allreduce on the same communicator.
Built and run by the test example.f2py (examples/f2py/run_f2py.cmake)."""
import numpy as np
from mpi4py import MPI

import rank_tofs  # the f2py extension module
import tofgrid

world = MPI.COMM_WORLD
comm = world.Split(world.rank % 2)  # any communicator, not only COMM_WORLD
p_co = np.geomspace(1e-7, 1e-6, comm.size)  # the tutorial model's active range (1 = 101325 Pa)
mine, total, ierr = rank_tofs.rank_tofs(comm.py2f(), p_co)
check = tofgrid.allreduce(comm, np.array([mine]))[0]
expected = tofgrid.Model.default().solve(pressures={"CO_g": p_co[comm.rank]}).tof
ok = ierr == 0 and total == check and mine == expected
print(f"world rank {world.rank}: Fortran (f2py) TOF {mine:.6g}, sum over {comm.size} ranks {total:.6g}, "
      f"Python's sum {check:.6g}: {'same' if ok else 'DIFFERENT'}", flush=True)
if world.allreduce(not ok, op=MPI.LOR):
    raise SystemExit("f2py: the Fortran and Python results differ")
if world.rank == 0:
    print("f2py: Python, Fortran and tofgrid agree on every communicator")
