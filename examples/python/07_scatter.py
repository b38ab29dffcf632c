"""7. Scatter: 0..9 over the ranks with tofgrid -- one item each at 10 ranks,
uneven blocks (tofgrid.block_range) at other counts.

    mpiexec -n 10 python3 examples/python/07_scatter.py   (or -n 3)
"""
import numpy as np
from mpi4py import MPI

import tofgrid

comm = MPI.COMM_WORLD
mine = tofgrid.scatter(comm, np.arange(10, dtype=np.int64) if comm.rank == 0 else None)
# The whole line in one write: the ranks' output is merged line by line.
print(f"rank {comm.rank} got {' '.join(str(v) for v in mine)}\n", end="", flush=True)
