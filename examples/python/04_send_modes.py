"""4. The four send modes side by side: standard, buffered (into a buffer we
attach), synchronous (completes when the receive has started), ready
(allowed only once the receive is posted). Buffers: upper-case methods.

    mpiexec -n 2 python3 examples/python/04_send_modes.py
"""
import numpy as np
from mpi4py import MPI

comm = MPI.COMM_WORLD
data = np.arange(10, dtype=np.int32)
modes = ["standard", "buffered", "synchronous", "ready"]
if comm.rank == 0:
    comm.Send(data, dest=1, tag=0)
    buf = MPI.Alloc_mem(data.nbytes + MPI.BSEND_OVERHEAD)
    MPI.Attach_buffer(buf)  # Bsend copies into it and returns
    comm.Bsend(data, dest=1, tag=1)
    MPI.Detach_buffer()  # waits until the buffered message has left
    MPI.Free_mem(buf)
    comm.Ssend(data, dest=1, tag=2)
    comm.Barrier()  # rank 1 has posted its receive for the ready send
    comm.Rsend(data, dest=1, tag=3)
elif comm.rank == 1:
    got = np.empty(10, dtype=np.int32)
    for tag in range(3):
        comm.Recv(got, source=0, tag=tag)
        print(f"{modes[tag]} send: received {got[0]}..{got[9]}")
    req = comm.Irecv(got, source=0, tag=3)
    comm.Barrier()
    req.Wait()
    print(f"{modes[3]} send: received {got[0]}..{got[9]}")
else:
    comm.Barrier()
