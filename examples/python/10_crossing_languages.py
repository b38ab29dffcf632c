"""10. Crossing languages: a sub-communicator made with mpi4py, handed to the
C kernel through tofgrid (the same MPI_Comm object on both sides).

    mpiexec -n 2 python3 examples/python/10_crossing_languages.py
"""
import numpy as np
from mpi4py import MPI

import tofgrid

world = MPI.COMM_WORLD
sub = world.Split(color=world.rank, key=0)  # one communicator per rank, from mpi4py
grid = tofgrid.tof_grid(sub, tofgrid.Model.default(), x=("O2_g", np.linspace(0.1, 0.5, 3)),
                        y=("CO_g", np.linspace(0.01, 0.05, 3)))  # C does the work on `sub`
if sub.rank == 0:
    print(f"world rank {world.rank}: sub-communicator of {sub.size} ranks: {grid.tof.size} points, "
          f"TOF {grid.tof.min():.3g} .. {grid.tof.max():.3g} s^-1")
sub.Free()
