"""8. Gather: each rank's number gathered at the root with tofgrid; and a
reduce (their sum).

    mpiexec -n 3 python3 examples/python/08_gather_reduce.py
"""
import numpy as np
from mpi4py import MPI

import tofgrid

comm = MPI.COMM_WORLD
mine = np.array([comm.rank], dtype=np.int64)
everyone = tofgrid.gather(comm, mine)  # on the root; None elsewhere
total = tofgrid.reduce(comm, mine, op="sum")
if comm.rank == 0:
    print("gathered", *everyone)
    print("reduced sum", total[0])
