"""6. Broadcast: an array of 0..9 from rank 0 to every rank, with tofgrid's bcast.

    mpiexec -n 3 python3 examples/python/06_bcast.py
"""
import numpy as np
from mpi4py import MPI

import tofgrid

comm = MPI.COMM_WORLD
data = np.arange(10, dtype=np.int64) if comm.rank == 0 else np.zeros(10, dtype=np.int64)
tofgrid.bcast(comm, data, root=0)  # in place, on every rank
# The whole line in one write: the ranks' output is merged line by line.
print(f"rank {comm.rank} has {data[0]}..{data[9]} (sum {data.sum()})\n", end="", flush=True)
