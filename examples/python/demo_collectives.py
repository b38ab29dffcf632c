"""tofgrid's collectives from Python, on an mpi4py communicator.

    mpiexec -n 2 python3 examples/python/demo_collectives.py

Splits COMM_WORLD into even and odd ranks with mpi4py, scatters 0..9 in
blocks on each half, sums each block, gathers and reduces the partial sums.
"""
import numpy as np
from mpi4py import MPI

import tofgrid

world = MPI.COMM_WORLD
half = world.Split(world.rank % 2, world.rank)  # your communicator, shared with tofgrid

mine = tofgrid.scatter(half, np.arange(10.0) if half.rank == 0 else None)
partial = np.array([mine.sum()])
partials = tofgrid.gather(half, partial)  # the full array on the root, None elsewhere
total = tofgrid.allreduce(half, partial)
if half.rank == 0:
    sums = " ".join(f"{p:g}" for p in partials)
    print(f"half {world.rank % 2} ({half.size} ranks): partial sums {sums}, total {total[0]:g}")
half.Free()
