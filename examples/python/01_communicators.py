"""1. Communicators: COMM_WORLD and COMM_SELF, rank, size, group, Split --
then a tofgrid collective on the split communicator.

    mpiexec -n 4 python3 examples/python/01_communicators.py
"""
import numpy as np
from mpi4py import MPI

import tofgrid

world = MPI.COMM_WORLD
rank, size = world.Get_rank(), world.Get_size()  # who am I, how many are we
self_size = MPI.COMM_SELF.Get_size()  # COMM_SELF: just me
group = world.Get_group()  # the group behind a communicator
if rank == 0:
    print(f"world size {size}, self size {self_size}, group size {group.Get_size()}")
group.Free()

half = world.Split(color=rank % 2, key=rank)  # even and odd ranks, each their own communicator
total = tofgrid.allreduce(half, np.array([rank], dtype=np.int64))  # a tofgrid collective on it
if half.Get_rank() == 0:
    print(f"split {'odd' if rank % 2 else 'even'}: {half.Get_size()} ranks, sum of world ranks {total[0]}")
half.Free()
