"""5. Buffer messages: a typed array (int32 0..9) sent and received as a
buffer (upper-case methods), not pickled as an object.

    mpiexec -n 2 python3 examples/python/05_buffers.py
"""
import numpy as np
from mpi4py import MPI

comm = MPI.COMM_WORLD
if comm.rank == 0:
    comm.Send([np.arange(10, dtype=np.int32), MPI.INT32_T], dest=1, tag=13)
elif comm.rank == 1:
    data = np.empty(10, dtype=np.int32)  # the receiver provides the buffer
    comm.Recv([data, MPI.INT32_T], source=0, tag=13)
    print("rank 1 received int32 buffer", *data)
